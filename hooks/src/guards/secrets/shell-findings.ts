import type { Command, Redirect, Script, Word } from "../../shell/ast.js";
import { UNKNOWN, expandWord, expandedVariables, nestedScripts, passesInput, pipedPrint, staticPrint, substitutedInput, type Arg, type ExpandScope, type VarValues } from "../../shell/expand.js";
import { ShellSyntaxError, parseShell } from "../../shell/parser.js";
import { basename, toAbsolute } from "../../runtime/paths.js";
import { DECLARES, PREFIXED, changeDir, copy, hiddenCode, quoteWord, stripAt, textOf, within, type Analyzer, type SimpleCommand, type State, type Upstream } from "./analysis-types.js";
import { tokenClasses } from "./token-printers.js";
import { AWK, CODE_SHEBANG, COMPOSE_VALUE_OPTIONS, ENV_DUMPERS, NON_READING, comparesQuietly, exportedWords, namesOnly, POWERSHELL, opensslPrintsInput, plainAssignments, perlEditsInPlace, printsArguments, sedEditsInPlace, sedScripts, PYTHON, RUNS_C, SCRIPT_RUNNERS, SHELLS, interpreters, isSecretVariable, wrapperSpec, type WrapperSpec } from "./command-rules.js";
import * as codeCommands from "./commands-code.js";
import { credentialCommandsOf } from "./credential-commands.js";
import * as packageCommands from "./commands-packages.js";
import * as recipeCommands from "./commands-recipes.js";
import * as gitCommand from "./commands-git.js";
import * as searchCommands from "./commands-search.js";
import * as transferCommands from "./commands-transfer.js";
import { expandGlob } from "./fs-glob.js";
import type { GuardEnv } from "./guard.js";
import { optionValues, parseOptions, type OptionSpec, readerOptions } from "./options.js";
import { analyzePowerShellText, commandArgument, encodedCommand } from "./powershell.js";
import type { Finding } from "./refusal.js";
import { importedSecrets } from "./memory-imports.js";
import { secretFileAt, secretFileThrough } from "./secret-files.js";
import { EVERYTHING, secretsUnder, type SearchFilter } from "./tree-search.js";
import { aliasDefinitions, packageBinary, pythonModuleWrapper, runsCommand, unwrap } from "./wrappers.js";
import { ownEntry } from "../../runtime/own-entry.js";
import { gitTop, workingTreeRoot } from "../git-root.js";

const MAX_NESTING = 12;
/** Shells, evals and scripts one call may run before the guard stops reading and refuses. */
const MAX_SOURCED = 400;

/** Ignore files and settings (`.gitignore`, `.ignore`, `.rgignore`, `.fdignore`, `.git/info/exclude`, core.excludesFile). */
const IGNORE_SOURCE = /\.(git|rg|fd)?ignore\b|info\/exclude|excludesfile/i;
/** Commands that only read or test the files they name. */
const READS_ONLY = " cat head tail less more bat grep egrep rg ag wc ls stat file test [ diff cmp ";
/**
 * Variables whose value a program runs as a shell command.
 * PS0 to PS4 are no commands, but bash expands the \`$(…)\` in them for each prompt (PS4: each traced line).
 * BASH_ENV is a script every non-interactive bash sources first; NODE_OPTIONS (npm's --node-options) and
 * RUBYOPT preload code (`--require ./x.js`, `-r./x.rb`) into every node or ruby; npm runs its scripts
 * with the script shell.
 */
const RUN_VARIABLES = " VISUAL GIT_EXTERNAL_DIFF GIT_SSH_COMMAND GIT_SSH GIT_PROXY_COMMAND GIT_ASKPASS SSH_ASKPASS SUDO_ASKPASS LESSOPEN LESSCLOSE FCEDIT KUBECTL_EXTERNAL_DIFF BROWSER PROMPT_COMMAND PS0 PS1 PS2 PS4 BASH_ENV NODE_OPTIONS npm_config_node_options npm_config_script_shell NPM_CONFIG_SCRIPT_SHELL RUBYOPT ";

/**
 * Whether a variable's value is a command a program runs: those above, and any program's pager or
 * editor (`AWS_PAGER`, `GH_PAGER`, `SYSTEMD_PAGER`, `KUBE_EDITOR`, `SUDO_EDITOR`, as git's and less's).
 */
function runsValue(name: string): boolean {
  return name.endsWith("PAGER") || name.endsWith("EDITOR") || RUN_VARIABLES.includes(` ${name} `);
}

/** Walks a parsed command in execution order, tracking variables and the directory, and collects findings. */
class ShellAnalysis implements Analyzer {
  readonly findings: Finding[] = [];

  dynamic(word: string, how: string): void {
    this.findings.push({ kind: "dynamic", word, how });
  }

  unchecked(what: string, how: string): void {
    this.findings.push({ kind: "unchecked", what, how });
  }

  leak(what: string, how: string, instead?: string): void {
    this.findings.push(instead === undefined ? { kind: "environment", what, how } : { kind: "environment", what, how, instead });
  }
  gitChanged = false;
  /** An earlier command in the call may change what git and ripgrep ignore (an ignore file, core.excludesFile). */
  ignoreTouched = false;
  /** Names `hash -p` sends to a file. */
  private readonly hashed = new Map<string, string>();
  private nesting = 0;
  /** Aliases the command defines (`alias c='cat .env'` then `c` on a later line): Claude Code's shell expands them. */
  private readonly aliases = new Map<string, string>();
  /** Variables set to text the command spells and then changes (`X=$(echo … | tr …)`): run, they hide a command. */
  private readonly hiding = new Set<string>();
  /** Files the command wrote earlier with known text (`cat > /tmp/t.py <<'EOF' … EOF`), by absolute path. */
  readonly written = new Map<string, string>();
  /** Files earlier commands in the call write (`>`, cp, mv): git add can stage them though they are not there yet. */
  readonly made = new Set<string>();
  /** Script files already read in this call (scriptFile). */
  readonly scripts = new Set<string>();
  /** Variables set to what a credential command printed (`T=$(gh auth token)`): secrets, whatever their name. */
  private readonly captured = new Set<string>();
  /** Loop variables that take the names a listing prints (`for f in $(find …)`), with the listing. */
  private readonly listings = new Map<string, string>();
  /** The repository's top, as git prints it for the call's folder, when the call asks for it. */
  top: string | undefined;
  /** The call's own script, and the variables a statement of it sets for sure (`key=abc; …`, not after `&&`). */
  private root: Script | undefined;
  private readonly setForSure = new Set<string>();
  /** Prints plainHere let pass, and whether the walk ran a builtin that may set a variable unseen (`${c}al`). */
  private readonly excused: Array<[string, string]> = [];
  private opaque = false;
  /** Functions the command defines, walked where they are called (the rest once the call is walked). */
  private readonly functions = new Map<string, { body: Script; redirects: Redirect[]; state: State; called?: true }>();
  private calling = 0;

  constructor(
    readonly env: GuardEnv,
    readonly text = "",
  ) {}

  scope(state: State): ExpandScope {
    // A secret variable from the environment expands to its own `$NAME`, never its value: code the shell
    // builds with it (`bash -c "echo $TOKEN"`) is judged as if it named the variable, and the value is
    // never read (nor kept in the decision cache).
    return { vars: state.vars, cwd: state.cwd, home: this.env.ctx.home, env: (name) => (this.secret(name) ? `$${name}` : this.env.ctx.io.env(name)), top: this.gitChanged ? undefined : this.top };
  }

  expand(word: Word, state: State): Arg[] {
    return expandWord(word, this.scope(state));
  }

  private sourced = 0;
  private traced: boolean | undefined;
  /** Whether the command turns on `set -x` (or runs `bash -x`): the shell then prints each command with its words expanded. */
  private xtrace(): boolean {
    return (this.traced ??= this.text.includes("x") && XTRACE.test(this.text));
  }

  /**
   * `shopt -s dotglob` or a GLOBIGNORE anywhere in the command, or code that asks its glob for dot files
   * (Python's `include_hidden=True`, Ruby's `FNM_DOTMATCH`, node-glob's `dot: true`): its globs may
   * match dot files (`*` takes .env).
   */
  private dotglob(): boolean {
    // zsh's GLOB_DOTS, however spelled (`setopt globdots`, `set -o GLOB_DOTS`).
    return ["dotglob", "GLOBIGNORE", "include_hidden", "FNM_DOTMATCH", "dot: true", "dot:true"].some((word) => this.text.includes(word)) || /glob_?dots/i.test(this.text);
  }

  secret(name: string): boolean {
    return this.captured.has(name) || isSecretVariable(name);
  }

  /**
   * Whether eval runs a setup tool's output (setupToolOf): the program itself, not a function the call
   * defines by its name, nor one found through a PATH or alias the call changes (`brew() { echo 'cat
   * .env'; }`, `PATH=/tmp/x:$PATH`).
   */
  private evalsSetup(command: SimpleCommand): boolean {
    const tool = setupToolOf(command)?.[0];
    return tool !== undefined && !this.functions.has(basename(tool)) && !/\bPATH=|\balias\b|\bhash\s+-p/.test(this.text);
  }

  prefixedPlain(name: string, state: State): boolean {
    const values = state.vars.get(name);
    const value = values?.length === 1 ? (values[0] as string) : UNKNOWN;
    return !value.includes(UNKNOWN) && !value.includes("$") && !UNSEEN_SETTERS.test(this.text) && state.vars.get(PREFIXED)?.includes(`${name}=${value}`) === true;
  }

  /** Whether a word expands a secret variable's value (`$API_KEY`, `${API_KEY:0:4}`; not `${#API_KEY}`). */
  private holdsSecret(word: Word): boolean {
    return word.raw.includes("$") && expandedVariables(word).some((v) => !v.lengthOnly && !v.indirect && this.secret(v.name));
  }

  async source(text: string, state: State, how: string): Promise<void> {
    if (this.nesting >= MAX_NESTING) {
      this.unchecked("nests shells or eval too deeply to check", how);
      return;
    }
    // Code that runs itself several times over (`X='eval "$X"; eval "$X"'; eval "$X"`, a script that
    // runs itself on every line) would take the walk past any timeout: past a budget it is refused.
    if (++this.sourced > MAX_SOURCED) {
      if (this.sourced === MAX_SOURCED + 1) this.unchecked(`sets off over ${MAX_SOURCED} shells and evals, too many to check`, how);
      return;
    }
    let script: Script;
    try {
      script = parseShell(text);
    } catch (error) {
      if (!(error instanceof ShellSyntaxError)) throw error;
      this.unchecked(`could not be parsed (${error.message}); bash would reject it too`, how);
      return;
    }
    if (this.nesting === 0) this.root ??= script;
    this.nesting += 1;
    try {
      await this.script(script, state);
    } finally {
      this.nesting -= 1;
    }
    if (this.nesting > 0) return;
    // A function never called by its name here (a trap's, or one a child shell runs) runs with its words unknown.
    for (const fn of this.functions.values()) if (!fn.called) await this.call(fn, undefined, fn.state);
    // Known only once the whole call is walked (a loop may run it after the print).
    if (this.opaque) for (const [what, how] of this.excused.splice(0)) this.leak(what, how);
  }

  async script(script: Script, state: State): Promise<void> {
    for (const statement of script.statements) {
      const first = statement.pipelines[0]?.commands;
      const sure = script === this.root && !statement.background && !statement.nested && first?.length === 1 ? first[0] : undefined;
      // `KEY=abc`, or `export KEY=abc` with plain words alone.
      const exported = sure?.type === "simple" && sure.words[0]?.raw === "export" && sure.words.length > 1 && sure.words.slice(1).every((w) => PLAIN_EXPORT.test(w.raw)) ? sure.words.slice(1).map((w) => w.raw.slice(0, w.raw.indexOf("="))) : [];
      for (const name of exported) this.setForSure.add(name);
      if (sure?.type === "simple" && sure.words.length === 0) for (const assign of sure.assigns) this.setForSure.add(assign.name);
      if (sure?.type === "function") this.setForSure.add(`${sure.name}()`);
      for (const pipeline of statement.pipelines) {
        let upstream: Upstream | undefined;
        const before = this.findings.length;
        for (const [index, command] of pipeline.commands.entries()) {
          // Each side of a pipe runs in a subshell, but a lone command changes the shell's own state.
          const own = pipeline.commands.length > 1 ? copy(state) : state;
          await this.command(command, own, upstream);
          upstream = { command, state: own, from: upstream };
          // `cat .env | cut -d= -f1`: a dotenv file's names alone, as `cut -d= -f1 .env`.
          if (index === 0 && (await this.namesPiped(pipeline.commands, own))) this.findings.splice(before);
          // `env | wc -l`, `cat .env | wc -c`: what the first command printed reaches only a count.
          if (index === 0 && (countedOnly(pipeline.commands) || namedLines(pipeline.commands, this.findings.slice(before)))) this.findings.splice(before);
          // `kubectl create secret … -o yaml | kubectl apply -f -`: the manifest goes to the cluster, or sealed.
          if (index === 0 && appliedManifest(pipeline.commands)) this.findings.splice(before);
          // `aws ecr get-login-password | docker login --password-stdin`: a login takes the secret in.
          if (index === 0 && loginFromStdin(pipeline.commands) && !this.xtrace() && this.findings.slice(before).every((f) => f.kind === "environment")) this.findings.splice(before);
        }
        this.readsNames(pipeline.commands);
        // `grep -v DEBUG .env > .env.tmp`, `cat .env .env.local > .env.all`: filters whose output goes
        // only into files that stay guarded.
        const last = pipeline.commands[pipeline.commands.length - 1];
        if (this.findings.length > before && upstream && last?.type === "simple" && pipeline.commands.every((c) => c.type === "simple" && FILTERS.has(c.words[0]?.raw ?? "") && c.words.every((w) => nestedScripts(w).length === 0) && (c === last || c.redirects.every((r) => r.op[0] !== ">" || r.fd === 2))) && (await this.intoGuarded(last, upstream.state))) this.findings.splice(before);
      }
    }
  }

  /** A printer (printenv, echo, printf, declare, typeset, env with no command) whose stdout goes last to /dev/null, with no `$(…)` in it. */
  private printsNowhere(command: SimpleCommand): boolean {
    const out = command.redirects.filter((r) => r.op[0] === "&" || (r.op[0] === ">" && (r.fd ?? 1) === 1)).pop();
    if (!out || out.op === ">&" || out.target.raw !== "/dev/null" || this.xtrace()) return false;
    const head = command.words[0]?.raw ?? "";
    const printer = /^(printenv|echo|printf|declare|typeset)$/.test(head) || (head === "env" && command.words.every((w, i) => i === 0 || /^-|=/.test(w.raw)));
    return printer && command.words.every((w) => nestedScripts(w).length === 0);
  }

