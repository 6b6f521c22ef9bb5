/** The shell syntax tree: just enough of bash to know which commands run with which words. */

export type WordPart =
  /** Literal text; `quoted` text is exempt from globbing, brace and tilde expansion. */
  | { type: "lit"; text: string; quoted: boolean }
  /** $name, ${name}, ${name:-word} …; `op` is the operator after the name, `arg` its word. */
  | { type: "param"; name: string; op?: string; arg?: Word; length?: boolean; indirect?: boolean; names?: boolean; quoted: boolean }
  | { type: "cmdsub"; script: Script; quoted: boolean }
  /** $((…)); `words`: the expansions inside it, which the shell runs (`$((1 + $(cat .env)))`). */
  | { type: "arith"; quoted: boolean; words: Word[] }
  | { type: "procsub"; script: Script; direction: "<" | ">" };

export interface Word {
  parts: WordPart[];
  /** Source text, for messages. */
  raw: string;
}

export interface Redirect {
  /** `<`, `>`, `>>`, `<>`, `>|`, `&>`, `&>>`, `<&`, `>&`, `<<`, `<<-`, `<<<`. */
  op: string;
  fd?: number;
  target: Word;
  /** For `<<` and `<<-`: the body, and whether the delimiter was quoted (no expansion). */
  heredoc?: { body: string; quoted: boolean; word?: Word };
}

export interface Assignment {
  name: string;
  value: Word;
  /** Values of a `for NAME in …` loop, one of which the name takes. */
  loopValues?: Word[];
  /** An argument of a declaration builtin (`declare -a arr=(…)`), not a prefix of the command. */
  declared?: true;
}

export type Command =
  | { type: "simple"; assigns: Assignment[]; words: Word[]; redirects: Redirect[] }
  | { type: "compound"; body: Script; redirects: Redirect[]; subshell: boolean }
  | { type: "loop-var"; assign: Assignment }
  /** `name() { …; }`: run where it is called, with that call's words as $1, $2 …. */
  | { type: "function"; name: string; body: Script; redirects: Redirect[] }
  | { type: "test"; words: Word[] };

export interface Pipeline {
  commands: Command[];
}

export interface Statement {
  pipelines: Pipeline[];
  /** Operators between the pipelines: `&&` or `||`. */
  ops: string[];
  background: boolean;
  /** In an if, a loop or a `{ }` group, which the parse steps over: it may not run, or run again. */
  nested?: true;
}

export interface Script {
  statements: Statement[];
}
