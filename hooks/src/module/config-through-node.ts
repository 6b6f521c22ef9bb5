/**
 * The hooks module's config resolver: runs hooks/dist/resolve-config.cjs (YAML + schema) in a `node`
 * process, through the same HostIO.run the verification commands use. Whatever goes wrong (no node,
 * a crash, a timeout, output that is not a resolved config) is a problem with every file given, so the
 * checks run on their defaults and say so, as they do for a file that does not parse.
 */
import type { ConfigResolver } from "../config/load-config.js";
import { DEFAULT_CONFIG, type ConfigSource, type LoadedConfig } from "../config/types.js";
import type { HostIO } from "../runtime/io.js";

export const RESOLVE_TIMEOUT_MS = 10_000;

export function resolverThroughNode(io: HostIO, script: string | undefined, cwd: string): ConfigResolver {
  return async (sources) => {
    if (script === undefined) return failed(sources, "the plugin's folder is unknown (CLAUDE_PLUGIN_ROOT is not set)");
    let result;
    try {
      result = await io.run(["node", script], { cwd, stdin: JSON.stringify(sources), timeoutMs: RESOLVE_TIMEOUT_MS });
    } catch (error) {
      return failed(sources, `node could not be run (${error instanceof Error ? error.message : String(error)})`);
    }
    if (result.timedOut || result.exitCode !== 0) {
      const why = result.timedOut ? `timed out after ${RESOLVE_TIMEOUT_MS / 1000} s` : `exited with ${result.exitCode ?? "a signal"}`;
      return failed(sources, `node ${script} ${why}${result.stderr.trim() ? `: ${result.stderr.trim().split("\n")[0]}` : ""}`);
    }
    try {
      const loaded: unknown = JSON.parse(result.stdout);
      if (isLoadedConfig(loaded)) return loaded;
    } catch {
      // Reported below with the other shapes that are not a resolved config.
    }
    return failed(sources, `node ${script} printed something other than a resolved config`);
  };
}

function isLoadedConfig(value: unknown): value is LoadedConfig {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const config = v.config as Record<string, unknown> | undefined;
  return (
    typeof config === "object" && config !== null && typeof config.secrets === "object" && typeof config.commit === "object" &&
    Array.isArray(v.files) && Array.isArray(v.problems) && typeof v.degraded === "boolean"
  );
}

function failed(sources: ConfigSource[], why: string): LoadedConfig {
  return {
    config: DEFAULT_CONFIG,
    files: sources.map((source) => source.path),
    problems: sources.map((source) => ({ file: source.path, key: "(file)", message: `could not be read in-process: ${why}`, unreadable: true as const })),
    degraded: true,
  };
}