  /**
   * `cat .env | cut -d= -f1 | sort`, `grep -v '^#' .env | cut -d= -f1`: a plain dotenv file's lines
   * (whole, or some of them: not grep -o's parts) reach a filter that keeps the names alone.
   */
  private async namesPiped(commands: Command[], state: State): Promise<boolean> {
    const [cat, filter] = commands;
    if (cat?.type !== "simple" || filter?.type !== "simple" || cat.redirects.length + filter.redirects.length > 0) return false;
    const [head, ...words] = cat.words;
    const middle = words.slice(0, -1).filter((w) => !/^-[EFGivnwxHhc]+$/.test(w.raw));
    if (head?.raw === "cat" ? words.length !== 1 : !/^[ef]?grep$/.test(head?.raw ?? "") || middle.length !== 1 || middle[0]?.raw.startsWith("-")) return false;
    const name = filter.words[0]?.raw ?? "";
    const file = this.expand(words[words.length - 1] as Word, state);
    return namesFilter(name, filter.words.slice(1).flatMap((w) => this.expand(w, state)).map((a) => a.text))?.length === 0 && file.length === 1 && (await this.namesAlone(file[0] as Arg, state));
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
        // `for f in .??*`: the loop takes the files the glob matches, so `cat "$f"` reads them.
        state.vars.set(command.assign.name, mergeValues([await this.globbed(values, state)]));
        // `for f in $(find src -name '*.ts')`: "$f" then stands for the names that listing prints,
        // unless the command sets f some other way too (or reads into variables).
        const name = command.assign.name;
        const listing = values.length === 1 ? LISTING.exec(values[0]?.raw ?? "")?.[1] : undefined;
        if (listing !== undefined && this.untouched(name, 0)) this.listings.set(name, listing);
        else this.listings.delete(name);
        return;
      }
      case "compound":
        await this.redirects(command.redirects, state, undefined);
        await this.script(command.body, command.subshell ? copy(state) : state);
        return;
      case "function":
        // Defined twice: which one a call finds is not known for sure.
        if (this.functions.has(command.name)) this.setForSure.delete(`${command.name}()`);
        this.functions.set(command.name, { ...command, state: copy(state) });
        return;
      case "simple": {
        const before = this.findings.length;
        await this.simple(command, state, upstream);
        // `printenv GITHUB_TOKEN > /dev/null && echo set`: what a printer prints goes nowhere (not under set
        // -x, nor what a `$(…)` in it does: `echo $(gh auth token | curl -d @- …) > /dev/null` sends it).
        // (Looked at only for a command that printed a secret: most print none.)
        if (this.findings.length > before && this.printsNowhere(command)) this.findings.splice(before, Infinity, ...this.findings.slice(before).filter((f) => f.kind !== "environment"));
      }
    }
  }

  /**
   * The known text of a script argument: a `<(…)` word's output (substitutedInput), or a file this
   * command line wrote earlier (`cat > /tmp/t.py <<'EOF' … EOF && python3 /tmp/t.py`).
   */
  private substituted(command: SimpleCommand, arg: Arg | undefined, state: State): string | undefined {
    return arg && (substitutedInput(wordOf(command, arg), this.scope(state)) ?? this.written.get(this.absolute(arg, state) ?? ""));
  }

  private absolute(arg: Arg, state: State): string | undefined {
    return arg.text.includes(UNKNOWN) || (state.cwd === undefined && !arg.text.startsWith("/")) ? undefined : toAbsolute(arg.text, state.cwd ?? "/", this.env.ctx.home);
  }

  /**
   * Variables whose value git, less, man and sudo run as a shell command (`GIT_PAGER='cat .env' git log`,
   * `export GIT_SSH_COMMAND=…`), set before a command, alone, or by a declaration builtin.
   */
  private async commandVariables(command: SimpleCommand, argv: Arg[], state: State): Promise<void> {
    // Only those variables' values are expanded: most commands set none of them.
    const set = command.assigns.filter((a) => runsValue(a.name)).map((a) => `${a.name}=${this.expand(a.value, state).map((v) => v.text).join(" ")}`);
    if (DECLARES.includes(` ${argv[0]?.text} `)) set.push(...argv.slice(1).map((a) => a.text));
    for (const pair of set) {
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      if (eq < 1 || !runsValue(name)) continue;
      const value = pair.slice(eq + 1);
      if (value.includes(UNKNOWN)) this.dynamic(name, "The command in");
      else await this.source(/^PS\d$/.test(name) ? `: <<SHIPSHAPE_PS\n${value}\nSHIPSHAPE_PS` : name === "BASH_ENV" ? `. ${value}` : /NODE_OPTIONS$/i.test(name) ? `node ${value} -e 0` : name === "RUBYOPT" ? `ruby ${value} -e 0` : value.replace(/^\|/, ""), copy(state), `The command in \`${name}\``);
    }
  }

  /** Remembers what a command writes with `>` or `>>` when its output is certain, and forgets a file written with unknown text. */
  private async wrote(command: SimpleCommand, state: State): Promise<void> {
    for (const out of command.redirects) {
      if (out.op !== ">" && out.op !== ">|" && out.op !== ">>") continue;
      const targets = this.expand(out.target, state);
      const path = targets.length === 1 ? this.absolute(targets[0] as Arg, state) : undefined;
      if (path === undefined) continue;
      this.made.add(path);
      const text = staticPrint({ ...command, redirects: command.redirects.filter((r) => r !== out) }, this.scope(state));
      const before = out.op === ">>" ? this.written.get(path) : "";
      if (text === undefined || before === undefined) this.written.delete(path);
      else this.written.set(path, before + text);
      // `echo '@.env' >> CLAUDE.md`: a memory file's imports are loaded into the conversation.
      if (text !== undefined) this.findings.push(...(await importedSecrets(this.env.ctx.io, this.env.rules, path, text, this.env.ctx.home, this.env.ctx.projectDir)));
    }
  }

  /** A `<(…)` argument whose script the command spells and then changes: refused, as piped code is. */
  private hidesScript(command: SimpleCommand, arg: Arg | undefined, name: string, state: State): boolean {
    const hidden = arg && hiddenText(wordOf(command, arg), this.scope(state));
    if (hidden) this.findings.push(hiddenCode(`\`${name}\``, hidden));
    return hidden !== undefined;
  }

  /** Words expanded as a for loop's list or an array's elements are: globs replaced by the files they match. */
  private async globbed(values: Word[], state: State): Promise<Arg[]> {
    const words: Arg[] = [];
    for (const arg of values.flatMap((w) => this.expand(w, state))) {
      const matches = arg.glob !== undefined && state.cwd !== undefined && !arg.text.includes(UNKNOWN) ? await expandGlob(this.env.ctx.io, arg.glob.startsWith("/") ? arg.glob : `${state.cwd}/${arg.glob}`, this.dotglob()) : [];
      if (matches.length === 0) words.push(arg);
      for (const match of matches) words.push({ text: match, raw: arg.raw });
    }
    return words;
  }

  private async simple(command: SimpleCommand, state: State, upstream: Upstream | undefined): Promise<void> {
    // Variables set to hidden text (`X=$(echo … | tr …)`, `export X=…`), which hide a command if run.
    for (const assign of command.assigns) {
      if (hiddenText(assign.value, this.scope(state))) this.hiding.add(assign.name);
      if (this.holdsSecret(assign.value)) this.captured.add(assign.name);
    }
    for (const word of command.words.slice(1)) {
      // includes() first: a RegExp's first run compiles it, on every call of a cold hook.
      const name = word.raw.includes("=") ? /^([A-Za-z_]\w*)=/.exec(word.raw)?.[1] : undefined;
      if (name && hiddenText(word, this.scope(state))) this.hiding.add(name);
      // `export K="$API_KEY"`, `declare -n K=API_KEY`: K holds the secret, wherever it is printed.
      if (name && (this.holdsSecret(word) || (/^-\w*n/.test(command.words[1]?.raw ?? "") && this.secret(word.raw.slice(name.length + 1))))) this.captured.add(name);
    }
    const head = command.words[0]?.raw ?? "";
    // Where a word keeps its `$(…)` is worked out only for one that printed a secret into it (rare).
    // Files and git keep what they are given, and file commands name it in their errors
    // (`cat --token=$(…)`: "cat: unrecognized option '--token=ghp_…'").
    const shown = () => this.xtrace() || printsArguments(basename(head), command.words.map((w) => w.raw)) || NON_READING.has(basename(head)) || / cat head tail less more grep git /.test(` ${basename(head)} `);
    const before = this.findings.length;
    // `echo "GH_TOKEN=$(gh auth token)" >> .env.local`: what the echo prints goes only into a guarded file.
    // `eval "$(direnv export bash)"`: a setup tool's exports go into the shell, not onto the screen.
    const kept = ((head === "echo" || head === "printf") && (await this.intoGuarded(command, state))) || (head === "eval" && this.evalsSetup(command));
    // `env $(cat .env | xargs) node app.js` takes the words as export does, then runs the command after
    // them, judged without them.
    const loaded = new Set<Word>();
    for (const [i, word] of command.words.entries()) if (!((head === "export" || head === "env") && i > 0 && (await this.exportsQuietly(word, state)) && loaded.add(word))) await this.capture(word, state, () => kept || (i > 0 && (unshown(head, word, command.words[i - 1] as Word) || (!shown() && captureInto(head, word, command.words[i - 1] as Word)))));
    // `export $(cat .env | xargs)`: the shell's error for a word that is no name prints it (env's, for
    // the command it cannot find). Say how to load the file unseen.
    if (head === "export" || head === "env") {
      for (const f of this.findings.slice(before)) if (f.kind === "file" && f.hit.match.category.id === "dotenv") f.instead = `load it without printing it: \`set -a; . ${f.hit.path}; set +a\` (a file of plain NAME=value lines passes).`;
    }
    for (const assign of command.assigns) await this.capture(assign.value, state, () => assign.name);
    for (const assign of command.assigns) await this.nested(assign.loopValues ?? [], state);
    const argv = command.words.filter((word) => head !== "env" || !loaded.has(word)).flatMap((word) => this.expand(word, state));
    // zsh's mapfile module: `$mapfile[.env]` is the file's contents (the whole line's text tested first:
    // this runs for every command).
    if (this.text.includes("mapfile[")) {
      for (const word of [...command.words, ...command.assigns.map((x) => x.value)]) for (const m of word.raw.matchAll(/mapfile\[["']?([^\]"']+)/g)) await this.file({ text: m[1] as string, raw: m[0] }, state, "zsh's `$mapfile` reads");
    }
    // `rm .gitignore && rg KEY`, `echo '!x' >> .ignore; fd x`: a later search in the call cannot go by
    // what is ignored now (string tests first: this runs for every command).
    const namesIgnores = (t: string) => (t.includes("ignore") || t.includes("xclude")) && IGNORE_SOURCE.test(t);
    if (!this.ignoreTouched && (argv.some((a) => namesIgnores(a.text)) || command.redirects.some((r) => namesIgnores(r.target.raw))) && !READS_ONLY.includes(` ${basename(head)} `)) this.ignoreTouched = true;
    if (argv.length === 0) {
      for (const assign of command.assigns) {
        // An array's elements (globs matched, as in a for loop) are all taken as its values:
        // `"${x[@]}"` runs them as one command's words.
        state.vars.set(assign.name, mergeValues([assign.loopValues ? await this.globbed(assign.loopValues, state) : this.expand(assign.value, state)]));
      }
    }
    const fed = command.redirects.some((r) => r.op === "<<<" || r.heredoc);
    // Looked at only for fed input (no RegExp compiled for every command).
    const login = (fed || command.redirects.some((r) => r.op === "<")) && !this.xtrace() && takesSecretIn(command);
    await this.redirects(command.redirects, state, argv[0]?.text, !fed || !login, argv, login);
    await this.wrote(command, state);
    await this.commandVariables(command, argv, state);
    // `EDITOR=cat rails credentials:edit`, `KUBE_EDITOR=cat kubectl edit secret db`: an editor that
    // prints shows what the command decrypts or fetches for editing.
    if (EDITS.has(basename(argv[0]?.text ?? "")) && this.printingEditor(command, state)) {
      this.leak("what it opens, decrypted", `\`${argv[0]?.raw}\` with an editor that prints (\`EDITOR=cat\`) shows`, "leave EDITOR alone and ask the user to make this edit.");
    }
    if (argv.length === 0) return;
    // `FILE=.env make show`: what the command runs sees the variables set before it, exported to it alone.
    const own = command.assigns.length > 0 ? copy(state) : state;
    for (const assign of own === state ? [] : command.assigns) own.vars.set(assign.name, this.expand(assign.value, state).map((v) => v.text));
    if (own !== state) own.vars.set(PREFIXED, command.assigns.map((a) => `${a.name}=${own.vars.get(a.name)?.join("\0")}`));
    // Only a command's own name finds a function (`command cat`, `sudo f` and `env f` run a program),
    // and the program is judged too unless the definition ran for sure: not in an if or a subshell
    // (which the flat walk steps over), nor unset since.
    const name = argv[0]?.text ?? "";
    const fn = this.functions.get(name);
    if (fn) await this.call(fn, command.words.slice(1).map((word) => this.expand(word, own)), own);
    if (!fn || !this.setForSure.has(`${name}()`) || /\bunset\b/.test(this.text)) await this.run(argv, command, own, upstream);
    // `cd() { :; }; cd app`: which of the two moved the shell is not known.
    if (fn && /^(cd|pushd|popd)$/.test(name)) own.cwd = undefined;
    state.cwd = own.cwd;
  }

  /**
   * Whether a command's output goes only into files that stay guarded (`>> .env`), or nowhere (`> /dev/null`).
   * Asked of an echo twice (for what it captures, then for what it prints): answered once.
   */
  private intoGuarded(command: SimpleCommand, state: State): Promise<boolean> {
    let answer = this.guardedOutput.get(command);
    if (!answer) this.guardedOutput.set(command, (answer = this.outputGuarded(command, state)));
    return answer;
  }

  private readonly guardedOutput = new WeakMap<SimpleCommand, Promise<boolean>>();

  private async outputGuarded(command: SimpleCommand, state: State): Promise<boolean> {
    const targets = command.redirects.filter((r) => r.op[0] === ">" && (r.fd ?? 1) === 1).flatMap((r) => this.expand(r.target, state));
    for (const t of targets) {
      const path = state.cwd === undefined ? undefined : this.absolute(t, state);
      if (path === "/dev/null") continue;
      if (!path || this.env.rules.classify(path) === undefined || !(await transferCommands.guardedTarget(this, path))) return false;
    }
    return targets.length > 0;
  }

  private printingEditor(command: SimpleCommand, state: State): boolean {
    const values = command.assigns.filter((a) => /EDITOR$|^VISUAL$/.test(a.name)).map((a) => this.expand(a.value, state)[0]?.text);
    for (const name of ["EDITOR", "VISUAL", "KUBE_EDITOR", "SOPS_EDITOR"]) values.push(state.vars.get(name)?.[0]);
    return values.some((v) => v !== undefined && /^(cat|head|tail|less|more|bat|nl|tac|tee|strings|xxd|od)\b/.test(basename(v)));
  }

  /**
   * Walks the commands substituted into a word. What a credential command or an environment dump
   * prints into a `$(…)` is not shown when the word keeps it: a variable (`T=$(gh auth token)`,
   * `export T=…`), which then counts as a secret wherever it is printed, or a credential option
   * (`-H "Authorization: Bearer $(gcloud auth print-access-token)"`, `-p $(aws ecr get-login-password)`).
   * Not under `set -x`, which prints every command with its words expanded.
   */
  private async capture(word: Word | undefined, state: State, keeper: () => string | boolean): Promise<void> {
    const before = this.findings.length;
    await this.nested([word], state);
    if (!word || this.findings.length === before) return;
    const into = keeper();
    if (!into || this.xtrace() || !capturedWhole(word)) return;
    if (this.findings.slice(before).some((f) => f.kind !== "environment")) return;
    this.findings.splice(before);
    if (typeof into === "string") this.captured.add(into);
  }

  /**
   * `source .env`, `set -a; . .env`: a dotenv file of plain assignments loads its variables and prints
   * nothing; its names then count as secrets wherever printed (`echo $DB`). One with any other line
   * would print part of a value in the shell's error, and stays refused, as under `set -x`.
   */
  private async loads(arg: Arg, state: State): Promise<boolean> {
    const names = (await this.plainDotenv(arg, state))?.names;
    for (const name of names ?? []) this.captured.add(name);
    return names !== undefined;
  }

  /**
   * `export $(grep -v '^#' .env | xargs)`, `export $(cat .env)`: each word a NAME=value that export takes
   * without a word in its errors (exportedWords); the names then count as secrets wherever printed.
   */
  private async exportsQuietly(word: Word, state: State): Promise<boolean> {
    const load = dotenvLoad(word);
    const file = load && !this.xtrace() ? this.expand(load.file, state) : [];
    const text = file.length === 1 ? (await this.plainDotenv(file[0] as Arg, state))?.text : undefined;
    const names = text === undefined ? undefined : exportedWords(text, load?.uncommented === true);
    for (const name of names ?? []) this.captured.add(name);
    return names !== undefined;
  }

  /** Whether a names-only filter (namesOnly) shows nothing but names of this file: a dotenv file of plain NAME=value lines and no comment (which would print whole). */
  private async namesAlone(arg: Arg, state: State): Promise<boolean> {
    return (await this.plainDotenv(arg, state))?.text.split("\n").every((l) => !l.trim().startsWith("#")) === true;
  }

  /** A dotenv file whose every line is a plain assignment or a comment: its names and text (plainAssignments). */
  private async plainDotenv(arg: Arg, state: State): Promise<{ names: string[]; text: string } | undefined> {
    const { io } = this.env.ctx;
    // Verbose (`set -v`, `bash -v`), the shell prints each line it reads, a sourced file's among them.
    const path = this.xtrace() || /\bset\s+(-[a-zA-Z]*v|-o\s+verbose)|\b(ba|z|k|da)?sh\s+-[a-zA-Z]*v/.test(this.text) ? undefined : this.absolute(arg, state);
    const hit = path === undefined ? undefined : await secretFileAt(io, this.env.rules, path, true);
    const real = hit?.match.category.id === "dotenv" ? (hit.realPath ?? hit.path) : undefined;
    const info = real === undefined ? undefined : await io.stat(real);
    const text = info && info.size <= 65536 ? await io.readText(real as string) : undefined;
    const names = text === undefined ? undefined : plainAssignments(text);
    return names && text !== undefined ? { names, text } : undefined;
  }

  /**
   * A shell script run from a file already on disk (one this command wrote is read whole, as certain):
   * read for the certain ways it puts a secret on the terminal (`cat .env`, `env`, `grep -r` over
   * secrets), not for what its arguments or variables may name, nor for sourcing .env, which project
   * scripts do to load it: the project's own scripts stay runnable, one written to get around the
   * guard does not.
   */
  async scriptFile(arg: Arg, state: State, code = false): Promise<void> {
    const path = this.absolute(arg, state);
    // Each script once per call: one that runs itself (or others, fifty times a line) would otherwise
    // be read again at every level.
    const key = `${path}\0${state.cwd}`;
    if (path === undefined || this.scripts.has(key)) return;
    this.scripts.add(key);
    // One this command wrote (`echo … > x.py && python3 x.py`) is read as written.
    let text = this.written.get(path);
    // A notebook keeps its outputs (images too) beside its code.
    const notebook = path.endsWith(".ipynb");
    if (text === undefined) {
      const info = await this.env.ctx.io.stat(path);
      if (info?.kind !== "file" || info.size > (notebook ? 4096 : 256) * 1024) return;
      text = await this.env.ctx.io.readText(path);
    }
    if (text === undefined || text.includes("\u0000")) return;
    const cells = notebook ? codeCommands.notebookCode(text) : undefined;
    if (cells) {
      await codeCommands.scriptCode(this, cells.code, arg, state);
      return this.shellScript(cells.shell, `the notebook \`${arg.raw}\``, state);
    }
    // Code an interpreter runs (`python3 x.py`, `./x.js` with its `#!`), read as code.
    if (code || CODE_SHEBANG.test(text)) return codeCommands.scriptCode(this, text, arg, state);
    // A script for bash, sh, zsh …, or one without a `#!` line, which the shell runs itself.
    if (/^(?!#!)|^#!\s*(\S*\/(env\s+)?)?(ba|z|k|da|mk)?sh\b/.test(text)) await this.shellScript(text, `the script \`${arg.raw}\``, state);
  }

  async shellScript(text: string, label: string, state: State, key?: string): Promise<void> {
    if (key !== undefined && this.scripts.has(key)) return;
    if (key !== undefined) this.scripts.add(key);
    const before = this.findings.length;
    // Traced (`bash -x`, `set -x`), sourcing .env prints every assignment in it.
    const traced = this.xtrace() || XTRACE.test(text);
    const outer = this.traced;
    this.traced = traced;
    try {
      await this.source(text, copy(state), `${label[0]?.toUpperCase()}${label.slice(1)}`);
    } finally {
      this.traced = outer;
    }
    for (const f of this.findings.splice(before)) {
      if (f.kind === "search" || f.kind === "environment" || (f.kind === "file" && (f.how !== "Sourcing" || traced))) this.findings.push({ ...f, how: within(label, f.how) });
    }
  }

  /** `shown`: what feeds the command may reach the terminal (all but a login that reads its stdin). */
  private async redirects(redirects: Redirect[], state: State, commandName: string | undefined, shown = true, argv: Arg[] = [], login = false): Promise<void> {
    for (const redirect of redirects) {
      await this.nested([redirect.target, redirect.heredoc?.word], state);
      // `wc -l < .env`, `sha256sum < .env`: a count or digest of what comes in (not `--files0-from=-`, nor `-c`).
      const name = redirect.op === "<" ? basename(commandName ?? "") : "";
      const raw = () => ` ${argv.map((a) => a.text).join(" ")}`;
      // `gh auth login --with-token < token.txt`: a login or secret store takes the file in, and shows none
      // of it; not a whole dotenv file, which a login to any host would carry off, unless the store takes
      // each of its lines as a secret (`fly secrets import < .env`, as `gh secret set -f .env`).
      const counts = (login && redirect.op === "<" && (/^ fly(ctl)? secrets import\b/.test(raw()) || this.expand(redirect.target, state).every((t) => this.env.rules.classify(toAbsolute(t.text, state.cwd ?? "/", this.env.ctx.home))?.category.id !== "dotenv"))) || (name !== "" && (name === "wc" ? !raw().includes("files0") : DIGESTS.test(name) && !/\s(-c|--check)\b/.test(raw())));
      // `cut -d= -f1 < .env`: the names alone, as with the file named.
      const names = redirect.op === "<" && namesFilter(name, argv.slice(1).map((a) => a.text))?.length === 0;
      if (!counts && (redirect.op === "<" || redirect.op === "<>" || (redirect.op === "<&" && !/^\d+$|^-$/.test(redirect.target.raw)))) {
        for (const arg of this.expand(redirect.target, state)) if (!(names && (await this.namesAlone(arg, state)))) await this.file(arg, state, "Redirecting input from");
      }
      if (shown && (redirect.op === "<<<" || (redirect.heredoc && !redirect.heredoc.quoted))) {
        const word = redirect.op === "<<<" ? redirect.target : redirect.heredoc?.word;
        this.secretVariables(word ? [word] : [], `Feeding ${commandName ?? "a command"} input that expands`, state);
      }
    }
  }

  /** Echo-like commands and here-strings that expand a secret-named variable print its value. */
  private secretVariables(words: Word[], how: string, state: State): void {
    for (const word of words) {
      for (const variable of expandedVariables(word)) {
        // `${!name}` prints the variable whose name $name holds: any of them, secrets included.
        if (variable.indirect && !variable.lengthOnly) {
          this.leak(`the variable named by $${variable.name} (\`\${!${variable.name}}\`), chosen at run time`, how);
          continue;
        }
        const what = `the variable $${variable.name}, whose name marks it as a secret`;
        if (!variable.lengthOnly && this.secret(variable.name)) {
          if (this.plainHere(variable.name, state)) this.excused.push([what, how]);
          else this.leak(what, how);
        }
      }
    }
  }

  /**
   * `key=abc; echo "$key"`: a secret-named variable that the call's own script set for sure to plain
   * text, and sets nowhere else, holds that text. Anything that may set it unseen (eval, source, read,
   * printf -v, declare, a nameref, an array element, a function) leaves it a secret.
   */
  private plainHere(name: string, state: State): boolean {
    const values = state.vars.get(name);
    if (this.nesting !== 1 || !this.setForSure.has(name) || !values?.every((v) => !v.includes(UNKNOWN) && !v.includes("$")) || UNSEEN_SETTERS.test(this.text)) return false;
    const count = (pattern: string) => this.text.match(new RegExp(pattern, "g"))?.length ?? 0;
    return count(`(^|[\\s;&|])${name}=`) === 1 && count(`\\b${name}\\b`) === 1 + count(`\\$(${name}\\b|\\{${name}\\})`);
  }

  /**
   * Walks a function's body as a call runs it: in the caller's shell, with the call's words as $1 …
   * and "$@" (a word that may take several values, as a loop's, gives its $N each of them). Up to the
   * first word that may make several words (a glob, `$X` unquoted): the numbers after it are unknown,
   * as all are when the body shifts or sets them, or the function is not called by name here (`words`
   * undefined: a trap's, one a child shell runs).
   */
  private async call(fn: { body: Script; redirects: Redirect[]; called?: true; open?: number }, words: Arg[][] | undefined, state: State): Promise<void> {
    fn.called = true;
    // A call inside its own body (recursion) is walked once more, its words unknown, and no further.
    if (fn.open) {
      if (fn.open > 1) return;
      words = undefined;
    }
    if (this.calling >= 16) return void this.unchecked("calls functions nested deeper than the guard reads (16)", "This command");
    fn.open = (fn.open ?? 0) + 1;
    const list = words === undefined || /\b(shift|set)\b/.test(this.text) ? undefined : words;
    const cut = list?.findIndex(([w, ...more]) => w === undefined || more.length > 0 || w.glob !== undefined || (w.text.includes(UNKNOWN) && !/^"[^"]*"$/.test(w.raw)));
    const exact = list === undefined ? -1 : cut === -1 ? list.length : (cut as number);
    const value = (at: Arg[] | undefined): VarValues => (at === undefined ? (exact === list?.length ? [""] : undefined) : at.some((a) => a.glob !== undefined) ? undefined : mergeValues([at]));
    const given = new Map<string, VarValues>([
      ["@", list && value(list.flat())],
      ["*", undefined],
      ["#", exact === list?.length ? [String(exact)] : undefined],
      ...Array.from({ length: Math.max(9, list?.length ?? 0) }, (_, i): [string, VarValues] => [String(i + 1), i > exact && i < (list?.length ?? 0) ? undefined : value(list?.[i])]),
    ]);
    const saved = [...given.keys()].map((name): [string, VarValues] => [name, state.vars.get(name)]);
    for (const [name, values] of given) state.vars.set(name, values);
    this.calling += 1;
    try {
      await this.redirects(fn.redirects, state, undefined);
      await this.script(fn.body, state);
    } finally {
      this.calling -= 1;
      fn.open -= 1;
      for (const [name, values] of saved) state.vars.set(name, values);
    }
  }

  /** The file `name` runs from a folder the call adds to the PATH (the prefix's, or the PATH the call set), if one is there. */
  private async onCallPath(name: string, command: SimpleCommand, state: State): Promise<string | undefined> {
    const set = command.assigns.find((a) => a.name === "PATH");
    const values = set ? mergeValues([this.expand(set.value, state)]) : state.vars.get("PATH");
    if (!values) return undefined;
    const inherited = (this.env.ctx.io.env("PATH") ?? "").split(":");
    for (const dir of values.join(":").split(":")) {
      if (dir === "" || inherited.includes(dir)) continue;
      const path = toAbsolute(`${dir}/${name}`, state.cwd ?? "/", this.env.ctx.home);
      if ((await this.env.ctx.io.stat(path))?.kind === "file") return path;
    }
    return undefined;
  }

  /** Dispatches one command by name; wrappers recurse with the wrapped command. */
  async run(argv: Arg[], command: SimpleCommand, state: State, upstream: Upstream | undefined): Promise<void> {
    const head = argv[0] as Arg;
    const args = argv.slice(1);
    if (head.text.includes(UNKNOWN)) {
      // `$(echo 'dbu .fow' | tr b-za a-z)`: a command, arguments and all, the guard cannot read.
      const word = wordOf(command, head);
      const hidden = hiddenText(word, this.scope(state)) ?? (word && expandedVariables(word).some((v) => this.hiding.has(v.name)) ? "hides in a variable" : undefined);
      if (hidden) {
        this.findings.push(hiddenCode(`\`${head.raw}\``, hidden, "is a command"));
        return;
      }
      // The command itself is computed: treat it as one that reads every file it names.
      await this.readsAll(args, state, `Running a computed command (\`${head.raw}\`) on`);
      return;
    }
    // `PATH=./bin:$PATH ls`, `hash -p ./bin/ls ls`: a name the call sends to a file in a folder it put on
    // the PATH (or hashed) runs that file, judged by its path as `./bin/ls` is.
    if (head.text === "hash" && args[0]?.text === "-p" && args[1] && args[2]) this.hashed.set(args[2].text, this.absolute(args[1], state) ?? args[1].text);
    const placed = head.text.includes("/") ? undefined : (this.hashed.get(head.text) ?? (await this.onCallPath(head.text, command, state)));
    if (placed !== undefined) return this.run([{ text: placed, raw: placed }, ...args], command, state, upstream);
    // `./t.sh` after `cat > t.sh <<'EOF' … EOF`: the script it wrote.
    const script = head.text.includes("/") ? this.written.get(this.absolute(head, state) ?? "") : undefined;
    if (script !== undefined && !CODE_SHEBANG.test(script)) return this.source(script, copy(state), `The script \`${head.raw}\``);
    // `uv run show.py` and `coverage run scripts/show.py` run the script named, as `python3 show.py`
    // would: a name ending .py is read as code (run without a `#!`, it fails as shell).
    const isCode = head.text.includes(".") && /\.(py|[cm]?[jt]s|rb|pl|php)$/.test(head.text);
    if (isCode || head.text.includes("/")) await this.scriptFile(head, state, isCode);
    const alias = this.aliases.get(head.text);
    if (alias !== undefined) {
      // As in bash, an alias is not expanded again inside its own expansion (alias ls='ls -a').
      this.aliases.delete(head.text);
      try {
        await this.source([alias, ...args.map((a) => a.raw)].join(" "), state, `The alias \`${head.text}\``);
      } finally {
        this.aliases.set(head.text, alias);
      }
      return;
    }
    if (head.text === "alias") {
      for (const [aliasName, text] of aliasDefinitions(args)) this.aliases.set(aliasName, text);
      return;
    }
    // Git Bash and WSL run Windows programs by their file's name, in any case (`PowerShell.exe -c …`).
    const base = basename(head.text).replace(/^(.*)\.exe$/i, (_all, stem: string) => stem.toLowerCase());
    // A command the guard trusts by name (one that prints no file, or only a dotenv file's names), given
    // by a path in the project or a scratch folder (`./bin/ls .env`, which may be the agent's own `cat
    // "$@"`), is judged as a program it does not know; an installed one (`/usr/bin/wc`, Android
    // Studio's `/c/Program Files/…/jbr/bin/keytool`) keeps its name.
    const own = head.text.includes("/") && (NON_READING.has(base) || /^(keytool|openssl|cut|[gm]?awk|sed|e?grep|diff|cmp)$/.test(base)) && (!/^[~/$]|^[A-Za-z]:/.test(head.text) || /^\/(tmp|var\/tmp|dev\/shm)\//.test(head.text) || [state.cwd, this.env.ctx.projectDir].some((dir) => dir !== undefined && head.text.startsWith(`${dir}/`)));
    const name = own ? head.text : base;
    const plainExport = name === "export" && args.length > 0 && args.every((a) => PLAIN_EXPORT.test(a.raw));
    if ((/^(eval|source|\.|read|readarray|mapfile|declare|typeset|local|export|readonly|let|getopts|trap|wait)$/.test(name) && !plainExport) || (name === "printf" && args.some((a) => a.text === "-v"))) this.opaque = true;
    const heredoc = command.redirects.find((r) => r.heredoc || r.op === "<<<");
    // Code fed through a pipe counts when what the left side prints is certain (`echo 'cat .env' | sh`),
    // through `cat` and `tee`, which pass it on.
    const fed = !heredoc && upstream ? pipelineOf(upstream) : undefined;
    const piped = fed && upstream ? pipedPrint(fed, this.scope(upstream.state)) : undefined;
    const stdinText = heredoc?.heredoc ? heredoc.heredoc.body : heredoc ? this.expand(heredoc.target, state).map((a) => a.text).join("\n") : piped;
    // Code the command spells for itself in a form the guard cannot read (`echo … | tr … | sh`).
    const unreadable = stdinText === undefined && fed ? hidingPipeline(fed) : undefined;

    const credential = credentialCommand(argv);
    // `echo "API_KEY=$API_KEY" >> .env`, `gh auth token > token.txt`: written only into a file that stays guarded.
    // (Not an echo under set -x, which prints its words expanded.)
    if ((credential || ((name === "echo" || name === "printf") && !this.xtrace())) && (await this.intoGuarded(command, state))) return;
    if (credential) {
      this.leak(credential, `\`${argv.map((a) => a.raw).join(" ")}\``);
      return;
    }
    if (" aws gsutil gcloud rclone scp sftp rsync ".includes(` ${name} `) || (" docker podman kubectl ".includes(` ${name} `) && args[0]?.text === "cp")) await transferCommands.remoteSecret(this, args, state);
    const verb = " npm pnpm yarn bun deno composer ".includes(` ${name} `) ? (args[0]?.text === "npm" ? args[1] : args[0])?.text : undefined;
    // `npm --script-shell ./x.sh test` runs the script through that program; `--node-options`, as
    // NODE_OPTIONS; `npm config set script-shell ./x.sh` keeps it for every npm run after it.
    const options = verb === undefined ? [] : parseOptions(args, { valueLong: ["--script-shell", "--node-options"] }).options;
    const key = verb === "config" && args[1]?.text === "set" ? args[2] : undefined;
    if (key) {
      const eq = key.text.indexOf("=");
      options.push({ name: `--${eq > 0 ? key.text.slice(0, eq) : key.text}`, value: eq > 0 ? { ...key, text: key.text.slice(eq + 1) } : args[3] });
    }
    // Or an .npmrc here or at home sets them (`script-shell=./x.sh`), for npm and pnpm.
    for (const rc of (name === "npm" || name === "pnpm") && verb !== undefined && verb !== "config" && state.cwd !== undefined ? [`${state.cwd}/.npmrc`, ...(this.env.ctx.home ? [`${this.env.ctx.home}/.npmrc`] : [])] : []) {
      for (const m of ((await textOf(this, rc)) ?? "").matchAll(/^\s*(script-shell|node-options)\s*=\s*(.+?)\s*$/gm)) options.push({ name: `--${m[1]}`, value: { text: (m[2] as string).replace(/^(["'])(.*)\1$/, "$2"), raw: rc } });
    }
    for (const option of options) {
      if (option.value && /^--(script-shell|node-options)$/.test(option.name)) await this.commandVariables({ ...command, assigns: [] }, [{ text: "export", raw: "export" }, { text: `${option.name === "--script-shell" ? "npm_config_script_shell" : "NODE_OPTIONS"}=${option.value.text}`, raw: option.value.raw }], state);
    }
    if (verb === "publish" || verb === "pack") await transferCommands.packageFiles(this, args, state);
    else if (verb !== undefined || name === "yarn") await packageCommands.packageScript(this, name, args, state);
    // `pnpm tsx leak.ts`, `yarn turbo show`, `bun x tsx x.ts`: a binary run by its name, as `pnpm exec` runs one.
    const bin = verb === undefined ? 0 : packageBinary(argv);
    if (bin > 0) await this.run(argv.slice(bin), { ...command, words: command.words.slice(argv.length - args.length - 1 + bin) }, state, upstream);
    // `gh secret set -f .env` loads the file as --env-file does; variables keep its values in plain view.
    if (name === "gh" && /^(secret|variable) set$/.test(`${args[0]?.text} ${args[1]?.text}`)) {
      const options = args.map((w) => (/^-f/.test(w.text) ? { ...w, text: w.text === "-f" ? "--env-file" : `--env-file=${w.text.slice(2)}` } : w));
      const variable = args[0]?.text === "variable";
      return this.readsAll(options, state, variable ? "`gh variable set` shows to anyone who can read the repository" : "`gh` reads", undefined, variable ? /^--env-file$/ : undefined);
    }
    if (name === "make" || name === "gmake") await recipeCommands.makeTargets(this, args, state, stdinText);
    if (name === "just") await recipeCommands.justRecipes(this, args, state);
    if (name === "task" || name === "go-task") await recipeCommands.taskfile(this, args, state);
    if (name === "mise") await recipeCommands.miseTasks(this, args, state);
    if (name === "pdm" || name === "poe" || name === "hatch" || name === "task") await recipeCommands.pyprojectTasks(this, name, args, state);
    if (name === "turbo" || name === "nx" || name === "lerna") await packageCommands.workspaceScripts(this, name, args, state);
    if (name === "invoke" || name === "inv" || name === "fab" || name === "nox" || name === "rake" || name === "tox") await recipeCommands.codeTasks(this, name, args, state);
    // Test files a runner is given (`pytest -s test_x.py`, `vitest run x.test.ts`) run as scripts do,
    // and their output shows when they fail.
    if (" pytest py.test vitest jest mocha rspec phpunit ".includes(` ${name} `) || (" go bun deno ".includes(` ${name} `) && args[0]?.text === "test")) {
      for (const arg of args) if (/\.(py|[cm]?[jt]sx?|rb|php|go|ipynb)(::.*)?$/.test(arg.text)) await this.scriptFile({ text: arg.text.replace(/::.*$/, ""), raw: arg.raw.replace(/::.*$/, "") }, state, true);
    }
    // And what they find by themselves: conftest.py, a vitest or jest config, a crate's build.rs.
    // (String tests, as the others here: this runs for every command.)
    const finds = name === "py.test" ? "pytest" : name !== "cargo" ? name : " build b run r test t check c bench clippy ".includes(` ${args[0]?.text} `) ? "cargo" : "";
    if (finds !== "" && " pytest vitest jest cargo ".includes(` ${finds} `)) await codeCommands.foundCode(this, finds, args, state);
    // Notebooks run whole, pre-commit's hooks, a package built from a folder (foundByTool).
    const tool = args[0]?.text === "-m" && PYTHON.test(name) ? (args[1]?.text ?? "") : name;
    if (" papermill runipy jupyter-execute jupyter nbconvert jupyter-nbconvert pre-commit prek pip pip3 uv build ".includes(` ${tool} `)) await this.foundByTool(name, tool, args, state);
    // Source compiled and run at once: `go run main.go`, `java Leak.java`.
    if (name === "go" && args[0]?.text === "run") await codeCommands.goRun(this, args.slice(1), state);
    if (name === "go" && args[0]?.text === "generate") await codeCommands.goGenerate(this, args.slice(1), state);
    if (name === "cargo" && args[0]?.text === "run") await codeCommands.cargoRun(this, args.slice(1), state);
    const javaSource = name === "java" ? args.find((arg) => arg.text.endsWith(".java")) : undefined;
    if (javaSource) await this.scriptFile(javaSource, state, true);
    if (name === "echo" || name === "printf" || name === "print") {
      this.secretVariables(command.words.slice(1), `\`${name}\` prints`, state);
      return;
    }
    if (this.xtrace()) this.secretVariables(command.words.slice(1), "`set -x` prints each command's words, here", state);
    else if (printsArguments(name, args.map((a) => a.text))) this.secretVariables(command.words.slice(1), `\`${name}\`, asked to show the request, prints`, state);
    if (name === "cd" || name === "pushd" || name === "popd") {
      const target = args.find((a) => !a.text.startsWith("-") || /^-\d*$/.test(a.text));
      const to = target?.text;
      const next = to === undefined ? this.env.ctx.home : to.includes(UNKNOWN) || (state.cwd === undefined && !to.startsWith("/")) ? undefined : toAbsolute(to, state.cwd ?? "/", this.env.ctx.home);
      changeDir(name, to, next, state);
      return;
    }
    if (DECLARES.includes(` ${name} `) || name === "set" || name === "ps") {
      this.environmentCommand(name, args, state, command.assigns.some((a) => a.declared));
      return;
    }
    if (name === "env" || name === "printenv") {
      const handled = await this.envCommand(name, args, command, state, upstream);
      if (handled) return;
    }
    if (name === "eval") {
      const text = args.map((a) => a.text).join(" ");
      if (text.includes(UNKNOWN) && !this.xtrace() && this.evalsSetup(command)) return;
      if (text.includes(UNKNOWN)) {
        this.dynamic(args.map((a) => a.raw).join(" "), "`eval` runs");
        return;
      }
      await this.source(text, copy(state), "This `eval`");
      return;
    }
    // `trap 'cat .env' EXIT`: the shell runs the first word when a signal named after it comes (or at exit).
    const trapped = name === "trap" ? args.filter((a) => a.text !== "--") : [];
    if (trapped.length > 1 && !/^-/.test(trapped[0]?.text ?? "-")) {
      const code = (trapped[0] as Arg).text;
      if (code.includes(UNKNOWN)) this.dynamic((trapped[0] as Arg).raw, "`trap` runs");
      else await this.source(code, copy(state), "The command `trap` sets");
      return;
    }
    if (name === "source" || name === ".") {
      // `source /dev/stdin <<< 'cat .env'`: the code is what comes in.
      const code = this.substituted(command, args[0], state) ?? (/^\/dev\/(stdin|fd\/0)$/.test(args[0]?.text ?? "") ? stdinText : undefined);
      if (code !== undefined) await this.source(code, copy(state), `The code \`${name}\` runs`);
      else if (args[0]) {
        const before = this.findings.length;
        if (!(await this.loads(args[0], state))) await this.file(args[0], state, "Sourcing");
        // `source ~/.zshrc`: an export prints nothing, unless the shell traces every line it runs.
        if (!this.xtrace()) this.findings.splice(before, Infinity, ...this.findings.slice(before).filter((f) => f.kind !== "file" || f.hit.match.category.id !== "shell-profile-secrets"));
        for (const f of this.findings.slice(before)) {
          if (f.kind === "file") f.instead = "the shell prints a line that is not a plain NAME=value in its error (`set -x`, every line): load it with `dotenv -e .env -- <command>` or `node --env-file=.env`, or ask the user to quote its values.";
        }
        await this.scriptFile(args[0], state);
      }
      return;
    }
    // `microk8s kubectl …`, `k3s kubectl …`, `minikube kubectl -- …`, `rancher kubectl …`: kubectl under
    // a distribution's name.
    if (args[0]?.text === "kubectl" && /^(microk8s|k3s|k0s|rke2|minikube|rancher)$/.test(name)) {
      const dashes = args[1]?.text === "--" && argv.length === command.words.length ? 1 : 0;
      return this.run([args[0], ...args.slice(1 + dashes)], { ...command, words: command.words.filter((_, i) => i === 1 || i > 1 + dashes) }, state, upstream);
    }
    if (pythonModuleWrapper(argv)) return this.run(args.slice(1), { ...command, words: command.words.slice(argv.length - args.length + 1) }, state, upstream);
    if (RUNS_C.has(name)) {
      const parsed = parseOptions(args, { valueShort: "cgGsuw", valueLong: ["--command", "--group", "--shell", "--user", "--run"] });
      const code = optionValues(parsed, "-c", "--command", "--run")[0];
      if (code) return this.source(code.text, copy(state), `This \`${name} -c\``);
      // BSD's and macOS's `script -q /dev/null cmd …` runs the command after the file.
      if (name === "script" && parsed.operands.length > 1) return this.run(parsed.operands.slice(1), { ...command, words: command.words.slice(argv.length - parsed.operands.length + 1) }, state, upstream);
      // `runuser -u me -- cmd` runs the command itself.
      if (name === "runuser" && parsed.operands.length > 0) return this.run(parsed.operands, { ...command, words: command.words.slice(argv.length - parsed.operands.length) }, state, upstream);
      // `flox activate -- cmd` is a wrapper's (wrapperSpec).
      if (name !== "flox") return;
    }
    const wrapper = wrapperSpec(name);
    if (wrapper && name !== "env" && runsCommand(args, wrapper)) {
      const rest = unwrap(args, wrapper);
      if (name === "watch") {
        const text = rest.map((a) => a.text).join(" ");
        if (text !== "") await this.source(text, copy(state), "This `watch`");
        return;
      }
      if (name === "command" && args.some((a) => a.text === "-v" || a.text === "-V")) return;
      // `npx -c 'cmd'`, `npm exec -c 'cmd'`: a shell command line, as `sh -c` takes.
      // (Its own options only: `npx tsx -c x` is the command's -c, and `-c 'cmd'` ends where the command would start.)
      const call = name === "npx" || name === "npm" ? optionValues(parseOptions(args.slice(0, args.length - rest.length + 1), { valueShort: "cpw", valueLong: ["--call"] }), "-c", "--call")[0] : undefined;
      if (call) return codeCommands.shell(this, `${name} -c`, [{ text: "-c", raw: "-c" }, call], undefined, state);
      if (rest.length > 0) await this.run(rest, { ...command, words: command.words.slice(argv.length - rest.length) }, state, upstream);
      return;
    }
    // `parallel ::: 'cat .env'` runs each argument as a command; `parallel cat ::: .env`, its command on each.
    if (name === "parallel" && args.some((a) => a.text === ":::") && !args.some((a) => /^::::|^:::\+/.test(a.text))) {
      const at = args.findIndex((a) => a.text === ":::");
      const template = args.slice(0, at).map((a) => a.text).filter((t) => t[0] !== "-").join(" ");
      for (const value of args.slice(at + 1)) if (value.text !== ":::") await this.source(template.includes("{}") ? template.replaceAll("{}", value.text) : `${template} ${value.text}`, copy(state), "This `parallel`");
      return;
    }
    // GNU parallel runs its command on each line of stdin, as xargs does, unless given `:::` arguments.
    if (name === "xargs" || (name === "parallel" && !args.some((a) => a.text.startsWith(":::")))) return searchCommands.xargs(this, args, state, upstream, name);
    if (searchCommands.namesFromStdin(name, args)) await searchCommands.namesOnInput(this, state, upstream, `\`${name}\` reads the files named on its input`);
    if (name === "sftp" || name === "ftp" || name === "lftp" || name === "smbclient") return transferCommands.ftpClient(this, name, args, stdinText, state);
    // `python3 < x.py`, `cat x.sh | bash`: a script on disk fed to the shell or interpreter that runs it.
    const fedFile = stdinText === undefined ? stdinFile(command, fed) : undefined;
    const runner = fedFile && (SHELLS.has(name) ? "shell" : SCRIPT_RUNNERS.test(name) ? "code" : undefined);
    if (fedFile && runner) await this.scriptFile(this.expand(fedFile, state)[0] ?? { text: UNKNOWN, raw: fedFile.raw }, state, runner === "code");
    if (SHELLS.has(name)) {
      // `bash <(echo …)`: the script is a process substitution whose output is known.
      const script = args.find((arg) => !arg.text.startsWith("-"));
      const code = this.substituted(command, script, state);
      if (code !== undefined) return this.source(code, copy(state), `The script \`${name}\` runs`);
      if (this.hidesScript(command, script, name, state)) return;
      return codeCommands.shell(this, name, args, stdinText, state, unreadable);
    }
    if (name === "ssh") return codeCommands.ssh(this, args);
    if (/^(fly|flyctl|vagrant|gcloud|lima|limactl|colima)$/.test(name) && (await codeCommands.remoteCommand(this, name, args))) return;
    if (name === "tmux") return codeCommands.tmux(this, args, state);
    if (name === "hyperfine") return codeCommands.hyperfine(this, args, state);
    if (name === "cmd") return codeCommands.cmd(this, args, state);
    // at and batch run the script on their stdin later, as sh would now; crontab each line's command after its schedule.
    if (name === "at" || name === "batch" || (name === "crontab" && args.every((a) => a.text === "-"))) return codeCommands.shell(this, name, [], name === "crontab" ? stdinText?.replace(/^[ \t]*(@\w+|(\S+[ \t]+){5})/gm, "") : stdinText, state, unreadable);
    if (name === "sops" && (await codeCommands.sops(this, args, state))) return;
    if (/^(buildah|nerdctl|depot|finch)$/.test(name) && /^(bud|build)$/.test(args[0]?.text ?? "")) return codeCommands.imageBuild(this, name, args.slice(1), state);
    if (/^(fly|flyctl|railway|gcloud)$/.test(name)) await codeCommands.deployBuild(this, name, args, state);
    if (name === "docker" || name === "podman" || name === "kubectl" || name === "docker-compose" || name === "podman-compose") {
      await codeCommands.container(this, name, args, state);
      return;
    }
    // `pwsh -EncodedCommand …`: PowerShell code in Base64, decoded and judged as the PowerShell tool's.
    const encoded = POWERSHELL.test(name) ? encodedCommand(args.map((a) => a.text)) : undefined;
    if (encoded === null) this.findings.push(hiddenCode(`\`${name} -EncodedCommand\``, "does not decode"));
    else if (encoded !== undefined) this.findings.push(...(await analyzePowerShell(encoded, this.env)));
    if (encoded !== undefined) return;
    // `pwsh -c 'Get-ChildItem env:'`: PowerShell code, judged as the PowerShell tool's.
    const code = POWERSHELL.test(name) ? commandArgument(args.map((a) => a.text)) : undefined;
    if (code?.includes(UNKNOWN)) this.dynamic(code, `\`${name} -Command\` runs`);
    else if (code !== undefined) this.findings.push(...(await analyzePowerShell(code, this.env)));
    if (code !== undefined) return;
    if (name === "perl" && perlEditsInPlace(args.map((a) => a.text))) return;
    const framework = frameworkCode(name, args);
    if (framework === "stdin") {
      if (stdinText !== undefined) return codeCommands.inlineCode(this, stdinText, stdinText, state, `\`${name}\` runs the code on its input,`);
    } else if (framework) return codeCommands.inlineCode(this, framework.text, framework.raw, state, `\`${name}\` runs inline code,`);
    const interpreter = interpreters().find((entry) => entry.pattern.test(name));
    if (interpreter) {
      // `python3 <(echo …)`: a script (or a file its code reads) from a process substitution.
      for (const arg of args) {
        const code = this.substituted(command, arg, state);
        if (code !== undefined) await codeCommands.interpreter(this, name, [], interpreter.codeOptions, code, state);
        else if (this.hidesScript(command, arg, name, state)) return;
      }
      return codeCommands.interpreter(this, name, args, interpreter.codeOptions, stdinText, state, interpreter.valueOptions ?? [], unreadable);
    }
    // `cut -d= -f1 .env`, `awk -F= '{print $1}' .env`: the names alone, when every line is NAME=value
    // (a comment would print whole).
    const names = namesFilter(name, args.map((a) => a.text));
    if (names) {
      for (const arg of names.map((i) => args[i] as Arg)) if (!(await this.namesAlone(arg, state))) await this.file(arg, state, `\`${name}\` reads`);
      return;
    }
    if (AWK.test(name)) return codeCommands.awk(this, args, state);
    if (" sqlite sqlite3 duckdb mysql mariadb psql mongosh sqlcmd cqlsh clickhouse clickhouse-client clickhouse-local q trdsql octosql ".includes(` ${name} `)) return codeCommands.database(this, name, args, stdinText, state);
    if (name === "find") return searchCommands.find(this, args, state);
    if (name === "grep" || name === "egrep" || name === "fgrep" || name === "zgrep" || name === "ugrep" || name === "ug" || name === "ack" || name === "ack-grep") {
      return searchCommands.grep(this, name, args, state);
    }
    if (name === "rg" || name === "ag") return searchCommands.ripgrep(this, name, args, state);
    if (name === "fd" || name === "fdfind") return searchCommands.fd(this, args, state);
    if (name === "jq" || name === "gojq" || name === "jaq" || name === "yq") return codeCommands.jq(this, name, args, state);
    if (name === "git") return gitCommand.git(this, args, state);
    if (name === "cp" || name === "mv" || name === "install" || name === "rsync" || name === "scp" || name === "ln" || name === "ditto") return transferCommands.copy(this, name, args, state);
    if (name === "tar" || name === "bsdtar" || name === "tarsnap") return transferCommands.tar(this, args, state);
    if ((name === "gitleaks" || name === "trufflehog") && (await searchCommands.secretScan(this, name, args, state))) return;
    if (/^(restic|borg|kopia|duplicity|rdiff-backup|mkisofs|genisoimage|xorrisofs|xorriso|mksquashfs|mke2fs|mkfs\.ext\d|hdiutil)$/.test(name) && (await transferCommands.storesFolders(this, name, args, state))) return;
    if (" aws gsutil gcloud rclone az azcopy netlify surge gh-pages wrangler ".includes(` ${name} `) && (await transferCommands.upload(this, name, args, state))) return;
    if (name === "zip" || name === "7z" || name === "7za" || name === "jar") return transferCommands.zip(this, name, args, state);
    // `unzip -p app.zip` and `zipgrep KEY app.zip` print members.
    if ((name === "unzip" && args.some((w) => /^-[a-zA-Z]*[pc]/.test(w.text))) || name === "zipgrep") {
      const operands = args.filter((w) => !w.text.startsWith("-")).slice(name === "zipgrep" ? 1 : 0);
      if (operands[0]) return transferCommands.printedMembers(this, operands[0], operands.slice(1), state, `\`${name}\` prints`);
    }
    // A tarball's stream holds its members' contents in plain text: a reader given one (`cat backup.tar`)
    // or a decompressor printing one (`zcat backup.tar.gz`, `gzip -dc x.tgz | tar -xO`) prints them.
    const unpacks = " zcat gzcat bzcat xzcat zstdcat lz4cat ".includes(` ${name} `) || (" gunzip gzip bzip2 xz zstd lz4 ".includes(` ${name} `) && args.some((w) => /^-[a-zA-Z]*c/.test(w.text)));
    if (unpacks || " cat head tail less more bat strings xxd od hexdump hd ".includes(` ${name} `)) {
      for (const tarball of args.filter((w) => (unpacks ? transferCommands.TARBALL.test(w.text) : w.text.endsWith(".tar")))) await transferCommands.printedMembers(this, tarball, [], state, `\`${name} ${tarball.raw}\` prints`);
    }
    if (name === "curl" || name === "wget" || name === "http" || name === "https" || name === "xh") return transferCommands.transfer(this, name, args, state);
    if (name === "openssl" && !opensslPrintsInput(args.map((a) => a.text))) return;
    // keytool lists a store, makes keys and exports certificates: no option prints a private key, but
    // -importkeystore copies them into a store of any name.
    if (name === "keytool" && !args.some((a) => a.text === "-importkeystore")) return;
    if (name === "sed" && sedEditsInPlace(args.map((a) => a.text))) return;
    // `sed -i '1r .env' README.md`: r and R read a file (the rest of the line) into the output.
    const sedScriptWords = name === "sed" ? sedScripts(args.map((a) => a.text)).scripts.map((s) => ({ ...(args[s.at] as Arg), text: s.text })) : [];
    for (const arg of sedScriptWords) for (const m of arg.text.matchAll(/(?:^|[\d$/;}\s])[rR] *([^\n]+)/g)) await this.file({ ...arg, text: (m[1] as string).trim() }, state, "`sed` reads");
    // vim's -c and +commands are ex commands: `r .env` reads a file into the buffer that -es prints, `!cmd` runs one.
    if (/^(n?vim?|ex|view|gvim)$/.test(name)) {
      for (const [i, w] of args.entries()) {
        const ex = w.text[0] === "+" ? w.text.slice(1) : /^-[a-zA-Z]*c$|^--cmd$/.test(args[i - 1]?.text ?? "") ? w.text : undefined;
        const bang = ex === undefined ? undefined : /^[\s:\d%.$,]*(?:r(?:ead)?\s*)?!(.*)$/.exec(ex)?.[1];
        if (bang !== undefined) await this.source(bang, copy(state), "A `vim` command");
        else for (const t of ex?.split(/[\s|]+/) ?? []) await this.file({ ...w, text: t }, state, "A `vim` command reads");
      }
    }
    // GNU sed's `e cat .env` (`1e …`) runs the command; a bare `e`, or s///e, runs what the line holds.
    if (name === "sed") {
      for (const arg of sedScriptWords) {
        for (const m of arg.text.matchAll(/(?:^|[\d$/;}\s])e(?: +([^\n;}]+))?(?=$|[\n;}])|s(.)(?:\\.|(?!\2).)*\2(?:\\.|(?!\2).)*\2\w*e/g)) {
          if (m[1]) await this.source(m[1], copy(state), "`sed`'s e command");
          else this.findings.push({ kind: "unchecked", how: "`sed`", what: "runs each line it edits as a command (the e command or s///e), which the guard cannot read" });
        }
      }
    }
    if ((name === "diff" || name === "cmp") && comparesQuietly(name, args.map((a) => a.text))) return;
    if (name === "gh") return transferCommands.gh(this, args, state);
    if (NON_READING.has(name)) {
      // `wc --files0-from=F` and `du --files0-from=F` read names from F and print the ones not found.
      for (const [i, arg] of args.entries()) {
        const from = arg.text.startsWith("--files0-from=") ? { ...arg, text: arg.text.slice("--files0-from=".length) } : arg.text === "--files0-from" ? args[i + 1] : undefined;
        if (from) await this.file(from, state, `\`${name} --files0-from\` prints names read from`);
      }
      // \`history -r F\` (or -n) reads F into the list \`history\` prints; with no F, the history file.
      const at = name === "history" ? args.findIndex((a) => /^-[a-z]*[rn]/.test(a.text)) : -1;
      const into = args[at + 1];
      if (at !== -1) await this.file(into && !into.text.startsWith("-") ? into : { text: `${this.env.ctx.home}/.bash_history`, raw: "~/.bash_history" }, state, "`history -r` reads");
      return;
    }
    // make's `NAME=value` operands are variables, which its recipes were read with (makeTargets).
    await this.readsAll(name === "make" || name === "gmake" ? args.filter((w) => !/^\w+=/.test(w.text)) : args, state, `\`${name}\` reads`, ownEntry(readerOptions(), name));
  }

  private environmentCommand(name: string, args: Arg[], state: State, declaresArrays = false): void {
    const names = args.filter((a) => !a.text.startsWith("-") && !a.text.startsWith("+"));
    const flags = args.filter((a) => a.text.startsWith("-")).map((a) => a.text);
    if (name === "ps") {
      // BSD's `e` (`ps axe`) shows each environment; not a word that is an option's value (`-C node`, BSD's `k size`).
      if (args.some((a, i) => a.text === "-E" || (/^[a-z]*e[a-z]*$/i.test(a.text) && !/^(-[CGgOopqstUu]|[kOopUt])$/.test(args[i - 1]?.text ?? "")))) {
        this.leak("each listed process's environment (option `e`)", "`ps` prints");
      }
      return;
    }
    if (name === "set") {
      if (args.length === 0) this.leak("every shell and environment variable", "`set` with no arguments prints");
      return;
    }
    for (const arg of names) {
      const eq = arg.text.indexOf("=");
      // `export F=$(…)`: the pieces around an unknown that expandWord also gives (for `cat${IFS}.env`)
      // are not assignments of their own; an unknown anywhere in the word leaves the value unknown.
      // `declare -n r=f` makes r a name for f: its value is f's, whatever f holds when r is used.
      const unknown = names.some((other) => other.raw === arg.raw && other.text.includes(UNKNOWN)) || (name !== "export" && flags.some((f) => /^-\w*n/.test(f)));
      if (eq > 0) state.vars.set(arg.text.slice(0, eq), unknown ? undefined : [arg.text.slice(eq + 1)]);
    }
    // `declare -a arr=(…)` names a variable too: its array argument is parsed apart from the words.
    const namesNone = names.length === 0 && !declaresArrays;
    const printsValues = name === "export" ? flags.includes("-p") || namesNone : flags.some((f) => /p/.test(f)) || namesNone;
    if (!printsValues || flags.some((f) => /f|F/.test(f))) return;
    if (namesNone) {
      if (name === "local" || name === "readonly") return;
      this.leak("every exported variable", `\`${[name, ...flags].join(" ")}\` prints`);
      return;
    }
    for (const arg of names) {
      if (!arg.text.includes("=") && this.secret(arg.text)) {
        this.leak(`the variable ${arg.text}, whose name marks it as a secret`, `\`${name} -p\` prints`);
      }
    }
  }

  /** env/printenv: a dump without a command, secret names for printenv, a wrapper otherwise. */
  private async envCommand(name: string, args: Arg[], command: SimpleCommand, state: State, upstream: Upstream | undefined): Promise<boolean> {
    if (name === "printenv") {
      const names = args.filter((a) => !a.text.startsWith("-"));
      if (names.length === 0) this.leak("the whole environment", "`printenv` with no name prints");
      for (const arg of names) {
        if (arg.text.includes(UNKNOWN)) this.dynamic(arg.raw, "`printenv` prints the variable named by");
        else if (this.secret(arg.text) && !this.prefixedPlain(arg.text, state)) this.leak(`the variable ${arg.text}, whose name marks it as a secret`, "`printenv` prints");
      }
      return true;
    }
    const spec = wrapperSpec("env") as WrapperSpec;
    const split = optionValues(parseOptions(args.filter((a) => a.text.startsWith("-")), { valueShort: "uCS", valueLong: spec.valueOptions }), "-S", "--split-string")[0];
    if (split) {
      await this.source(split.text, copy(state), "This `env -S`");
      return true;
    }
    const rest = unwrap(args, spec);
    if (rest.length === 0) {
      if (!args.some((a) => a.text === "-i" || a.text === "-" || a.text === "--ignore-environment")) {
        this.leak("the whole environment", "`env` with no command prints");
      }
      return true;
    }
    // `env FILE=.env make show`: the command sees env's assignments, as it sees those before it.
    const own = copy(state);
    for (const word of args.slice(0, args.length - rest.length)) {
      const set = /^(\w+)=(.*)$/s.exec(word.text);
      if (set) own.vars.set(set[1] as string, [set[2] as string]);
    }
    await this.run(rest, { ...command, words: command.words.slice(args.length + 1 - rest.length) }, own, upstream);
    state.cwd = own.cwd;
    return true;
  }

  /** A file name the command reads: denied if it is, or may be, a secret file. */
  async file(arg: Arg, state: State, how: string): Promise<void> {
    const { rules, ctx } = this.env;
    const text = arg.text;
    if (text === "" || text === "-" || text.startsWith("/dev/fd/") || text === "/dev/stdin") return;
    const relativeToUnknown = state.cwd === undefined && !text.startsWith("/") && !text.includes(UNKNOWN);
    if (text.includes(UNKNOWN) || relativeToUnknown) {
      const classes = relativeToUnknown || arg.glob !== undefined ? undefined : tokenClasses(arg.raw);
      if (classes?.length === text.split(UNKNOWN).length - 1) return this.tokenFile(arg, classes, state, how);
      const name = text.slice(text.lastIndexOf("/") + 1);
      if (name.includes(UNKNOWN) || name === "") {
        // `cat $(find . -name '*.md')`, `grep X $(git ls-files '*.ts')`: judged by what the listing lists.
        const listing = LISTING.exec(arg.raw)?.[1] ?? this.listings.get(/^"?\$\{?(\w+)\}?"?$/.exec(arg.raw)?.[1] ?? "");
        if (listing === undefined || !(await this.listed(listing, state, how))) this.dynamic(arg.raw, how);
        return;
      }
      const match = rules.classify(`/${UNKNOWN}/${name}`);
      if (match) this.findings.push({ kind: "file", hit: { path: arg.raw, match }, how });
      else if (rules.anchoredNames.has(name.toLowerCase())) this.dynamic(arg.raw, how);
      return;
    }
    const cwd = state.cwd as string;
    if (arg.glob !== undefined) {
      const pattern = arg.glob.startsWith("/") ? arg.glob : arg.glob.startsWith("~/") && ctx.home ? `${ctx.home}${arg.glob.slice(1)}` : `${cwd}/${arg.glob}`;
      const matches = await expandGlob(ctx.io, pattern, this.dotglob());
      if (matches.length > 0) {
        for (const path of matches) {
          if (path.includes(UNKNOWN)) {
            this.unchecked(`matches more files than the guard checks (\`${arg.raw}\`); name them, or narrow the glob`, how);
            continue;
          }
          const hit = await secretFileAt(ctx.io, rules, toAbsolute(path, cwd, ctx.home), false);
          if (hit) this.findings.push({ kind: "file", hit, how: `${how} (through the glob \`${arg.raw}\`)` });
        }
        return;
      }
    }
    const path = toAbsolute(text, cwd, ctx.home);
    const hit = (await secretFileAt(ctx.io, rules, path, false)) ?? (await secretFileThrough(ctx.io, rules, text, cwd, path, false));
    // `gh pr create --body "Documents the keys in .env"`: prose that only ends like a secret's name
    // (`*.env`) names no file when none by that name is there.
    if (hit && !(hit.match.pattern.startsWith("*") && /\s/.test(basename(text)) && !(await ctx.io.exists(path)))) this.findings.push({ kind: "file", hit, how });
  }

  /**
   * A file named with numbers, dates or hashes (`logs/$(date +%F).log`, `-n $(nproc)`): each name it
   * can take, as a glob of those that exist, and its name (`$(date +%s).env` is a dotenv file).
   */
  private async tokenFile(arg: Arg, classes: string[], state: State, how: string): Promise<void> {
    const { rules, ctx } = this.env;
    const pieces = arg.text.split(UNKNOWN);
    const absolute = (text: string) => toAbsolute(text, state.cwd ?? "/", ctx.home);
    const match = rules.classify(absolute(pieces.join("0")));
    if (match) this.findings.push({ kind: "file", hit: { path: arg.raw, match }, how });
    const glob = pieces.map((p, i) => p.replace(/[*?[\\]/g, "\\$&") + (classes[i] === undefined ? "" : `${classes[i]}*`)).join("");
    for (const path of await expandGlob(ctx.io, absolute(glob))) {
      const hit = path.includes(UNKNOWN) ? undefined : await secretFileAt(ctx.io, rules, path, false);
      if (path.includes(UNKNOWN)) this.dynamic(arg.raw, how);
      else if (hit) this.findings.push({ kind: "file", hit, how: `${how} (through \`${arg.raw}\`)` });
    }
  }

  /**
   * `find src -name '*.ts' | while read -r f; do head -1 "$f"; done`: "$f" stands for the names the
   * listing prints, as in `for f in $(find …)`, when nothing else in the command sets f or reads.
   */
  private readsNames(commands: Command[]): void {
    // (Every pipeline comes here: only one that ends in `read` is looked at further.)
    const read = commands[commands.length - 1];
    if (read?.type !== "simple" || read.words[0]?.raw !== "read" || commands.length < 2) return;
    const words = read.words.map((w) => w.raw);
    // Not when the loop reads from elsewhere (`read f < list`, `done < list`).
    if (read.redirects.length > 0 || /\bdone\s*\d*</.test(this.text) || !/^(-r )?\w+$/.test(words.slice(1).join(" "))) return;
    const name = words[words.length - 1] as string;
    const upstream = commands.slice(0, -1);
    const simple = upstream.every((c) => c.type === "simple" && c.redirects.length === 0 && c.assigns.length === 0);
    if (simple && this.untouched(name, 1)) {
      this.listings.set(name, upstream.map((c) => (c as SimpleCommand).words.map((w) => w.raw).join(" ")).join(" | "));
    } else this.listings.delete(name);
  }

  /** Whether nothing in the command sets a loop's variable but the loop (and `reads` reads). */
  private untouched(name: string, reads: number): boolean {
    return !this.text.includes(`${name}=`) && this.text.split(/\bread\b/).length === reads + 1 && !/\b(mapfile|readarray|printf)\b/.test(this.text);
  }

  /** Names printed by one find, ls, `git ls-files` or `grep -l`, judged as xargs judges them (false: another command). */
  private async listed(text: string, state: State, how: string): Promise<boolean> {
    let script: Script;
    try {
      script = parseShell(text);
    } catch {
      return false;
    }
    const only = script.statements.length === 1 ? script.statements[0]?.pipelines : undefined;
    // `$(ls -t logs/*.log | head -1)`: head, tail, sort, uniq and grep pass on some of the names.
    const [command, ...kept] = only?.length === 1 ? (only[0]?.commands ?? []) : [];
    if (!kept.every((c) => c.type === "simple" && / (head|tail|sort|uniq|grep) /.test(` ${c.words[0]?.raw} `))) return false;
    if (command?.type !== "simple" || command.redirects.length > 0) return false;
    const words = command.words.flatMap((w) => this.expand(w, state)).map((w) => w.text);
    if (!/^(find|ls|git ls-files|git diff .*--name-only|e?grep -\S*l|rg -\S*l)/.test(`${basename(words[0] ?? "")} ${words.slice(1).join(" ")}`)) return false;
    await searchCommands.namesOnInput(this, state, { command, state }, `${how} the files \`${text}\` lists`);
    return true;
  }

  /** A path that may be a folder the command reads recursively. */
  async tree(arg: Arg, state: State, filter: SearchFilter, how: string, extra?: (hits: Finding[]) => Promise<Finding[]>): Promise<void> {
    const { ctx, rules } = this.env;
    if (arg.text.includes(UNKNOWN) || (state.cwd === undefined && !arg.text.startsWith("/"))) {
      this.dynamic(arg.raw, how);
      return;
    }
    const roots = arg.glob !== undefined ? await expandGlob(ctx.io, toAbsolute(arg.glob, state.cwd ?? "/", ctx.home), this.dotglob()) : [toAbsolute(arg.text, state.cwd ?? "/", ctx.home)];
    for (const root of roots) {
      if (root.includes(UNKNOWN)) {
        this.unchecked(`matches more folders than the guard checks (\`${arg.raw}\`); name them, or narrow the glob`, how);
        continue;
      }
      const info = await ctx.io.stat(root);
      if (!info) continue;
      if (info.kind !== "dir") {
        await this.file({ text: root, raw: arg.raw }, state, how);
        continue;
      }
      const loosened = this.ignoreTouched && filter.skipIgnored === true;
      const result = await secretsUnder(ctx.io, rules, root, loosened ? { ...filter, skipIgnored: false } : filter);
      if (result.kind === "too-large") {
        this.unchecked(`covers ${root}, which is too large to check for secret files (over ${result.visited} entries); narrow it to the folders you need`, how);
        continue;
      }
      const said = loosened ? `${how}, after an earlier command in this call changes what is ignored (search in a call of its own),` : how;
      let found: Finding[] = result.hits.map((hit) => ({ kind: "search", hit, how: said }));
      if (extra && found.length > 0) found = await extra(found);
      this.findings.push(...found);
    }
  }

  /**
   * Notebooks run whole (`jupyter nbconvert --execute`, `jupyter execute`, papermill, runipy, or as
   * `python -m nbconvert`), pre-commit's local hooks, a package built from a folder: the code each
   * finds by itself. `tool` is the program, or the module `python -m` runs.
   */
  private async foundByTool(name: string, tool: string, args: Arg[], state: State): Promise<void> {
    const given = tool === name ? args : args.slice(2);
    if (/^(papermill|runipy|jupyter-execute)$/.test(tool) || (/^(jupyter|nbconvert|jupyter-nbconvert)$/.test(tool) && given.some((w) => /^(execute|--execute|--ExecutePreprocessor\.enabled=True)$/i.test(w.text)))) {
      for (const notebook of given) if (notebook.text.endsWith(".ipynb")) await this.scriptFile(notebook, state, true);
    }
    if (/^(pre-commit|prek)$/.test(tool) && /^(run|try-repo)$/.test(given[0]?.text ?? "") && state.cwd !== undefined) {
      const root = await workingTreeRoot(this.env.ctx.io, state.cwd);
      if (root) await recipeCommands.preCommitHooks(this, root);
    }
    // Building a package from a folder runs its setup.py, whose output shows when the build fails or
    // with -v: `pip install -e .`, `uv pip install .`, `pip wheel ./lib`, `python -m build`.
    const pip = name === "uv" && args[0]?.text === "pip" ? args.slice(1) : /^pip3?$/.test(tool) ? given : undefined;
    const built = pip && /^(install|wheel|download)$/.test(pip[0]?.text ?? "") ? pip.slice(1) : tool === "build" ? [...given, { text: ".", raw: "." }] : [];
    for (const dir of built) if (/^(--editable=)?[./~]/.test(dir.text)) await this.scriptFile({ text: `${dir.text.replace(/^--editable=/, "")}/setup.py`, raw: `${dir.raw}/setup.py` }, state, true);
  }

  async readsAll(args: Arg[], state: State, how: string, spec?: OptionSpec, exposes?: RegExp): Promise<void> {
    const loads = args.filter((arg) => arg.text.startsWith("--") && LOADS.test(arg.text)).map((arg) => arg.text);
    const parsed = parseOptions(args, { ...spec, valueLong: [...(spec?.valueLong ?? []), ...loads] });
    // `kubectl create secret … --from-env-file=.env -o yaml` prints what it made of the file.
    const printsResult = args.some((arg) => arg.text.startsWith("-o") || arg.text.startsWith("--output"));
    // To a program whose options are unknown, a short option's value glued to it may be a path
    // (`-f.env`, `-i=.env`), and so may each item of a list (`--files .env,README.md`, `.env:ro`), but
    // not a `key=value` among them, an option of the program's own (socat's `cert=./cert.pem`).
    const pieces = (arg: Arg): Arg[] => (!spec && (arg.text.includes(",") || arg.text.includes(":")) && !arg.text.includes("://") && !arg.text.includes(UNKNOWN) ? arg.text.split(/[,:]/).filter((p) => p !== "" && !p.includes("=")).map((text) => ({ ...arg, text })) : []);
    for (const option of parsed.options) {
      if ((option.name.startsWith("--") && LOADS.test(option.name) && !printsResult && !exposes?.test(option.name)) || option.name === "--from-literal") continue;
      if (option.value && (option.name === "-f" || option.name === "--file" || option.name.startsWith("--") || option.value.text.startsWith("@"))) {
        // A ConfigMap takes in each file of a folder it is given (`--from-file=config/`), not its subfolders'.
        const folder = exposes?.test(option.name) ? { ...option.value, text: option.value.text.replace(/^[\w.-]+=(?=.)/, "") } : undefined;
        if (folder && !folder.text.includes(UNKNOWN) && (await this.env.ctx.io.stat(toAbsolute(folder.text, state.cwd ?? "/", this.env.ctx.home)))?.kind === "dir") await this.tree(folder, state, { ...EVERYTHING, excludeDirs: ["*"] }, how);
        else await this.file(stripAt(option.value), state, how);
        for (const piece of pieces(option.value)) await this.file(piece, state, how);
      }
    }
    for (const arg of spec ? [] : args) {
      const glued = arg.text[0] === "-" ? /^-[A-Za-z](?:=(.+)|([./~].*))$/.exec(arg.text) : null;
      if (glued) await this.file({ ...arg, text: (glued[1] ?? glued[2]) as string }, state, how);
    }
    for (const operand of parsed.operands) {
      for (const piece of pieces(operand)) await this.file(piece, state, how);
      const eq = operand.text.indexOf("=");
      // `act -s GITHUB_TOKEN=$(gh auth token)`: a secret's value handed over by name, not a file; to
      // `cat`, whose options we know, `API_KEY=$X` is a file's name all the same.
      if (eq > 0 && !spec && operand.text.includes(UNKNOWN) && isSecretVariable(operand.text.slice(0, eq))) continue;
      // `gh secret set DEPLOY_KEY < key`: to a program whose options are unknown, a name in capitals is a
      // variable's or a secret's, not a file, unless a file by that name is there.
      if (!spec && /^[A-Z][A-Z0-9_]*$/.test(operand.text) && !(await this.env.ctx.io.exists(toAbsolute(operand.text, state.cwd ?? "/", undefined)))) continue;
      if (eq > 0 && /^[A-Za-z_][\w-]*$/.test(operand.text.slice(0, eq))) {
        await this.file({ ...operand, text: operand.text.slice(eq + 1) }, state, how);
        continue;
      }
      await this.file(stripAt(operand), state, how);
    }
  }
}

/**
 * Options that load a file rather than print it: `--env-file` puts its variables in the process, and
 * `--key-file`, `--kubeconfig`, a server's `--ssl-keyfile` and the like sign in or serve with it. Printing what they hold is caught where
 * it happens.
 */
const LOADS = /^--([\w-]*env-file|from-file|secrets?-file|[\w-]*dotenv[\w-]*|(ssl-?|tls-?)?(key|key-?file|cert(ificate)?(-?file)?)|private-key(-file)?|identity(-file)?|credentials?-file|ssh-key(-file)?|kubeconfig|vault-password-file|password-file|token-file|keytab|client-(cert|key)|defaults(-extra)?-file)$/;

/** `export KEY=abc`'s words when each is a name and plain text. */
const PLAIN_EXPORT = /^[A-Za-z_]\w*=('[^']*'|"[^"$`\\]*"|[^\s$`;&|()'"\\]*)$/;
/**
 * The shell setup tools whose output is code that sets variables, functions and hooks, run with
 * `eval "$(…)"` where a login shell would have run it (`brew shellenv`, `pyenv init -`, `conda shell.bash
 * hook`, `ssh-agent -s`, `direnv export bash`, `aws configure export-credentials --format env`). Not
 * a form that prints anything else (`--format process`'s JSON, `op signin --raw`'s token): the shell's
 * error for each line would print it.
 */
const SETUP_TOOLS = /^(?:(?:\/opt|\/usr|\/home\/linuxbrew|~|\$HOME|\$\{HOME\})\/\S*\/)?(?:brew shellenv|(?:py|rb|nod|go|j|pl|php)env (?:virtualenv-)?init(?: -| --path)*|(?:conda|mamba|micromamba) shell(?:\.\w+)? hook(?: --shell \w+)?|fnm env(?: --[\w-]+)*|mise activate \w+|(?:zoxide|starship) init \w+|direnv (?:export|hook) (?:bash|zsh|fish|sh)|ssh-agent(?: -s)?|(?:minikube|docker-machine)(?: -p \S+)? (?:docker-)?env(?: \S+)?|opam (?:config )?env|dircolors(?: -b)?|aws configure export-credentials(?: --profile \S+)* --format env(?:-no-export)?(?: --profile \S+)*|op signin(?: --account \S+)?)$/;

/** `eval "$(brew shellenv)"`: eval given one substitution of one setup tool (SETUP_TOOLS), and nothing else; the tool's words. */
function setupToolOf(command: SimpleCommand): string[] | undefined {
  const parts = command.words.length === 2 ? command.words[1]?.parts : undefined;
  const sub = parts?.length === 1 && parts[0]?.type === "cmdsub" ? parts[0].script : undefined;
  const only = sub?.statements.length === 1 && sub.statements[0]?.pipelines.length === 1 ? sub.statements[0].pipelines[0]?.commands : undefined;
  const words = only?.length === 1 && only[0]?.type === "simple" && only[0].assigns.length === 0 && only[0].redirects.every((r) => r.fd === 2 && r.op === ">" && r.target.raw === "/dev/null") ? only[0].words.map((w) => w.raw) : undefined;
  return words && SETUP_TOOLS.test(words.join(" ")) ? words : undefined;
}

/** Words that set variables the walk does not follow, by name or by a computed name (an export that is not plain text is caught where it runs). */
const UNSEEN_SETTERS = /\b(eval|source|read|readarray|mapfile|declare|typeset|local|readonly|let|getopts|trap|function)\b|\bprintf\s+(--\s+)?-v|\(\(|\(\)|(^|[\s;&|])\.\s/;
const XTRACE = /\bset\s+(-[a-zA-Z]*x|-o\s+xtrace)|\b(ba|z|k|da)?sh\s+-[a-zA-Z]*x/;

/**
 * Where a word of a command keeps what a `$(…)` in it prints: the variable a declaration builtin sets
 * (`export T=$(…)`), or a credential option's value, given with the option (`--token=$(…)`), after it
 * (`-H`, `-p`, `--password`) or as a header (`"Authorization: Bearer $(…)"`).
 */
function captureInto(head: string, word: Word, previous: Word): string | boolean {
  if (DECLARES.includes(` ${head} `)) return /^([A-Za-z_]\w*)=/.exec(word.raw)?.[1] ?? false;
  // `act -s GITHUB_TOKEN=$(gh auth token)`, `--from-literal=token=$(…)`: handed over as a secret.
  return /^--?[\w-]*(token|passw(or)?d|secret|auth|header|credential|literal)[\w-]*=|^["']?(Proxy-)?Authorization:/i.test(word.raw) || (head === "act" && previous.raw === "-s") || /^(-H|-u|-p|--[\w-]*(token|passw(or)?d|secret|auth|header|credential|user)[\w-]*)$/i.test(previous.raw);
}

/**
 * Words whose `$(…)` nothing prints, in commands that otherwise show their words: `[ -n "$(gh auth
 * token)" ]` tests whether it is set (a number test's error would print it), and `git -c
 * http.extraheader="Authorization: Bearer $(…)"` sends a header.
 */
function unshown(head: string, word: Word, previous: Word): boolean {
  return ((head === "[" || head === "test") && /^-[nz]$/.test(previous.raw)) || (head === "git" && previous.raw === "-c" && /^["']?http\.(\S+\.)?extraheader=/i.test(word.raw));
}

/**
 * `kubectl create secret … -o yaml | kubectl apply -f -` (or `| kubeseal`): the manifest made from a
 * secret file goes whole to the cluster, or comes out sealed; not when the second command prints it
 * back (`-o`, or `-v`, whose higher levels log request bodies), nor kubeseal's unsealing.
 */
function appliedManifest(commands: Command[]): boolean {
  if (commands.length !== 2) return false;
  const [make, into] = commands.map((c, i) => (c.type === "simple" && (i > 0 || c.redirects.every((r) => r.fd === 2)) ? c.words.map((w) => w.raw).join(" ") : ""));
  if (!/^(kubectl|oc)( -\S+( [^-\s]\S*)?)* create secret /.test(make ?? "")) return false;
  // (Nor to a server named on the command line, which need not be the user's.)
  if (/^(kubectl|oc) (apply|create|replace) (.* )?(-f -|--filename=-)( |$)/.test(into ?? "")) return !/ -(o|v|s|-output|-v|-server|-kubeconfig)/.test(into ?? "");
  return /^kubeseal( |$)(?!.*unseal)/.test(into ?? "");
}

/**
 * A pipeline of one command into a login or secret store that reads the secret from its stdin
 * (`docker login --password-stdin`, `gh auth login --with-token`, `gh secret set NAME`), where the
 * first command sends nothing to the terminal.
 */
function loginFromStdin(commands: Command[]): boolean {
  const [first, login] = commands;
  return commands.length === 2 && first?.type === "simple" && login?.type === "simple" && first.redirects.every((r) => r.fd === 2) && takesSecretIn(login);
}

/**
 * A login or secret store that reads the secret from its stdin (`docker login --password-stdin <<< "$T"`),
 * by the CLI's name: `xargs echo --password-stdin` or inline code given the flag prints what it reads.
 */
function takesSecretIn(login: SimpleCommand): boolean {
  const words = login.words.map((w) => w.raw);
  const name = basename(words.find((w) => !/^(sudo|command|env|-\S*|[A-Za-z_]\w*=.*)$/.test(w)) ?? "");
  if (!/^(docker|podman|nerdctl|buildah|skopeo|helm|oras|crane|finch|cosign|regctl|gh|wrangler|flyctl|fly)$/.test(name)) return false;
  return words.some((w) => /^--(password|token|secret)-stdin$|^--with-token$/.test(w)) || (/^(gh secret set|wrangler secret put|fly(ctl)? secrets import)\b/.test(words.join(" ")) && !words.some((w) => /^(-b|--body)/.test(w)));
}

/** A word that is wholly one `$(…)`, and the command inside it. */
const LISTING = /^"?\$\((.*)\)"?$/s;

/** Whether every `$(…)` in a word is one command whose output the word takes whole (nothing sent to the terminal). */
function capturedWhole(word: Word): boolean {
  // Arithmetic prints what it cannot evaluate in its error (`$(( $(gh auth token) ))`).
  return word.parts.every((part) => part.type !== "procsub" && part.type !== "arith") && nestedScripts(word).every((script) => {
    const only = script.statements.length === 1 && script.statements[0]?.pipelines.length === 1 ? script.statements[0].pipelines[0]?.commands : undefined;
    return only?.length === 1 && only[0]?.type === "simple" && only[0].redirects.every((r) => r.fd === 2);
  });
}

/**
 * The file of a word that is only `$(…)` of one pipeline passing a file on as it is (`cat F`, `xargs < F`,
 * `| xargs`) or without its comments (`grep -v '^#' F`).
 */
function dotenvLoad(word: Word): { file: Word; uncommented: boolean } | undefined {
  const part = word.parts.length === 1 ? word.parts[0] : undefined;
  const statement = part?.type === "cmdsub" && !part.quoted && part.script.statements.length === 1 ? part.script.statements[0] : undefined;
  const commands = statement?.pipelines.length === 1 ? (statement.pipelines[0]?.commands ?? []) : [];
  let file: Word | undefined;
  let uncommented = false;
  for (const [i, c] of commands.entries()) {
    if (c.type !== "simple" || c.assigns.length > 0) return undefined;
    const words = c.words.map((w) => w.raw);
    const input = i === 0 && c.redirects[0]?.op === "<" ? c.redirects[0].target : undefined;
    const comments = words[0] === "grep" && /^-(v|vE|Ev)$/.test(words[1] ?? "") && /^\^(\(|\\s\*|\[\[:space:\]\]\*)?#/.test((words[2] ?? "").replace(/^(['"])(.*)\1$/, "$2"));
    const skip = comments ? 3 : words[0] === "cat" || words[0] === "xargs" ? 1 : 0;
    let operands = c.words.slice(skip);
    if (i === 0 && !input && words[0] !== "xargs" && operands.length === 1) [file, operands] = [operands[0], []];
    if (skip === 0 || operands.length > 0 || c.redirects.length > (input ? 1 : 0)) return undefined;
    file ??= input;
    uncommented ||= comments;
  }
  return file ? { file, uncommented } : undefined;
}

/** namesOnly for the filters that can print a dotenv file's names alone; undefined for any other command. */
function namesFilter(name: string, words: string[]): number[] | undefined {
  return " cut awk gawk mawk sed grep ".includes(` ${name} `) ? namesOnly(name, words) : undefined;
}

/** Digests: a hash says nothing of what it hashes (`sha256sum < .env`, `cat .env | sha256sum`). */
const DIGESTS = /^(md5sum|sha\d*sum|shasum|cksum|b2sum|md5)$/;

const COUNTED_PRINTERS = new Set(["env", "printenv", "echo", "printf", "cat", "head", "tail", "tac", "nl", "sort", "uniq", "cut", "set", "export", "declare"]);

/**
 * A pipeline of one simple command into `wc` (counts of lines, words, bytes) or a digest, where the first command
 * writes nothing anywhere else: its output reaches only the count. Not grep -c or -q with a pattern,
 * which can ask, call by call, what a value holds (`grep -c ''` matches every line).
 */
function countedOnly(commands: Command[]): boolean {
  if (commands.length !== 2) return false;
  const [first, counter] = commands;
  if (first?.type !== "simple" || counter?.type !== "simple") return false;
  // Only commands whose one effect is printing: `cp .env /tmp/x | wc -l` still copies, and
  // `$(…)` inside a word could write anywhere.
  if (!COUNTED_PRINTERS.has(first.words[0]?.raw ?? "") || first.assigns.length > 0 || first.words.some((w) => nestedScripts(w).length > 0)) return false;
  if (first.redirects.some((r) => r.op !== "<" && r.op !== "<<<" && !r.heredoc && !/^[0-9]?>&?[0-9]$|^2>$/.test(r.op)) || counter.redirects.length > 0) return false;
  const words = counter.words.map((w) => w.raw);
  // A digest says nothing of the contents either (`cat .env | sha256sum`), unless it checks a list.
  if (DIGESTS.test(words[0] ?? "")) return !words.some((w) => /^(-\w*c|--check)$/.test(w));
  // `grep -c ''` counts every line, as `wc -l` does.
  if (words[0] === "grep" && words[1] === "-c" && words.length === 3) return /^(''|""|'?[.^$]'?)$/.test(words[2] as string);
  return words[0] === "wc" && words.slice(1).every((w) => /^-[lcmwL]+$|^--(lines|bytes|chars|words|max-line-length)$/.test(w));
}

/** Commands that only pass on or pick lines of what they read, with no option that writes elsewhere (`sort -o`, `uniq IN OUT` have). */
const FILTERS = new Set(["cat", "head", "tail", "grep", "egrep", "fgrep", "cut", "tr", "tac"]);

/** Commands that open a file or object in $EDITOR and may hold secrets there. */
const EDITS = new Set(["rails", "ansible-vault", "sops", "kubectl", "oc"]);

/**
 * `env | grep '^NODE_ENV='`, `printenv | grep -E '^(HOME|USER)='`: only the lines of variables named
 * outright, none of them a secret, and nothing else found (the dump alone).
 */
function namedLines(commands: Command[], found: Finding[]): boolean {
  const [first, grep] = commands;
  if (commands.length !== 2 || first?.type !== "simple" || grep?.type !== "simple" || first.words.length !== 1 || grep.redirects.length > 0) return false;
  if (!(ENV_DUMPERS.has(first.words[0]?.raw ?? "") || first.words[0]?.raw === "set") || !found.every((f) => f.kind === "environment")) return false;
  const words = grep.words.map((w) => w.raw.replace(/^'(.*)'$|^"(.*)"$/, "$1$2"));
  // `env | grep -q '^GITHUB_TOKEN='`: whether a name is set (not `grep -c TOKEN`, which can ask what a value holds).
  const pattern = words[words.length - 1] ?? "";
  if (words[0] === "grep" && words.length === 3 && /^-[qc]$/.test(words[1] ?? "") && /^\^[A-Z_][A-Z0-9_]*=$/.test(pattern)) return true;
  // The `=` ends the name: `^AWS_` would take AWS_SECRET_ACCESS_KEY too.
  const names = /^\^\(?([A-Z_][A-Z0-9_]*(\|[A-Z_][A-Z0-9_]*)*)\)?=$/.exec(pattern)?.[1];
  return words[0] === "grep" && words.slice(1, -1).every((w) => w === "-E") && names !== undefined && !names.split("|").some(isSecretVariable);
}

/** Commands that print text written in the command itself: `echo`, `printf`, a heredoc or here-string. */
function spellsText(command: Command): boolean {
  if (command.type !== "simple") return false;
  const name = command.words[0]?.raw;
  return name === "echo" || name === "printf" || name === "print" || command.redirects.some((r) => r.heredoc || r.op === "<<<");
}

/** The word of a command an expanded argument came from. */
function wordOf(command: SimpleCommand, arg: Arg): Word | undefined {
  return command.words.find((word) => word.raw === arg.raw);
}

/** The file a command's stdin comes from: `< file`, or a `cat file` piped in alone. */
function stdinFile(command: SimpleCommand, fed: readonly Command[] | undefined): Word | undefined {
  const redirect = command.redirects.find((r) => r.op === "<" && (r.fd ?? 0) === 0);
  if (redirect) return redirect.target;
  const cat = fed?.length === 1 && fed[0]?.type === "simple" ? fed[0].words : undefined;
  return cat?.length === 2 && cat[0]?.raw === "cat" ? cat[1] : undefined;
}

/** The commands of the pipeline that feeds a command, left to right. */
function pipelineOf(upstream: Upstream): Command[] {
  const commands: Command[] = [];
  for (let link: Upstream | undefined = upstream; link?.command; link = link.from) commands.unshift(link.command);
  return commands;
}

/**
 * How a pipeline's output hides text the command spells, when it does: decoded (`base64 -d`), or
 * changed on the way (`echo … | tr …`), naming the command that changed it. Undefined when the
 * pipeline spells nothing (its text comes from elsewhere, `curl … | sh`, left to the user's
 * judgement as a script run by name is) or passes it on unchanged.
 */
function hidingPipeline(commands: readonly Command[]): string | undefined {
  let changed = "";
  for (let i = commands.length - 1; i >= 0; i--) {
    const command = commands[i] as Command;
    // `echo Y2F0IC5lbnY= | base64 -d | sh`: code spelled so that no one can read it before it runs.
    if (decodes(command)) return "decodes at run time";
    if (spellsText(command)) return changed ? `spells and then changes${changed}` : "builds at run time";
    const name = command.type === "simple" ? command.words[0]?.raw : undefined;
    if (!passesInput(command)) changed = name ? ` (through \`${name}\`)` : "";
  }
  return undefined;
}

/** How a word's `$(…)` or `<(…)` hides text the command spells (hidingPipeline), when its output is not certain. */
function hiddenText(word: Word | undefined, scope: ExpandScope): string | undefined {
  for (const script of nestedScripts(word)) {
    for (const statement of script.statements) {
      for (const pipeline of statement.pipelines) {
        const commands = pipeline.commands;
        if (pipedPrint(commands, scope) !== undefined && !commands.some(decodes)) continue;
        const hidden = hidingPipeline(commands);
        if (hidden) return hidden;
      }
    }
  }
  return undefined;
}

/** Decoders and decompressors: what they print is text the command spells in another form. */
function decodes(command: Command | undefined): boolean {
  if (command?.type !== "simple") return false;
  const [name = "", ...flags] = command.words.map((w) => w.raw);
  // A decoding flag, or a tool that only decodes.
  return /^(base(64|32|nc)|xxd|openssl|gzip|bzip2|xz|zstd)$/.test(basename(name))
    ? flags.some((f) => /^(-[dDr]|-revert|--decode|--decompress|-dc|-cd)$/.test(f))
    : /^(gunzip|[bx]?zcat|zstdcat|uudecode|rev)$/.test(basename(name));
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

/**
 * Code a framework's console runs from its command line: `rails runner CODE`, `python manage.py shell
 * -c CODE`, `php artisan tinker --execute=CODE`; "stdin" for a console given no code, which runs what
 * comes in (`python manage.py shell <<'EOF' … EOF`, `flask shell`, `rails console`).
 */
function frameworkCode(name: string, args: Arg[]): Arg | "stdin" | undefined {
  const runsScript = name === "php" || PYTHON.test(name);
  if (name === "flask" && args[0]?.text === "shell") return "stdin";
  if (!runsScript && name !== "rails" && name !== "django-admin" && name !== "manage.py") return undefined;
  const words = args.map((a) => a.text);
  const script = runsScript ? basename(words.shift() ?? "") : name;
  const sub = words.findIndex((w) => !w.startsWith("-"));
  const [runner, options]: [string?, string[]?] = script === "rails" ? ["runner", []] : /^(manage\.py|django-admin)$/.test(script) ? ["shell", ["-c", "--command"]] : script === "artisan" ? ["tinker", ["--execute"]] : [];
  if (script === "rails" && /^(console|c)$/.test(words[sub] ?? "")) return "stdin";
  if (!runner || !options || words[sub] !== runner) return undefined;
  const from = args.length - words.length;
  if (options.length === 0) return args[from + sub + 1];
  for (let i = sub + 1; i < words.length; i++) {
    const option = options.find((o) => words[i] === o || words[i]?.startsWith(`${o}=`));
    if (option) return words[i] === option ? args[from + i + 1] : { ...(args[from + i] as Arg), text: (words[i] as string).slice(option.length + 1) };
  }
  return options.length > 0 ? "stdin" : undefined;
}

/** Options that take a value, for commands in credentialCommandsOf whose subcommands come after them. */
const VALUE_OPTIONS: Record<string, string[]> = {
  docker: ["-c", "--context", "-H", "--host", "--config", "-l", "--log-level", ...COMPOSE_VALUE_OPTIONS],
  "docker-compose": COMPOSE_VALUE_OPTIONS,
  "podman-compose": COMPOSE_VALUE_OPTIONS,
};

function credentialCommand(argv: Arg[]): string | undefined {
  const words = argv.map((a) => a.text);
  const head = basename(words[0] ?? "");
  // `python -m dotenv list` runs the module's command line.
  const module = PYTHON.test(head) ? words.indexOf("-m") : -1;
  if (module > 0 && module + 1 < words.length) return credentialCommand(argv.slice(module + 1));
  // `python manage.py diffsettings`, `php artisan config:show`, `php bin/console`: the framework's own command line.
  if ((PYTHON.test(head) || head === "php") && /^(manage\.py|artisan|console)$/.test(basename(words[1] ?? ""))) return credentialCommand(argv.slice(1));
  // Match the subcommand words in order, skipping options between them (`gh auth -h x token`), the
  // values of the options known to take one (`dotenv -f .env list`), and any word right after an
  // option, which may be its value (`aws --profile prod secretsmanager get-secret-value`).
  const valueOptions = ownEntry(VALUE_OPTIONS, head) ?? wrapperSpec(head)?.valueOptions ?? [];
  const operands: Array<{ word: string; value: boolean }> = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as string;
    const before = words[i - 1] as string;
    if (word === "--") break;
    if (!word.startsWith("-")) operands.push({ word, value: i > 1 && before.startsWith("-") && !before.includes("=") });
    else if (valueOptions.includes(word)) i += 1;
  }
  // A table word may name alternatives (`config|convert`).
  const is = (operand: string | undefined, word: string) => operand === word || (word.includes("|") && word.split("|").includes(operand as string));
  const follows = (argv: string[]) => {
    let at = 0;
    for (const word of argv) {
      while (operands[at]?.value && !is(operands[at]?.word, word)) at += 1;
      if (!is(operands[at++]?.word, word)) return false;
    }
    return true;
  };
  // A docker credential helper answers git's credential protocol (`docker-credential-x get`).
  for (const entry of credentialCommandsOf(head.startsWith("docker-credential-") ? "git" : head)) {
    if (!follows(entry.argv.slice(1))) continue;
    if (entry.requires && !words.slice(1).some((w) => (entry.requires as RegExp).test(w))) continue;
    // An option and its value are tested glued too: `-o name` as `-o=name`.
    if (entry.unless && words.slice(1).some((w, i) => (entry.unless as RegExp).test(w) || (w.startsWith("-") && (entry.unless as RegExp).test(`${w}=${words[i + 2]}`)))) continue;
    return `prints ${entry.what}`;
  }
  if (head.startsWith("docker-credential-") && words.includes("get")) return "prints stored registry credentials";
  const name = operands[1]?.word;
  if (head === "launchctl" && follows(["getenv"]) && name !== undefined && isSecretVariable(name)) return `prints the secret variable ${name}`;
  return undefined;
}

/**
 * A shell command's findings. With `how`, each is introduced by it: a command that runs with no tool
 * call of its own (a skill's `!` line, a hook a settings change adds) is named in the refusal.
 */
export async function analyzeShellCommand(command: string, env: GuardEnv, how?: string): Promise<Finding[]> {
  const analysis = new ShellAnalysis(env, command);
  // `cd "$(git rev-parse --show-toplevel)"`: git is asked here, unless the call may make, move or point
  // to another repository (git init, a .git moved, GIT_WORK_TREE; git init and clone also stop it later).
  if (command.includes("--show-toplevel") && !/\.git|GIT_/.test(command)) analysis.top = await gitTop(env.ctx.io, env.cwd);
  await analysis.source(command, { vars: new Map(), cwd: env.cwd }, "This command");
  const findings = reported(analysis.findings, env);
  return how ? findings.map((f) => ({ ...f, how: `${how}: ${f.how}` })) : findings;
}

/**
 * Interpreter code a tool runs (an MCP server's `run_python`). In a notebook's Jupyter kernel (the IDE
 * integration's), `!cmd` lines run in a shell, `%env` prints the environment (`%env NAME` one
 * variable), and the cell shows the value of its last line when that is an expression
 * (`os.getenv("API_KEY")`).
 */
export async function analyzeInlineCode(code: string, env: GuardEnv, notebook = false): Promise<Finding[]> {
  const analysis = new ShellAnalysis(env, code);
  const state = (): State => ({ vars: new Map(), cwd: env.cwd });
  const how = "The code this call runs";
  if (!notebook) {
    await codeCommands.inlineCode(analysis, code, code, state(), how);
    return reported(analysis.findings, env);
  }
  const lines = code.split("\n").filter((line) => line.trim() !== "");
  for (const line of lines) {
    const magic = /^\s*(?:!|%(?:sx|system)\s)(.*)|^\s*%env\b\s*([^=\s]*)\s*$/.exec(line);
    if (magic?.[1] !== undefined) await analysis.source(magic[1], state(), `${how} runs the shell command`);
    else if (magic && (magic[2] === "" || isSecretVariable(magic[2] as string))) analysis.findings.push({ kind: "environment", what: magic[2] ? `the variable ${magic[2]}` : "the whole environment", how: "`%env` prints" });
  }
  const python = code.replace(/^\s*[!%].*$/gm, "");
  await codeCommands.inlineCode(analysis, python, code, state(), how);
  let last = lines[lines.length - 1] ?? "";
  // `key = os.getenv("API_KEY")` then `key`: the value shown is what the name was last set to.
  const name = /^\s*([A-Za-z_]\w*)\s*$/.exec(last)?.[1];
  if (name) last = [...python.matchAll(new RegExp(`^\\s*${name}\\s*=(?!=)(.*)$`, "gm"))].pop()?.[1] ?? last;
  if (!/^\s*([\w.]+\s*(\[[^\]]*\])?\s*[-+*/]?=[^=]|(import|from|def|class|for|if|elif|else|with|while|try|except|finally|return|del|pass|raise|assert|print)\b|[!%@#)\]}])/.test(last)) {
    await codeCommands.inlineCode(analysis, last, last, state(), "The cell's last line, whose value the notebook shows,", true);
  }
  return reported(analysis.findings, env);
}

export async function analyzePowerShell(command: string, env: GuardEnv): Promise<Finding[]> {
  const analysis = new ShellAnalysis(env, command);
  const state = (): State => ({ vars: new Map(), cwd: env.cwd });
  const findings = await analyzePowerShellText(command, env, {
    file: (arg, how) => analysis.file(arg, state(), how),
    tree: (arg, filter, how) => analysis.tree(arg, state(), filter, how),
    code: (text, how) => codeCommands.inlineCode(analysis, text, text, state(), how),
    // A wildcard reaches a native program expanded (PowerShell globs them on Unix, and `cat` is Get-Content on Windows).
    native: (words) => analysis.source(words.map((w) => (/^[\w./~*?[\]:@%+=,-]*[*?[][\w./~*?[\]:@%+=,-]*$/.test(w) ? w : w.includes("\0") ? `"${w.replace(/["\\`$]/g, "\\$&").replace(/\0(\w+)\0/g, "${$1}")}"` : quoteWord(w))).join(" "), state(), "PowerShell runs"),
    glob: (pattern) => expandGlob(env.ctx.io, pattern.startsWith("/") ? pattern : `${env.cwd}/${pattern}`, true),
  });
  return reported([...findings, ...analysis.findings], env);
}

/** Each finding once, less environment findings when the config turns that category off. */
function reported(findings: Finding[], env: GuardEnv): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    if (f.kind === "environment" && !env.ctx.config.secrets.environment) return false;
    const key = f.kind === "file" || f.kind === "search" ? `${f.kind}:${f.hit.path}` : `${f.kind}:${"word" in f ? f.word : f.what}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
