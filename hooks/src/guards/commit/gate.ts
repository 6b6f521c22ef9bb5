import type { ShipshapeConfig, VerifyCommandConfig } from "../../config/types.js";
import type { CheckContext, PreToolUseCheck, ToolCall } from "../../runtime/checks.js";
import { PASS, type Verdict } from "../../runtime/decision.js";
import { ShellSyntaxError } from "../../shell/parser.js";
import { basename, toAbsolute } from "../../runtime/paths.js";
import { gitTop } from "../git-root.js";
import { statements } from "../secrets/powershell.js";
import { checkMessage, describeViolations, type Violation } from "./convention.js";
import { detectCommands } from "./detect.js";
import { mayCommit } from "./may-commit.js";
import { findCommits, type CommitInvocation } from "./find-commits.js";
import { environmentAliases, gitAliases, unknownSubcommands } from "./git-aliases.js";
import { contentKey, fnv, GitStatusError, readGitState, type GitState } from "./git-state.js";
import { cleanupMessage, readCommitArgs, type CommitOptions } from "./message.js";
import { relevant, runCommands, type CommandOutcome } from "./verify.js";

export const CHECK_ID = "commit-gate";

function deny(reason: string): Verdict {
  return { action: "deny", check: CHECK_ID, reason: `shipshape's commit gate blocked this commit. ${reason}` };
}

function messageRefusal(violations: Violation[], config: ShipshapeConfig["commit"], advice?: string): Verdict {
  return deny(`${describeViolations(violations, config)}\n\n${advice ?? "Rewrite the message and commit again; a heredoc keeps it intact: git commit -F - <<'EOF' … EOF"}`);
}

async function messageOf(options: CommitOptions, invocation: CommitInvocation, ctx: CheckContext): Promise<{ message?: string; problem?: string }> {
  const source = options.source;
  switch (source.kind) {
    case "text":
      return { message: source.message };
    case "file": {
      if (invocation.cwd === undefined) return { problem: `the message file ${source.path} is relative to a directory the gate cannot work out` };
      const path = toAbsolute(source.path, invocation.cwd, ctx.home);
      const text = invocation.written?.get(path) ?? (await ctx.io.readText(path).catch(() => undefined));
      if (text === undefined) return { problem: `the message file ${source.path} cannot be read` };
      return { message: text };
    }
    case "unknown":
      return { problem: `the message (${source.raw}) is only known when the command runs, so it cannot be checked. Write it out with -m, or with a heredoc: git commit -F - <<'EOF' … EOF` };
    case "editor":
      if (source.reuse !== undefined) return { problem: `\`${source.reuse}\` opens the message in an editor, which waits forever in Claude Code. Keep it as it is with --no-edit (or -C), or give a new one with: git commit -F - <<'EOF' … EOF` };
      return { problem: "it gives no message (-m, -F or a heredoc), so git would open an editor, which waits forever in Claude Code. Give the message with: git commit -F - <<'EOF' … EOF" };
    case "reused":
    case "none":
      return {};
  }
}

function describeOutcome(outcome: CommandOutcome): string {
  const status = outcome.timedOut ? "timed out" : `exited with code ${outcome.exitCode ?? "(killed)"}`;
  // 127: the shell found no such program. Installing it is not a fix the agent should guess at for
  // a command the gate only detected; the user decides what verifies this project.
  const missing = outcome.exitCode === 127 ? "\n      Its program is not installed here: install it in the project's environment, or ask the user to name the project's verification commands under commit.verify.commands in .claude/shipshape.yaml." : "";
  return `  - ${outcome.command.name}: \`${outcome.command.command}\` ${status} after ${(outcome.ms / 1000).toFixed(1)} s. Last lines of its output:\n${outcome.tail.replace(/^/gm, "      ")}${missing}`;
}

function unstagedNote(state: GitState, options: CommitOptions): string | undefined {
  if (options.all || options.pathspecs.length > 0) return undefined;
  const left = [...state.unstaged, ...state.untracked];
  if (left.length === 0) return undefined;
  const names = left.slice(0, 8).join(", ") + (left.length > 8 ? `, and ${left.length - 8} more` : "");
  return `Note: ${left.length} file(s) have changes this commit will not include (${names}); verification ran on the working tree as it is, with them.`;
}

