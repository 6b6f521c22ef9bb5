/** Commits made through the user's git aliases (`git ci`, with `ci = commit` in ~/.gitconfig). */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { PRE_TOOL_USE_CHECKS } from "../../hooks/src/guards/checks.js";
import { commitGate } from "../../hooks/src/guards/commit/gate.js";
import { runChecks } from "../../hooks/src/runtime/checks.js";
import { gitSubcommandWords, parseGitConfig, unknownSubcommands } from "../../hooks/src/guards/commit/git-aliases.js";
import { repoIO } from "../helpers/repo-io.js";

const GITCONFIG = `[user]\n\tname = Dev\n[alias]\n\tci = commit\n\tcia = commit -a\n\tst = status\n\tsave = "!git add -A && git commit -m \\"$1\\""\n[core]\n\teditor = vim\n`;

async function gate(command: string, files: Record<string, string> = { "/home/dev/.gitconfig": GITCONFIG }) {
  const io = repoIO(files);
  const verdict = await commitGate.decide({ tool: "Bash", input: { command }, cwd: "/repo", sessionId: "t" }, { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: "/repo", home: "/home/dev" });
  return { verdict, io };
}

describe("commits through the user's git aliases", () => {
  it.each([
    ["an alias for commit", `git ci -m "wip"`],
    ["an alias with options of its own", `git cia -m "fix: typo"`],
    ["an alias set in the repository's config", `git c -m "wip"`, { "/repo/.git/config": "[alias]\n  c = commit\n" }],
    ["a shell alias that commits", `git save "whatever"`],
    ["an alias in a list", `npm test && git ci -m "wip"`],
  ] as const)("blocks %s", async (_name, command, files?: Record<string, string>) => {
    const { verdict } = await gate(command, files ?? { "/home/dev/.gitconfig": GITCONFIG });
    expect(verdict.action).toBe("deny");
  });

  it.each([
    ["a good message through the alias", `git ci -m "Add retry to the upload client" -m "Uploads failed on the first network hiccup."`],
    ["an alias for something else", "git st"],
    ["an unknown subcommand that is no alias", "git frobnicate"],
    ["git's own subcommands (no config read)", "git status && git log --oneline -3"],
  ] as const)("passes %s", async (_name, command) => {
    const { verdict } = await gate(command);
    expect(verdict.action).toBe("pass");
  });

  it("reaches the gate through every check, as the hooks run them", async () => {
    const io = repoIO({ "/home/dev/.gitconfig": GITCONFIG });
    const { verdict } = await runChecks(PRE_TOOL_USE_CHECKS, { tool: "Bash", input: { command: `git ci -m "wip"` }, cwd: "/repo", sessionId: "t" }, { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: "/repo", home: "/home/dev" });
    expect(verdict).toMatchObject({ action: "deny", check: "commit-gate" });
  });

  it("reads git config only for a subcommand git does not ship", async () => {
    const reads = async (command: string) => {
      const io = repoIO({ "/home/dev/.gitconfig": GITCONFIG });
      const read: string[] = [];
      const readText = io.readText.bind(io);
      io.readText = async (path) => (read.push(path), readText(path));
      await commitGate.decide({ tool: "Bash", input: { command }, cwd: "/repo", sessionId: "t" }, { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: "/repo", home: "/home/dev" });
      return read.filter((path) => /gitconfig|git\/config/.test(path));
    };
    expect(await reads("git status && git diff --stat && git log -1")).toEqual([]);
    expect(await reads("git st")).toEqual(["/etc/gitconfig", "/home/dev/.gitconfig", "/home/dev/.config/git/config", "/repo/.git/config"]);
  });
});

