/**
 * The decisions of the in-process hooks module: the same checks as the command hooks, over a HostIO
 * that the module builds from Claude Code's `$` capabilities. Bundled as hooks/dist/module-core.js
 * (ESM, no imports: a module may load only its own files), imported by hooks/dist/module.js.
 */
import { loadConfig, type ConfigCache } from "../config/load-config.js";
import type { LoadedConfig } from "../config/types.js";
import { mayCommit } from "../guards/commit/may-commit.js";
import { callUsesCwd, PRE_TOOL_USE_CHECKS } from "../guards/checks.js";
import type { ToolCall } from "../runtime/checks.js";
import { decideWithConfig } from "../runtime/decide-with-config.js";
import { failClosed } from "../runtime/decision.js";
import type { HostIO, KeyValueStore } from "../runtime/io.js";
import { parseEntries, withEntry } from "../runtime/recent-entries.js";
import { resolverThroughNode } from "./config-through-node.js";

/** Resolved configs stay in memory for the session, keyed by the files' size and mtime. */
const memory = new Map<string, LoadedConfig>();
const memoryCache: ConfigCache = {
  get: (key) => memory.get(key),
  set: (key, value) => void memory.set(key, value),
};

/**
 * How long a config, once its files were looked at, stands for later calls without looking again.
 * Each look is a round trip through Claude Code (1-4 ms); a burst of calls needs only one. An edit made
 * outside the session takes effect within this time, one made through the agent's own tools at once.
 */
export const CONFIG_TRUST_MS = 2000;

/** Tools that change no file: after one of them, the config need not be looked at again early. */
const CHANGES_NO_FILE = new Set(["Read", "Grep", "Glob", "LSP", "WebFetch", "WebSearch", "TodoWrite", "ToolSearch"]);

export interface CheckedConfig {
  /** The locations the config was loaded for. */
  key: string;
  loaded: LoadedConfig;
  /** When its files were looked at (ms). */
  at: number;
}

/** Whether a config checked earlier can stand for a call at `now` without looking at its files again. */
export function configStillTrusted(previous: CheckedConfig | undefined, key: string, now: number, sinceChangingCall: boolean): previous is CheckedConfig {
  if (previous === undefined || previous.key !== key || previous.loaded.degraded || sinceChangingCall) return false;
  return now >= previous.at && now - previous.at < CONFIG_TRUST_MS;
}

let checked: CheckedConfig | undefined;
/** True once a call that may change files (Bash, Edit, Write…) was seen since the config was checked. */
let changingCallSeen = true;

export interface ModuleContext {
  projectDir: string;
  home: string | undefined;
  store?: KeyValueStore | undefined;
  /** The time of the call (ms), for how long a checked config is trusted. */
  now: number;
  /** The plugin's folder, where hooks/dist/resolve-config.cjs reads config files that changed. */
  pluginRoot: string | undefined;
}

export interface ModuleVerdict {
  deny?: string;
}

export { callUsesCwd };
export { hostIOFrom } from "./host-io.js";

/** Decides one tool call; any error is a refusal (the module must fail closed, like the command hook). */
export async function decideToolCall(call: ToolCall, io: HostIO, context: ModuleContext & { loadStore?: () => Promise<void> }): Promise<ModuleVerdict> {
  try {
    // The verification cache matters only to a commit; reading it on every call would cost every call.
    if (context.loadStore && mayCommit(call)) await context.loadStore();
    const loaded = await configFor(call, io, context);
    const { verdict, notice } = await decideWithConfig(PRE_TOOL_USE_CHECKS, call, loaded, { io: statsOnce(io), projectDir: context.projectDir, home: context.home, store: context.store });
    if (verdict.action !== "deny") return {};
    // A module cannot show a notice beside a passing call, so a broken config is reported with refusals.
    return { deny: notice ? `${verdict.reason}\n\n${notice}` : verdict.reason };
  } catch (error) {
    return { deny: failClosedReason("internal error", error) };
  }
}

function resolverFor(io: HostIO, context: Pick<ModuleContext, "pluginRoot" | "projectDir">) {
  return resolverThroughNode(io, context.pluginRoot && `${context.pluginRoot}/hooks/dist/resolve-config.cjs`, context.projectDir);
}

/**
 * Resolves the config at session start, so that the first call finds it in memory rather than
 * starting node. Any failure is left for that call to meet and report.
 */
export async function prefetchConfig(io: HostIO, context: Pick<ModuleContext, "projectDir" | "home" | "pluginRoot">): Promise<void> {
  try {
    await loadConfig(io, { projectDir: context.projectDir, home: context.home }, () => resolverFor(io, context), memoryCache);
  } catch {
    // The first tool call loads the config again and refuses with the reason if it must.
  }
}

async function configFor(call: ToolCall, io: HostIO, context: ModuleContext): Promise<LoadedConfig> {
  const key = `${context.projectDir}\u0000${context.home ?? ""}`;
  const previous = checked;
  const sinceChangingCall = changingCallSeen;
  changingCallSeen = !CHANGES_NO_FILE.has(call.tool);
  if (configStillTrusted(previous, key, context.now, sinceChangingCall)) return previous.loaded;
  const loaded = await loadConfig(io, { projectDir: context.projectDir, home: context.home }, () => resolverFor(io, context), memoryCache);
  checked = { key, loaded, at: context.now };
  return loaded;
}

/**
 * The same path looked at once per call: checks each look at what they judge (the secret guard and
 * the own-files guard both stat an Edit's target), and in-process each look is a round trip.
 */
function statsOnce(io: HostIO): HostIO {
  const looks = new Map<string, ReturnType<HostIO["stat"]>>();
  return {
    ...io,
    stat(path) {
      let look = looks.get(path);
      if (!look) looks.set(path, (look = io.stat(path)));
      return look;
    },
  };
}

/** The refusal used by the module's .catch handler, when even the code above could not run. */
export function crashReason(error: unknown): string {
  return failClosedReason("the in-process guard crashed", error);
}

function failClosedReason(what: string, error: unknown): string {
  const verdict = failClosed(`${what} (${error instanceof Error ? error.message : String(error)})`);
  return verdict.action === "deny" ? verdict.reason : "shipshape failed closed";
}

/**
 * A file-backed store through the module's own read and write (the verification cache). The store
 * interface is synchronous, so the file is read ahead: `load` runs only for a commit, before the gate.
 */
export function storeFrom(read: () => Promise<string | undefined>, write: (text: string) => Promise<void>): KeyValueStore & { load(): Promise<void> } {
  let data: Record<string, string> = {};
  return {
    async load() {
      data = parseEntries(await read());
    },
    get: (key) => data[key],
    set: (key, value) => {
      data = withEntry(data, key, value);
      void write(JSON.stringify(data)).catch(() => undefined);
    },
  };
}
