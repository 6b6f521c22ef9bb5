/**
 * shipshape's Claude Code hooks module (hooks/dist/module.js). It runs the same decisions as the command
 * hooks in-process, so a tool call does not pay for starting node. Rules of the load-time scan: import
 * only our own files, write `$` out at every call site as `$.noun.verb(…)`, read env names literally.
 * Every registration fails closed through `.catch`. It marks each session and prompt it guards, which
 * the once-per-prompt check in hooks/prompt-gate.sh requires before it lets a prompt go on.
 */
import { callUsesCwd, crashReason, decideToolCall, hostIOFrom, prefetchConfig, storeFrom } from "./core.js";

type Json = Record<string, unknown>;
interface Stat {
  kind: string;
  size: number;
  mtimeMs: number;
  isLink: boolean;
  realPath?: string;
}
interface Capabilities {
  fs: {
    stat(path: string, options?: { resolve?: boolean }): Promise<Stat>;
    list(path: string): Promise<Array<{ name: string; kind: string; isLink: boolean }>>;
    read(path: string, options: { as: "bytes" }): Promise<unknown>;
    read(path: string, options?: { as?: "text" }): Promise<string>;
    exists(path: string): Promise<boolean>;
    write(path: string, text: string): Promise<void>;
  };
  process: {
    run(argv: readonly string[], options: { cwd?: string; env?: Record<string, string>; stdin?: string; timeoutMs?: number }): Promise<{ exitCode: number | null; stdout: string; stderr: string }>;
    hookEnv(): Promise<Record<string, string | undefined>>;
  };
  env: { get(name: string): Promise<string | undefined>; set(name: string, value: string): Promise<void> };
}
type Hook = ($: Capabilities, e: Json, next: (e: Json) => unknown) => unknown;
type On = (event: string, hook: Hook) => { catch(handler: (...args: Parameters<Hook>) => unknown): void };

/**
 * Values that do not change during a session, read once (at session start when that event reaches
 * us): every `$` call is a round trip through Claude Code, paid on every tool call otherwise.
 */
interface Constants {
  hookEnv: Record<string, string | undefined>;
  /** The environment variables decisions may read through HostIO.env, in ENV_NAMES order. */
  vars: Map<string, string | undefined>;
}
let constants: Constants | undefined;