describe("aliases git finds beyond the user's file", () => {
  const included = "[alias]\n\tci = commit\n";
  it.each<[string, Record<string, string>, Record<string, string>?]>([
    ["an [include] of an absolute path", { "/home/dev/.gitconfig": "[include]\n\tpath = /home/dev/git/aliases\n", "/home/dev/git/aliases": included }],
    ["an [include] relative to the including file", { "/home/dev/.gitconfig": "[include]\n\tpath = git/aliases\n", "/home/dev/git/aliases": included }],
    ["an [include] under ~", { "/home/dev/.gitconfig": "[include]\n\tpath = ~/git/aliases\n", "/home/dev/git/aliases": included }],
    ["an [includeIf], whatever its condition", { "/home/dev/.gitconfig": '[includeIf "gitdir:~/work/"]\n\tpath = ~/git/work\n', "/home/dev/git/work": included }],
    ["an include two levels deep", { "/home/dev/.gitconfig": "[include]\n\tpath = a\n", "/home/dev/a": "[include]\n\tpath = b\n", "/home/dev/b": included }],
    ["the system config", { "/etc/gitconfig": included }],
    ["the system config GIT_CONFIG_SYSTEM names", { "/opt/git/config": included }, { GIT_CONFIG_SYSTEM: "/opt/git/config" }],
    ["the hook's environment (GIT_CONFIG_COUNT)", {}, { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "alias.ci", GIT_CONFIG_VALUE_0: "commit" }],
    ["the hook's environment (GIT_CONFIG_PARAMETERS)", {}, { GIT_CONFIG_PARAMETERS: "'alias.ci'='commit'" }],
    ["a worktree's shared config", { "/repo/.git": "gitdir: /main/.git/worktrees/repo\n", "/main/.git/worktrees/repo/commondir": "../..\n", "/main/.git/config": included }],
    ["a worktree's own config", { "/repo/.git": "gitdir: /main/.git/worktrees/repo\n", "/main/.git/worktrees/repo/commondir": "../..\n", "/main/.git/worktrees/repo/config.worktree": included }],
    ["a submodule's config", { "/repo/.git": "gitdir: ../super/.git/modules/repo\n", "/super/.git/modules/repo/config": included }],
  ])("blocks a commit through an alias from %s", async (_name, files, env) => {
    const io = repoIO(files);
    if (env) io.env = (name) => env[name];
    const verdict = await commitGate.decide({ tool: "Bash", input: { command: 'git ci -m "wip"' }, cwd: "/repo", sessionId: "t" }, { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: "/repo", home: "/home/dev" });
    expect(verdict.action).toBe("deny");
  });

  it("passes an unknown subcommand when no config defines it, includes and all", async () => {
    const io = repoIO({ "/home/dev/.gitconfig": "[include]\n\tpath = a\n", "/home/dev/a": "[include]\n\tpath = .gitconfig\n[alias]\n\tst = status\n" });
    const verdict = await commitGate.decide({ tool: "Bash", input: { command: 'git ci -m "wip"' }, cwd: "/repo", sessionId: "t" }, { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: "/repo", home: "/home/dev" });
    expect(verdict.action).toBe("pass");
  });

  it("skips the system config when GIT_CONFIG_NOSYSTEM is set", async () => {
    const io = repoIO({ "/etc/gitconfig": included });
    io.env = (name) => (name === "GIT_CONFIG_NOSYSTEM" ? "1" : undefined);
    const verdict = await commitGate.decide({ tool: "Bash", input: { command: 'git ci -m "wip"' }, cwd: "/repo", sessionId: "t" }, { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: "/repo", home: "/home/dev" });
    expect(verdict.action).toBe("pass");
  });
});

describe("parseGitConfig and unknownSubcommands", () => {
  it("reads the [alias] section, quoted values and all", () => {
    expect([...parseGitConfig(GITCONFIG).aliases]).toEqual([["ci", "commit"], ["cia", "commit -a"], ["st", "status"], ["save", '!git add -A && git commit -m "$1"']]);
    expect([...parseGitConfig('[Alias] CO = checkout ; a comment\n[alias "x"]\n').aliases]).toEqual([["co", "checkout"]]);
    expect(parseGitConfig('[include]\n\tpath = a\n[includeIf "gitdir:~/w/"]\n  path = "b c"\n[other]\n\tpath = no\n').includes).toEqual(["a", "b c"]);
  });

  it("lists only the subcommands git does not ship", () => {
    expect(unknownSubcommands("git ci -m x && git status; git -C dir lg --all | git -c a=b st")).toEqual(["ci", "lg", "st"]);
    expect(unknownSubcommands("echo digit commit; git commit -m x")).toEqual([]);
  });
});

describe("gitSubcommandWords", () => {
  // The RegExp the scan replaced: the scan must find the same subcommands.
  const reference = (command: string) => [...command.matchAll(/(?:^|[\s;&|(`$])git((?:\s+(?:-[Cc]\s+\S+|--?[\w-]+(?:=\S*)?))*)\s+([A-Za-z][\w-]*)/g)].map((m) => m[2]);
  it.each([
    "git status",
    "git status && git diff --stat",
    "npm test && git commit -m x",
    "git -C sub -c user.name=x commit -m y",
    "git --no-pager log -p",
    "git --git-dir=.git --work-tree=. ci -m x",
    "git -Cdir status",
    "git\tci",
    "(git ci)",
    "echo `git ci`",
    "x;git ci|cat",
    "$(git ci)",
    "gitk --all",
    "legit ci",
    "my-git ci",
    "git",
    "git -C",
    "git -c",
    "git --opt.x status",
    "git -- status",
    "git 123",
    "git -C /x/git status",
    "git -c core.gitProxy=x fetch",
    "",
  ])("finds %j's subcommands as the RegExp did", (command) => {
    expect(gitSubcommandWords(command)).toEqual(reference(command));
  });
});
