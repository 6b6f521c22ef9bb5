import type { Command, Script, Word, WordPart } from "./ast.js";

/**
 * Static word expansion. Each word becomes the values it can take, as far as the text alone tells:
 * quoting is removed, `~`, known variables and braces are expanded, and what only the running shell
 * knows (an unset or computed variable, a command's output) is marked UNKNOWN in the text.
 */
export const UNKNOWN = "\u0000";

export interface Arg {
  /** The value with quotes removed; UNKNOWN marks text only the running shell knows. */
  text: string;
  /** A glob pattern (quoted glob characters escaped) when the value has unquoted `*`, `?`, `[` or an extended glob's `(`. */
  glob?: string;
  /** The source text of the word, for messages. */
  raw: string;
}

/** What a variable is known to hold: its possible values, or undefined when unknown. */
export type VarValues = string[] | undefined;

export interface ExpandScope {
  vars: Map<string, VarValues>;
  home: string | undefined;
  /** The shell's working directory, when known. */
  cwd: string | undefined;
  /** Variables of the environment the command inherits. */
  env(name: string): string | undefined;
  /** The repository's top, as git printed it for the call's folder: what `$(git rev-parse --show-toplevel)` prints under it. */
  top?: string | undefined;
}

const MAX_ALTERNATIVES = 256;
/** The values a word's variables may give it together (a loop variable over a long list, times the text around it). */
const MAX_WORD_ALTERNATIVES = 2048;

/**
 * Whether text holds a character that is special in a glob. A loop: this runs for every character of
 * every word, and a RegExp run that often is compiled twice (V8 tiers it up to machine code).
 */
function hasGlobCharacter(text: string): boolean {
  for (const c of text) if (c === "*" || c === "?" || c === "[" || c === "]" || c === "\\" || c === "{" || c === "}" || c === "(") return true;
  return false;
}

/** One character of a word after parameter and command expansion, with whether it is quoted. */
interface Char {
  c: string;
  quoted: boolean;
  /** From an unquoted expansion: where an IFS character (or an unknown) may split the word into fields. */
  split?: true;
}

type Chars = Char[];

function lit(text: string, quoted: boolean): Chars {
  return Array.from(text, (c) => ({ c, quoted }));
}

const unknownChar: Char = { c: UNKNOWN, quoted: true };
const unknownUnquoted: Char = { c: UNKNOWN, quoted: true, split: true };

/** An expansion's value: unquoted, the shell splits it into fields at IFS characters (`$X` with X="cat .env"). */
function expanded(text: string, quoted: boolean): Chars {
  return quoted ? lit(text, true) : Array.from(text, (c) => ({ c, quoted: false, split: true as const }));
}