/** Verification of what the commit would record (also used by the git pre-commit hook). */
export async function verify(commits: Array<{ invocation: CommitInvocation; options: CommitOptions }>, ctx: CheckContext, cwd: string): Promise<Verdict> {
  const verifyConfig = ctx.config.commit.verify;
  if (!verifyConfig.enabled) return PASS;
  if (verifyConfig.allowNoVerify && commits.every((c) => c.options.noVerify)) return { action: "pass", note: "shipshape: verification skipped (--no-verify, allowed by commit.verify.allowNoVerify)." };
  let state: GitState | undefined;
  try {
    state = await readGitState(ctx.io, commits[0]?.invocation.cwd ?? cwd);
  } catch (error) {
    // A repository git cannot read: passing would let an unverified commit through whenever git
    // status fails (a timeout on a huge tree) while git commit itself still works.
    if (error instanceof GitStatusError) return deny(`${error.message}, so the gate cannot tell what the commit records or verify it. Run \`git status\` to see the problem, fix it, and commit again.`);
    throw error;
  }
  if (!state) return PASS; // not a repository: git commit fails on its own
  const detected = verifyConfig.commands
    ? { commands: verifyConfig.commands, source: ".claude/shipshape.yaml" }
    : await detectCommands(ctx.io, state.root);
  const changed = [...state.staged, ...(commits.some((c) => c.options.all) ? state.unstaged : [])];
  const commands: VerifyCommandConfig[] = relevant(detected.commands, changed.length > 0 ? changed : [...state.unstaged, ...state.untracked]);
  if (commands.length === 0) return PASS;
  const note = unstagedNote(state, commits[0]?.options as CommitOptions);
  const noVerifyNote = commits.some((c) => c.options.noVerify) ? "\n--no-verify does not skip shipshape's verification (a person can allow it with commit.verify.allowNoVerify in .claude/shipshape.yaml)." : "";
  const key = await contentKey(ctx.io, state);
  const cacheKey = key ? `verify:${fnv(`${state.root}\n${JSON.stringify(commands)}\n${key}`)}` : undefined;
  const list = commands.map((c) => c.command).join(", ");
  if (cacheKey && ctx.store?.get(cacheKey)) {
    return { action: "pass", note: `shipshape: verification already passed on this exact content (${list}); not run again.${note ? ` ${note}` : ""}` };
  }
  const outcomes = await runCommands(ctx.io, state.root, commands, verifyConfig.budgetSeconds * 1000);
  const failed = outcomes.filter((o) => !o.ok);
  if (failed.length > 0) {
    return deny(
      `Verification failed (${detected.source}): ${failed.length} of ${outcomes.length} command(s) did not pass.\n${failed.map(describeOutcome).join("\n")}\n` +
        `Fix what they report, run them yourself to confirm, then commit again.${note ? `\n${note}` : ""}${noVerifyNote}`,
    );
  }
  if (cacheKey) ctx.store?.set(cacheKey, JSON.stringify({ at: Date.now(), commands: list }));
  return { action: "pass", note: `shipshape: verification passed (${detected.source}: ${list}).${note ? ` ${note}` : ""}` };
}

/**
 * What an editor leaves of the message. `GIT_EDITOR=true git commit --amend`: an editor that changes
 * nothing keeps the message being amended, so it is reused, not written in an editor the agent cannot
 * use. `-e` after -m or -F: any other editor (`GIT_EDITOR='sed -i …'`) can rewrite the checked message.
 */
function afterEditor(invocation: CommitInvocation, options: CommitOptions): CommitOptions {
  const kind = options.source.kind;
  const reuse = options.source.kind === "editor" ? options.source.reuse : undefined;
  const edited = kind === "editor" ? options.amend || reuse !== undefined : options.edit && (kind === "text" || kind === "file");
  if (!edited) return options;
  const unchanged = /(^|\s)(GIT_EDITOR|EDITOR|VISUAL)=(true|:|'true'|"true")(\s|$)|core\.editor=(true|:)(\s|$)/.test(invocation.raw);
  if (kind === "editor") return unchanged ? { ...options, source: { kind: "reused", how: `${reuse ?? "--amend"} with an editor that changes nothing` } } : options;
  return unchanged ? options : { ...options, source: { kind: "unknown", raw: "-e opens it in an editor, where it can change after this check; leave -e out" } };
}

/**
 * Whether PowerShell code runs `git commit` (`git commit -m …`, `& git.exe -C api commit`,
 * `Start-Process git -ArgumentList 'commit'`): git, then commit as a later word of the statement.
 * Printing the words (`Write-Output 'git commit'`) is no commit.
 */
function powerShellCommits(text: string): boolean {
  return statements(text).some(({ words }) => {
    const git = words.findIndex((w) => /^git(\.exe)?$/i.test(basename(w.replaceAll("\\", "/"))));
    return git !== -1 && !/^(echo|write(-output|-host|-verbose|-information)?)$/i.test(words[0] ?? "") && words.slice(git + 1).some((w) => w.toLowerCase() === "commit");
  });
}

