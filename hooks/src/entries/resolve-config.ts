/**
 * `node hooks/dist/resolve-config.cjs`: resolves config files for the hooks module. The module cannot
 * carry the YAML parser and the schema validator (Claude Code scans a module's code at every session
 * start, about 2 ms per KB, and they are half of it), so it hands the files' texts here on stdin, as
 * JSON, only when a file changed, and reads the resolved config back from stdout.
 */
import { writeSync } from "node:fs";
import type { ConfigResolver } from "../config/load-config.js";
import type { ConfigSource } from "../config/types.js";
import { readAllSync } from "../runtime/stdin.js";

declare const require: (id: string) => unknown;

function isSource(value: unknown): value is ConfigSource {
  return typeof value === "object" && value !== null && typeof (value as ConfigSource).path === "string" && typeof (value as ConfigSource).text === "string";
}

const input = readAllSync(0);
try {
  if (!input.ok) throw new Error(input.problem);
  const sources: unknown = JSON.parse(input.text);
  if (!Array.isArray(sources) || !sources.every(isSource)) throw new Error("stdin is not a JSON array of {path, text}");
  const { resolveConfigSources } = require("./config-loader.cjs") as { resolveConfigSources: ConfigResolver };
  writeSync(1, JSON.stringify(resolveConfigSources(sources)));
} catch (error) {
  writeSync(2, `shipshape resolve-config: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
