import { DEFAULT_CONFIG, type ConfigFileData, type ConfigProblem, type ConfigSource, type LoadedConfig, type ShipshapeConfig } from "./types.js";

export type ParseYaml = (text: string) => unknown;
export type SchemaCheck = (data: unknown) => { valid: true } | { valid: false; errors: Array<{ key: string; message: string }> };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep merge where `over` wins; arrays are replaced, not concatenated, so a project can narrow a list. */
function merge<T>(base: T, over: unknown): T {
  if (!isRecord(base) || !isRecord(over)) return (over === undefined ? base : over) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] = key in out ? merge(out[key], value) : value;
  }
  return out as T;
}

/**
 * Turns config file texts (user first, project last) into one resolved config. A file that does not
 * parse or does not match the schema contributes nothing, and its problems are reported: the checks
 * then run on what remains, which for a broken project file means the defaults.
 */
export function resolveConfig(sources: ConfigSource[], parseYaml: ParseYaml, check: SchemaCheck): LoadedConfig {
  let config: ShipshapeConfig = DEFAULT_CONFIG;
  const problems: ConfigProblem[] = [];
  for (const source of sources) {
    let data: unknown;
    try {
      data = parseYaml(source.text);
    } catch (error) {
      problems.push({ file: source.path, key: "(file)", message: `is not valid YAML: ${firstLine((error as Error).message)}` });
      continue;
    }
    if (data === null || data === undefined) continue;
    const result = check(data);
    if (!result.valid) {
      for (const error of result.errors) problems.push({ file: source.path, key: error.key, message: error.message });
      continue;
    }
    config = merge(config, data as ConfigFileData);
  }
  return { config, files: sources.map((source) => source.path), problems, degraded: problems.length > 0 };
}

/** The error's first line, without the colon that introduced the excerpt after it. */
function firstLine(text: string): string {
  return (text.split("\n")[0] ?? text).replace(/:$/, "");
}

export function describeProblems(loaded: LoadedConfig): string | undefined {
  if (loaded.problems.length === 0) return undefined;
  const lines = loaded.problems.map((problem) => `  ${problem.file}: ${problem.key}: ${problem.message}`);
  return (
    "shipshape: the configuration has problems, so the files below are ignored and the guards run on " +
    `their defaults until they are fixed:\n${lines.join("\n")}`
  );
}

/**
 * The refusal for every tool call while a config file cannot be read at all (not a file that is
 * merely wrong): it may name secrets or allow paths, and guessing either way could leak or block
 * the wrong thing, so nothing passes until it can be read.
 */
export function unreadableConfigReason(loaded: LoadedConfig): string | undefined {
  const unreadable = loaded.problems.filter((problem) => problem.unreadable);
  if (unreadable.length === 0) return undefined;
  const lines = unreadable.map((problem) => `  ${problem.file}: ${problem.message}`);
  return (
    "shipshape blocked this tool call: it cannot read its configuration, which may name secret files " +
    `the guard must not let through:\n${lines.join("\n")}\n` +
    "Nothing was run. Tell the user: every tool call stays blocked until the file can be read (fix its " +
    "permissions; for the in-process guard, make sure `node` 20 or later is on PATH), or is removed."
  );
}