/** What HostIO.env can answer; each is read with a literal `$.env.get` below, as the scan requires. */
const ENV_NAMES = ["HOME", "PATH", "GIT_INDEX_FILE", "GIT_DIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "GIT_CONFIG_GLOBAL", "CLAUDE_CONFIG_DIR"] as const;

function constantsFrom(hookEnv: Record<string, string | undefined>, values: Array<string | undefined>): Constants {
  const vars = new Map<string, string | undefined>(ENV_NAMES.map((name, i) => [name, values[i]]));
  // Where the plugin keeps its data, as command hooks see it in their environment.
  vars.set("CLAUDE_PLUGIN_DATA", hookEnv.CLAUDE_PLUGIN_DATA);
  return { hookEnv, vars };
}

export function register(on: On): void {
  on("session.start", async ($, e, next) => {
    const [hookEnv, ...vars] = await Promise.all([$.process.hookEnv(), $.env.get("HOME"), $.env.get("PATH"), $.env.get("GIT_INDEX_FILE"), $.env.get("GIT_DIR"), $.env.get("XDG_CACHE_HOME"), $.env.get("XDG_CONFIG_HOME"), $.env.get("GIT_CONFIG_GLOBAL"), $.env.get("CLAUDE_CONFIG_DIR")]);
    constants = constantsFrom(hookEnv, vars);
    await $.env.set("SHIPSHAPE_MODULE_SESSION", hookEnv.CLAUDE_CODE_SESSION_ID ?? "");
    // The config is resolved now, while the person types or the model thinks, not on the first call
    // (resolving a config file starts node: about 100 ms). Best effort: the first call loads it anyway.
    // The closures repeat tool.call's: the load-time scan refuses `$` handed to a helper that builds them.
    const projectDir = hookEnv.CLAUDE_PROJECT_DIR;
    if (projectDir) {
      const io = hostIOFrom(
        {
          stat: (p) => $.fs.stat(p, { resolve: true }),
          list: (p) => $.fs.list(p),
          readText: (p) => $.fs.read(p, { as: "text" }),
          readBytes: (p) => $.fs.read(p, { as: "bytes" }),
          exists: (p) => $.fs.exists(p),
          run: (argv, options) => $.process.run(argv, options),
        },
        constants.vars,
      );
      await prefetchConfig(io, { projectDir, home: constants.vars.get("HOME"), pluginRoot: hookEnv.CLAUDE_PLUGIN_ROOT });
    }
    return next(e);
  }).catch((_$, e, next) => next(e));

  // The once-per-prompt check (hooks/prompt-gate.sh) runs beneath this and lets the prompt on only when
  // the mark names the session. Marked again on every prompt: a session's id can change in one process
  // (/clear). Should marking fail, the prompt goes on unmarked and the check stops it.
  on("prompt.submit", async ($, e, next) => {
    const hookEnv = await $.process.hookEnv();
    await $.env.set("SHIPSHAPE_MODULE_SESSION", hookEnv.CLAUDE_CODE_SESSION_ID ?? "");
    return next(e);
  }).catch((_$, e, next) => next(e));

  on("tool.call", async ($, e, next) => {
    const { tool, tool_use_id: _id, agentId: _agent, ...input } = e;
    if (!constants) {
      const [hookEnv, ...vars] = await Promise.all([$.process.hookEnv(), $.env.get("HOME"), $.env.get("PATH"), $.env.get("GIT_INDEX_FILE"), $.env.get("GIT_DIR"), $.env.get("XDG_CACHE_HOME"), $.env.get("XDG_CONFIG_HOME"), $.env.get("GIT_CONFIG_GLOBAL"), $.env.get("CLAUDE_CONFIG_DIR")]);
      constants = constantsFrom(hookEnv, vars);
    }
    const { hookEnv, vars } = constants;
    const home = vars.get("HOME");
    const projectDir = hookEnv.CLAUDE_PROJECT_DIR;
    // Relative paths resolve against the session's directory: "." is where the agent is. A call that
    // names only absolute paths cannot depend on it, and is spared the round trip.
    const cwd =
      callUsesCwd({ tool: String(tool), input }) || projectDir === undefined
        ? (await $.fs.stat(".", { resolve: true })).realPath ?? projectDir ?? "/"
        : projectDir;
    const io = hostIOFrom(
      {
        stat: (p) => $.fs.stat(p, { resolve: true }),
        list: (p) => $.fs.list(p),
        readText: (p) => $.fs.read(p, { as: "text" }),
        readBytes: (p) => $.fs.read(p, { as: "bytes" }),
        exists: (p) => $.fs.exists(p),
        run: (argv, options) => $.process.run(argv, options),
      },
      vars,
    );
    const data = hookEnv.CLAUDE_PLUGIN_DATA;
    const store = data
      ? storeFrom(
          async () => {
            try {
              return await $.fs.read(`${data}/verify-cache.json`, { as: "text" });
            } catch {
              return undefined;
            }
          },
          async (text: string) => {
            await $.fs.write(`${data}/verify-cache.json`, text);
          },
        )
      : undefined;
    const verdict = await decideToolCall(
      { tool: String(tool), input, cwd, sessionId: hookEnv.CLAUDE_CODE_SESSION_ID ?? "" },
      io,
      { projectDir: projectDir ?? cwd, home, store, now: Date.now(), pluginRoot: hookEnv.CLAUDE_PLUGIN_ROOT, ...(store ? { loadStore: () => store.load() } : {}) },
    );
    return verdict.deny !== undefined ? { deny: verdict.deny } : next(e);
  }).catch(() => ({ deny: crashReason("the tool.call hook threw") }));
}
