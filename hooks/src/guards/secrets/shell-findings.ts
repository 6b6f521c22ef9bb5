import type { Command, Redirect, Script, Word } from "../../shell/ast.js";
import { UNKNOWN, expandWord, expandedVariables, nestedScripts, type Arg, type ExpandScope, type VarValues } from "../../shell/expand.js";
import { ShellSyntaxError, parseShell } from "../../shell/parser.js";
import {
  AWK, CREDENTIAL_COMMANDS, GIT_NON_READING, GIT_READING, INTERPRETERS, NON_READING, SHELLS, WRAPPERS, isSecretVariable,
} from "./command-rules.js";
import { expandGlob } from "./fs-glob.js";
import type { GuardEnv } from "./guard.js";
import { environmentDump, pathTokens, readsDotenv } from "./inline-code.js";
import { READER_OPTIONS, hasOption, optionValues, parseOptions, type OptionSpec } from "./options.js";
import { basename, toAbsolute } from "../../runtime/paths.js";
import type { Finding } from "./refusal.js";
import { secretFileAt } from "./secret-files.js";
import { secretsUnder, EVERYTHING, type SearchFilter } from "./tree-search.js";
import { typeGlobs } from "./search-filters.js";
import { analyzePowerShellText } from "./powershell.js";

interface State {
  vars: Map<string, VarValues>;
  cwd: string | undefined;
}

/** What feeds a command's stdin, when the guard can tell (for xargs). */
interface Upstream {
  command: Command | undefined;
  state: State;
}

const MAX_NESTING = 12;

/** Search options that print file names or counts, never matching lines. */
const NAMES_ONLY = ["-l", "-L", "-c", "-q", "--files-with-matches", "--files-without-match", "--count", "--count-matches", "--quiet", "--silent"];

/** Walks a parsed command in execution order, tracking variables and the directory, and collects findings. */
class ShellAnalysis {
  readonly findings: Finding[] = [];
  private nesting = 0;

  constructor(private readonly env: GuardEnv) {}

  private scope(state: State): ExpandScope {
    return { vars: state.vars, cwd: state.cwd, home: this.env.ctx.home, env: (name) => this.env.ctx.io.env(name) };
  }

  private expand(word: Word, state: State): Arg[] {
    return expandWord(word, this.scope(state));
  }

  async source(text: string, state: State, how: string): Promise<void> {
    if (this.nesting >= MAX_NESTING) {
      this.findings.push({ kind: "unchecked", what: "nests shells or eval too deeply to check", how });
      return;
    }
    let script: Script;
    try {
      script = parseShell(text);
    } catch (error) {
      if (!(error instanceof ShellSyntaxError)) throw error;
      this.findings.push({ kind: "unchecked", what: `could not be parsed (${error.message}); bash would reject it too`, how });
      return;
    }
    this.nesting += 1;
    try {
      await this.script(script, state);
    } finally {
      this.nesting -= 1;
    }
  }

  async script(script: Script, state: State): Promise<void> {
    for (const statement of script.statements) {
      for (const pipeline of statement.pipelines) {
        let upstream: Upstream | undefined;
        for (const command of pipeline.commands) {
          // Each side of a pipe runs in a subshell, but a lone command changes the shell's own state.
          const own = pipeline.commands.length > 1 ? copy(state) : state;
          await this.command(command, own, upstream);
          upstream = { command, state: own };
        }
      }
    }
  }

  private async nested(words: Array<Word | undefined>, state: State): Promise<void> {
    for (const word of words) {
      for (const inner of nestedScripts(word)) await this.script(inner, copy(state));
    }
  }

  private async command(command: Command, state: State, upstream: Upstream | undefined): Promise<void> {
    switch (command.type) {
      case "test":
        await this.nested(command.words, state);
        return;
      case "loop-var": {
        const values = command.assign.loopValues ?? [];
        await this.nested(values, state);
        state.vars.set(command.assign.name, mergeValues(values.map((w) => this.expand(w, state))));
        return;
      }
      case "compound":
        await this.redirects(command.redirects, state, undefined);
        await this.script(command.body, command.subshell ? copy(state) : state);
        return;
      case "simple":
        await this.simple(command, state, upstream);
    }
  }

  private async simple(command: Extract<Command, { type: "simple" }>, state: State, upstream: Upstream | undefined): Promise<void> {
    await this.nested(command.words, state);
    await this.nested(command.assigns.map((a) => a.value), state);
    for (const assign of command.assigns) await this.nested(assign.loopValues ?? [], state);
    const argv = command.words.flatMap((word) => this.expand(word, state));
    if (argv.length === 0) {
      for (const assign of command.assigns) {
        state.vars.set(assign.name, assign.loopValues ? undefined : mergeValues([this.expand(assign.value, state)]));
      }
    }
    await this.redirects(command.redirects, state, argv[0]?.text);
    if (argv.length > 0) await this.run(argv, command, state, upstream);
  }

  private async redirects(redirects: Redirect[], state: State, commandName: string | undefined): Promise<void> {
    for (const redirect of redirects) {
      await this.nested([redirect.target, redirect.heredoc?.word], state);
      if (redirect.op === "<" || redirect.op === "<>" || (redirect.op === "<&" && !/^\d+$|^-$/.test(redirect.target.raw))) {
        for (const arg of this.expand(redirect.target, state)) await this.file(arg, state, "Redirecting input from");
      }
      if (redirect.op === "<<<" || (redirect.heredoc && !redirect.heredoc.quoted)) {
        const word = redirect.op === "<<<" ? redirect.target : redirect.heredoc?.word;
        this.secretVariables(word ? [word] : [], `Feeding ${commandName ?? "a command"} input that expands`);
      }
    }
  }

  /** Echo-like commands and here-strings that expand a secret-named variable print its value. */
  private secretVariables(words: Word[], how: string): void {
    for (const word of words) {
      for (const variable of expandedVariables(word)) {
        if (!variable.lengthOnly && isSecretVariable(variable.name)) {
          this.findings.push({ kind: "environment", what: `the variable $${variable.name}, whose name marks it as a secret`, how });
        }
      }
    }
  }

