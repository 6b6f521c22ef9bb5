import type { Assignment, Command, Pipeline, Redirect, Script, Statement, Word, WordPart } from "./ast.js";

export class ShellSyntaxError extends Error {}

const MAX_DEPTH = 64;
const BLANK = new Set([" ", "\t"]);
const META = new Set([" ", "\t", "\n", ";", "&", "|", "<", ">", "(", ")"]);
/** Builtins whose `NAME=(…)` arguments are array assignments. */
const DECLARATIONS = new Set(["declare", "typeset", "local", "export", "readonly"]);
/** Words that open or close compound commands; at command position the parser steps over them. */
const TRANSPARENT = new Set(["if", "then", "else", "elif", "fi", "do", "done", "while", "until", "{", "}", "!", "esac", "time", "coproc"]);

function decodeAnsiC(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|[0-7]{1,3}|c.|.)/gs, (_, esc: string) => {
    const c = esc[0];
    if (c === "x" || c === "u" || c === "U") return String.fromCodePoint(parseInt(esc.slice(1), 16));
    if (c !== undefined && /[0-7]/.test(c)) return String.fromCharCode(parseInt(esc, 8));
    if (c === "c") return String.fromCharCode((esc.charCodeAt(1) & 0x1f) >>> 0);
    const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", e: "\x1b", E: "\x1b", f: "\f", v: "\v", "\\": "\\", "'": "'", '"': '"', "?": "?" };
    return simple[esc] ?? `\\${esc}`;
  });
}

interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  stripTabs: boolean;
}

/**
 * A recursive-descent parser over the source string. It accepts what bash accepts for the commands an
 * agent writes (lists, pipelines, subshells, groups, control flow, functions, every quoting and
 * expansion form, redirections and heredocs) and throws ShellSyntaxError where bash would refuse.
 */
class Parser {
  private i = 0;
  private pending: PendingHeredoc[] = [];
  /** How many `{` the commands stepped over are open, so a function's body ends at its own `}`. */
  private braces = 0;
  /** How many ifs, loops and `{ }` groups the commands stepped over are open: a statement in one is `nested`. */
  private nest = 0;

  constructor(
    private readonly src: string,
    private readonly depth: number,
  ) {
    if (depth > MAX_DEPTH) throw new ShellSyntaxError("the command nests too deeply to check");
  }

  parse(): Script {
    const script = this.list(() => false);
    if (this.i < this.src.length) throw new ShellSyntaxError(`unexpected \`${this.src[this.i]}\``);
    return script;
  }

  private peek(offset = 0): string {
    return this.src[this.i + offset] ?? "";
  }

  private startsWith(text: string): boolean {
    return this.src.startsWith(text, this.i);
  }

