/**
 * The command hooks' entry (hooks/dist/pre-tool-use.cjs, bundled with the name and hash of the bundle
 * it runs). A call decided before whose look-ups all answer the same is answered from the decision
 * cache (runtime/decision-memo.ts) without loading the bundle. Otherwise it compiles the bundle with a
 * V8 code cache kept in the cache folder, which saves most of its compile time on every run after the
 * first; a cache that V8 rejects (another node version, a changed bundle) is ignored and rewritten.
 * Keep this file small: it runs before every decision, and V8 parses all of it.
 */
import { readdirSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import type { Script as VmScript } from "node:vm";
import { cacheDir } from "../runtime/cache-dir.js";
import { writeCacheFile } from "../runtime/cache-file.js";
import { callKind, type CallKind } from "../runtime/call-kind.js";
import { readAllSync, type StdinResult } from "../runtime/stdin.js";
import { memoSlot, parseRemembered, stillHolds, type MemoSlot, type Probes, type Remembered } from "../runtime/decision-memo.js";
import { listDir, pathExists, readBytesFile, readTextFile, statPath } from "../runtime/fs-probes.js";
import { reportCrash } from "../runtime/decision.js";

/**
 * Set by scripts/build.ts: the bundle to run, a hash of it that names its code caches, and a hash of
 * all the code a decision runs (the bundle and the config loader), which keys remembered decisions.
 */
declare const IMPL_NAME: string;
declare const IMPL_HASH: string;
declare const DECISION_CODE: string;
declare const module: {
  exports: { warmUpForCodeCache?: (kind: CallKind) => Promise<void> };
  shipshapeStdin?: StdinResult;
  shipshapeMemo?: MemoSlot;
  shipshapeCode?: string;
};
declare const exports: unknown;
declare const require: (id: string) => unknown;

const file = `${__dirname}/${IMPL_NAME}`;
const dir = cacheDir(process.env);
// The payload is read and checked here (once: the bundle takes the result from `module`, as it
// replaces module.exports with its own), to pick the cache for this kind of call.
const stdin = readAllSync(0);
module.shipshapeStdin = stdin;

const probes: Probes = { stat: statPath, exists: pathExists, list: listDir, readText: readTextFile, readBytes: readBytesFile, env: (name) => process.env[name] };

// SHIPSHAPE_DECISION_CACHE=off decides every call afresh (to measure it, or to rule the cache out).
const slot = dir && stdin.ok && process.env.SHIPSHAPE_DECISION_CACHE !== "off" ? findSlot(dir, stdin.text) : undefined;
const remembered = slot && recall(slot);
if (remembered) {
  try {
    if (remembered.stdout) writeSync(1, remembered.stdout);
    if (remembered.stderr) writeSync(2, remembered.stderr);
    process.exitCode = remembered.code;
  } catch {
    // A refusal that could not be written must still refuse: exit code 2 blocks without our JSON.
    process.exitCode = remembered.stdout ? 2 : remembered.code;
  }
} else {
  module.shipshapeMemo = slot;
  module.shipshapeCode = DECISION_CODE;
  try {
    runBundle();
  } catch (error) {
    // A bundle that cannot be read or started (a broken install, a full disk) must still refuse:
    // exit code 1 would let the call through.
    try {
      process.exitCode = reportCrash(error, { writeStdout: (text) => void writeSync(1, text), writeStderr: (text) => void writeSync(2, text) });
    } catch {
      process.exitCode = 2;
    }
  }
}

// Neither may throw: an error here would end the hook before the bundle's fail-closed handlers exist.
function findSlot(dir: string, text: string): MemoSlot | undefined {
  try {
    return memoSlot(dir, `${DECISION_CODE}\u0000${process.version}\u0000${process.cwd()}`, text);
  } catch {
    return undefined;
  }
}

/** This call's decision as made before, when every look-up it made still answers the same. */
function recall(slot: MemoSlot): Remembered | undefined {
  try {
    const remembered = parseRemembered(readFileSync(slot.file, "utf8"), slot.key);
    return remembered && stillHolds(remembered.facts, probes) ? remembered : undefined;
  } catch {
    return undefined;
  }
}

function runBundle(): void {
  const kind = stdin.ok ? callKind(stdin.text.slice(0, 4096), stdin.text.includes("commit")) : "all";
  // V8 rejects a cache made under other flags: runs with different NODE_OPTIONS get caches of their own.
  let flags = 0;
  for (const c of (process.env.NODE_OPTIONS ?? "") + process.execArgv.join(" ")) flags = (Math.imul(flags, 31) + c.charCodeAt(0)) >>> 0;
  const prefix = `v8-${IMPL_HASH}-`;
  const cacheFile = dir && `${dir}/${prefix}${kind}-${process.version}-${process.arch}-${flags.toString(16)}.bin`;
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    // No cache yet: this run writes one.
  }
  // node:vm loads here, not at the top: a replayed decision never compiles anything.
  const { Script } = require("node:vm") as { Script: typeof VmScript };
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, "utf8")}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });

  if (dir && cacheFile && (!cachedData || script.cachedDataRejected)) {
    const save = () => {
      writeCacheFile(dir, cacheFile, script.createCachedData());
      try {
        // Caches of earlier bundles (before an update) are never read again.
        for (const name of readdirSync(dir)) if (/^v8-.*\.bin$/.test(name) && !name.startsWith(prefix)) unlinkSync(`${dir}/${name}`);
      } catch {
        // Only disk space is lost.
      }
    };
    // V8 caches the functions compiled so far: once the decision is out, run representative calls of
    // this kind (the bundle's warmUpForCodeCache, in memory) so the cache covers their paths.
    process.once("beforeExit", () => {
      const warm = module.exports.warmUpForCodeCache;
      Promise.resolve(typeof warm === "function" ? warm(kind) : undefined)
        .catch(() => undefined)
        .then(save);
    });
  }
  (script.runInThisContext() as (...args: unknown[]) => void)(exports, require, module, file, __dirname);
}
