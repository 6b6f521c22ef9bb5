import type { HostIO } from "../runtime/io.js";
import { DEFAULT_CONFIG, type ConfigSource, type LoadedConfig } from "./types.js";
import { trimTrailingSlashes } from "../runtime/paths.js";

export interface ConfigLocations {
  projectDir: string;
  home: string | undefined;
}

export function configPaths(locations: ConfigLocations): string[] {
  const paths: string[] = [];
  if (locations.home) paths.push(`${trimTrailingSlashes(locations.home)}/.claude/shipshape.yaml`);
  paths.push(`${trimTrailingSlashes(locations.projectDir)}/.claude/shipshape.yaml`);
  return paths;
}

/** A store for resolved configs keyed by the files' identity, so YAML is parsed only when a file changes. */
export interface ConfigCache {
  get(key: string): LoadedConfig | undefined;
  set(key: string, value: LoadedConfig): void;
}

/** Resolves files' texts to a config: in the same process (command hooks), or in another (the module). */
export type ConfigResolver = (sources: ConfigSource[]) => LoadedConfig | Promise<LoadedConfig>;

/**
 * Finds the user and project config files through HostIO and resolves them. The resolver (YAML +
 * schema) is passed in so that the command hooks can load it lazily and only on a cache miss.
 */
export async function loadConfig(
  io: HostIO,
  locations: ConfigLocations,
  resolver: () => ConfigResolver,
  cache?: ConfigCache,
): Promise<LoadedConfig> {
  const present: Array<{ path: string; identity: string }> = [];
  const problems: LoadedConfig["problems"] = [];
  // Both files are looked at together: in-process, each look is a round trip through Claude Code.
  const paths = configPaths(locations);
  const looks = await Promise.allSettled(paths.map((path) => io.stat(path)));
  looks.forEach((look, index) => {
    const path = paths[index] as string;
    if (look.status === "rejected") {
      problems.push({ file: path, key: "(file)", message: `cannot be read: ${(look.reason as Error)?.message ?? String(look.reason)}`, unreadable: true });
      return;
    }
    const info = look.value;
    if (!info) return;
    if (info.kind !== "file") {
      problems.push({ file: path, key: "(file)", message: "is not a regular file" });
      return;
    }
    present.push({ path, identity: `${path}\u0000${info.size}\u0000${info.mtimeMs}` });
  });
  if (present.length === 0) {
    return { config: DEFAULT_CONFIG, files: [], problems, degraded: problems.length > 0 };
  }
  const key = present.map((entry) => entry.identity).join("\u0001");
  if (problems.length === 0) {
    const hit = cache?.get(key);
    if (hit) return hit;
  }
  const sources: ConfigSource[] = [];
  for (const entry of present) {
    try {
      const text = await io.readText(entry.path);
      if (text !== undefined) sources.push({ path: entry.path, text });
    } catch (error) {
      problems.push({ file: entry.path, key: "(file)", message: `cannot be read: ${(error as Error).message}`, unreadable: true });
    }
  }
  const resolved = await resolver()(sources);
  const loaded: LoadedConfig = {
    ...resolved,
    problems: [...problems, ...resolved.problems],
    degraded: resolved.degraded || problems.length > 0,
  };
  if (problems.length === 0) cache?.set(key, loaded);
  return loaded;
}