  private eof(): boolean {
    return this.i >= this.src.length;
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.peek();
      if (BLANK.has(c)) this.i += 1;
      else if (c === "\\" && this.peek(1) === "\n") this.i += 2;
      else if (c === "#") {
        while (!this.eof() && this.peek() !== "\n") this.i += 1;
      } else return;
    }
  }

  private newline(): void {
    this.i += 1;
    this.readHeredocs();
  }

  private skipSeparators(): void {
    for (;;) {
      this.skipBlanks();
      if (this.peek() === "\n") this.newline();
      else return;
    }
  }

  /** `[[`, `((`, a run of up to 12 letters, or one of `{}!` at the cursor (without a RegExp: this runs before every command). */
  private reservedCandidate(): string | undefined {
    const two = this.src.slice(this.i, this.i + 2);
    if (two === "[[" || two === "((") return two;
    const c = this.src[this.i];
    if (c === "{" || c === "}" || c === "!") return c;
    let end = this.i;
    while (end < this.i + 12 && end < this.src.length) {
      const code = this.src.charCodeAt(end);
      if (!((code >= 65 && code <= 90) || (code >= 97 && code <= 122))) break;
      end++;
    }
    return end > this.i ? this.src.slice(this.i, end) : undefined;
  }

  /** The bare word at the cursor if it is a plain reserved word followed by a word boundary. */
  private reservedAhead(): string | undefined {
    const word = this.reservedCandidate();
    if (word === undefined) return undefined;
    const after = this.src[this.i + word.length] ?? "";
    if (word === "((" || word === "[[") return word;
    if (after !== "" && !META.has(after)) return undefined;
    return word;
  }

  private list(stop: () => boolean): Script {
    const statements: Statement[] = [];
    for (;;) {
      this.skipSeparators();
      if (this.eof() || stop()) break;
      const c = this.peek();
      // `;;`, `;&` and `;;&` end a case branch.
      if (c === ")" || (c === ";" && (this.peek(1) === ";" || this.peek(1) === "&"))) break;
      if (c === ";" || c === "&") throw new ShellSyntaxError(`unexpected \`${c}\``);
      const statement = this.statement();
      statements.push(statement);
      this.skipBlanks();
      if (this.peek() === ";" && this.peek(1) !== ";" && this.peek(1) !== "&") this.i += 1;
      else if (this.peek() === "&" && this.peek(1) !== "&") {
        this.i += 1;
        statement.background = true;
      }
    }
    return { statements };
  }

  private statement(): Statement {
    const nested = this.nest > 0;
    const pipelines: Pipeline[] = [this.pipeline()];
    const ops: string[] = [];
    for (;;) {
      this.skipBlanks();
      if (this.startsWith("&&") || this.startsWith("||")) {
        ops.push(this.src.slice(this.i, this.i + 2));
        this.i += 2;
        this.skipSeparators();
        pipelines.push(this.pipeline());
      } else break;
    }
    return { pipelines, ops, background: false, ...(nested ? { nested } : {}) };
  }

  private pipeline(): Pipeline {
    const commands: Command[] = [];
    for (;;) {
      commands.push(...this.command());
      this.skipBlanks();
      if (this.peek() === "|" && this.peek(1) !== "|") {
        this.i += this.peek(1) === "&" ? 2 : 1;
        this.skipSeparators();
        continue;
      }
      break;
    }
    return { commands };
  }

  /** One command; control-flow keywords are stepped over, so `if a; then b; fi` yields a and b. */
  private command(): Command[] {
    const out: Command[] = [];
    for (;;) {
      this.skipBlanks();
      const reserved = this.reservedAhead();
      if (reserved === undefined) break;
      if (TRANSPARENT.has(reserved)) {
        this.braces += reserved === "{" ? 1 : reserved === "}" ? -1 : 0;
        // (Never below 0: a stray `fi` must not make a later if's body count as outside one.)
        this.nest = Math.max(0, this.nest + (/^(if|while|until|\{)$/.test(reserved) ? 1 : /^(fi|done|\})$/.test(reserved) ? -1 : 0));
        this.i += reserved.length;
        this.skipBlanks();
        // `time -p cmd`: the keyword's own option, not the command's name.
        if (reserved === "time" && this.src.startsWith("-p", this.i) && " \t\n;&|".includes(this.peek(2))) {
          this.i += 2;
          this.skipBlanks();
        }
        const next = this.peek();
        if (next === "" || next === "\n" || next === ";" || next === "&" || next === "|" || next === ")") {
          // A closing keyword (`fi`, `done`, `}`) ends the command; redirects may follow it.
          return out;
        }
        continue;
      }
      if (reserved === "for" || reserved === "select") return [...out, this.forLoop(reserved.length)];
      if (reserved === "case") return [...out, this.caseCommand()];
      if (reserved === "function") {
        this.i += reserved.length;
        this.skipBlanks();
        const name = this.word().raw;
        this.skipBlanks();
        if (this.startsWith("()")) this.i += 2;
        const defined = this.functionBody(name);
        if (defined) return [...out, defined];
        continue;
      }
      if (reserved === "[[") return [...out, this.testCommand()];
      if (reserved === "((") return [...out, { type: "test", words: this.skipArithmetic(2) }];
      break;
    }
    if (this.peek() === "(") {
      this.i += 1;
      const body = this.list(() => false);
      if (this.peek() !== ")") throw new ShellSyntaxError("a `(` subshell is not closed");
      this.i += 1;
      return [...out, { type: "compound", body, redirects: this.trailingRedirects(), subshell: true }];
    }
    const simple = this.simpleCommand();
    if (simple) out.push(simple);
    return out;
  }

  /** A function's `{ … }` body, up to its own `}`; undefined for another form, left to run where it is. */
  private functionBody(name: string): Command | undefined {
    this.skipSeparators();
    if (this.reservedAhead() !== "{") return undefined;
    this.i += 1;
    const open = this.braces;
    const body = this.list(() => this.reservedAhead() === "}" && this.braces === open);
    if (this.reservedAhead() !== "}") throw new ShellSyntaxError(`the body of \`${name}\` is not closed`);
    this.i += 1;
    return { type: "function", name, body, redirects: this.trailingRedirects() };
  }

  private trailingRedirects(): Redirect[] {
    const redirects: Redirect[] = [];
    for (;;) {
      this.skipBlanks();
      const redirect = this.redirect();
      if (!redirect) return redirects;
      redirects.push(redirect);
    }
  }

  private forLoop(keywordLength: number): Command {
    this.nest += 1;
    this.i += keywordLength;
    this.skipBlanks();
    if (this.startsWith("((")) return { type: "test", words: this.skipArithmetic(2) };
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.i))?.[0];
    if (!name) throw new ShellSyntaxError("`for` without a variable name");
    this.i += name.length;
    this.skipSeparators();
    const values: Word[] = [];
    if (this.reservedAhead() === "in") {
      this.i += 2;
      for (;;) {
        this.skipBlanks();
        const c = this.peek();
        if (c === "" || c === ";" || c === "\n") break;
        values.push(this.word());
      }
    } else {
      values.push({ parts: [{ type: "param", name: "@", quoted: true }], raw: '"$@"' });
    }
    return { type: "loop-var", assign: { name, value: values[0] ?? { parts: [], raw: "" }, loopValues: values } };
  }

  private caseCommand(): Command {
    this.i += 4;
    this.skipBlanks();
    const subject = this.word();
    this.skipSeparators();
    if (this.reservedAhead() !== "in") throw new ShellSyntaxError("`case` without `in`");
    this.i += 2;
    const statements: Statement[] = [];
    for (;;) {
      this.skipSeparators();
      if (this.eof()) throw new ShellSyntaxError("`case` without `esac`");
      if (this.reservedAhead() === "esac") {
        this.i += 4;
        break;
      }
      // Pattern list up to the closing parenthesis.
      if (this.peek() === "(") this.i += 1;
      for (;;) {
        this.skipBlanks();
        if (this.peek() === ")") {
          this.i += 1;
          break;
        }
        if (this.peek() === "|") {
          this.i += 1;
          continue;
        }
        if (this.eof()) throw new ShellSyntaxError("unterminated `case` pattern");
        this.word();
      }
      const body = this.list(() => this.reservedAhead() === "esac");
      statements.push(...body.statements);
      this.skipBlanks();
      if (this.startsWith(";;&")) this.i += 3;
      else if (this.startsWith(";;") || this.startsWith(";&")) this.i += 2;
    }
    return { type: "compound", body: { statements: [{ pipelines: [{ commands: [{ type: "test", words: [subject] }] }], ops: [], background: false }, ...statements] }, redirects: this.trailingRedirects(), subshell: false };
  }

  private testCommand(): Command {
    this.i += 2;
    const words: Word[] = [];
    for (;;) {
      this.skipBlanks();
      if (this.eof()) throw new ShellSyntaxError("`[[` without `]]`");
      if (this.startsWith("]]")) {
        this.i += 2;
        break;
      }
      const op = /^(&&|\|\||[<>()!]|=~|==|!=)/.exec(this.src.slice(this.i, this.i + 2))?.[0];
      if (op && (op !== "!" || BLANK.has(this.peek(1)))) {
        this.i += op.length;
        if (op === "=~") {
          this.skipBlanks();
          words.push(this.regexWord());
        }
        continue;
      }
      words.push(this.word());
    }
    return { type: "test", words };
  }

  /** The regex after `=~`, where `(`, `)` and `|` are its own (`^(a|b)+$`); one that expands anything is parsed as a word. */
  private regexWord(): Word {
    const start = this.i;
    let depth = 0;
    while (!this.eof()) {
      const c = this.peek();
      if (c === "'" || c === '"') {
        const close = this.src.indexOf(c, this.i + 1);
        if (close === -1) break;
        this.i = close + 1;
        continue;
      }
      if (c === "(") depth += 1;
      else if (c === ")" && depth-- === 0) break;
      else if (depth === 0 && (BLANK.has(c) || c === "\n")) break;
      this.i += c === "\\" ? 2 : 1;
    }
    const raw = this.src.slice(start, this.i);
    if (!/\$[({\w]|`/.test(raw)) return { parts: [{ type: "lit", text: raw, quoted: true }], raw };
    this.i = start;
    return this.word();
  }

  /** Steps over `((…))` and returns the expansions inside it: `$((1 + $(cat .env)))` runs its `$(…)`. */
  private skipArithmetic(open: number): Word[] {
    this.i += open;
    let depth = open;
    const words: Word[] = [];
    while (!this.eof() && depth > 0) {
      const c = this.peek();
      if (c === "`" || (c === "$" && (this.peek(1) === "{" || (this.peek(1) === "(" && this.peek(2) !== "(")))) {
        const start = this.i;
        const part = this.expansion(false);
        if (part) words.push({ parts: [part], raw: this.src.slice(start, this.i) });
        continue;
      }
      if (c === "(") depth += 1;
      else if (c === ")") depth -= 1;
      this.i += 1;
    }
    if (depth > 0) throw new ShellSyntaxError("unterminated arithmetic `((`");
    return words;
  }

  private simpleCommand(): Command | undefined {
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      this.skipBlanks();
      const c = this.peek();
      // `&>` and `&>>` redirect both outputs; a lone `&` ends the command.
      if (c === "" || c === "\n" || c === ";" || (c === "&" && this.peek(1) !== ">") || c === "|" || c === ")") break;
      if (c === "(") {
        if (words.length === 1 && this.startsWith("()")) {
          // `name() { …; }`: a function definition (another body is parsed as the commands that follow).
          this.i += 2;
          return this.functionBody(words[0]?.raw ?? "");
        }
        throw new ShellSyntaxError("unexpected `(`");
      }
      const redirect = this.redirect();
      if (redirect) {
        redirects.push(redirect);
        continue;
      }
      const word = this.word();
      if (words.length === 0) {
        const assignment = this.asAssignment(word);
        if (assignment) {
          assigns.push(assignment);
          continue;
        }
      } else if (this.peek() === "(" && DECLARATIONS.has(words[0]?.raw ?? "")) {
        // `declare -a arr=(1 2)`: a declaration builtin's array argument (kept with the assignments).
        const assignment = this.asAssignment(word);
        if (assignment) {
          assigns.push({ ...assignment, declared: true });
          continue;
        }
      }
      words.push(word);
    }
    if (assigns.length === 0 && words.length === 0 && redirects.length === 0) return undefined;
    return { type: "simple", assigns, words, redirects };
  }

  private asAssignment(word: Word): Assignment | undefined {
    const first = word.parts[0];
    if (!first || first.type !== "lit" || first.quoted) return undefined;
    // includes() first: most words are not assignments, and a RegExp run is compiled on its first use.
    const match = first.text.includes("=") ? /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?\+?=/.exec(first.text) : null;
    if (!match) return undefined;
    const rest = first.text.slice(match[0].length);
    const parts: WordPart[] = rest ? [{ type: "lit", text: rest, quoted: false }, ...word.parts.slice(1)] : word.parts.slice(1);
    if (rest === "" && this.peek() === "(" && word.parts.length === 1) {
      // NAME=(a b c): an array; its elements are still words that may expand.
      this.i += 1;
      const elements: Word[] = [];
      for (;;) {
        this.skipSeparators();
        if (this.peek() === ")") {
          this.i += 1;
          break;
        }
        if (this.eof()) throw new ShellSyntaxError("unterminated array assignment");
        elements.push(this.word());
      }
      return { name: match[1] as string, value: { parts: [], raw: "" }, loopValues: elements };
    }
    return { name: match[1] as string, value: { parts, raw: word.raw.slice(match[0].length) } };
  }

  private redirect(): Redirect | undefined {
    // Every redirection starts with a digit, `<`, `>` or `&`: other words skip the RegExp (and its compile).
    const c = this.src.charCodeAt(this.i);
    if (c !== 60 && c !== 62 && c !== 38 && !(c >= 48 && c <= 57)) return undefined;
    const match = /^(\d{1,2})?(<<<|<<-|<<|<>|<&|<|>>|>\||>&|>|&>>|&>)/.exec(this.src.slice(this.i, this.i + 6));
    if (!match) return undefined;
    const op = match[2] as string;
    if ((op === "<" || op === ">") && this.src[this.i + match[0].length] === "(" && match[1] === undefined) return undefined;
    this.i += match[0].length;
    this.skipBlanks();
    // `done < <(find …)`: the target is a process substitution.
    if (this.eof() || (META.has(this.peek()) && !(this.peek(1) === "(" && (this.peek() === "<" || this.peek() === ">")))) throw new ShellSyntaxError(`\`${op}\` without a target`);
    const target = this.word();
    const redirect: Redirect = { op, target, ...(match[1] !== undefined ? { fd: Number(match[1]) } : {}) };
    if (op === "<<" || op === "<<-") {
      const quoted = target.parts.some((p) => p.type === "lit" && p.quoted);
      const delimiter = target.parts.map((p) => (p.type === "lit" ? p.text : "")).join("");
      redirect.heredoc = { body: "", quoted };
      this.pending.push({ redirect, delimiter, stripTabs: op === "<<-" });
    }
    return redirect;
  }

  private readHeredocs(): void {
    const pending = this.pending;
    this.pending = [];
    for (const doc of pending) {
      const lines: string[] = [];
      for (;;) {
        if (this.eof()) break;
        let end = this.src.indexOf("\n", this.i);
        if (end === -1) end = this.src.length;
        let line = this.src.slice(this.i, end);
        this.i = Math.min(end + 1, this.src.length);
        if (doc.stripTabs) line = line.replace(/^\t+/, "");
        if (line === doc.delimiter) break;
        lines.push(line);
      }
      const body = lines.join("\n");
      const heredoc = doc.redirect.heredoc as { body: string; quoted: boolean; word?: Word };
      heredoc.body = body;
      if (!heredoc.quoted) heredoc.word = new Parser(body, this.depth + 1).doubleQuotedBody();
    }
  }

  /** Parses the whole source as the inside of double quotes (unquoted heredoc bodies). */
  doubleQuotedBody(): Word {
    const parts: WordPart[] = [];
    this.dquoteParts(parts, "", true);
    return { parts, raw: this.src };
  }

  word(): Word {
    const start = this.i;
    const parts: WordPart[] = [];
    const lit = (text: string, quoted: boolean) => {
      const last = parts[parts.length - 1];
      if (last && last.type === "lit" && last.quoted === quoted) last.text += text;
      else parts.push({ type: "lit", text, quoted });
    };
    if ((this.peek() === "<" || this.peek() === ">") && this.peek(1) === "(") {
      const direction = this.peek() as "<" | ">";
      this.i += 2;
      parts.push({ type: "procsub", script: this.subScript(")"), direction });
    }
    while (!this.eof()) {
      const c = this.peek();
      if (META.has(c)) {
        // Extended globs such as @(a|b) keep their parentheses inside the word.
        if (c === "(" && parts.length > 0 && /[@!?+*]$/.test(this.src.slice(start, this.i))) {
          const close = this.matchParen(this.i);
          lit(this.src.slice(this.i, close + 1), false);
          this.i = close + 1;
          continue;
        }
        break;
      }
      if (c === "\\") {
        const next = this.peek(1);
        this.i += 2;
        if (next === "\n") continue;
        lit(next, true);
      } else if (c === "'") {
        const close = this.src.indexOf("'", this.i + 1);
        if (close === -1) throw new ShellSyntaxError("unterminated single quote");
        lit(this.src.slice(this.i + 1, close), true);
        this.i = close + 1;
      } else if (c === '"') {
        this.i += 1;
        this.dquoteParts(parts, '"', false);
      } else if (c === "$" && this.peek(1) === "'") {
        let j = this.i + 2;
        while (j < this.src.length && this.src[j] !== "'") j += this.src[j] === "\\" ? 2 : 1;
        if (j >= this.src.length) throw new ShellSyntaxError("unterminated $'…' quote");
        lit(decodeAnsiC(this.src.slice(this.i + 2, j)), true);
        this.i = j + 1;
      } else if (c === "$" && this.peek(1) === '"') {
        this.i += 2;
        this.dquoteParts(parts, '"', false);
      } else if (c === "$" || c === "`") {
        const part = this.expansion(false);
        if (part) parts.push(part);
        else lit("$", false);
      } else {
        lit(c, false);
        this.i += 1;
      }
    }
    if (parts.length === 0 && this.i === start) throw new ShellSyntaxError(`unexpected \`${this.peek()}\``);
    return { parts, raw: this.src.slice(start, this.i) };
  }

  private matchParen(open: number): number {
    let depth = 0;
    for (let j = open; j < this.src.length; j++) {
      if (this.src[j] === "(") depth += 1;
      else if (this.src[j] === ")") {
        depth -= 1;
        if (depth === 0) return j;
      }
    }
    throw new ShellSyntaxError("unbalanced parentheses");
  }

  /** Parts of a double-quoted string (cursor after the opening quote), up to the closing `end`. */
  private dquoteParts(parts: WordPart[], end: string, toEof: boolean): void {
    let text = "";
    const flush = () => {
      if (text !== "") parts.push({ type: "lit", text, quoted: true });
      text = "";
    };
    for (;;) {
      if (this.eof()) {
        if (toEof) break;
        throw new ShellSyntaxError("unterminated double quote");
      }
      const c = this.peek();
      if (!toEof && c === end) {
        this.i += 1;
        break;
      }
      if (c === "\\") {
        const next = this.peek(1);
        if (next === "$" || next === "`" || next === "\\" || (next === '"' && !toEof)) {
          text += next;
          this.i += 2;
        } else if (next === "\n") this.i += 2;
        else {
          text += c;
          this.i += 1;
        }
      } else if (c === "$" || c === "`") {
        const part = this.expansion(true);
        if (part) {
          flush();
          parts.push(part);
        } else {
          text += "$";
        }
      } else {
        text += c;
        this.i += 1;
      }
    }
    flush();
    if (parts.length === 0) parts.push({ type: "lit", text: "", quoted: true });
  }

  private subScript(close: string): Script {
    const inner = new Parser(this.src, this.depth + 1);
    inner.i = this.i;
    const script = inner.list(() => false);
    if (inner.peek() !== close) throw new ShellSyntaxError(`a substitution is not closed with \`${close}\``);
    this.i = inner.i + 1;
    return script;
  }

  /** $…, ${…}, $(…), $((…)), `…` at the cursor; undefined for a lone `$`. */
  private expansion(quoted: boolean): WordPart | undefined {
    const c = this.peek();
    if (c === "`") {
      let j = this.i + 1;
      let body = "";
      while (j < this.src.length && this.src[j] !== "`") {
        if (this.src[j] === "\\" && /[`$\\]/.test(this.src[j + 1] ?? "")) {
          body += this.src[j + 1];
          j += 2;
        } else {
          body += this.src[j];
          j += 1;
        }
      }
      if (j >= this.src.length) throw new ShellSyntaxError("unterminated backquote");
      this.i = j + 1;
      return { type: "cmdsub", script: new Parser(body, this.depth + 1).parse(), quoted };
    }
    const next = this.peek(1);
    if (next === "(" && this.peek(2) === "(") {
      this.i += 1;
      return { type: "arith", quoted, words: this.skipArithmetic(2) };
    }
    if (next === "(") {
      this.i += 2;
      return { type: "cmdsub", script: this.subScript(")"), quoted };
    }
    if (next === "{") return this.braceParam(quoted);
    const special = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]|[@*#?$!\-])/.exec(this.src.slice(this.i + 1, this.i + 64));
    if (!special) {
      this.i += 1;
      return undefined;
    }
    this.i += 1 + (special[1] as string).length;
    return { type: "param", name: special[1] as string, quoted };
  }

  private braceParam(quoted: boolean): WordPart {
    this.i += 2;
    let length = false;
    let indirect = false;
    if (this.peek() === "#" && this.peek(1) !== "}") {
      length = true;
      this.i += 1;
    } else if (this.peek() === "!") {
      indirect = true;
      this.i += 1;
    }
    const name = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!\-])/.exec(this.src.slice(this.i, this.i + 128))?.[0];
    if (!name) throw new ShellSyntaxError("bad ${…} substitution");
    this.i += name.length;
    let all = false;
    if (this.peek() === "[") {
      const close = this.src.indexOf("]", this.i);
      if (close === -1) throw new ShellSyntaxError("bad ${…} substitution");
      all = close === this.i + 2 && (this.peek(1) === "@" || this.peek(1) === "*");
      this.i = close + 1;
    }
    if (this.peek() === "}") {
      this.i += 1;
      // `${!arr[@]}`: an array's keys, not a variable named by its value.
      if (indirect && all) return { type: "param", name, quoted, indirect: true, names: true };
      return { type: "param", name, quoted, ...(length ? { length } : {}), ...(indirect ? { indirect } : {}) };
    }
    if (indirect && (this.peek() === "*" || this.peek() === "@") && this.peek(1) === "}") {
      // `${!PREFIX*}`: the names of the variables starting with PREFIX, never their values.
      this.i += 2;
      return { type: "param", name, quoted, indirect: true, names: true };
    }
    const op = /^(:[-=?+]|[-=?+]|##|#|%%|%|\/\/|\/#|\/%|\/|\^\^|\^|,,|,|:|@)/.exec(this.src.slice(this.i, this.i + 3))?.[0];
    if (!op) throw new ShellSyntaxError("bad ${…} substitution");
    this.i += op.length;
    // The operand is a word that ends at the matching brace.
    const parts: WordPart[] = [];
    const start = this.i;
    let text = "";
    const flush = () => {
      if (text !== "") parts.push({ type: "lit", text, quoted });
      text = "";
    };
    for (;;) {
      if (this.eof()) throw new ShellSyntaxError("unterminated ${…}");
      const c = this.peek();
      if (c === "}") break;
      if (c === "\\") {
        text += this.peek(1);
        this.i += 2;
      } else if (c === "'" && !quoted) {
        const close = this.src.indexOf("'", this.i + 1);
        if (close === -1) throw new ShellSyntaxError("unterminated single quote");
        flush();
        parts.push({ type: "lit", text: this.src.slice(this.i + 1, close), quoted: true });
        this.i = close + 1;
      } else if (c === '"') {
        this.i += 1;
        flush();
        this.dquoteParts(parts, '"', false);
      } else if (c === "$" || c === "`") {
        const part = this.expansion(quoted);
        flush();
        if (part) parts.push(part);
        else text += "$";
      } else {
        text += c;
        this.i += 1;
      }
    }
    flush();
    const raw = this.src.slice(start, this.i);
    this.i += 1;
    return { type: "param", name, op, arg: { parts, raw }, quoted, ...(length ? { length } : {}), ...(indirect ? { indirect } : {}) };
  }
}

/** Parses a bash command line. Throws ShellSyntaxError for what bash would reject. */
/**
 * The last scripts parsed, by source: the secret guard, the own-files guard and the commit finder each
 * walk the same command line, and parsing it once is measurably cheaper on a cold hook run.
 */
const recent = new Map<string, Script>();
const RECENT_LIMIT = 16;

/** Parses a command line. The Script is shared between callers: it must not be changed. */
export function parseShell(source: string): Script {
  const known = recent.get(source);
  if (known) return known;
  const script = new Parser(source, 0).parse();
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  recent.set(source, script);
  return script;
}
