/**
 * The own-files guard: the agent may read shipshape's config and data folder, never change them.
 * Changing them is how a guarded session could switch a guard off (`secrets: {enabled: false}`),
 * skip verification, or forge a passed one in the cache; a person makes those changes. File tools
 * that write (Edit, Write, NotebookEdit, MultiEdit) are judged by their target, links resolved;
 * Bash by every command it would run: a write redirection to one of the files, or a command other
 * than a known reader that names one (in its arguments, inline code or heredoc).
 */
import type { CheckContext, PreToolUseCheck, ToolCall } from "../../runtime/checks.js";
import { PASS, type Verdict } from "../../runtime/decision.js";
import type { HostIO } from "../../runtime/io.js";
import { basename, dirname, toAbsolute } from "../../runtime/paths.js";
import { UNKNOWN } from "../../shell/expand.js";
import { ShellSyntaxError } from "../../shell/parser.js";
import { GIT_VALUE_OPTIONS } from "../secrets/command-rules.js";
import { workingTreeRoot } from "../git-root.js";
import { walkCommands, type WalkedCommand } from "../walk-commands.js";
import { SETTINGS, namesOwnFile, ownFileAt, ownFileGlobbed, ownFileUnder, ownFiles, settingsFileAt, type OwnFiles } from "./own-files.js";
import { applyEdits, editsIn, hookCommands, parseSettings, switchedOff } from "./settings-switches.js";
import { guardEnv } from "../secrets/guard.js";
import { refuse } from "../secrets/refusal.js";
import { analyzeShellCommand } from "../secrets/shell-findings.js";
import { ownEntry } from "../../runtime/own-entry.js";

export const CHECK_ID = "own-files";

const WRITING_FILE_TOOLS: Record<string, string> = { Edit: "file_path", Write: "file_path", MultiEdit: "file_path", NotebookEdit: "notebook_path" };

/**
 * Commands that only read the files they name as operands. Not sort (-o), uniq (an output operand),
 * awk (print >), tee, cp, mv, rm and the like; sed and yq only without -i (see readsOnly).
 */
const READERS = new Set([
  "cat", "head", "tail", "less", "more", "bat", "nl", "od", "xxd", "hexdump", "strings", "wc", "grep", "egrep", "fgrep", "rg", "ag",
  "diff", "cmp", "ls", "stat", "file", "realpath", "readlink", "test", "[", "echo", "printf", "sha1sum", "sha256sum", "sha512sum",
  "md5sum", "cksum", "b2sum", "sed", "cut", "tr", "yq", "jq", "shipshape",
]);
/** git subcommands that leave the working tree's files as they are. */
const GIT_LEAVING_FILES = new Set(["diff", "log", "show", "status", "blame", "ls-files", "grep", "check-ignore", "add", "commit"]);
const WRITE_REDIRECTS = new Set([">", ">>", ">|", "&>", "&>>", "<>"]);
/** Commands that take a folder's files with it (`rm -rf .claude`); other commands given a folder are not suspected. */
const TAKES_FOLDERS = new Set(["rm", "mv", "rmdir", "shred", "trash", "trash-put"]);
/** Where an archive would be extracted, when the command names it (`unzip -d DIR`, `tar -xf a -C DIR`, `7z x -oDIR`). */
function extractsInto(cmd: WalkedCommand): string | undefined {
  const args = cmd.args.map((a) => a.text);
  const after = (...names: string[]) => {
    const i = args.findIndex((a) => names.includes(a));
    return i === -1 ? undefined : args[i + 1];
  };
  if (cmd.name === "unzip") return after("-d");
  if (cmd.name === "tar" || cmd.name === "bsdtar") {
    // The mode: `--extract`, a short cluster with x (`-xzf`), or the first word's old-style cluster (`xzf`).
    const extracting = args.some((a) => a === "--extract" || a === "--get" || /^-[A-Za-z]*x[A-Za-z]*$/.test(a)) || /^[A-Za-z]*x[A-Za-z]*$/.test(args[0] ?? "");
    if (!extracting) return undefined;
    return after("-C", "--directory") ?? args.find((a) => a.startsWith("--directory="))?.slice("--directory=".length);
  }
  if (cmd.name === "7z" || cmd.name === "7za") return args.find((a) => a.startsWith("-o"))?.slice(2);
  return undefined;
}