export function variableValues(name: string, scope: ExpandScope): VarValues {
  if (scope.vars.has(name)) return scope.vars.get(name);
  if (name === "HOME") return scope.home !== undefined ? [scope.home] : undefined;
  if (name === "PWD") return scope.cwd !== undefined ? [scope.cwd] : undefined;
  if (/^[0-9@*#?$!-]$/.test(name)) return undefined;
  const value = scope.env(name);
  return value === undefined ? undefined : [value];
}

/** Backslash escapes as printf and `echo -e` interpret them; undefined for forms left unknown. */
function interpretEscapes(text: string): string | undefined {
  let unknown = false;
  const out = text.replace(/\\(x[0-9a-fA-F]{1,2}|0[0-7]{0,3}|[0-7]{1,3}|.)/gs, (_, esc: string) => {
    const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", f: "\f", v: "\v", e: "\x1b", "\\": "\\", '"': '"', "'": "'" };
    if (esc[0] === "x") return String.fromCharCode(parseInt(esc.slice(1), 16));
    if (/^[0-7]/.test(esc)) return String.fromCharCode(parseInt(esc, 8));
    if (esc === "c") unknown = true; // \c stops all output: rare, left unknown
    return simple[esc] ?? `\\${esc}`;
  });
  return unknown ? undefined : out;
}

/**
 * What a simple command prints, where that is certain without running it: `cat` of a heredoc or
 * here-string, `echo` (with -n, -e, -E) and `printf` of literal words. Undefined otherwise.
 */
export function staticPrint(command: Command, scope: ExpandScope): string | undefined {
  if (command.type !== "simple" || command.assigns.length > 0) return undefined;
  // `cat <<'EOF' … EOF`: how Claude Code writes commit messages; the output is the heredoc's body.
  const fed = command.redirects.length === 1 ? command.redirects[0] : undefined;
  const catOnly = command.words.length === 1 && command.words[0]?.raw === "cat";
  if (fed && catOnly && (fed.heredoc || fed.op === "<<<")) {
    // The parsed body leaves out the newline before the delimiter; cat prints it.
    const body = fed.heredoc ? (fed.heredoc.quoted || !fed.heredoc.word ? fed.heredoc.body : literalValue(fed.heredoc.word, scope)) : undefined;
    if (fed.heredoc) return body === undefined ? undefined : body.endsWith("\n") || body === "" ? body : `${body}\n`;
    const text = literalValue(fed.target, scope);
    return text === undefined ? undefined : `${text}\n`;
  }
  // `2>/dev/null` leaves what it prints alone.
  if (command.redirects.some((r) => r.fd !== 2 || r.op !== ">" || r.target.raw !== "/dev/null")) return undefined;
  const words = command.words.map((w) => expandWord(w, scope));
  if (words.some((alternatives) => alternatives.length !== 1 || alternatives[0]?.text.includes(UNKNOWN))) return undefined;
  const argv = words.map((alternatives) => (alternatives[0] as Arg).text);
  if (argv[0] === "echo") {
    let i = 1;
    let newline = true;
    let escapes = false;
    for (; i < argv.length && /^-[neE]+$/.test(argv[i] as string); i++) {
      for (const flag of (argv[i] as string).slice(1)) {
        if (flag === "n") newline = false;
        else escapes = flag === "e";
      }
    }
    const text = argv.slice(i).join(" ");
    const body = escapes ? interpretEscapes(text) : text;
    return body === undefined ? undefined : `${body}${newline ? "\n" : ""}`;
  }
  if (argv[0] === "pwd" && argv.length === 1) return scope.cwd === undefined ? undefined : `${scope.cwd}\n`;
  const top = scope.top;
  if (argv.join(" ") === "git rev-parse --show-toplevel" && top !== undefined && (scope.cwd === top || scope.cwd?.startsWith(`${top}/`))) return `${top}\n`;
  if (argv[0] === "printf") {
    const rest = argv[1] === "--" ? argv.slice(2) : argv.slice(1);
    // `printf -v name …` prints nothing: it sets a variable.
    return rest[0] === undefined || rest[0].startsWith("-") ? undefined : printfOutput(rest[0], rest.slice(1));
  }
  // `$(mktemp)`: a new file under /tmp by its template (`tmp.XXXXXXXXXX`), with its X's left in.
  if (argv[0] === "mktemp") {
    const template = argv.slice(1).find((a) => !a.startsWith("-")) ?? "tmp.XXXXXXXXXX";
    return argv.length <= 3 && argv.slice(1).every((a) => a === template || /^-[dqu]+$/.test(a)) ? `${template.includes("/") ? "" : "/tmp/"}${template}\n` : undefined;
  }
  // `$(which env)`, `$(command -v env)`: a path whose last part is the name (the folder is not known,
  // and no check needs it).
  const name = argv[0] === "which" ? argv[1] : argv[0] === "command" && argv[1] === "-v" ? argv[2] : undefined;
  return name && argv.length === (argv[0] === "which" ? 2 : 3) && /^[\w.+-]+$/.test(name) ? `/usr/bin/${name}\n` : undefined;
}

/** `cat` and `tee` with no input files: what they print is what they were fed. */
export function passesInput(command: Command): boolean {
  if (command.type !== "simple" || command.redirects.length > 0) return false;
  const [name, ...rest] = command.words.map((w) => w.raw);
  return name === "tee" || (name === "cat" && rest.every((w) => w === "-"));
}

/** What the last of `commands`, the left side of a pipe, prints into it, where certain: through `cat` and `tee`. */
export function pipedPrint(commands: readonly Command[], scope: ExpandScope): string | undefined {
  for (let i = commands.length - 1; i >= 0; i--) {
    const command = commands[i] as Command;
    if (!passesInput(command)) return staticPrint(command, scope);
  }
  return undefined;
}

/**
 * What `printf FORMAT ARGS…` prints when the format's conversions are only %s, %b, %c and %%
 * (undefined for any other, or a width): the format is used again while arguments remain, as printf does.
 */
function printfOutput(format: string, args: string[]): string | undefined {
  if (format.replace(/%[%sbc]/g, "").includes("%")) return undefined;
  let out = "";
  let next = 0;
  do {
    for (const part of format.split(/(%[%sbc])/)) {
      const arg = part === "%s" || part === "%b" || part === "%c" ? (args[next++] ?? "") : "";
      const text = part === "%%" ? "%" : part === "%s" ? arg : part === "%c" ? arg.slice(0, 1) : interpretEscapes(part === "%b" ? arg : part);
      if (text === undefined) return undefined;
      out += text;
    }
  } while (next > 0 && next < args.length);
  return out;
}

/** `$(…)` whose output staticPrint knows: the output with its trailing newlines removed, as the shell does. */
function staticOutput(script: Script, scope: ExpandScope): string | undefined {
  if (script.statements.length !== 1) return undefined;
  const [pipeline] = script.statements[0]?.pipelines ?? [];
  if (!pipeline || pipeline.commands.length !== 1 || script.statements[0]?.pipelines.length !== 1) return undefined;
  const command = pipeline.commands[0];
  const out = command ? staticPrint(command, scope) : undefined;
  return out?.replace(/\n+$/, "");
}

/**
 * The text a `<(…)` word gives to read, when staticPrint knows it (`source <(echo cat .env)` runs
 * that text as shell code); undefined for any other word.
 */
export function substitutedInput(word: Word | undefined, scope: ExpandScope): string | undefined {
  const only = word?.parts.length === 1 ? word.parts[0] : undefined;
  return only?.type === "procsub" && only.direction === "<" ? staticOutput(only.script, scope) : undefined;
}

/** Alternatives for one part, each a run of characters. */
function partAlternatives(part: WordPart, scope: ExpandScope): Chars[] {
  switch (part.type) {
    case "lit":
      return [lit(part.text, part.quoted)];
    case "arith":
      return [lit("0", true)];
    case "procsub":
      return [lit("/dev/fd/63", true)];
    case "cmdsub": {
      const out = staticOutput(part.script, scope);
      return [out === undefined ? [part.quoted ? unknownChar : unknownUnquoted] : expanded(out, part.quoted)];
    }
    case "param": {
      // A length, or `${!PREFIX*}`'s list of variable names: never a file name nor a secret.
      if (part.length || part.names) return [lit("0", true)];
      const unknown = part.quoted ? unknownChar : unknownUnquoted;
      if (part.indirect) return [[unknown]];
      const values = variableValues(part.name, scope);
      const asChars = (list: VarValues): Chars[] => (list === undefined ? [[unknown]] : list.map((value) => expanded(value, part.quoted)));
      const op = part.op;
      if (op === undefined) return asChars(values);
      const arg = part.arg ? wordAlternatives(part.arg, scope) : [[]];
      if (op === ":-" || op === "-" || op === ":=" || op === "=") {
        if (values === undefined) return [[unknown], ...arg];
        const set = values.filter((v) => v !== "" || !op.startsWith(":"));
        return set.length === values.length ? asChars(values) : [...asChars(set), ...arg];
      }
      if (op === ":+" || op === "+") return values === undefined ? [[], ...arg] : values.some((v) => v !== "") ? arg : [[]];
      if (op === ":?" || op === "?") return asChars(values);
      return [[unknown]];
    }
  }
}

function wordAlternatives(word: Word, scope: ExpandScope): Chars[] {
  let alternatives: Chars[] = [[]];
  let before: WordPart | undefined;
  for (const part of word.parts) {
    const options = partAlternatives(part, scope);
    // zsh reads `$a[1]` as an element of the array (bash as `$a` then `[1]`): taken without it too.
    if (part.type === "lit" && part.text[0] === "[" && before?.type === "param" && before.op === undefined && part.text.indexOf("]") > 0) options.push(lit(part.text.slice(part.text.indexOf("]") + 1), part.quoted));
    before = part;
    const next: Chars[] = [];
    for (const prefix of alternatives) {
      for (const option of options) {
        // Past the limit the rest is unknown, not dropped (`for f in {1..300} .env; do cat $f; done`).
        if (next.length >= MAX_WORD_ALTERNATIVES) {
          next.push([unknownChar]);
          return next;
        }
        next.push([...prefix, ...option]);
      }
    }
    alternatives = next;
  }
  return alternatives;
}

/** Brace expansion on unquoted braces: `{a,b}` and `{a..z}` / `{1..9}`. */
function braceExpand(chars: Chars, budget: { left: number }): Chars[] {
  let depth = 0;
  let open = -1;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as Char;
    if (ch.quoted) continue;
    if (ch.c === "{") {
      if (depth === 0) open = i;
      depth += 1;
    } else if (ch.c === "}" && depth > 0) {
      depth -= 1;
      if (depth !== 0) continue;
      const inner = chars.slice(open + 1, i);
      const items = splitTopLevelCommas(inner) ?? sequence(inner);
      if (!items) {
        open = -1;
        continue;
      }
      const prefix = chars.slice(0, open);
      const suffix = chars.slice(i + 1);
      const out: Chars[] = [];
      for (const item of items) {
        for (const expanded of braceExpand([...prefix, ...item, ...suffix], budget)) {
          if (budget.left-- <= 0) return out;
          out.push(expanded);
        }
      }
      return out;
    }
  }
  return [chars];
}

/** The word with each unquoted brace group turned into an unquoted `*`. */
function bracesAsStar(chars: Chars): Chars {
  const out: Chars = [];
  let depth = 0;
  for (const ch of chars) {
    if (!ch.quoted && ch.c === "{" && depth++ === 0) out.push({ c: "*", quoted: false });
    else if (!ch.quoted && ch.c === "}" && depth > 0) depth -= 1;
    else if (depth === 0) out.push(ch);
  }
  return out;
}

function splitTopLevelCommas(inner: Chars): Chars[] | undefined {
  const items: Chars[] = [[]];
  let depth = 0;
  for (const ch of inner) {
    if (!ch.quoted && ch.c === "{") depth += 1;
    if (!ch.quoted && ch.c === "}") depth -= 1;
    if (!ch.quoted && ch.c === "," && depth === 0) items.push([]);
    else (items[items.length - 1] as Chars).push(ch);
  }
  return items.length > 1 ? items : undefined;
}

function sequence(inner: Chars): Chars[] | undefined {
  const text = inner.map((ch) => ch.c).join("");
  const match = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(text);
  if (!match) return undefined;
  const [, from, to, stepText] = match as unknown as [string, string, string, string | undefined];
  const numeric = /\d/.test(from);
  if (numeric !== /\d/.test(to)) return undefined;
  const a = numeric ? Number(from) : from.charCodeAt(0);
  const b = numeric ? Number(to) : to.charCodeAt(0);
  const step = Math.max(1, Math.abs(Number(stepText ?? 1)));
  const out: Chars[] = [];
  for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) {
    out.push(lit(numeric ? String(v) : String.fromCharCode(v), false));
    if (out.length > MAX_ALTERNATIVES) break;
  }
  return out;
}

