/**
 * Walks every simple command a Bash command line would run, however it is written: lists, pipelines,
 * subshells and groups, command substitutions, wrappers (`sudo`, `env -C dir`, `timeout`, xargs),
 * `cd`, `bash -c` / `sh -c` and their heredoc-fed forms, `eval`, and shell functions where they are called. The commit finder and the
 * config guard each look at the commands it hands them. (The secret guard's own walk, in
 * secrets/shell-findings.ts, does more: it follows what each command reads.)
 */
import type { Command, Redirect, Script, Word } from "../shell/ast.js";
import { UNKNOWN, expandWord, literalValue, nestedScripts, pipedPrint, type Arg, type ExpandScope } from "../shell/expand.js";
import { parseShell } from "../shell/parser.js";
import { basename, toAbsolute } from "../runtime/paths.js";
import { DECLARES, changeDir, copy, type State } from "./secrets/analysis-types.js";
import { RUNS_C, SHELLS } from "./secrets/command-rules.js";
import { aliasDefinitions, innerCommand } from "./secrets/wrappers.js";

/** One simple command, wrappers stepped over. */
export interface WalkedCommand {
  /** The command's name (basename) and its arguments, expanded. */
  name: string;
  args: Arg[];
  /** Its working directory; undefined when it cannot be known (`cd "$(…)"`). */
  cwd: string | undefined;
  /** What a heredoc or here-string feeds to its stdin. */
  stdin?: string;
  /** Its redirections with their targets expanded (undefined: not literal), heredocs left out. */
  redirects: Array<{ op: string; target: string | undefined }>;
  /** The command as written, prefix assignments included, for messages. */
  raw: string;
}

export function resolveDir(dir: string, cwd: string | undefined, home: string | undefined): string | undefined {
  if (dir.includes(UNKNOWN)) return undefined;
  const anchored = dir.startsWith("/") || (home !== undefined && (dir === "~" || dir.startsWith("~/")));
  if (!anchored && cwd === undefined) return undefined;
  return toAbsolute(dir, cwd ?? "/", home);
}

