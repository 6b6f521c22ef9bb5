import type { Command, Script } from "../../shell/ast.js";
import { UNKNOWN, expandWord, literalValue, nestedScripts, type Arg, type ExpandScope } from "../../shell/expand.js";
import { parseShell } from "../../shell/parser.js";
import { basename, toAbsolute } from "../../runtime/paths.js";
import { copy, type State } from "../secrets/analysis-types.js";
import { GIT_VALUE_OPTIONS, SHELLS } from "../secrets/command-rules.js";
import { innerCommand } from "../secrets/wrappers.js";

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

/** git's global options that take a value. */

function resolveDir(dir: string, cwd: string | undefined, home: string | undefined): string | undefined {
  if (dir.includes(UNKNOWN)) return undefined;
  const anchored = dir.startsWith("/") || (home !== undefined && (dir === "~" || dir.startsWith("~/")));
  if (!anchored && cwd === undefined) return undefined;
  return toAbsolute(dir, cwd ?? "/", home);
}

/** Finds every `git commit` in a command line, however it is wrapped; mentions (echo, grep) are not commits. */
export function findCommits(command: string, cwd: string, home: string | undefined, env: (name: string) => string | undefined): CommitInvocation[] {
  const found: CommitInvocation[] = [];
  const scope = (state: State): ExpandScope => ({ vars: state.vars, cwd: state.cwd, home, env });

  const visitScript = (script: Script, state: State, depth: number): void => {
    if (depth > 8) return;
    for (const statement of script.statements) {
      for (const pipeline of statement.pipelines) {
        for (const cmd of pipeline.commands) visitCommand(cmd, pipeline.commands.length > 1 ? copy(state) : state, depth);
      }
    }
  };

  const visitCommand = (cmd: Command, state: State, depth: number): void => {
    if (cmd.type === "compound") {
      visitScript(cmd.body, cmd.subshell ? copy(state) : state, depth);
      return;
    }
    if (cmd.type === "loop-var") {
      state.vars.set(cmd.assign.name, undefined);
      return;
    }
    if (cmd.type === "test") return;
    for (const word of cmd.words) for (const inner of nestedScripts(word)) visitScript(inner, copy(state), depth + 1);
    const argv = cmd.words.flatMap((word) => expandWord(word, scope(state)));
    if (argv.length === 0) {
      for (const assign of cmd.assigns) {
        const value = literalValue(assign.value, scope(state));
        state.vars.set(assign.name, value === undefined ? undefined : [value]);
      }
      return;
    }
    const heredoc = cmd.redirects.find((r) => r.heredoc || r.op === "<<<");
    let stdin: string | undefined;
    if (heredoc?.heredoc) stdin = heredoc.heredoc.quoted || !heredoc.heredoc.word ? heredoc.heredoc.body : literalValue(heredoc.heredoc.word, scope(state)) ?? UNKNOWN;
    else if (heredoc) stdin = literalValue(heredoc.target, scope(state)) ?? UNKNOWN;
    const raw = cmd.words.map((w) => w.raw).join(" ");
    visitArgv(argv, state, depth, stdin, raw);
  };

  const visitArgv = (argv: Arg[], state: State, depth: number, stdin: string | undefined, raw: string): void => {
    // Step over wrappers (the secret guard's table), following `env -C` into its folder.
    const command = innerCommand(argv, {
      throughXargs: true,
      onValue: (wrapper, option, value) => {
        if (wrapper === "env" && (option === "-C" || option === "--chdir")) state = { ...state, cwd: resolveDir(value.text, state.cwd, home) };
      },
    });
    const name = basename(command[0]?.text ?? "");
    const rest = command.slice(1);
    if (name === "cd") {
      const target = rest.find((a) => !a.text.startsWith("-"));
      state.cwd = target ? resolveDir(target.text, state.cwd, home) : home;
      return;
    }
    if (SHELLS.has(name)) {
      const c = rest.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a.text));
      const code = c === -1 ? undefined : rest[c + 1];
      if (code && !code.text.includes(UNKNOWN)) visitSource(code.text, state, depth + 1);
      else if (c === -1 && stdin !== undefined && !stdin.includes(UNKNOWN)) visitSource(stdin, state, depth + 1);
      return;
    }
    if (name === "eval") {
      const text = rest.map((a) => a.text).join(" ");
      if (!text.includes(UNKNOWN)) visitSource(text, state, depth + 1);
      return;
    }
    if (name !== "git") return;
    let j = 0;
    let gitCwd = state.cwd;
    while (j < rest.length && (rest[j] as Arg).text.startsWith("-")) {
      const option = (rest[j] as Arg).text;
      if (option === "-C") gitCwd = resolveDir(rest[j + 1]?.text ?? UNKNOWN, gitCwd, home);
      j += GIT_VALUE_OPTIONS.has(option) ? 2 : 1;
    }
    if (rest[j]?.text !== "commit") return;
    found.push({ args: rest.slice(j + 1), cwd: gitCwd, raw, ...(stdin !== undefined ? { stdin } : {}) });
  };

  const visitSource = (text: string, state: State, depth: number): void => {
    try {
      visitScript(parseShell(text), copy(state), depth);
    } catch {
      // Text that does not parse runs nothing.
    }
  };

  visitScript(parseShell(command), { vars: new Map(), cwd }, 0);
  return found;
}
