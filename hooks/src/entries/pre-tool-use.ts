/**
 * Command-hook entry point for PreToolUse: every shipshape check for the event in one process.
 * Bundled to hooks/dist/pre-tool-use.impl.cjs (run through the pre-tool-use.cjs loader);
 * hooks/hooks.json runs it with onFailure "block".
 */
import { writeSync } from "node:fs";
import type { ConfigResolver } from "../config/load-config.js";
import { PRE_TOOL_USE_CHECKS } from "../guards/checks.js";
import { cacheDir } from "../runtime/cache-dir.js";
import { runPreToolUseHook } from "../runtime/command-hook.js";
import { reportCrash } from "../runtime/decision.js";
import { fileConfigCache } from "../runtime/config-cache.js";
import { fileStore } from "../runtime/kv-store.js";
import { createNodeIO, type ShellRunner } from "../runtime/node-io.js";
import type { CallKind } from "../runtime/call-kind.js";
import { readAllSync, type StdinResult } from "../runtime/stdin.js";
import { rememberedText, type MemoSlot } from "../runtime/decision-memo.js";
import { writeCacheFile } from "../runtime/cache-file.js";
import { warmUp } from "../runtime/warm-up.js";

declare const require: (id: string) => unknown;
/**
 * The loader's module (pre-tool-use.cjs runs this bundle in it), with the stdin it read and checked,
 * where to keep this decision when the loader may replay it (decision-memo.ts), and the hash of the
 * decision code (this bundle and the config loader), which versions the config cache.
 */
declare const module: { shipshapeStdin?: StdinResult; shipshapeMemo?: MemoSlot; shipshapeCode?: string };

// fs.writeSync rather than process.stdout: creating the stdout stream costs ~2 ms per run.
const writeStdout = (text: string) => void writeSync(1, text);
const writeStderr = (text: string) => void writeSync(2, text);

function crash(error: unknown): void {
  let code = 2;
  try {
    code = reportCrash(error, { writeStdout, writeStderr });
  } catch {
    // Even the refusal could not be written (stdout closed): exit code 2 still blocks, where an
    // error thrown from this handler would end node with code 7, which lets the call through.
  }
  process.exit(code);
}

process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);

// The heavy parts live in their own bundles and are loaded only when needed.
const resolver = (): ConfigResolver =>
  (require("./config-loader.cjs") as { resolveConfigSources: ConfigResolver }).resolveConfigSources;
const shellRunner = (): ShellRunner => (require("./shell-runner.cjs") as { runShellCommand: ShellRunner }).runShellCommand;

const dir = cacheDir(process.env);
const slot = module.shipshapeMemo;
// The commit gate is in this bundle: apart, it carried its own copy of the shell parser, compiled and
// run cold on every commit (8 to 10 ms measured); here it shares the warm parser and the code cache.
runPreToolUseHook(PRE_TOOL_USE_CHECKS, {
  io: createNodeIO(process.env, shellRunner),
  readStdin: () => module.shipshapeStdin ?? readAllSync(0),
  resolver,
  cache: fileConfigCache(dir, module.shipshapeCode),
  store: fileStore(dir, "verify-cache"),
  writeStdout,
  writeStderr,
  remember: dir && slot ? (remembered) => writeCacheFile(dir, slot.file, rememberedText(slot.key, remembered)) : undefined,
}).then((code) => {
  process.exitCode = code;
}, crash);

/** Called by the loader (pre-tool-use.cjs) before it writes a V8 code cache, once per bundle and kind of call. */
export async function warmUpForCodeCache(kind: CallKind = "all"): Promise<void> {
  await warmUp(PRE_TOOL_USE_CHECKS, kind);
}