  /** Dispatches one command by name; wrappers recurse with the wrapped command. */
  private async run(argv: Arg[], command: Extract<Command, { type: "simple" }>, state: State, upstream: Upstream | undefined): Promise<void> {
    const head = argv[0] as Arg;
    const args = argv.slice(1);
    if (head.text.includes(UNKNOWN)) {
      // The command itself is computed: treat it as one that reads every file it names.
      await this.readsAll(args, state, `Running a computed command (\`${head.raw}\`) on`);
      return;
    }
    const name = basename(head.text);
    const heredoc = command.redirects.find((r) => r.heredoc || r.op === "<<<");
    const stdinText = heredoc?.heredoc ? heredoc.heredoc.body : heredoc ? this.expand(heredoc.target, state).map((a) => a.text).join("\n") : undefined;

    const credential = credentialCommand(argv);
    if (credential) {
      this.findings.push({ kind: "environment", what: credential, how: `\`${argv.map((a) => a.raw).join(" ")}\`` });
      return;
    }
    if (name === "echo" || name === "printf" || name === "print") {
      this.secretVariables(command.words.slice(1), `\`${name}\` prints`);
      return;
    }
    if (name === "cd" || name === "pushd") {
      const target = args.find((a) => !a.text.startsWith("-") || a.text === "-");
      if (!target) state.cwd = this.env.ctx.home;
      else if (target.text === "-" || target.text.includes(UNKNOWN)) state.cwd = undefined;
      else if (state.cwd !== undefined || target.text.startsWith("/")) state.cwd = toAbsolute(target.text, state.cwd ?? "/", this.env.ctx.home);
      return;
    }
    if (name === "export" || name === "declare" || name === "typeset" || name === "local" || name === "readonly" || name === "set" || name === "ps") {
      this.environmentCommand(name, args, state);
      return;
    }
    if (name === "env" || name === "printenv") {
      const handled = await this.envCommand(name, args, command, state, upstream);
      if (handled) return;
    }
    if (name === "eval") {
      const text = args.map((a) => a.text).join(" ");
      if (text.includes(UNKNOWN)) {
        this.findings.push({ kind: "dynamic", word: args.map((a) => a.raw).join(" "), how: "`eval` runs" });
        return;
      }
      await this.source(text, copy(state), "This `eval`");
      return;
    }
    if (name === "source" || name === ".") {
      if (args[0]) await this.file(args[0], state, "Sourcing");
      return;
    }
    const wrapper = WRAPPERS[name];
    if (wrapper && name !== "env") {
      const rest = unwrap(args, wrapper);
      if (name === "watch") {
        const text = rest.map((a) => a.text).join(" ");
        if (text !== "") await this.source(text, copy(state), "This `watch`");
        return;
      }
      if (name === "command" && args.some((a) => a.text === "-v" || a.text === "-V")) return;
      if (rest.length > 0) await this.run(rest, { ...command, words: command.words.slice(argv.length - rest.length) }, state, upstream);
      return;
    }
    if (name === "xargs") return this.xargs(args, state, upstream);
    if (SHELLS.has(name)) return this.shell(name, args, stdinText, state);
    if (name === "ssh") return this.ssh(args);
    if (name === "su" || name === "runuser") {
      const code = optionValues(parseOptions(args, { valueShort: "cglsw", valueLong: ["--command", "--group", "--shell"] }), "-c", "--command")[0];
      if (code) await this.source(code.text, copy(state), "This `su -c`");
      return;
    }
    if (name === "docker" || name === "podman" || name === "kubectl") {
      await this.container(name, args, state);
      return;
    }
    const interpreter = INTERPRETERS.find((entry) => entry.pattern.test(name));
    if (interpreter) return this.interpreter(name, args, interpreter.codeOptions, stdinText, state);
    if (AWK.test(name)) return this.awk(args, state);
    if (name === "find") return this.find(args, state);
    if (name === "grep" || name === "egrep" || name === "fgrep" || name === "zgrep" || name === "ugrep" || name === "ack" || name === "ack-grep") {
      return this.grep(name, args, state);
    }
    if (name === "rg" || name === "ag") return this.ripgrep(name, args, state);
    if (name === "git") return this.git(args, state);
    if (name === "cp" || name === "mv" || name === "install" || name === "rsync" || name === "scp" || name === "ln") return this.copy(name, args, state);
    if (name === "tar" || name === "bsdtar") return this.tar(args, state);
    if (name === "zip" || name === "7z" || name === "7za" || name === "jar") return this.zip(name, args, state);
    if (name === "curl" || name === "wget" || name === "http" || name === "https" || name === "xh") return this.transfer(name, args, state);
    if (NON_READING.has(name)) return;
    await this.readsAll(args, state, `\`${name}\` reads`, READER_OPTIONS[name]);
  }

  private environmentCommand(name: string, args: Arg[], state: State): void {
    const names = args.filter((a) => !a.text.startsWith("-") && !a.text.startsWith("+"));
    const flags = args.filter((a) => a.text.startsWith("-")).map((a) => a.text);
    if (name === "ps") {
      if (args.some((a) => /^[a-zA-Z]*e[a-zA-Z]*$/.test(a.text) && !a.text.startsWith("-"))) {
        this.findings.push({ kind: "environment", what: "the environment of every listed process (the `e` option)", how: "`ps`" });
      }
      return;
    }
    if (name === "set") {
      if (args.length === 0) this.findings.push({ kind: "environment", what: "every shell and environment variable", how: "`set` with no arguments prints" });
      return;
    }
    for (const arg of names) {
      const eq = arg.text.indexOf("=");
      if (eq > 0) state.vars.set(arg.text.slice(0, eq), arg.text.includes(UNKNOWN) ? undefined : [arg.text.slice(eq + 1)]);
    }
    const printsValues = name === "export" ? flags.includes("-p") || names.length === 0 : flags.some((f) => /p/.test(f)) || names.length === 0;
    if (!printsValues || flags.some((f) => /f|F/.test(f))) return;
    if (names.length === 0) {
      if (name === "local" || name === "readonly") return;
      this.findings.push({ kind: "environment", what: "every exported variable", how: `\`${[name, ...flags].join(" ")}\` prints` });
      return;
    }
    for (const arg of names) {
      if (!arg.text.includes("=") && isSecretVariable(arg.text)) {
        this.findings.push({ kind: "environment", what: `the variable ${arg.text}, whose name marks it as a secret`, how: `\`${name} -p\` prints` });
      }
    }
  }