/** Calls `visit` for every simple command in `command`; throws ShellSyntaxError when it does not parse. */
/** `top`: the repository's top as git printed it for `cwd`, when the command asks for it (`cd "$(git rev-parse --show-toplevel)"`). */
export function walkCommands(command: string, cwd: string, home: string | undefined, env: (name: string) => string | undefined, visit: (cmd: WalkedCommand) => void, top?: string): void {
  const scope = (state: State): ExpandScope => ({ vars: state.vars, cwd: state.cwd, home, env, top });
  // `alias gc='git commit'` then `gc -m wip` on a later line: Claude Code's shell expands aliases.
  const aliases = new Map<string, string>();

  const visitScript = (script: Script, state: State, depth: number): void => {
    if (depth > 8) return;
    for (const statement of script.statements) {
      for (const pipeline of statement.pipelines) {
        pipeline.commands.forEach((cmd, i) => {
          // What the commands before it in the pipe print, when that is certain (`printf '…' | git commit -F -`).
          const piped = i > 0 ? (pipedPrint(pipeline.commands.slice(0, i), scope(state)) ?? UNKNOWN) : undefined;
          visitCommand(cmd, pipeline.commands.length > 1 ? copy(state) : state, depth, piped);
        });
      }
    }
  };

  // The commands substituted anywhere in words: arguments, assignments (`x=$(git commit …)`),
  // loop lists, tests, redirection targets and heredoc bodies all run theirs.
  const visitNested = (words: Array<Word | undefined>, state: State, depth: number): void => {
    for (const word of words) for (const inner of word ? nestedScripts(word) : []) visitScript(inner, copy(state), depth + 1);
  };
  // Most commands have no assignments or redirections: build those word lists only when there are some.
  const redirectWords = (redirects: Redirect[]) => (redirects.length === 0 ? [] : redirects.flatMap((r) => [r.target, r.heredoc?.word]));

  // Functions the command defines: walked where they are called, with that call's words as $1 … (the
  // ones never called by name, at the end, their words unknown).
  const functions = new Map<string, { body: Script; state: State; called?: true }>();
  const call = (fn: { body: Script; called?: true }, words: Arg[][] | undefined, state: State, depth: number): void => {
    fn.called = true;
    // $N is known while every word up to it is one plain word (not a glob, nor `$X` that may split).
    const names = Array.from({ length: 9 }, (_, i) => String(i + 1));
    const saved = names.map((name) => state.vars.get(name));
    names.forEach((name, i) => state.vars.set(name, words?.slice(0, i + 1).every(([w, ...more]) => more.length === 0 && w?.glob === undefined && !w?.text.includes(UNKNOWN)) ? [words[i]?.[0]?.text ?? ""] : undefined));
    visitScript(fn.body, state, depth + 1);
    // The body's own assignments stay (a function runs in the caller's shell); its words do not.
    names.forEach((name, i) => state.vars.set(name, saved[i]));
  };

  const visitCommand = (cmd: Command, state: State, depth: number, piped?: string): void => {
    if (cmd.type === "function") {
      visitNested(redirectWords(cmd.redirects), state, depth);
      functions.set(cmd.name, { body: cmd.body, state: copy(state) });
      return;
    }
    if (cmd.type === "compound") {
      visitNested(redirectWords(cmd.redirects), state, depth);
      visitScript(cmd.body, cmd.subshell ? copy(state) : state, depth);
      return;
    }
    if (cmd.type === "loop-var") {
      visitNested([cmd.assign.value, ...(cmd.assign.loopValues ?? [])], state, depth);
      state.vars.set(cmd.assign.name, undefined);
      return;
    }
    if (cmd.type === "test") return visitNested(cmd.words, state, depth);
    visitNested(cmd.words, state, depth);
    if (cmd.assigns.length > 0) visitNested(cmd.assigns.flatMap((a) => [a.value, ...(a.loopValues ?? [])]), state, depth);
    visitNested(redirectWords(cmd.redirects), state, depth);
    const argv = cmd.words.flatMap((word) => expandWord(word, scope(state)));
    const redirects = cmd.redirects.filter((r) => !r.heredoc && r.op !== "<<<").map((r) => ({ op: r.op, target: literalValue(r.target, scope(state)) }));
    if (argv.length === 0) {
      for (const assign of cmd.assigns) {
        // An array's elements are all taken as its values: `"${x[@]}"` runs them as one command's words.
        const values = (assign.loopValues ?? [assign.value]).map((w) => literalValue(w, scope(state)));
        state.vars.set(assign.name, values.includes(undefined) ? undefined : (values as string[]));
      }
      if (redirects.length > 0) visit({ name: "", args: [], cwd: state.cwd, redirects, raw: "" });
      return;
    }
    // `export C=commit` (declare, local, readonly, typeset) sets a variable as a plain assignment does.
    const first = argv[0]?.text;
    if (DECLARES.includes(` ${first} `)) {
      // `declare -n c=sub` makes c a name for sub: taken as unknown.
      const nameref = first !== "export" && argv.some((a) => /^-\w*n/.test(a.text));
      for (const word of cmd.words.slice(1)) {
        const name = /^([A-Za-z_]\w*)=/.exec(word.raw)?.[1];
        const value = name && !nameref ? literalValue(word, scope(state)) : undefined;
        if (name) state.vars.set(name, value === undefined ? undefined : [value.slice(name.length + 1)]);
      }
    }
    const heredoc = cmd.redirects.find((r) => r.heredoc || r.op === "<<<");
    let stdin: string | undefined = piped;
    if (heredoc?.heredoc) stdin = heredoc.heredoc.quoted || !heredoc.heredoc.word ? heredoc.heredoc.body : literalValue(heredoc.heredoc.word, scope(state)) ?? UNKNOWN;
    else if (heredoc) stdin = literalValue(heredoc.target, scope(state)) ?? UNKNOWN;
    // Prefix assignments are part of what the command runs with (`CLAUDE_CODE_SAFE_MODE=1 claude`).
    const prefixes = cmd.assigns.filter((a) => !a.declared).map((a) => `${a.name}=${a.value.raw}`);
    const fn = functions.get(argv[0]?.text ?? "");
    if (fn && depth < 8) call(fn, cmd.words.slice(1).map((word) => expandWord(word, scope(state))), state, depth);
    visitArgv(argv, state, depth, stdin, redirects, [...prefixes, ...cmd.words.map((w) => w.raw)].join(" "));
  };

  const visitArgv = (argv: Arg[], state: State, depth: number, stdin: string | undefined, redirects: WalkedCommand["redirects"], raw: string): void => {
    // A command word only the running shell knows may be empty or a prefix (`$SUDO git commit`), or
    // split into words (`git${IFS}commit`, whose pieces expandWord puts after it): what follows it
    // may be the command that runs.
    if (argv[0]?.text.includes(UNKNOWN) && argv.length > 1 && depth < 8) visitArgv(argv.slice(1), state, depth + 1, stdin, redirects, raw);
    const alias = aliases.get(argv[0]?.text ?? "");
    if (alias !== undefined && depth < 8) {
      visitSource([alias, ...argv.slice(1).map((a) => a.raw)].join(" "), state, depth + 1);
      return;
    }
    if (argv[0]?.text === "alias") for (const [name, text] of aliasDefinitions(argv.slice(1))) aliases.set(name, text);
    // Step over wrappers (the secret guard's table), following `env -C` into its folder.
    const command = innerCommand(argv, {
      throughXargs: true,
      onValue: (wrapper, option, value) => {
        if (wrapper === "env" && (option === "-C" || option === "--chdir")) state = { ...state, cwd: resolveDir(value.text, state.cwd, home) };
      },
    });
    const name = basename(command[0]?.text ?? "");
    const rest = command.slice(1);
    visit({ name, args: rest, cwd: state.cwd, redirects, raw, ...(stdin !== undefined ? { stdin } : {}) });
    if (name === "cd" || name === "pushd" || name === "popd") {
      const target = rest.find((a) => !a.text.startsWith("-") || /^-\d*$/.test(a.text));
      changeDir(name, target?.text, target ? resolveDir(target.text, state.cwd, home) : home, state);
      return;
    }
    // Shells, and the commands that hand their -c to one (`script -qc 'git commit …' /dev/null`, `su -c`).
    if (SHELLS.has(name) || RUNS_C.has(name)) {
      const c = rest.findIndex((a) => /^-[a-z]*c[a-z]*$|^--(command|run)$/.test(a.text));
      const code = c === -1 ? undefined : rest[c + 1];
      if (code && !code.text.includes(UNKNOWN)) visitSource(code.text, state, depth + 1);
      else if (c === -1 && stdin !== undefined && !stdin.includes(UNKNOWN)) visitSource(stdin, state, depth + 1);
      return;
    }
    // `at now <<< 'git commit …'` runs its input later; `parallel ::: 'git commit …'` each argument.
    if ((name === "at" || name === "batch") && stdin !== undefined) visitSource(stdin, state, depth + 1);
    if (name === "parallel") for (const each of rest.slice(rest.findIndex((a) => a.text === ":::") + 1 || rest.length)) visitSource(each.text, state, depth + 1);
    if (name === "eval") {
      const text = rest.map((a) => a.text).join(" ");
      if (!text.includes(UNKNOWN)) visitSource(text, state, depth + 1);
    }
    // `trap 'git commit …' EXIT`: the handler runs when the shell exits (or on the signal).
    if (name === "trap" && rest[0] && !rest[0].text.startsWith("-") && !rest[0].text.includes(UNKNOWN)) visitSource(rest[0].text, state, depth + 1);
    // `find … -exec cmd {} \;`: each command it runs (in the file's folder for -execdir: unknown).
    if (name === "find" && depth < 8) {
      for (let i = 0; i < rest.length; i++) {
        const action = rest[i]?.text ?? "";
        if (!["-exec", "-execdir", "-ok", "-okdir"].includes(action)) continue;
        const end = rest.findIndex((a, k) => k > i && (a.text === ";" || a.text === "+"));
        const inner = rest.slice(i + 1, end === -1 ? rest.length : end);
        if (inner.length > 0) visitArgv(inner, action.endsWith("dir") ? { ...state, cwd: undefined } : state, depth + 1, undefined, [], inner.map((a) => a.raw).join(" "));
        i = end === -1 ? rest.length : end;
      }
    }
  };

  const visitSource = (text: string, state: State, depth: number): void => {
    try {
      visitScript(parseShell(text), copy(state), depth);
    } catch {
      // Text that does not parse runs nothing.
    }
  };

  visitScript(parseShell(command), { vars: new Map(), cwd }, 0);
  for (const fn of functions.values()) if (!fn.called) call(fn, undefined, fn.state, 0);
}