/** PowerShell that can write, move or remove a file (cmdlets, their aliases, redirection, .NET). */
const POWERSHELL_WRITES = /\b(Set-Content|Add-Content|Out-File|Clear-Content|Remove-Item|Move-Item|Copy-Item|New-Item|Rename-Item|Tee-Object|sc|ac|rm|del|erase|ri|mv|move|mi|cp|copy|cpi|ni|ren|rni|tee)\b|>|\[(System\.)?IO\.File\]|WriteAll/i;

/** Readers whose own arguments are code that can write files (sed's `w`): a file named inside it is a write. */
const SCRIPTED = new Set(["sed"]);

/** Where git's subcommand is among its arguments: past global options and their values (`git -C dir diff`). */
function gitSubcommandAt(args: string[]): number {
  let i = 0;
  while (i < args.length && (args[i] as string).startsWith("-")) i += GIT_VALUE_OPTIONS.has(args[i] as string) ? 2 : 1;
  return i;
}

function readsOnly(cmd: WalkedCommand): boolean {
  const args = cmd.args.map((a) => a.text);
  if (cmd.name === "git") return GIT_LEAVING_FILES.has(args[gitSubcommandAt(args)] ?? "");
  if (!READERS.has(cmd.name)) return false;
  if (cmd.name === "sed" || cmd.name === "yq") return !args.some((a) => /^-[a-zA-Z]*i|^--in-place/.test(a));
  if (cmd.name === "shipshape") return args[0] === "explain" || args[0] === "doctor";
  return true;
}

/** How every refusal of this guard opens. */
const blocked = (tool: string) => `shipshape blocked this ${tool} call`;

function refusal(tool: string, what: string, how: string): Verdict {
  if (what.startsWith(SETTINGS)) {
    return {
      action: "deny",
      check: CHECK_ID,
      reason:
        `${blocked(tool)}: ${how} ${what}, and a command cannot be checked for what it changes there. ` +
        "Claude Code's settings hold the switches that turn shipshape's guards off (disableAllHooks, enabledPlugins, its hooks). " +
        "Reading them is fine (Read, cat). Instead: make the change with the Edit tool, which shipshape checks change by change " +
        "and lets through unless it touches those switches, or tell the user what to change and let them do it.",
    };
  }
  return {
    action: "deny",
    check: CHECK_ID,
    reason:
      `${blocked(tool)}: ${how} ${what}. shipshape's configuration, caches and code are the ` +
      "user's to change: a changed config can switch a guard off or skip verification, a changed cache " +
      "can pass unverified work, and changed code can decide anything. Reading them is fine (Read, cat). Instead: tell the user what to change, in " +
      "which file, and why, and let them make the change.",
  };
}

