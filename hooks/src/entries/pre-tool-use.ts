/**
 * Command-hook entry point for PreToolUse: every shipshape check for the event in one process.
 * Bundled to hooks/dist/pre-tool-use.cjs; hooks/hooks.json runs it with onFailure "block".
 */
import type { ConfigResolver } from "../config/load-config.js";
import { PRE_TOOL_USE_CHECKS } from "../guards/index.js";
import { runPreToolUseHook } from "../runtime/command-hook.js";
import { fileConfigCache } from "../runtime/config-cache.js";
import { failClosed, renderPreToolUse } from "../runtime/decision.js";
import { createNodeIO } from "../runtime/node-io.js";
import { readAllSync } from "../runtime/stdin.js";

declare const require: (id: string) => unknown;

function crash(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`shipshape: internal error: ${message}\n`);
  process.stdout.write(renderPreToolUse({ verdict: failClosed(`internal error (${message})`), notices: [] }));
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
  cache: fileConfigCache(process.env.CLAUDE_PLUGIN_DATA),
  writeStdout: (text) => process.stdout.write(text),
  writeStderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
}, crash);