function toArg(chars: Chars, raw: string, home: string | undefined): Arg {
  // Tilde expansion: an unquoted leading ~ alone or before a slash.
  let list = chars;
  if (list[0]?.c === "~" && !list[0].quoted && (list.length === 1 || list[1]?.c === "/")) {
    list = home === undefined ? [unknownChar, ...list.slice(1)] : [...lit(home, true), ...list.slice(1)];
  }
  let text = "";
  let glob = "";
  let isGlob = false;
  for (const ch of list) {
    text += ch.c;
    // `(` only stands unquoted in an extended glob (`@(a|b)`, zsh's `*(D)`), as the parser keeps it.
    if (!ch.quoted && (ch.c === "*" || ch.c === "?" || ch.c === "[" || ch.c === "]" || ch.c === "(")) {
      if (ch.c !== "]") isGlob = true;
      glob += ch.c;
    } else glob += hasGlobCharacter(ch.c) ? `\\${ch.c}` : ch.c;
  }
  return isGlob && !text.includes(UNKNOWN) ? { text, glob, raw } : { text, raw };
}

/** Every value a word may take (brace alternatives and unknowns included), at most MAX_ALTERNATIVES. */
export function expandWord(word: Word, scope: ExpandScope): Arg[] {
  // Most words are plain text (`npm`, `test`, `src/app.ts`): nothing to expand, so none of the
  // per-character work below, which a hook process runs cold on every call.
  const only = word.parts.length === 1 ? word.parts[0] : undefined;
  if (only?.type === "lit" && (only.quoted || isPlainText(only.text))) return [{ text: only.text, raw: word.raw }];
  const budget = { left: MAX_ALTERNATIVES };
  const ifs = ifsOf(scope);
  const out: Arg[] = [];
  for (const alternative of wordAlternatives(word, scope)) {
    const expanded = braceExpand(alternative, budget);
    // Past the budget (`.{a..z}{a..z}{a..z}` makes 17576 names, .env among them), the rest is taken as
    // the glob the braces become (`.*`), matched against the files there are, rather than dropped.
    if (budget.left < 0) expanded.push(bracesAsStar(alternative));
    for (const chars of expanded) {
      for (const field of splitFields(chars, ifs)) out.push(toArg(field, word.raw, scope.home));
      // An unknown inside a word may hold IFS characters (`cat${IFS}.env`, IFS unknown here): the
      // pieces around it may be fields of their own, so they are taken as words too.
      if (chars.some((ch) => ch.split && ch.c === UNKNOWN) && chars.some((ch) => ch.c !== UNKNOWN)) {
        for (const piece of splitAt(chars, (ch) => ch.split === true && ch.c === UNKNOWN)) out.push(toArg(piece, word.raw, scope.home));
      }
    }
  }
  return out;
}