  /** env/printenv: a dump without a command, secret names for printenv, a wrapper otherwise. */
  private async envCommand(name: string, args: Arg[], command: Extract<Command, { type: "simple" }>, state: State, upstream: Upstream | undefined): Promise<boolean> {
    if (name === "printenv") {
      const names = args.filter((a) => !a.text.startsWith("-"));
      if (names.length === 0) this.findings.push({ kind: "environment", what: "the whole environment", how: "`printenv` with no name prints" });
      for (const arg of names) {
        if (arg.text.includes(UNKNOWN)) this.findings.push({ kind: "dynamic", word: arg.raw, how: "`printenv` prints the variable named by" });
        else if (isSecretVariable(arg.text)) this.findings.push({ kind: "environment", what: `the variable ${arg.text}, whose name marks it as a secret`, how: "`printenv` prints" });
      }
      return true;
    }
    const spec = WRAPPERS.env as (typeof WRAPPERS)[string];
    const split = optionValues(parseOptions(args.filter((a) => a.text.startsWith("-")), { valueShort: "uCS", valueLong: spec.valueOptions }), "-S", "--split-string")[0];
    if (split) {
      await this.source(split.text, copy(state), "This `env -S`");
      return true;
    }
    const rest = unwrap(args, spec);
    if (rest.length === 0) {
      if (!args.some((a) => a.text === "-i" || a.text === "-" || a.text === "--ignore-environment")) {
        this.findings.push({ kind: "environment", what: "the whole environment", how: "`env` with no command prints" });
      }
      return true;
    }
    await this.run(rest, { ...command, words: command.words.slice(args.length + 1 - rest.length) }, state, upstream);
    return true;
  }

  /** A file name the command reads: denied if it is, or may be, a secret file. */
  async file(arg: Arg, state: State, how: string): Promise<void> {
    const { rules, ctx } = this.env;
    const text = arg.text;
    if (text === "" || text === "-" || text.startsWith("/dev/fd/") || text === "/dev/stdin") return;
    const relativeToUnknown = state.cwd === undefined && !text.startsWith("/") && !text.includes(UNKNOWN);
    if (text.includes(UNKNOWN) || relativeToUnknown) {
      const name = text.slice(text.lastIndexOf("/") + 1);
      if (name.includes(UNKNOWN) || name === "") {
        this.findings.push({ kind: "dynamic", word: arg.raw, how });
        return;
      }
      const match = rules.classify(`/${UNKNOWN}/${name}`);
      if (match) this.findings.push({ kind: "file", hit: { path: arg.raw, match }, how });
      else if (rules.anchoredNames.has(name.toLowerCase())) this.findings.push({ kind: "dynamic", word: arg.raw, how });
      return;
    }
    const cwd = state.cwd as string;
    if (arg.glob !== undefined) {
      const pattern = arg.glob.startsWith("/") ? arg.glob : arg.glob.startsWith("~/") && ctx.home ? `${ctx.home}${arg.glob.slice(1)}` : `${cwd}/${arg.glob}`;
      const matches = await expandGlob(ctx.io, pattern);
      if (matches.length > 0) {
        for (const path of matches) {
          const hit = await secretFileAt(ctx.io, rules, toAbsolute(path, cwd, ctx.home), false);
          if (hit) this.findings.push({ kind: "file", hit, how: `${how} (through the glob \`${arg.raw}\`)` });
        }
        return;
      }
    }
    const hit = await secretFileAt(ctx.io, rules, toAbsolute(text, cwd, ctx.home), false);
    if (hit) this.findings.push({ kind: "file", hit, how });
  }

  /** A path that may be a folder the command reads recursively. */
  private async tree(arg: Arg, state: State, filter: SearchFilter, how: string, extra?: (hits: Finding[]) => Promise<Finding[]>): Promise<void> {
    const { ctx, rules } = this.env;
    if (arg.text.includes(UNKNOWN) || (state.cwd === undefined && !arg.text.startsWith("/"))) {
      this.findings.push({ kind: "dynamic", word: arg.raw, how });
      return;
    }
    const roots = arg.glob !== undefined ? await expandGlob(ctx.io, toAbsolute(arg.glob, state.cwd ?? "/", ctx.home)) : [toAbsolute(arg.text, state.cwd ?? "/", ctx.home)];
    for (const root of roots) {
      const info = await ctx.io.stat(root);
      if (!info) continue;
      if (info.kind !== "dir") {
        await this.file({ text: root, raw: arg.raw }, state, how);
        continue;
      }
      const result = await secretsUnder(ctx.io, rules, root, filter);
      if (result.kind === "too-large") {
        this.findings.push({ kind: "unchecked", what: `covers ${root}, which is too large to check for secret files (over ${result.visited} entries); narrow it to the folders you need`, how });
        continue;
      }
      let found: Finding[] = result.hits.map((hit) => ({ kind: "search", hit, how }));
      if (extra && found.length > 0) found = await extra(found);
      this.findings.push(...found);
    }
  }

  private async readsAll(args: Arg[], state: State, how: string, spec?: OptionSpec): Promise<void> {
    const parsed = parseOptions(args, spec ?? {});
    for (const option of parsed.options) {
      // --env-file loads variables into the process; printing them is caught where it happens.
      if (/env-file|dotenv/.test(option.name)) continue;
      if (option.value && (option.name === "-f" || option.name === "--file" || option.name.startsWith("--") || option.value.text.startsWith("@"))) {
        await this.file(stripAt(option.value), state, how);
      }
    }
    for (const operand of parsed.operands) {
      const eq = operand.text.indexOf("=");
      if (eq > 0 && /^[A-Za-z_][\w-]*$/.test(operand.text.slice(0, eq))) {
        await this.file({ ...operand, text: operand.text.slice(eq + 1) }, state, how);
        continue;
      }
      await this.file(stripAt(operand), state, how);
    }
  }

  private async shell(name: string, args: Arg[], stdinText: string | undefined, state: State): Promise<void> {
    const parsed = parseOptions(args, { valueShort: "oO", valueLong: ["--rcfile", "--init-file"] });
    const code = parsed.options.some((o) => o.name === "-c") ? parsed.operands[0] : undefined;
    if (code) {
      if (code.text.includes(UNKNOWN)) this.findings.push({ kind: "dynamic", word: code.raw, how: `\`${name} -c\` runs` });
      else await this.source(code.text, copy(state), `This \`${name} -c\``);
      return;
    }
    const script = parsed.options.some((o) => o.name === "-s") ? undefined : parsed.operands[0];
    if (script) {
      await this.file(script, state, `Running as a script`);
      return;
    }
    if (stdinText !== undefined) await this.source(stdinText, copy(state), `The script fed to \`${name}\``);
  }

