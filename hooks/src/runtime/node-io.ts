import { listDir, pathExists, readBytesFile, readTextFile, statPath } from "./fs-probes.js";
import { spawnSync } from "./spawn-sync.js";
import type { HostIO, RunOptions, RunResult } from "./io.js";

export type ShellRunner = (command: string, options: RunOptions) => Promise<RunResult>;

/**
 * HostIO for command hooks. Synchronous fs calls behind async signatures: a hook process does one
 * thing at a time, and sync calls avoid the event-loop turns that async fs costs on start-up.
 */
export function createNodeIO(environment: NodeJS.ProcessEnv = process.env, shellRunner?: () => ShellRunner): HostIO {
  return {
    async stat(path) {
      return statPath(path);
    },
    async exists(path) {
      return pathExists(path);
    },
    async list(dir) {
      return listDir(dir);
    },
    async readText(path) {
      return readTextFile(path);
    },
    async readBytes(path) {
      return readBytesFile(path);
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