/** The shell's field separators: IFS when the command set it to a known value, else space, tab and newline. */
function ifsOf(scope: ExpandScope): string {
  const values = scope.vars.get("IFS");
  return values?.length === 1 ? (values[0] as string) : " \t\n";
}

/** Runs of chars between separators, empty runs dropped. */
function splitAt(chars: Chars, isSeparator: (ch: Char) => boolean): Chars[] {
  const pieces: Chars[] = [[]];
  for (const ch of chars) {
    if (isSeparator(ch)) pieces.push([]);
    else (pieces[pieces.length - 1] as Chars).push(ch);
  }
  return pieces.filter((piece) => piece.length > 0);
}

/**
 * Field splitting: the characters an unquoted expansion produced split the word where they are IFS
 * characters (`X="cat .env"; $X` runs cat with .env). Literal text never splits. A word that is
 * all separators leaves no field, as in the shell.
 */
function splitFields(chars: Chars, ifs: string): Chars[] {
  if (!chars.some((ch) => ch.split && ifs.includes(ch.c))) return [chars];
  return splitAt(chars, (ch) => ch.split === true && ifs.includes(ch.c));
}

/** Unquoted text that brace, tilde and glob expansion leave as it is. */
function isPlainText(text: string): boolean {
  if (text.charCodeAt(0) === 126) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // { * ? [ and an extended glob's (
    if (c === 123 || c === 42 || c === 63 || c === 91 || c === 40) return false;
  }
  return true;
}