  private async ssh(args: Arg[]): Promise<void> {
    const parsed = parseOptions(args, { valueShort: "bcDEeFIiJLlmOoPpQRSWw" });
    const remote = parsed.operands.slice(1).map((a) => a.text).join(" ");
    if (remote !== "" && !remote.includes(UNKNOWN)) await this.source(remote, { vars: new Map(), cwd: undefined }, "The remote command of `ssh`");
  }

  private async container(name: string, args: Arg[], state: State): Promise<void> {
    // `docker exec CONTAINER cmd …` / `kubectl exec POD -- cmd …`: the command runs elsewhere, but its
    // output comes back here, so it is checked like a local one (with an unknown directory).
    const sub = args.findIndex((a) => !a.text.startsWith("-"));
    if (sub === -1 || !["exec", "run"].includes(args[sub]?.text ?? "")) {
      await this.readsAll(args.filter((a) => a.text.startsWith("-")), state, `\`${name}\` reads`);
      return;
    }
    const rest = args.slice(sub + 1);
    const dash = rest.findIndex((a) => a.text === "--");
    const parsed = parseOptions(dash === -1 ? rest : rest.slice(0, dash), { valueShort: "eiuwvpc", valueLong: ["--env", "--user", "--workdir", "--volume", "--name", "--env-file", "--namespace", "--container", "-n", "-c"] });
    const command = dash === -1 ? parsed.operands.slice(args[sub]?.text === "run" ? 1 : 1) : rest.slice(dash + 1);
    const text = command.map((a) => a.text).join(" ");
    if (text !== "" && !text.includes(UNKNOWN)) await this.source(text, { vars: new Map(), cwd: undefined }, `The command \`${name}\` runs`);
  }

