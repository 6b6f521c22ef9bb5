import { UNKNOWN, type Arg } from "../../shell/expand.js";
import { GIT_VALUE_OPTIONS } from "../secrets/command-rules.js";
import { resolveDir, walkCommands } from "../walk-commands.js";

/** One `git commit` a Bash command would run, with what the gate needs to judge it. */
export interface CommitInvocation {
  /** Arguments after `commit`, expanded. */
  args: Arg[];
  /** Where git runs: the shell's directory with any `git -C` applied; undefined when unknown. */
  cwd: string | undefined;
  /** The text a heredoc or here-string feeds to the command's stdin (for `-F -`). */
  stdin?: string;
  /** The command as written, for messages. */
  raw: string;
}

/** Finds every `git commit` in a command line, however it is wrapped; mentions (echo, grep) are not commits. */
export function findCommits(command: string, cwd: string, home: string | undefined, env: (name: string) => string | undefined): CommitInvocation[] {
  const found: CommitInvocation[] = [];
  walkCommands(command, cwd, home, env, ({ name, args, cwd: at, stdin, raw }) => {
    if (name !== "git") return;
    let j = 0;
    let gitCwd = at;
    while (j < args.length && (args[j] as Arg).text.startsWith("-")) {
      const option = (args[j] as Arg).text;
      if (option === "-C") gitCwd = resolveDir(args[j + 1]?.text ?? UNKNOWN, gitCwd, home);
      j += GIT_VALUE_OPTIONS.has(option) ? 2 : 1;
    }
    if (args[j]?.text !== "commit") return;
    found.push({ args: args.slice(j + 1), cwd: gitCwd, raw, ...(stdin !== undefined ? { stdin } : {}) });
  });
  return found;
}
