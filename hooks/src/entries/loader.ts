/**
 * The command hooks' entry (hooks/dist/pre-tool-use.cjs, bundled with the name and hash of the bundle
 * it runs): it compiles that bundle with a V8 code cache kept in the cache folder, which saves most of
 * its compile time on every run after the first. A cache that V8 rejects (another node version, a
 * changed bundle) is ignored and rewritten. Keep this file small: it runs before every decision.
 */
import { readdirSync, readFileSync, unlinkSync } from "node:fs";
import { Script } from "node:vm";
import { cacheDir } from "../runtime/cache-dir.js";
import { writeCacheFile } from "../runtime/cache-file.js";
import { callKind, type CallKind } from "../runtime/call-kind.js";
import { readAllSync, type StdinResult } from "../runtime/stdin.js";

/** Set by scripts/build.ts: the bundle to run, and a hash of it that names its caches. */
declare const IMPL_NAME: string;
declare const IMPL_HASH: string;
declare const module: { exports: { warmUpForCodeCache?: (kind: CallKind) => Promise<void> }; shipshapeStdin?: StdinResult };
declare const exports: unknown;
declare const require: unknown;

const file = `${__dirname}/${IMPL_NAME}`;
const dir = cacheDir(process.env);
// The payload is read and checked here (once: the bundle takes the result from `module`, as it
// replaces module.exports with its own), to pick the cache for this kind of call.
const stdin = readAllSync(0);
module.shipshapeStdin = stdin;
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