  private async interpreter(name: string, args: Arg[], codeOptions: string[], stdinText: string | undefined, state: State): Promise<void> {
    const how = `\`${name}\``;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] as Arg;
      const option = codeOptions.find((o) => arg.text === o || (o.length === 2 && arg.text.startsWith(o) && arg.text.length > 2 && !arg.text.startsWith("--")));
      if (option) {
        const code = arg.text === option ? args[i + 1] : { ...arg, text: arg.text.slice(option.length) };
        if (code) {
          await this.code(code.text, code.raw, state, `${how} runs inline code,`);
          // Arguments after the code are sys.argv / process.argv and may be file names the code opens.
          for (const rest of args.slice(i + (arg.text === option ? 2 : 1))) await this.file(rest, state, `${how} is given`);
        }
        return;
      }
      if (arg.text === "--env-file" || arg.text === "--env-file-if-exists") {
        i += 1;
        continue;
      }
      if (!arg.text.startsWith("-") || arg.text === "-") {
        if (arg.text === "-" && stdinText !== undefined) await this.code(stdinText, "<<heredoc", state, `The code fed to ${how}`);
        else await this.readsAll(args.slice(i), state, `${how} runs or reads`);
        return;
      }
    }
    if (stdinText !== undefined) await this.code(stdinText, "<<heredoc", state, `The code fed to ${how}`);
  }

  /** Scans inline code for secret file names and environment dumps. */
  private async code(code: string, raw: string, state: State, how: string): Promise<void> {
    if (code.includes(UNKNOWN)) {
      this.findings.push({ kind: "dynamic", word: raw, how });
      return;
    }
    const dump = this.env.ctx.config.secrets.environment ? environmentDump(code) : undefined;
    if (dump) this.findings.push({ kind: "environment", what: `the whole environment (${dump})`, how: `${how} prints` });
    if (readsDotenv(code)) await this.file({ text: ".env", raw: ".env (read by a dotenv library)" }, state, `${how} loads and returns the values of`);
    for (const token of pathTokens(code)) {
      const before = this.findings.length;
      await this.file({ text: token.replace(/^~(?=\/|$)/, this.env.ctx.home ?? "~"), raw: token }, state, `${how} names`);
      // Tokens from code are names, not certain reads: a computed-looking token is not a finding.
      this.findings.splice(before, this.findings.length - before, ...this.findings.slice(before).filter((f) => f.kind !== "dynamic"));
    }
  }

  private async awk(args: Arg[], state: State): Promise<void> {
    const parsed = parseOptions(args, { valueShort: "Fvf", valueLong: ["--field-separator", "--assign", "--file"] });
    const programFiles = optionValues(parsed, "-f", "--file");
    for (const file of programFiles) await this.file(file, state, "`awk -f` reads");
    const operands = programFiles.length > 0 ? parsed.operands : parsed.operands.slice(1);
    const program = programFiles.length > 0 ? undefined : parsed.operands[0];
    if (program) await this.code(program.text, program.raw, state, "The awk program");
    for (const operand of operands) {
      if (/^[A-Za-z_]\w*=/.test(operand.text)) continue;
      await this.file(operand, state, "`awk` reads");
    }
  }

  private async grep(name: string, args: Arg[], state: State): Promise<void> {
    const parsed = parseOptions(args, {
      valueShort: "efmABCdDX",
      valueLong: ["--regexp", "--file", "--max-count", "--after-context", "--before-context", "--context", "--include", "--exclude", "--exclude-dir", "--exclude-from", "--directories", "--devices", "--label", "--binary-files", "--group-separator", "--type", "--ignore-dir"],
    });
    const patternGiven = hasOption(parsed, "-e", "--regexp", "-f", "--file");
    for (const file of optionValues(parsed, "-f", "--file")) await this.file(file, state, `\`${name} -f\` reads patterns from`);
    const operands = patternGiven ? parsed.operands : parsed.operands.slice(1);
    const recursive =
      name === "ack" || name === "ack-grep" ||
      hasOption(parsed, "-r", "-R", "--recursive", "--dereference-recursive") ||
      optionValues(parsed, "-d", "--directories").some((v) => v.text === "recurse");
    const filter: SearchFilter = {
      ...EVERYTHING,
      include: optionValues(parsed, "--include").map((v) => v.text),
      exclude: optionValues(parsed, "--exclude").map((v) => v.text),
      excludeDirs: optionValues(parsed, "--exclude-dir", "--ignore-dir").map((v) => v.text),
      followLinks: hasOption(parsed, "-R", "--dereference-recursive"),
    };
    const how = `\`${name}${recursive ? " -r" : ""}\``;
    if (!recursive) {
      for (const operand of operands) await this.file(operand, state, `${how} reads`);
      return;
    }
    // Listing or counting matching files prints no line of them: a folder search in that mode passes
    // (a secret file named outright is still refused above).
    if (hasOption(parsed, ...NAMES_ONLY)) {
      for (const operand of operands) {
        const info = operand.text.includes(UNKNOWN) || state.cwd === undefined ? undefined : await this.env.ctx.io.stat(toAbsolute(operand.text, state.cwd, this.env.ctx.home));
        if (info?.kind !== "dir") await this.file(operand, state, `${how} reads`);
      }
      return;
    }
    const roots = operands.length > 0 ? operands : [{ text: ".", raw: "." }];
    for (const root of roots) await this.tree(root, state, filter, `${how} over \`${root.raw}\``);
  }

  private async ripgrep(name: string, args: Arg[], state: State): Promise<void> {
    const parsed = parseOptions(args, {
      valueShort: name === "rg" ? "efgtTmABCMjdEr" : "fGgmABCp",
      valueLong: ["--regexp", "--file", "--glob", "--iglob", "--type", "--type-not", "--max-count", "--after-context", "--before-context", "--context", "--max-columns", "--threads", "--max-depth", "--encoding", "--replace", "--type-add", "--type-clear", "--ignore-file", "--pre", "--pre-glob", "--sort", "--sortr", "--max-filesize", "--colors", "--path-separator", "--context-separator", "--field-match-separator", "--engine", "--file-search-regex", "--ignore", "--depth"],
    });
    if (hasOption(parsed, "--files", "--type-list", "-g") && hasOption(parsed, "--files")) return;
    for (const file of optionValues(parsed, "-f", "--file")) await this.file(file, state, `\`${name} -f\` reads patterns from`);
    const patternGiven = hasOption(parsed, "-e", "--regexp", "-f", "--file");
    const operands = patternGiven ? parsed.operands : parsed.operands.slice(1);
    const unrestricted = parsed.options.filter((o) => o.name === "-u").length + (hasOption(parsed, "--unrestricted") ? 1 : 0);
    const filter: SearchFilter = {
      ...EVERYTHING,
      includePaths: [],
      excludePaths: [],
      include: [],
      skipHidden: !(hasOption(parsed, "--hidden", "-.") || unrestricted >= 2),
      followLinks: hasOption(parsed, "-L", "--follow"),
    };
    for (const glob of optionValues(parsed, "-g", "--glob", "--iglob", "-G", "--file-search-regex")) {
      if (glob.text.startsWith("!")) filter.excludePaths.push(glob.text.slice(1));
      else if (name === "rg") filter.includePaths.push(glob.text);
    }
    for (const type of optionValues(parsed, "-t", "--type")) {
      const globs = typeGlobs(type.text);
      if (globs) filter.include.push(...globs);
    }
    if (hasOption(parsed, ...NAMES_ONLY)) return;
    const respectsIgnore = !(hasOption(parsed, "--no-ignore", "--no-ignore-vcs", "--skip-vcs-ignores") || unrestricted >= 1);
    const roots = operands.length > 0 ? operands : [{ text: ".", raw: "." }];
    for (const root of roots) {
      await this.tree(root, state, filter, `\`${name}\` over \`${root.raw}\``, respectsIgnore ? (found) => this.notIgnored(found, state) : undefined);
    }
  }

  /** Drops hits that git ignores (rg and ag skip them); when git cannot tell, every hit stays. */
  private async notIgnored(found: Finding[], state: State): Promise<Finding[]> {
    const paths = found.flatMap((f) => (f.kind === "search" ? [f.hit.path] : []));
    const result = await this.env.ctx.io.run(["git", "check-ignore", "--", ...paths], { cwd: state.cwd ?? this.env.cwd, timeoutMs: 3000 });
    if (result.exitCode !== 0 && result.exitCode !== 1) return found;
    const ignored = new Set(result.stdout.split("\n").filter(Boolean).map((p) => toAbsolute(p, state.cwd ?? this.env.cwd, undefined)));
    return found.filter((f) => f.kind !== "search" || !ignored.has(f.hit.path));
  }

  /** Keeps hits that git tracks (git grep searches only those). */
  private async tracked(found: Finding[], state: State): Promise<Finding[]> {
    const paths = found.flatMap((f) => (f.kind === "search" ? [f.hit.path] : []));
    const result = await this.env.ctx.io.run(["git", "ls-files", "--full-name", "--", ...paths], { cwd: state.cwd ?? this.env.cwd, timeoutMs: 3000 });
    if (result.exitCode !== 0) return found;
    const names = new Set(result.stdout.split("\n").filter(Boolean).map((p) => basename(p)));
    return found.filter((f) => f.kind !== "search" || names.has(basename(f.hit.path)));
  }

  private async git(args: Arg[], state: State): Promise<void> {
    let i = 0;
    const own: State = { ...state };
    while (i < args.length && (args[i] as Arg).text.startsWith("-")) {
      const option = (args[i] as Arg).text;
      if ((option === "-C" || option === "-c" || option === "--git-dir" || option === "--work-tree" || option === "--namespace") && i + 1 < args.length) {
        if (option === "-C") {
          const dir = args[i + 1] as Arg;
          own.cwd = dir.text.includes(UNKNOWN) || state.cwd === undefined ? undefined : toAbsolute(dir.text, state.cwd, this.env.ctx.home);
        }
        i += 2;
      } else i += 1;
    }
    const sub = args[i]?.text ?? "";
    const rest = args.slice(i + 1);
    if (sub === "commit") {
      for (const file of optionValues(parseOptions(rest, { valueShort: "mFcCt", valueLong: ["--message", "--file", "--template", "--reuse-message", "--reedit-message", "--author", "--date", "--fixup", "--squash", "--trailer", "--pathspec-from-file"] }), "-F", "--file", "-t", "--template")) {
        if (file.text !== "-") await this.file(file, own, "`git commit -F` puts into a commit message");
      }
      return;
    }
    if (sub === "grep") {
      const parsed = parseOptions(rest, { valueShort: "efmABC", valueLong: ["--regexp", "--file", "--max-count", "--after-context", "--before-context", "--context", "--max-depth", "--threads"] });
      const patternGiven = hasOption(parsed, "-e", "--regexp", "-f", "--file");
      const pathspecs = (patternGiven ? parsed.operands : parsed.operands.slice(1)).filter((a) => !/^[0-9a-f]{7,40}$|^HEAD/.test(a.text));
      if (hasOption(parsed, ...NAMES_ONLY, "--name-only")) return;
      const trackedOnly = !hasOption(parsed, "--untracked", "--no-index");
      const roots = pathspecs.length > 0 ? pathspecs : [{ text: ".", raw: "." }];
      for (const root of roots) await this.tree(root, own, EVERYTHING, `\`git grep\` over \`${root.raw}\``, trackedOnly ? (found) => this.tracked(found, own) : undefined);
      return;
    }
    if (sub === "credential" || sub.startsWith("credential-")) return;
    // `REV:path` names a file in history; reading commands print it.
    for (const arg of rest) {
      // REV:path, :path (the index) and :N:path (a merge stage).
      const match = /^(?:[^:-][^:]*|:\d)?:(?!\/\/)(.*)$/.exec(arg.text);
      if (match && !arg.text.startsWith("-")) {
        await this.file({ ...arg, text: match[1] || "." }, { ...own, cwd: own.cwd }, `\`git ${sub}\` prints the committed`);
      }
    }
    if (GIT_NON_READING.has(sub)) return;
    if (GIT_READING.has(sub) || !sub) {
      const parsed = parseOptions(rest, { valueShort: "nSGLUX", valueLong: ["--format", "--pretty", "--author", "--since", "--until", "--grep", "-L"] });
      for (const operand of parsed.operands) {
        if (operand.text.includes(":") || /^[0-9a-f]{7,40}$/.test(operand.text) || /^(HEAD|ORIG_HEAD|FETCH_HEAD|@)([~^].*)?$/.test(operand.text) || operand.text.includes("..")) continue;
        if (state.cwd === undefined || operand.text.includes(UNKNOWN)) {
          await this.file(operand, own, `\`git ${sub}\` prints`);
          continue;
        }
        const info = await this.env.ctx.io.stat(toAbsolute(operand.text, own.cwd ?? "/", this.env.ctx.home));
        if (info?.kind === "dir") await this.tree(operand, own, EVERYTHING, `\`git ${sub}\` over \`${operand.raw}\``, (found) => this.tracked(found, own));
        else await this.file(operand, own, `\`git ${sub}\` prints`);
      }
      return;
    }
    await this.readsAll(rest, own, `\`git ${sub}\` reads`);
  }

  private async copy(name: string, args: Arg[], state: State): Promise<void> {
    const spec: OptionSpec =
      name === "rsync"
        ? { valueShort: "eBfT", valueLong: ["--exclude", "--include", "--filter", "--exclude-from", "--include-from", "--files-from", "--rsh", "--rsync-path", "--temp-dir", "--compare-dest", "--copy-dest", "--link-dest", "--chmod", "--chown", "--password-file", "--log-file", "--backup-dir", "--suffix", "--timeout", "--bwlimit", "--max-size", "--min-size", "--partial-dir"] }
        : name === "scp"
          ? { valueShort: "cFiJloPS" }
          : { valueShort: name === "install" ? "tSmogZ" : "tS", valueLong: ["--target-directory", "--suffix", "--mode", "--owner", "--group", "--backup"] };
    const parsed = parseOptions(args, spec);
    for (const file of optionValues(parsed, "--password-file", "--files-from", "--exclude-from", "--include-from")) await this.file(file, state, `\`${name}\` reads`);
    const target = optionValues(parsed, "-t", "--target-directory");
    const sources = (target.length > 0 || name === "install" && hasOption(parsed, "-d") ? parsed.operands : parsed.operands.slice(0, -1)).filter(
      (a) => !/^[^/]*:/.test(a.text) || a.text.startsWith("./"),
    );
    const recursive = name === "ln" ? false : name === "rsync" ? hasOption(parsed, "-r", "-a", "--recursive", "--archive") : hasOption(parsed, "-r", "-R", "-a", "--recursive", "--archive");
    const verb = name === "mv" ? "Moving" : name === "ln" ? "Linking to" : name === "scp" || name === "rsync" ? "Transferring" : "Copying";
    const filter: SearchFilter = { ...EVERYTHING, exclude: optionValues(parsed, "--exclude").map((v) => v.text.replace(/^\/+/, "")) };
    const destination = target[0] ?? (name === "install" && hasOption(parsed, "-d") ? undefined : parsed.operands[parsed.operands.length - 1]);
    for (const source of sources) {
      if (recursive && name !== "mv") await this.tree(source, state, filter, `${verb} \`${source.raw}\` recursively`);
      else if (name === "scp" || name === "rsync" || !(await this.staysSecret(source, destination, state))) await this.file(source, state, verb);
    }
  }

  /**
   * A copy or move whose result is itself a secret file by the same rules (`.env` to `.env.bak`, or into
   * a folder, keeping its name) exposes nothing new: the copy stays guarded.
   */
  private async staysSecret(source: Arg, destination: Arg | undefined, state: State): Promise<boolean> {
    if (!destination || state.cwd === undefined || source.text.includes(UNKNOWN) || destination.text.includes(UNKNOWN) || source.glob || destination.glob) return false;
    const { ctx, rules } = this.env;
    let target = toAbsolute(destination.text, state.cwd, ctx.home);
    const info = await ctx.io.stat(target);
    if (info?.kind === "dir" || destination.text.endsWith("/")) target = `${target}/${basename(source.text)}`;
    return rules.classify(target) !== undefined;
  }

  private async tar(args: Arg[], state: State): Promise<void> {
    let list = args;
    // Old-style bundled letters: `tar czf out.tgz dir` ≡ `tar -c -z -f out.tgz dir`.
    const first = args[0];
    if (first && !first.text.startsWith("-") && /^[A-Za-z]+$/.test(first.text)) list = [{ ...first, text: `-${first.text}` }, ...args.slice(1)];
    const parsed = parseOptions(list, { valueShort: "fCTXbHKLNgV", valueLong: ["--file", "--directory", "--files-from", "--exclude", "--exclude-from", "--transform", "--owner", "--group", "--mode", "--format", "--use-compress-program", "--newer", "--label"] });
    const creating = hasOption(parsed, "-c", "--create", "-r", "--append", "-u", "--update", "-A", "--catenate");
    const own = { ...state };
    const dir = optionValues(parsed, "-C", "--directory")[0];
    if (dir) own.cwd = dir.text.includes(UNKNOWN) || state.cwd === undefined ? undefined : toAbsolute(dir.text, state.cwd, this.env.ctx.home);
    for (const file of optionValues(parsed, "-T", "--files-from")) await this.file(file, state, "`tar -T` reads");
    if (!creating) {
      for (const archive of optionValues(parsed, "-f", "--file")) await this.file(archive, state, "`tar` reads");
      return;
    }
    const filter: SearchFilter = { ...EVERYTHING, exclude: optionValues(parsed, "--exclude").map((v) => v.text) };
    for (const source of parsed.operands) await this.tree(source, own, filter, `Archiving \`${source.raw}\``);
  }

  private async zip(name: string, args: Arg[], state: State): Promise<void> {
    const parsed = parseOptions(args, { valueShort: name === "zip" ? "bnPtZ" : "pomw", valueLong: ["--password", "--suffixes"] });
    const operands = name === "zip" ? parsed.operands.slice(1) : parsed.operands.slice(2);
    const recursive = name !== "zip" || hasOption(parsed, "-r", "--recurse-paths");
    const exclude: string[] = [];
    const xIndex = args.findIndex((a) => a.text === "-x" || a.text === "--exclude");
    if (xIndex !== -1) for (const a of args.slice(xIndex + 1)) exclude.push(a.text.replace(/^\*\//, ""));
    const sources = xIndex === -1 ? operands : operands.filter((a) => !args.slice(xIndex + 1).includes(a));
    for (const source of sources) {
      if (recursive) await this.tree(source, state, { ...EVERYTHING, exclude }, `Archiving \`${source.raw}\``);
      else await this.file(source, state, "Archiving");
    }
  }

  private async transfer(name: string, args: Arg[], state: State): Promise<void> {
    const how = `\`${name}\` sends or reads`;
    const dataOptions = new Set(["-d", "--data", "--data-binary", "--data-ascii", "--data-urlencode", "--json", "-T", "--upload-file", "-K", "--config", "-F", "--form", "--form-string", "-H", "--header", "--post-file", "--body-file", "-i", "--input-file"]);
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] as Arg;
      let option = arg.text;
      let value: Arg | undefined;
      const eq = option.indexOf("=");
      if (option.startsWith("--") && eq !== -1) {
        value = { ...arg, text: option.slice(eq + 1) };
        option = option.slice(0, eq);
      } else if (/^-[dTKFHi]./.test(option)) {
        value = { ...arg, text: option.slice(2) };
        option = option.slice(0, 2);
      } else if (dataOptions.has(option)) {
        value = args[i + 1];
        i += 1;
      }
      if (value && dataOptions.has(option)) {
        const text = value.text;
        if (option === "-F" || option === "--form") {
          const at = /=[@<]([^;]+)/.exec(text);
          if (at) await this.file({ ...value, text: at[1] as string }, state, how);
        } else if (option === "--data-urlencode") {
          const at = text.indexOf("@");
          if (at !== -1) await this.file({ ...value, text: text.slice(at + 1) }, state, how);
        } else if (["-T", "--upload-file", "-K", "--config", "--post-file", "--body-file", "-i", "--input-file"].includes(option)) {
          await this.file(value, state, how);
        } else if (text.startsWith("@") && text !== "@-") {
          await this.file({ ...value, text: text.slice(1) }, state, how);
        }
        continue;
      }
      if (arg.text.startsWith("file://")) await this.file({ ...arg, text: decodeURIComponent(arg.text.slice(7)) }, state, how);
      if (name !== "curl" && name !== "wget") {
        const at = /^(?:[\w-]*(?:=|:=))?@(.+)$/.exec(arg.text);
        if (at) await this.file({ ...arg, text: at[1] as string }, state, how);
      }
    }
  }

  private async find(args: Arg[], state: State): Promise<void> {
    const { roots, expression, filter } = parseFind(args);
    const execs: Arg[][] = [];
    for (let j = 0; j < expression.length; j++) {
      const token = (expression[j] as Arg).text;
      if (token === "-name" || token === "-iname") j += 1;
      else if (["-exec", "-execdir", "-ok", "-okdir"].includes(token)) {
        const command: Arg[] = [];
        j += 1;
        while (j < expression.length && ![";", "+"].includes((expression[j] as Arg).text)) command.push(expression[j++] as Arg);
        execs.push(command);
      } else if (["-fprint", "-fprintf", "-fls", "-fprint0"].includes(token)) j += 1;
      else if (token === "-files0-from") await this.file(expression[++j] as Arg, state, "`find -files0-from` reads");
    }
    for (const command of execs) {
      const readsFound = await this.commandReadsFiles(command, state);
      if (!readsFound) continue;
      for (const root of roots.length > 0 ? roots : [{ text: ".", raw: "." }]) {
        await this.tree(root, state, filter, `\`find ${root.raw} -exec ${command[0]?.raw ?? ""}\``);
      }
    }
  }

  /**
   * For -exec and xargs: analyses the command's own literal arguments, and answers whether the file
   * names appended to it ({} or stdin) would be read.
   */
  private async commandReadsFiles(command: Arg[], state: State): Promise<boolean> {
    const literal = command.filter((a) => a.text !== "{}");
    if (literal.length === 0) return false;
    await this.run(literal, { type: "simple", assigns: [], words: [], redirects: [] }, copy(state), undefined);
    let i = 0;
    for (;;) {
      const name = basename(literal[i]?.text ?? "");
      const wrapper = WRAPPERS[name];
      if (!wrapper || name === "xargs") break;
      const rest = unwrap(literal.slice(i + 1), wrapper);
      i = literal.length - rest.length;
      if (rest.length === 0) return false;
    }
    const name = basename(literal[i]?.text ?? "");
    if (NON_READING.has(name) || name === "echo") return false;
    if (name === "grep" || name === "egrep" || name === "fgrep") return !literal.some((a) => a.text === "-l" || a.text === "-L" || a.text === "-c" || a.text === "-q");
    return true;
  }

  private async xargs(args: Arg[], state: State, upstream: Upstream | undefined): Promise<void> {
    const parsed = parseOptionsUntilCommand(args, "aEdIiLlnPs", ["--arg-file", "--eof", "--delimiter", "--replace", "--max-lines", "--max-args", "--max-procs", "--max-chars", "--process-slot-var"]);
    for (const file of parsed.argFiles) await this.file(file, state, "`xargs -a` reads");
    const inner = parsed.command.length > 0 ? parsed.command : [{ text: "echo", raw: "echo" }];
    if (!(await this.commandReadsFiles(inner, state))) return;
    const how = `\`xargs ${inner[0]?.raw ?? ""}\` reads the files named on its input`;
    const source = upstream?.command;
    if (parsed.argFiles.length === 0 && source?.type === "simple") {
      const words = source.words.flatMap((w) => this.expand(w, upstream?.state ?? state));
      const head = basename(words[0]?.text ?? "");
      if (head === "find") {
        const { roots, expression, filter } = parseFind(words.slice(1));
        const expr = expression.map((a) => a.text);
        if (expr.includes("-type") && expr[expr.indexOf("-type") + 1] === "d") return;
        for (const root of roots.length > 0 ? roots : [{ text: ".", raw: "." }]) await this.tree(root, upstream?.state ?? state, filter, how);
        return;
      }
      if (head === "echo" || head === "printf") {
        for (const word of words.slice(1)) for (const name of word.text.split(/\s+/)) if (name) await this.file({ ...word, text: name }, state, how);
        return;
      }
      if (head === "git" && words[1]?.text === "ls-files") {
        const pathspecs = words.slice(2).filter((w) => !w.text.startsWith("-"));
        for (const root of pathspecs.length > 0 ? pathspecs : [{ text: ".", raw: "." }]) {
          await this.tree(root, upstream?.state ?? state, EVERYTHING, how, (found) => this.tracked(found, upstream?.state ?? state));
        }
        return;
      }
    }
    await this.tree({ text: ".", raw: "." }, state, EVERYTHING, how);
  }
}

