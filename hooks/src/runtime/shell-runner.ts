import { execa } from "execa";
import type { RunOptions, RunResult } from "./io.js";

/**
 * Runs a verification command with execa: through the shell (commands are written as a person would
 * type them), with its own timeout, the whole process group killed on timeout, output kept.
 */
export async function runShellCommand(command: string, options: RunOptions): Promise<RunResult> {
  const result = await execa(command, {
    shell: true,
    cwd: options.cwd,
    ...(options.env ? { env: options.env, extendEnv: false } : {}),
    ...(options.stdin !== undefined ? { input: options.stdin } : { stdin: "ignore" }),
    timeout: options.timeoutMs,
    forceKillAfterDelay: 2000,
    reject: false,
    all: true,
    maxBuffer: 8 * 1024 * 1024,
    stripFinalNewline: false,
  });
  return {
    exitCode: result.exitCode ?? null,
    stdout: result.all ?? result.stdout ?? "",
    stderr: result.timedOut ? `timed out after ${options.timeoutMs} ms` : result.stderr ?? "",
    timedOut: result.timedOut === true,
  };
}