/** An edit of a Claude Code settings file: refused only when it flips one of shipshape's switches. */
async function settingsEditVerdict(call: ToolCall, path: string, ctx: CheckContext): Promise<Verdict> {
  const deny = (why: string): Verdict => ({
    action: "deny",
    check: CHECK_ID,
    reason:
      `${blocked(call.tool)} on Claude Code's settings ${path}: the change ${why}. ` +
      "Those switches are the user's to flip: with them, a session could run without shipshape's guards. Other " +
      "changes to this file (permissions, model, env) go through. Instead: leave that part out of the change, or " +
      "tell the user what to change and why, and let them do it.",
  });
  let current: string | undefined;
  try {
    current = await ctx.io.readText(path);
  } catch (error) {
    return deny(`cannot be checked: the file cannot be read (${(error as Error).message})`);
  }
  let next: string | undefined;
  if (call.tool === "Write") {
    if (typeof call.input.content !== "string") return deny('cannot be checked: the call has no "content" string');
    next = call.input.content;
  } else {
    const edits = editsIn(call.tool, call.input);
    if (!edits) return deny("cannot be checked: its input is not the shape shipshape knows");
    // An edit that does not apply fails in the tool itself and changes nothing.
    next = current === undefined ? undefined : applyEdits(current, edits);
    if (next === undefined) return PASS;
  }
  const before = parseSettings(current);
  const after = parseSettings(next);
  const why = switchedOff(before, after);
  if (why) return deny(why);
  // A hook added here runs with no tool call of its own, and what a SessionStart or UserPromptSubmit
  // hook prints reaches the model: its command is judged as a Bash command would be, for the files it
  // names and the environment it prints. Names it takes from its payload (`$CLAUDE_FILE_PATHS`, jq of
  // stdin) are those of a tool call the guards already passed: formatters on edited files go through.
  const old = hookCommands(before);
  for (const command of ctx.config.secrets.enabled ? hookCommands(after).filter((c) => !old.includes(c)) : []) {
    const findings = (await analyzeShellCommand(command, guardEnv(call, ctx), `The hook it adds (\`${command.slice(0, 80)}\`)`)).filter((f) => f.kind === "file" || f.kind === "environment");
    if (findings.length > 0) return refuse(call.tool, findings);
  }
  return PASS;
}

/** The path a write would land on: links resolved, and for a file not there yet, its folder's. */
async function landsOn(io: HostIO, path: string): Promise<string[]> {
  const info = await io.stat(path);
  if (info) return [path, info.realPath];
  const folder = await io.stat(dirname(path));
  return folder ? [path, `${folder.realPath}/${basename(path)}`] : [path];
}

async function fileToolVerdict(call: ToolCall, field: string, ctx: CheckContext, own: OwnFiles): Promise<Verdict> {
  const raw = call.input[field];
  if (typeof raw !== "string" || raw === "") return PASS;
  const paths = await landsOn(ctx.io, toAbsolute(raw, call.cwd, ctx.home));
  for (const path of paths) {
    const what = ownFileAt(own, path);
    if (what) return refusal(call.tool, what, call.tool === "Write" ? "writing" : "editing");
  }
  for (const path of paths) {
    const settings = settingsFileAt(own, path);
    if (settings && call.tool === "NotebookEdit") return refusal(call.tool, `${SETTINGS} ${settings}`, "editing");
    if (settings) return settingsEditVerdict(call, paths[paths.length - 1] as string, ctx);
  }
  return PASS;
}

/**
 * Commands that run without shipshape's guards or take them out: Claude Code started without hooks
 * (`--bare`, safe mode, settings that disable them), and shipshape's own uninstall commands.
 */
function turnsGuardsOff(cmd: WalkedCommand, safeModeSet: boolean, settingsFiles: string[]): string | undefined {
  const words = cmd.args.map((a) => a.text);
  // The CLI as a command (wrappers are stepped over already), or its bundle run by node.
  const cliArgs = cmd.name === "shipshape" ? words : cmd.name === "node" && /(^|\/)(shipshape|cli\.cjs)$/.test(words[0] ?? "") ? words.slice(1) : undefined;
  if (cliArgs) {
    const operands = cliArgs.filter((w) => !w.startsWith("-"));
    if (operands[0] === "uninstall" || (operands[0] === "git-hooks" && operands[1] === "uninstall")) {
      return `\`shipshape ${operands.slice(0, 2).join(" ")}\` would take shipshape's hooks out`;
    }
  }
  if (cmd.name !== "claude" && cmd.name !== "claude-code") return undefined;
  const args = words;
  if (args.includes("--bare")) return "`claude --bare` starts a Claude Code session without hooks or plugins";
  // `claude plugin disable shipshape@shipshape`, `claude plugin marketplace remove shipshape`.
  const operands = args.filter((w) => !w.startsWith("-"));
  const verb = operands.findIndex((w) => /^(uninstall|remove|rm|disable)$/.test(w));
  if (operands[0] === "plugin" && verb > 0 && operands.slice(verb + 1).some((w) => /^shipshape(@|$)/.test(w))) {
    return `\`claude ${operands.join(" ")}\` would remove shipshape`;
  }
  // Settings from only some sources may leave out those that enable shipshape's plugin or hooks.
  if (args.some((w) => w.startsWith("--setting-sources"))) return "`claude --setting-sources` may start a session without the settings that enable shipshape";
  // Set on the command, or earlier in the call (`export CLAUDE_CODE_SAFE_MODE=1; claude -p …`).
  if (safeModeSet) return "CLAUDE_CODE_SAFE_MODE starts a Claude Code session without hooks";
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string;
    const value = word === "--settings" ? args[i + 1] : word.startsWith("--settings=") ? word.slice("--settings=".length) : undefined;
    if (value !== undefined && /"(disableAllHooks|allowManagedHooksOnly)"\s*:\s*true|"shipshape@[^"]*"\s*:\s*false/i.test(value)) {
      return "`claude --settings` that switch hooks or the plugin off start a Claude Code session without shipshape's guards";
    }
    // A settings file rather than inline JSON: read once the walk is done (see shellVerdict).
    if (value !== undefined && !value.trim().startsWith("{")) {
      if (value.includes(UNKNOWN) || (cmd.cwd === undefined && !value.startsWith("/"))) return "`claude --settings` with a file only known when the command runs could start a Claude Code session without shipshape's guards";
      settingsFiles.push(value.startsWith("/") ? value : `${cmd.cwd}/${value}`);
    }
  }
  return undefined;
}