/** find's start points, its expression, and the file filter its -name tests give (when no -o or ! blurs them). */
function parseFind(args: Arg[]): { roots: Arg[]; expression: Arg[]; filter: SearchFilter } {
  let i = 0;
  while (i < args.length && /^-[HLPO]/.test((args[i] as Arg).text)) i += 1;
  const roots: Arg[] = [];
  while (i < args.length && !/^[-(!]/.test((args[i] as Arg).text)) roots.push(args[i++] as Arg);
  const expression = args.slice(i);
  const tokens = expression.map((a) => a.text);
  const names: string[] = [];
  for (let j = 0; j < tokens.length; j++) if (tokens[j] === "-name" || tokens[j] === "-iname") names.push(tokens[++j] ?? "*");
  const reliable = !tokens.some((t) => ["-o", "-or", "!", "-not", ","].includes(t));
  return { roots, expression, filter: { ...EVERYTHING, include: reliable ? names : [] } };
}

function parseOptionsUntilCommand(args: Arg[], valueShort: string, valueLong: string[]): { argFiles: Arg[]; command: Arg[] } {
  const argFiles: Arg[] = [];
  let i = 0;
  while (i < args.length) {
    const text = (args[i] as Arg).text;
    if (text === "--") {
      i += 1;
      break;
    }
    if (!text.startsWith("-") || text === "-") break;
    if (text.startsWith("--")) {
      const name = text.split("=")[0] as string;
      if (name === "--arg-file") argFiles.push(text.includes("=") ? { ...(args[i] as Arg), text: text.slice(11) } : (args[i + 1] as Arg));
      i += !text.includes("=") && valueLong.includes(name) ? 2 : 1;
      continue;
    }
    const letter = text[1] as string;
    // -i and -l take an optional value glued to the option only.
    if (valueShort.includes(letter) && letter !== "i" && letter !== "l") {
      const value = text.length > 2 ? { ...(args[i] as Arg), text: text.slice(2) } : (args[i + 1] as Arg | undefined);
      if (letter === "a" && value) argFiles.push(value);
      i += text.length > 2 ? 1 : 2;
    } else i += 1;
  }
  return { argFiles, command: args.slice(i) };
}

function stripAt(arg: Arg): Arg {
  return arg.text.startsWith("@") && arg.text.length > 1 ? { ...arg, text: arg.text.slice(1) } : arg;
}

function copy(state: State): State {
  return { vars: new Map(state.vars), cwd: state.cwd };
}

function mergeValues(lists: Arg[][]): VarValues {
  const out: string[] = [];
  for (const list of lists) {
    for (const arg of list) {
      if (arg.text.includes(UNKNOWN)) return undefined;
      out.push(arg.text);
    }
  }
  return out;
}

/** The command a wrapper runs: its arguments after the wrapper's own options and operands. */
function unwrap(args: Arg[], spec: (typeof WRAPPERS)[string]): Arg[] {
  let i = 0;
  while (i < args.length) {
    const text = (args[i] as Arg).text;
    if (text === "--") {
      i += 1;
      break;
    }
    if (text.startsWith("-") && text !== "-") {
      const bare = text.split("=")[0] as string;
      i += spec.valueOptions.includes(bare) && !text.includes("=") ? 2 : 1;
      continue;
    }
    if (spec.assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(text)) {
      i += 1;
      continue;
    }
    break;
  }
  const leading = spec.leadingOperands ?? 0;
  return args.slice(i + leading);
}

function credentialCommand(argv: Arg[]): string | undefined {
  const words = argv.map((a) => a.text);
  const head = basename(words[0] ?? "");
  for (const entry of CREDENTIAL_COMMANDS) {
    if (entry.argv[0] !== head && !(entry.argv[0] === "git" && head.startsWith("docker-credential-"))) continue;
    // Match the subcommand words in order, skipping options between them (`gh auth -h x token`).
    const operands = words.slice(1).filter((w) => !w.startsWith("-"));
    if (!entry.argv.slice(1).every((w, index) => operands[index] === w)) continue;
    if (entry.requires && !words.slice(1).some((w) => (entry.requires as RegExp).test(w))) continue;
    return entry.what;
  }
  if (head.startsWith("docker-credential-") && words.includes("get")) return "prints stored registry credentials";
  return undefined;
}

export async function analyzeShellCommand(command: string, env: GuardEnv): Promise<Finding[]> {
  const analysis = new ShellAnalysis(env);
  await analysis.source(command, { vars: new Map(), cwd: env.cwd }, "This command");
  return dedupe(analysis.findings.filter((f) => env.ctx.config.secrets.environment || f.kind !== "environment"));
}

export async function analyzePowerShell(command: string, env: GuardEnv): Promise<Finding[]> {
  const analysis = new ShellAnalysis(env);
  const findings = await analyzePowerShellText(command, env, (arg, how) => analysis.file(arg, { vars: new Map(), cwd: env.cwd }, how));
  return dedupe([...findings, ...analysis.findings].filter((f) => env.ctx.config.secrets.environment || f.kind !== "environment"));
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = f.kind === "file" || f.kind === "search" ? `${f.kind}:${f.hit.path}` : `${f.kind}:${"word" in f ? f.word : f.what}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
