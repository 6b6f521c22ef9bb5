import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { checkMessage, describeViolations } from "../guards/commit/convention.js";
import { verify } from "../guards/commit/gate.js";
import { messageFromFile } from "../guards/commit/message.js";
import type { CheckContext } from "../runtime/checks.js";
import type { HostIO } from "../runtime/io.js";

const MARK = "# shipshape git hook";
const HOOKS = ["commit-msg", "pre-commit"] as const;

async function git(io: HostIO, cwd: string, ...args: string[]): Promise<string> {
  const result = await io.run(["git", ...args], { cwd, timeoutMs: 10_000 });
  if (result.exitCode !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr.trim() || `exit ${result.exitCode}`}`);
  return result.stdout.trim();
}

function hookScript(hook: string, cli: string): string {
  return `#!/bin/sh
${MARK}: the same checks as shipshape's commit gate. \`shipshape git-hooks uninstall\` removes it
# and puts back the hook that was here before (kept as ${hook}.shipshape-previous, run first).
previous="$(dirname "$0")/${hook}.shipshape-previous"
if [ -x "$previous" ]; then "$previous" "$@" || exit $?; fi
exec node "${cli}" git-hook ${hook} "$@"
`;
}

function huskyLine(hook: string, cli: string): string {
  return `node "${cli}" git-hook ${hook} "$@" ${MARK}`;
}

interface Layout {
  root: string;
  hooksDir: string;
  cli: string;
  husky: boolean;
}

async function layout(io: HostIO, cwd: string): Promise<Layout> {
  const root = await git(io, cwd, "rev-parse", "--show-toplevel");
  const gitDir = await git(io, root, "rev-parse", "--absolute-git-dir");
  const hooksPath = await git(io, root, "rev-parse", "--git-path", "hooks");
  const hooksDir = isAbsolute(hooksPath) ? hooksPath : join(root, hooksPath);
  // husky regenerates .husky/_ and runs the user's .husky/<hook> files: extend those instead.
  const husky = /(^|\/)\.husky(\/|$)/.test(hooksDir) && existsSync(join(root, ".husky"));
  return { root, hooksDir, cli: join(gitDir, "shipshape", "cli.cjs"), husky };
}

/** `shipshape git-hooks install`: the commit gate for people, chained to any hook already there. */
export async function installGitHooks(io: HostIO, cwd: string, cliBundle: string): Promise<string[]> {
  const { root, hooksDir, cli, husky } = await layout(io, cwd);
  const lines: string[] = [];
  mkdirSync(join(cli, ".."), { recursive: true });
  copyFileSync(cliBundle, cli);
  for (const hook of HOOKS) {
    if (husky) {
      const file = join(root, ".husky", hook);
      const text = existsSync(file) ? readFileSync(file, "utf8") : "";
      if (text.includes(MARK)) continue;
      writeFileSync(file, `${text}${text === "" || text.endsWith("\n") ? "" : "\n"}${huskyLine(hook, cli)}\n`, { mode: 0o755 });
      lines.push(`added shipshape's ${hook} check to ${file} (husky)`);
      continue;
    }
    mkdirSync(hooksDir, { recursive: true });
    const file = join(hooksDir, hook);
    if (existsSync(file) && !readFileSync(file, "utf8").includes(MARK)) {
      renameSync(file, `${file}.shipshape-previous`);
      lines.push(`kept the existing ${hook} hook as ${hook}.shipshape-previous; it still runs first`);
    }
    writeFileSync(file, hookScript(hook, cli));
    chmodSync(file, 0o755);
    lines.push(`installed ${file}`);
  }
  return lines;
}

export async function uninstallGitHooks(io: HostIO, cwd: string): Promise<string[]> {
  const { root, hooksDir, cli, husky } = await layout(io, cwd);
  const lines: string[] = [];
  for (const hook of HOOKS) {
    if (husky) {
      const file = join(root, ".husky", hook);
      if (!existsSync(file)) continue;
      const text = readFileSync(file, "utf8");
      const kept = text.split("\n").filter((line) => !line.includes(MARK)).join("\n");
      if (kept !== text) {
        writeFileSync(file, kept);
        lines.push(`removed shipshape's ${hook} check from ${file}`);
      }
      continue;
    }
    const file = join(hooksDir, hook);
    if (existsSync(file) && readFileSync(file, "utf8").includes(MARK)) {
      unlinkSync(file);
      if (existsSync(`${file}.shipshape-previous`)) renameSync(`${file}.shipshape-previous`, file);
      lines.push(`removed ${file}${existsSync(file) ? " and put back the previous hook" : ""}`);
    }
  }
  rmSync(join(cli, ".."), { recursive: true, force: true });
  return lines;
}

/** Runs inside git: `commit-msg <file>` checks the message; `pre-commit` runs verification. */
export async function runGitHook(hook: string, args: string[], ctx: CheckContext, cwd: string): Promise<{ code: number; text: string }> {
  if (hook === "commit-msg") {
    const file = args[0];
    if (!file) return { code: 2, text: "shipshape git-hook commit-msg: the message file is missing" };
    const message = messageFromFile(readFileSync(file, "utf8"));
    if (!ctx.config.commit.enabled) return { code: 0, text: "" };
    const violations = checkMessage(message, ctx.config.commit);
    if (violations.length === 0) return { code: 0, text: "" };
    return { code: 1, text: `shipshape: ${describeViolations(violations, ctx.config.commit)}\n` };
  }
  if (hook === "pre-commit") {
    if (!ctx.config.commit.enabled) return { code: 0, text: "" };
    if (ctx.configDegraded) return { code: 1, text: `shipshape: the configuration is broken; fix it before committing:\n${ctx.configNotice ?? ""}` };
    const verdict = await verify([{ invocation: { args: [], cwd, raw: "git commit" }, options: { source: { kind: "editor" }, noVerify: false, all: false, amend: false, edit: false, pathspecs: [] } }], ctx, cwd);
    if (verdict.action === "deny") return { code: 1, text: verdict.reason.replace("shipshape's commit gate blocked this commit. ", "shipshape: ") };
    return { code: 0, text: verdict.note ?? "" };
  }
  return { code: 2, text: `shipshape git-hook: unknown hook "${hook}"` };
}