/** The value of a word that has exactly one known value, else undefined. */
export function literalValue(word: Word, scope: ExpandScope): string | undefined {
  const values = expandWord(word, scope);
  if (values.length !== 1) return undefined;
  const value = values[0] as Arg;
  return value.text.includes(UNKNOWN) ? undefined : value.text;
}

/** All scripts nested in a word: command and process substitutions, in parameter operands too. */
export function nestedScripts(word: Word | undefined): Script[] {
  if (!word) return [];
  const out: Script[] = [];
  for (const part of word.parts) {
    if (part.type === "cmdsub" || part.type === "procsub") out.push(part.script);
    if (part.type === "param" && part.arg) out.push(...nestedScripts(part.arg));
    if (part.type === "arith") for (const inner of part.words) out.push(...nestedScripts(inner));
  }
  return out;
}

/** Names of the variables a word expands (for the secret-variable check). */
export function expandedVariables(word: Word): Array<{ name: string; lengthOnly: boolean; indirect?: boolean }> {
  const out: Array<{ name: string; lengthOnly: boolean; indirect?: boolean }> = [];
  for (const part of word.parts) {
    if (part.type !== "param") continue;
    out.push({ name: part.name, lengthOnly: part.length === true || part.names === true || part.op === ":+" || part.op === "+", ...(part.indirect ? { indirect: true } : {}) });
    if (part.arg) out.push(...expandedVariables(part.arg));
  }
  return out;
}
