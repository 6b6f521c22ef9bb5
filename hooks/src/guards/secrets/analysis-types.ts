import type { Arg, ExpandScope, VarValues } from "../../shell/expand.js";
import type { Command, Word } from "../../shell/ast.js";
import type { GuardEnv } from "./guard.js";
import type { OptionSpec } from "./options.js";
import type { Finding } from "./refusal.js";
import type { SearchFilter } from "./tree-search.js";

/** What the shell analysis knows while it walks a command: variables and the working directory. */
export interface State {
  vars: Map<string, VarValues>;
  cwd: string | undefined;
}

/** What feeds a command's stdin, when the guard can tell (for xargs). */
export interface Upstream {
  command: Command | undefined;
  state: State;
  /** What feeds this command in turn (the pipeline to its left). */
  from?: Upstream | undefined;
}

export type SimpleCommand = Extract<Command, { type: "simple" }>;

/** The shell analysis as the per-command modules use it. */
export interface Analyzer {
  readonly env: GuardEnv;
  readonly findings: Finding[];
  /** Records a secret that is not a file the call would show: `what` it is, `how` (\`env\` prints). */
  leak(what: string, how: string, instead?: string): void;
  /** Records what the guard could not check (too deep, too large, unparsed), which refuses the call. */
  unchecked(what: string, how: string): void;
  /** Records a word only known when the command runs (a variable, a substitution) that may name a secret file. */
  dynamic(word: string, how: string): void;
  /** The whole command line being judged, as written. */
  readonly text: string;
  /** Files earlier commands in the call write (`>`, cp, mv), by absolute path. */
  readonly made: Set<string>;
  /** What earlier commands in the call wrote to a file with `>` or `>>`, when that is certain, by absolute path. */
  readonly written: Map<string, string>;
  /** Script files read so far in the call (scriptFile), by path and working directory. */
  readonly scripts: Set<string>;
  /** Set once an earlier command in the call changed what git holds (`git add -f .env`): later git output cannot be listed in advance. */
  gitChanged: boolean;
  /** An earlier command in the call may change what git and ripgrep ignore. */
  ignoreTouched: boolean;
  /** A file name the command reads: a finding if it is, or may be, a secret file. */
  file(arg: Arg, state: State, how: string): Promise<void>;
  /** A path that may be a folder the command reads recursively. */
  tree(arg: Arg, state: State, filter: SearchFilter, how: string, extra?: (hits: Finding[]) => Promise<Finding[]>): Promise<void>;
  /**
   * Every operand (and file-valued option) of a command that reads what it names. A file an option
   * loads (`--env-file`) is not read, unless the command prints what it made of it, or the option is
   * one the caller says `exposes` it.
   */
  readsAll(args: Arg[], state: State, how: string, spec?: OptionSpec, exposes?: RegExp): Promise<void>;
  run(argv: Arg[], command: SimpleCommand, state: State, upstream: Upstream | undefined): Promise<void>;
  source(text: string, state: State, how: string): Promise<void>;
  /** A script run from a file on disk (`code`: by an interpreter), read for the certain ways it prints a secret. */
  scriptFile(arg: Arg, state: State, code?: boolean): Promise<void>;
  /** A shell script's text (`label`: "the script `x.sh`"), read as scriptFile reads one; once per `key`. */
  shellScript(text: string, label: string, state: State, key?: string): Promise<void>;
  expand(word: Word, state: State): Arg[];
  /** Whether a variable holds a secret: by its name, or by what the command put in it (`T=$(gh auth token)`). */
  secret(name: string): boolean;
  /** Whether the command's own prefix set the variable to plain text (`KEY=abc node -e …`): its value is in the command already. */
  prefixedPlain(name: string, state: State): boolean;
  scope(state: State): ExpandScope;
}

/** Search options that print file names or counts, never matching lines. */
export const NAMES_ONLY = ["-l", "-L", "-c", "-q", "--files-with-matches", "--files-without-match", "--count", "--count-matches", "--quiet", "--silent"];

/** The finding for code a command hides from the guard (how, from shell-findings.ts: hidingPipeline). */
export function hiddenCode(how: string, hidden: string, what = "runs code"): Finding {
  return { kind: "unchecked", what: `${what} this command ${hidden}, which the guard cannot read`, how };
}

/** A finding's `how` told as happening inside a script or recipe (`In the script \`x.sh\`, \`cat\` reads`). */
export function within(label: string, how: string): string {
  return `In ${label}, ${how.replace(/^(In|The) /, (w) => w.toLowerCase())}`;
}

/** A file's text as the command has it so far: what an earlier `>` in it wrote, else what is on disk. */
export async function textOf(a: Analyzer, path: string): Promise<string | undefined> {
  return a.written.get(path) ?? (await a.env.ctx.io.readText(path));
}

/** A word quoted for the shell, as it stands (`'it'\''s'`). */
export function quoteWord(word: string): string {
  return `'${word.replaceAll("'", "'\\''")}'`;
}

export function copy(state: State): State {
  return { vars: new Map(state.vars), cwd: state.cwd };
}

/** The variables a command's own prefix set, as NAME=value, under a name no variable can have. */
export const PREFIXED = "\0prefixed";

/** pushd's stack, under a name no variable can have: the folders this call pushed ("" for one unknown). */
const DIRS = "\0dirs";

/**
 * Where cd, pushd or popd leaves the shell, `next` being where the target resolves (undefined:
 * unknown). `cd -` goes back to $OLDPWD and popd to what this call pushed; past that, or for
 * pushd's and popd's other forms (no folder, `+N`), the folder is unknown.
 */
export function changeDir(name: string, target: string | undefined, next: string | undefined, state: State): void {
  const before = state.cwd;
  const stack = state.vars.get(DIRS) ?? [];
  const other = name !== "cd" && (target === undefined ? name === "pushd" : /^[+-]\d/.test(target));
  if (name === "popd") state.vars.set(DIRS, stack.slice(1));
  else if (name === "pushd") state.vars.set(DIRS, other ? undefined : [before ?? "", ...stack]);
  state.cwd = other ? undefined : name === "popd" ? stack[0] || undefined : target === "-" ? state.vars.get("OLDPWD")?.[0] : next;
  state.vars.set("OLDPWD", before === undefined ? undefined : [before]);
}

export function stripAt(arg: Arg): Arg {
  return arg.text.startsWith("@") && arg.text.length > 1 ? { ...arg, text: arg.text.slice(1) } : arg;
}

/** The declaration builtins, whose `NAME=value` words assign (space-delimited, for a cheap includes()). */
export const DECLARES = " export declare typeset local readonly ";
