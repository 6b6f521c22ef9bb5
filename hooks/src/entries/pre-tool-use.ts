/**
 * Command-hook entry point for PreToolUse: every shipshape check for the event in one process.
 * Bundled to hooks/dist/pre-tool-use.cjs; hooks/hooks.json runs it with onFailure "block".
 */
import { writeSync } from "node:fs";
import type { ConfigResolver } from "../config/load-config.js";
import { PRE_TOOL_USE_CHECKS } from "../guards/index.js";
import { runPreToolUseHook } from "../runtime/command-hook.js";
import { cacheDir } from "../runtime/cache-dir.js";
import { fileConfigCache } from "../runtime/config-cache.js";
import { failClosed, renderPreToolUse } from "../runtime/decision.js";
import { createNodeIO } from "../runtime/node-io.js";
import { readAllSync } from "../runtime/stdin.js";

declare const require: (id: string) => unknown;

// fs.writeSync rather than process.stdout: creating the stdout stream costs ~2 ms per run.
const writeStdout = (text: string) => void writeSync(1, text);
const writeStderr = (text: string) => void writeSync(2, text);

function crash(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  writeStderr(`shipshape: internal error: ${message}\n`);
  writeStdout(renderPreToolUse({ verdict: failClosed(`internal error (${message})`), notices: [] }));
  process.exit(2);
}

process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);

const resolver = (): ConfigResolver =>
  (require("./config-loader.cjs") as { resolveConfigSources: ConfigResolver }).resolveConfigSources;

runPreToolUseHook(PRE_TOOL_USE_CHECKS, {
  io: createNodeIO(),
  readStdin: () => readAllSync(0),
  resolver,
  cache: fileConfigCache(cacheDir(process.env)),
  writeStdout,
  writeStderr,
}).then((code) => {
  process.exitCode = code;
}, crash);
