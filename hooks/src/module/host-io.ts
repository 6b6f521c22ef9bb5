/**
 * The HostIO the hooks module's decisions run on, built from Claude Code's `$` capabilities. The
 * module's handlers pass each capability in as a closure that writes `$.noun.verb(…)` out at its own
 * call site (the load-time scan refuses `$` passed around), and everything else is here, once.
 */
import type { DirEntry, EntryKind, HostIO, PathInfo, RunOptions, RunResult } from "../runtime/io.js";

export interface CapabilityCalls {
  /** `$.fs.stat(path, { resolve: true })`. */
  stat(path: string): Promise<{ kind: string; size: number; mtimeMs: number; isLink: boolean; realPath?: string }>;
  list(path: string): Promise<Array<{ name: string; kind: string; isLink: boolean }>>;
  readText(path: string): Promise<string>;
  readBytes(path: string): Promise<unknown>;
  exists(path: string): Promise<boolean>;
  run(argv: readonly string[], options: { cwd: string; timeoutMs: number; stdin?: string }): Promise<{ exitCode: number | null; stdout: string; stderr: string; isStdoutTruncated?: boolean }>;
}

function missing(error: unknown): boolean {
  return /ENOENT|ENOTDIR|ELOOP|ENAMETOOLONG|not found|no such|too long/i.test(String((error as Error)?.message ?? error));
}

function kindOf(kind: string): EntryKind {
  return kind === "file" ? "file" : kind === "dir" || kind === "directory" ? "dir" : "other";
}

export function hostIOFrom(calls: CapabilityCalls, vars: ReadonlyMap<string, string | undefined>): HostIO {
  const io: HostIO = {
    async stat(path): Promise<PathInfo | undefined> {
      try {
        // Resolved, so that a link anywhere on the way (keys -> ~/.ssh) shows in the real path.
        const target = await calls.stat(path);
        return { kind: kindOf(target.kind), isLink: target.isLink, realPath: target.realPath ?? path, size: target.size, mtimeMs: target.mtimeMs };
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    exists: (path) => calls.exists(path),
    async list(path): Promise<DirEntry[] | undefined> {
      try {
        const entries = await calls.list(path);
        return entries.map((entry) => ({ name: entry.name, kind: kindOf(entry.kind), isLink: entry.isLink }));
      } catch {
        return undefined;
      }
    },
    async readText(path) {
      try {
        return await calls.readText(path);
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    async readBytes(path) {
      try {
        const bytes = await calls.readBytes(path);
        // Anything but bytes (a host that answers otherwise) reads as nothing: callers then ask git.
        return bytes instanceof Uint8Array ? bytes : bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : undefined;
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    async run(argv, options: RunOptions): Promise<RunResult> {
      const result = await calls.run(argv, { cwd: options.cwd, timeoutMs: options.timeoutMs, ...(options.stdin !== undefined ? { stdin: options.stdin } : {}) });
      return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, timedOut: result.exitCode === null, ...(result.isStdoutTruncated ? { truncated: true } : {}) };
    },
    runShell: (command, options) => io.run(["sh", "-c", command], options),
    env: (name) => vars.get(name),
  };
  return io;
}