/** Whether a settings file given to `claude --settings` switches shipshape off (a missing or broken one makes claude stop). */
async function settingsFileSwitchesOff(io: HostIO, path: string): Promise<string | undefined> {
  const text = await io.readText(path).catch(() => undefined);
  const settings = parseSettings(text);
  if (!settings) return undefined;
  const why = switchedOff(undefined, settings);
  return why ? `\`claude --settings ${path}\` would start a Claude Code session without shipshape's guards (the file ${why})` : undefined;
}

/**
 * git commands that revert or remove changes across the whole working tree (`git checkout .`, `git
 * reset --hard`, `git stash`, `git clean -fdx`): they take local edits to shipshape's config and to
 * Claude Code's settings with them.
 */
function sweepsWorkingTree(cmd: WalkedCommand): Sweep | undefined {
  if (cmd.name !== "git") return undefined;
  const args = cmd.args.map((a) => a.text);
  const i = gitSubcommandAt(args);
  const sub = args[i] ?? "";
  const rest = args.slice(i + 1);
  // Operands, less the values of the options that take one (`-e pattern`, `-m message`).
  const operands = rest.filter((a, k) => !a.startsWith("-") && !/^(-e|--exclude|-m|--message|--pathspec-from-file)$/.test(rest[k - 1] ?? ""));
  const how = `\`git ${[sub, ...rest].join(" ")}\``;
  const flag = (pattern: RegExp) => rest.some((a) => pattern.test(a));
  // The paths a sweep is limited to (`git clean -fd build/`, `git stash -- src`); a pattern or magic
  // pathspec (`*.json`, `:/`) is taken as the whole tree.
  const limited = (paths: string[]) => (paths.length > 0 && paths.every((p) => !/[*?[:]/.test(p)) ? { paths } : {});
  if (sub === "clean" && flag(/^-[a-zA-Z]*f|^--force$/) && !flag(/^-[a-zA-Z]*n|^--dry-run$/)) {
    return { how, tracked: false, untracked: !flag(/^-[a-zA-Z]*X/), ignored: flag(/^-[a-zA-Z]*[xX]/), ...limited(operands) };
  }
  if (sub === "reset" && rest.includes("--hard")) return { how, tracked: true, untracked: false, ignored: false };
  if ((sub === "checkout" || sub === "restore") && operands.some((o) => o === "." || o === ":/" || o === "*") && !rest.includes("--staged")) {
    return { how, tracked: true, untracked: false, ignored: false };
  }
  // `git stash -- .claude` is `git stash push -- .claude`.
  const stashed = sub === "stash" && !/^(list|show|drop|pop|apply|branch|clear|create|store)$/.test(operands[0] ?? "");
  if (stashed) {
    return { how, tracked: true, untracked: flag(/^(-u|-a|--include-untracked|--all)$/), ignored: flag(/^(-a|--all)$/), ...limited(operands.filter((o) => o !== "push" && o !== "save")) };
  }
  return undefined;
}

/** The patch files a command applies: `git apply`'s and `git am`'s operands, `patch`'s -i or stdin file. */
function patchFiles(cmd: WalkedCommand): string[] {
  if (cmd.name !== "git" && cmd.name !== "patch") return [];
  const args = cmd.args.map((a) => a.text);
  const checks = args.some((a) => /^(--check|--stat|--numstat|--summary|--dry-run|-n|--abort|--skip|--show-current-patch.*)$/.test(a));
  if (checks) return [];
  if (cmd.name === "git") {
    const i = gitSubcommandAt(args);
    return /^(apply|am)$/.test(args[i] ?? "") ? args.slice(i + 1).filter((a) => !a.startsWith("-")) : [];
  }
  const input = args.findIndex((a) => a === "-i" || a.startsWith("--input"));
  const option = args[input] ?? "";
  const from = input === -1 ? cmd.redirects.find((r) => r.op === "<")?.target : option.startsWith("--input=") ? option.slice(8) : args[input + 1];
  return from === undefined ? [] : [from];
}

interface Sweep {
  how: string;
  /** Reverts changes to tracked files; removes untracked files; removes ignored files. */
  tracked: boolean;
  untracked: boolean;
  ignored: boolean;
  /** The paths it is limited to, as given; the whole tree when absent. */
  paths?: string[];
}

/** The first of shipshape's files and Claude Code's settings whose changes (by git's status) the sweep would take. */
async function changedOwnFile(io: HostIO, own: OwnFiles, cwd: string, sweep: Sweep): Promise<string | undefined> {
  // Only the files inside the repository git works on (git refuses paths outside it).
  const root = await workingTreeRoot(io, cwd);
  if (root === undefined) return undefined;
  const under = sweep.paths?.map((path) => toAbsolute(path, cwd, undefined));
  const files = [...own.configs, ...own.settings].filter((file) => file.startsWith(`${root === "/" ? "" : root}/`) && (!under || under.some((dir) => file === dir || file.startsWith(`${dir === "/" ? "" : dir}/`))));
  if (files.length === 0) return undefined;
  const status = await io.run(["git", "status", "--porcelain", "--ignored", "--", ...files], { cwd, timeoutMs: 3000 }).catch(() => undefined);
  // A status that timed out or could not run leaves the sweep's reach unknown: refuse, failing closed.
  if (!status || status.exitCode === null) return `${files.join(", ")} (git status could not tell whether they have any)`;
  if (status.exitCode !== 0) return undefined; // outside a repository, git changes nothing here
  for (const line of status.stdout.split("\n")) {
    const code = line.slice(0, 2);
    const path = line.slice(3).trim();
    if (code === "" || path === "") continue;
    const affected = code === "??" ? sweep.untracked : code === "!!" ? sweep.ignored : sweep.tracked;
    if (!affected) continue;
    const match = files.find((file) => file.endsWith(`/${path}`) || file === path);
    if (match) return own.configs.includes(match) ? `shipshape's configuration ${match}` : `${SETTINGS} ${match}`;
  }
  return undefined;
}

async function shellVerdict(call: ToolCall, command: string, ctx: CheckContext, own: OwnFiles): Promise<Verdict> {
  let found: { what: string; how: string } | undefined;
  // includes() first: most commands never name it, and the RegExp would be compiled for each of them.
  const safeModeSet = command.includes("CLAUDE_CODE_SAFE_MODE=") && /\bCLAUDE_CODE_SAFE_MODE=(?!0\b)/.test(command);
  const settingsFiles: string[] = [];
  const wholeTree: Array<Sweep & { cwd: string }> = [];
  const patches: Array<{ file: string; cwd: string; how: string }> = [];
  try {
    walkCommands(command, call.cwd, ctx.home, (name) => ctx.io.env(name), (cmd) => {
      if (found) return;
      const sweep = sweepsWorkingTree(cmd);
      if (sweep && cmd.cwd !== undefined) wholeTree.push({ ...sweep, cwd: cmd.cwd });
      for (const file of patchFiles(cmd)) if (cmd.cwd !== undefined && !file.includes(UNKNOWN)) patches.push({ file: toAbsolute(file, cmd.cwd, ctx.home), cwd: cmd.cwd, how: `\`${cmd.raw.slice(0, 80)}\` would apply` });
      const at = (text: string) => {
        if (text.includes(UNKNOWN) || (cmd.cwd === undefined && !text.startsWith("/") && !text.startsWith("~"))) return undefined;
        const path = toAbsolute(text, cmd.cwd ?? "/", ctx.home);
        const settings = settingsFileAt(own, path);
        return ownFileAt(own, path) ?? (settings ? `${SETTINGS} ${settings}` : undefined);
      };
      const off = turnsGuardsOff(cmd, safeModeSet, settingsFiles);
      if (off) {
        found = { what: "", how: off };
        return;
      }
      for (const redirect of cmd.redirects) {
        const what = redirect.target !== undefined && WRITE_REDIRECTS.has(redirect.op) ? at(redirect.target) : undefined;
        if (what) found = { what, how: `\`${redirect.op} ${redirect.target}\` would write` };
      }
      if (found || cmd.name === "") return;
      const reader = readsOnly(cmd);
      for (const arg of cmd.args) {
        // A reader may take the file as an operand; a file named inside another word (inline code, a
        // sed script, `of=…`) is another command's business, and a reader's patterns are harmless.
        // `rm .claude/*.yaml`: a glob the shell expands to one of them (or, for rm and mv, a folder holding one).
        const globbed = !reader && arg.glob !== undefined && cmd.cwd !== undefined ? ownFileGlobbed(own, toAbsolute(arg.glob, cmd.cwd, ctx.home), TAKES_FOLDERS.has(cmd.name)) : undefined;
        const what = at(arg.text) ?? globbed ?? (!reader || SCRIPTED.has(cmd.name) ? namesOwnFile(own, arg.text) : undefined);
        if (what && !(reader && at(arg.text))) found = { what, how: `\`${cmd.name}\` could change` };
      }
      const into = found ? undefined : extractsInto(cmd);
      if (into !== undefined && !into.includes(UNKNOWN) && (cmd.cwd !== undefined || into.startsWith("/"))) {
        const what = ownFileUnder(own, toAbsolute(into, cmd.cwd ?? "/", ctx.home)) ?? ownFileAt(own, toAbsolute(into, cmd.cwd ?? "/", ctx.home));
        if (what) found = { what, how: `\`${cmd.name}\` would extract over` };
      }
      // `git checkout HEAD~3 -- .claude` writes a folder's files as `rm -rf .claude` removes them (the
      // whole tree, `.`, is the sweep check's: refused only when it would take local changes).
      const restores = cmd.name === "git" && /^(checkout|restore)$/.test(cmd.args[gitSubcommandAt(cmd.args.map((a) => a.text))]?.text ?? "");
      // `find .claude -name '*.yaml' -delete`: the files under its start folders that its names match.
      const deletes = cmd.name === "find" && cmd.args.some((a, i) => a.text === "-delete" || (/^-exec(dir)?$/.test(cmd.args[i - 1]?.text ?? "") && /^(rm|unlink|shred)$/.test(a.text)));
      const names = deletes ? cmd.args.filter((_, i) => /^-i?name$/.test(cmd.args[i - 1]?.text ?? "")).map((a) => a.text) : [];
      if (!found && (TAKES_FOLDERS.has(cmd.name) || restores || deletes)) {
        for (const arg of cmd.args) {
          if (deletes && arg.text.startsWith("-")) break;
          const folder = arg.text.includes(UNKNOWN) || arg.text.startsWith("-") || (restores && /^(\.|:\/|\*)$/.test(arg.text)) || (cmd.cwd === undefined && !arg.text.startsWith("/")) ? undefined : toAbsolute(arg.text, cmd.cwd ?? "/", ctx.home);
          const what = folder ? ownFileUnder(own, folder, names) : undefined;
          if (what) found = { what, how: `\`${cmd.name} ${arg.raw}\` would ${restores ? "overwrite" : "take along"}` };
        }
      }
      if (reader) return;
      const fed = cmd.stdin !== undefined ? namesOwnFile(own, cmd.stdin) : undefined;
      if (!found && fed) found = { what: fed, how: `\`${cmd.name}\` with the code fed to it could change` };
    });
  } catch (error) {
    // A command that does not parse: the secret guard refuses it with the reason. Anything else is
    // a fault, which must refuse (the hook's crash handling), not pass.
    if (error instanceof ShellSyntaxError) return PASS;
    throw error;
  }
  for (const file of found ? [] : settingsFiles) {
    const off = await settingsFileSwitchesOff(ctx.io, file);
    if (off) return guardsOffRefusal(call.tool, off);
  }
  // `git apply x.patch`, `patch -p1 < x.patch`: the files the patch's headers name.
  for (const patch of found ? [] : patches) {
    const text = await ctx.io.readText(patch.file);
    for (const m of text?.matchAll(/^(?:\+\+\+|---|rename to|diff --git a\/\S+ b\/)[ \t]*(?:[ab]\/)?([^\s]+)/gm) ?? []) {
      const path = toAbsolute(m[1] as string, patch.cwd, ctx.home);
      const what = ownFileAt(own, path) ?? (settingsFileAt(own, path) ? `${SETTINGS} ${path}` : undefined);
      if (what) return { action: "deny", check: CHECK_ID, reason: `${blocked(call.tool)}: ${patch.how} a patch to ${what}, which only the user changes. Instead: leave that file out of the patch, or ask the user.` };
    }
  }
  for (const sweep of found ? [] : wholeTree) {
    const what = await changedOwnFile(ctx.io, own, sweep.cwd, sweep);
    if (what) {
      return {
        action: "deny",
        check: CHECK_ID,
        reason:
          `${blocked(call.tool)}: ${sweep.how} would revert or remove the local changes to ${what}, ` +
          "which only the user makes (they decide what shipshape and Claude Code guard). Instead: name the paths to revert or " +
          "clean so these files are left out (`git checkout -- src/`, `git clean -fd build/`), or ask the user.",
      };
    }
  }
  if (found && found.what === "") return guardsOffRefusal(call.tool, found.how);
  return found ? refusal(call.tool, found.what, found.how) : PASS;
}

function guardsOffRefusal(tool: string, how: string): Verdict {
  return {
    action: "deny",
    check: CHECK_ID,
    reason: how.startsWith("`shipshape")
      ? `${blocked(tool)}: ${how}. Whether shipshape guards this project is the user's decision. Instead: tell the user why you would take it out, and let them run the command.`
      : `${blocked(tool)}: ${how}, whose work and output would come back to this conversation unguarded ` +
        "(secret files, unverified commits). Instead: do the work in this session, run `claude` without the switches " +
        "that turn hooks off, or ask the user.",
  };
}

export const ownFilesGuard: PreToolUseCheck = {
  id: CHECK_ID,
  async decide(call, ctx) {
    const own = ownFiles(ctx.projectDir, ctx.home, (name) => ctx.io.env(name));
    const field = ownEntry(WRITING_FILE_TOOLS, call.tool);
    if (field) return fileToolVerdict(call, field, ctx, own);
    const command = call.input.command;
    if ((call.tool === "Bash" || call.tool === "Monitor") && typeof command === "string") return shellVerdict(call, command, ctx, own);
    if (call.tool === "PowerShell" && typeof command === "string") {
      // No PowerShell parser here: a command that names shipshape's files and can write any file is refused.
      const what = namesOwnFile(own, command) ?? (ctx.home ? namesOwnFile(own, command.replace(/^~|\$HOME|\$env:USERPROFILE/g, ctx.home)) : undefined);
      if (what && POWERSHELL_WRITES.test(command)) return refusal(call.tool, what, "this command could change");
    }
    return PASS;
  },
};
