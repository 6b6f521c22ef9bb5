/**
 * Representative decisions over a scratch, in-memory host, run once when the command hook writes its
 * V8 code cache. V8 caches only the functions compiled so far, so a cache written after a Read alone
 * left the shell parser and the commit gate to be compiled again on every Bash call (measured: 10 ms
 * more on a cached commit). Nothing here touches the disk, starts a process or prints anything.
 */
import { DEFAULT_CONFIG } from "../config/types.js";
import type { CallKind } from "./call-kind.js";
import { runChecks, type PreToolUseCheck, type ToolCall } from "./checks.js";
import type { HostIO, PathInfo, RunResult } from "./io.js";

const PROJECT = "/shipshape-warm-up/project";
/** A host where only a few files exist and every process answers at once, successfully. Built only when a cache is written. */
function scratchHost(): HostIO {
  const FILES: Record<string, string> = {
    [`${PROJECT}/package.json`]: '{"scripts":{"test":"node test.js"}}',
    [`${PROJECT}/src/app.ts`]: "export {};\n",
    [`${PROJECT}/.env`]: "TOKEN=x\n",
  };
  const DIRS = new Set([PROJECT, `${PROJECT}/src`, `${PROJECT}/.git`]);
  const ok = (stdout: string): RunResult => ({ exitCode: 0, stdout, stderr: "", timedOut: false });
  return {
    async stat(path) {
      const file = FILES[path];
      if (file === undefined && !DIRS.has(path)) return undefined;
      const info: PathInfo = { kind: file === undefined ? "dir" : "file", isLink: false, realPath: path, size: file?.length ?? 0, mtimeMs: 1 };
      return info;
    },
    exists: async (path) => path in FILES || DIRS.has(path),
    async list(dir) {
      if (!DIRS.has(dir)) return undefined;
      const prefix = `${dir}/`;
      const names = [...Object.keys(FILES), ...DIRS].filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes("/"));
      return names.map((p) => ({ name: p.slice(prefix.length), kind: DIRS.has(p) ? ("dir" as const) : ("file" as const), isLink: false }));
    },
    readText: async (path) => FILES[path],
    readBytes: async () => undefined,
    run: async (argv) => ok(argv.includes("status") ? "1 M. N... 100644 100644 100644 a b src/app.ts\u0000" : "100644 e69de29bb2d1d6434b8b29ae775ad8c2e48c5391 0\tsrc/app.ts\u0000"),
    runShell: async () => ok("ok\n"),
    env: (name) => (name === "HOME" ? "/shipshape-warm-up/home" : name === "PATH" ? "/usr/bin:/bin" : undefined),
  };
}

/**
 * The calls most sessions make most, by kind: a Read, an ordinary Bash command, a commit whose
 * verification already passed. Not more: a larger cache takes longer to load on every run (measured: a
 * cache of every path loaded slower than one of these).
 */
function callsOf(kind: CallKind): Array<Pick<ToolCall, "tool" | "input">> {
  const read = { tool: "Read", input: { file_path: `${PROJECT}/src/app.ts` } };
  const shell = { tool: "Bash", input: { command: "npm test && git status --short" } };
  if (kind === "files") return [read, { tool: "Edit", input: { file_path: `${PROJECT}/src/app.ts`, old_string: "{}", new_string: "{ a }" } }];
  if (kind === "shell") return [shell];
  return [read, shell, { tool: "Bash", input: { command: 'git add -A && git commit -m "Warm the code cache" -m "A body that explains the change."' } }];
}

/**
 * Runs the calls above for a kind of call (call-kind.ts: each kind's cache holds its own paths only)
 * and returns what each decided (for tests); a failure is only noted.
 */
export async function warmUp(checks: readonly PreToolUseCheck[], kind: CallKind = "all"): Promise<string[]> {
  // Every verification has passed already: the cached path is the one worth compiling ahead.
  const passed = JSON.stringify({ at: 0, commands: [] });
  const outcomes: string[] = [];
  const scratch = scratchHost();
  for (const call of callsOf(kind)) {
    try {
      const { verdict, notes } = await runChecks(checks, { ...call, cwd: PROJECT, sessionId: "warm-up" }, {
        io: scratch,
        config: DEFAULT_CONFIG,
        configDegraded: false,
        projectDir: PROJECT,
        home: "/shipshape-warm-up/home",
        store: { get: () => passed, set: () => undefined },
      });
      outcomes.push(verdict.action === "deny" ? `deny: ${verdict.reason}` : `pass${notes.length ? `: ${notes.join(" ")}` : ""}`);
    } catch (error) {
      outcomes.push(`error: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return outcomes;
}
