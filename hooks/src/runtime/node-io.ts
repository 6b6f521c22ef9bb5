import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { spawnSync } from "./spawn-sync.js";
import type { DirEntry, EntryKind, HostIO, PathInfo, RunOptions, RunResult } from "./io.js";

function kindOf(stats: Stats): EntryKind {
  if (stats.isFile()) return "file";
  if (stats.isDirectory()) return "dir";
  return "other";
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOENT" || code === "ENOTDIR" || code === "ELOOP";
}

export type ShellRunner = (command: string, options: RunOptions) => Promise<RunResult>;

/**
 * HostIO for command hooks. Synchronous fs calls behind async signatures: a hook process does one
 * thing at a time, and sync calls avoid the event-loop turns that async fs costs on start-up.
 */
export function createNodeIO(environment: NodeJS.ProcessEnv = process.env, shellRunner?: () => ShellRunner): HostIO {
  return {
    async stat(path: string): Promise<PathInfo | undefined> {
      // throwIfNoEntry: a missing path is the common case, and building an Error costs more than the stat.
      let link: Stats | undefined;
      try {
        link = lstatSync(path, { throwIfNoEntry: false });
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
      if (!link) return undefined;
      if (!link.isSymbolicLink()) {
        // A folder on the way may still be a link (keys -> ~/.ssh): the real path decides what it is.
        let realPath = path;
        try {
          realPath = realpathSync.native(path);
        } catch {
          // Unresolvable: judge the path as written.
        }
        return { kind: kindOf(link), isLink: false, realPath, size: link.size, mtimeMs: link.mtimeMs };
      }
      try {
        const target = statSync(path, { throwIfNoEntry: false });
        if (!target) return undefined;
        return {
          kind: kindOf(target),
          isLink: true,
          realPath: realpathSync.native(path),
          size: target.size,
          mtimeMs: target.mtimeMs,
        };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    async exists(path: string): Promise<boolean> {
      try {
        return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },

    async list(dir: string): Promise<DirEntry[] | undefined> {
      try {
        return readdirSync(dir, { withFileTypes: true }).map((entry) => {
          const isLink = entry.isSymbolicLink();
          let kind: EntryKind = entry.isFile() ? "file" : entry.isDirectory() ? "dir" : "other";
          if (isLink) {
            try {
              kind = kindOf(statSync(`${dir}/${entry.name}`));
            } catch {
              kind = "other";
            }
          }
          return { name: entry.name, kind, isLink };
        });
      } catch {
        return undefined;
      }
    },

    async readText(path: string): Promise<string | undefined> {
      try {
        return readFileSync(path, "utf8");
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    async readBytes(path: string): Promise<Uint8Array | undefined> {
      try {
        return readFileSync(path);
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    async run(argv: readonly string[], options: RunOptions): Promise<RunResult> {
      const [command, ...args] = argv;
      if (command === undefined) throw new Error("run: empty argv");
      const result = spawnSync({
        file: command,
        args,
        cwd: options.cwd,
        env: options.env ?? environment,
        ...(options.stdin !== undefined ? { input: options.stdin } : {}),
        timeoutMs: options.timeoutMs,
        maxBuffer: 16 * 1024 * 1024,
      });
      return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr, timedOut: result.errorCode === "ETIMEDOUT" };
    },

    async runShell(command: string, options: RunOptions): Promise<RunResult> {
      if (!shellRunner) throw new Error("this host cannot run shell commands");
      return shellRunner()(command, options);
    },

    env(name: string): string | undefined {
      return environment[name];
    },
  };
}