export const commitGate: PreToolUseCheck = {
  id: CHECK_ID,
  async decide(call: ToolCall, ctx: CheckContext): Promise<Verdict> {
    if (!ctx.config.commit.enabled || !mayCommit(call)) return PASS;
    const command = call.input.command as string;
    if (call.tool !== "Bash") {
      let commits: boolean;
      try {
        commits = call.tool === "PowerShell" ? powerShellCommits(command) : findCommits(command, call.cwd, ctx.home, (name) => ctx.io.env(name)).length > 0;
      } catch {
        commits = true;
      }
      return commits ? deny(`This ${call.tool} call runs \`git commit\`, which the gate reads and verifies only in a Bash command. Run the commit with the Bash tool.`) : PASS;
    }
    // A subcommand git does not ship may be one of the user's aliases (`git ci`, with ci = commit).
    const unknown = unknownSubcommands(command);
    const aliases = unknown.length > 0 ? new Map([...(await gitAliases(ctx.io, call.cwd, ctx.home)), ...environmentAliases(command, (name) => ctx.io.env(name))]) : undefined;
    // `cd "$(git rev-parse --show-toplevel)" && git commit …`: where that cd lands, asked of git.
    const top = command.includes("--show-toplevel") ? await gitTop(ctx.io, call.cwd) : undefined;
    let invocations: CommitInvocation[];
    try {
      invocations = findCommits(command, call.cwd, ctx.home, (name) => ctx.io.env(name), aliases, 0, top);
    } catch (error) {
      if (error instanceof ShellSyntaxError) return deny(`The command does not parse (${error.message}), so the gate cannot tell which commit it makes.`);
      throw error;
    }
    // npm's config may turn the commit off (`git-tag-version=false`); a `message=` there is not read.
    for (const invocation of invocations.filter((i) => i.advice)) {
      const npmrc = (await Promise.all([`${invocation.cwd}/.npmrc`, `${ctx.home}/.npmrc`].map((f) => ctx.io.readText(f).catch(() => "")))).join("\n");
      if (/^\s*git-tag-version\s*=\s*false\s*$/m.test(npmrc)) invocations = invocations.filter((i) => i !== invocation);
    }
    if (invocations.length === 0) return PASS;
    const unreadable = invocations.find((invocation) => invocation.unreadable);
    if (unreadable) {
      return deny(
        `\`${unreadable.raw.slice(0, 120)}\` ${unreadable.unreadable}, whose message the gate cannot read or check. Run \`git commit\` in the Bash command itself.`,
      );
    }
    if (ctx.configDegraded) {
      return deny(`The shipshape configuration is broken, so the gate cannot know this project's convention and verification commands. Fix it first:\n${ctx.configNotice ?? "see the notice about .claude/shipshape.yaml"}`);
    }
    // --dry-run and --help commit nothing: no message to check and nothing to verify.
    const commits = invocations.map((invocation) => ({ invocation, options: afterEditor(invocation, readCommitArgs(invocation.args, invocation.stdin)) })).filter((c) => c.options.source.kind !== "none");
    if (commits.length === 0) return PASS;
    for (const { invocation, options } of commits) {
      const { message, problem } = await messageOf(options, invocation, ctx);
      if (problem) return deny(`The commit \`${invocation.raw.slice(0, 120)}\` cannot be checked: ${problem}.`);
      if (message === undefined) continue;
      const violations = checkMessage(cleanupMessage(message), ctx.config.commit);
      if (violations.length > 0) return messageRefusal(violations, ctx.config.commit, invocation.advice);
    }
    // Each repository the command commits in is verified; one the gate cannot place is not guessed at.
    const places = [...new Set(commits.map((c) => c.invocation.cwd))];
    const unplaced = commits.find((c) => c.invocation.cwd === undefined);
    if (unplaced) return deny(`\`${unplaced.invocation.raw.slice(0, 120)}\` commits in a folder only known when the command runs (a \`cd\` to a variable or a command's output), so the gate cannot tell which repository to verify. Commit with the folder written out (\`git -C path/to/repo commit …\`), or cd there in an earlier call.`);
    const notes: string[] = [];
    for (const place of places) {
      const verdict = await verify(commits.filter((c) => c.invocation.cwd === place), ctx, place as string);
      if (verdict.action !== "pass") return verdict;
      if (verdict.note) notes.push(verdict.note);
    }
    return notes.length > 0 ? { action: "pass", note: notes.join("\n") } : PASS;
  },
};
