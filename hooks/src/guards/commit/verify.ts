import type { VerifyCommandConfig } from "../../config/types.js";
import type { HostIO } from "../../runtime/io.js";
import { globMatch } from "../secrets/glob.js";

export interface CommandOutcome {
  command: VerifyCommandConfig;
  ok: boolean;
  exitCode: number | null;
  timedOut: boolean;
  /** The last lines of its output. */
  tail: string;
  ms: number;
}

const TAIL_LINES = 40;
const TAIL_CHARS = 4000;

export function tail(text: string): string {
  const lines = text.replace(/\s+$/, "").split("\n");
  const kept = lines.slice(-TAIL_LINES).join("\n");
  return kept.length > TAIL_CHARS ? `…${kept.slice(-TAIL_CHARS)}` : kept;
}

/** Commands whose `paths` globs none of the changed files match are skipped. */
export function relevant(commands: VerifyCommandConfig[], changed: string[]): VerifyCommandConfig[] {
  return commands.filter((command) => !command.paths || command.paths.length === 0 || changed.some((file) => command.paths?.some((glob) => globMatch(glob, file) || globMatch(`**/${glob}`, file))));
}

/**
 * Runs the commands side by side in the repository root, each with its own timeout inside the
 * total budget, and reports every outcome (a failure does not cancel the others: the agent should
 * see everything that is broken at once).
 */
export async function runCommands(io: HostIO, root: string, commands: VerifyCommandConfig[], budgetMs: number): Promise<CommandOutcome[]> {
  const started = Date.now();
  return Promise.all(
    commands.map(async (command) => {
      const timeoutMs = Math.max(1000, Math.min(command.timeout ? command.timeout * 1000 : budgetMs, budgetMs - (Date.now() - started)));
      const before = Date.now();
      try {
        const result = await io.runShell(command.command, { cwd: root, timeoutMs });
        const output = `${result.stdout}${result.stderr && !result.stdout.includes(result.stderr) ? `\n${result.stderr}` : ""}`;
        return { command, ok: result.exitCode === 0 && !result.timedOut, exitCode: result.exitCode, timedOut: result.timedOut, tail: tail(output), ms: Date.now() - before };
      } catch (error) {
        return { command, ok: false, exitCode: null, timedOut: false, tail: `could not run: ${(error as Error).message}`, ms: Date.now() - before };
      }
    }),
  );
}
