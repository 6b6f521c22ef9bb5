/**
 * Git configs holding a credential in a URL (`https://user:TOKEN@host/…`) or an auth header
 * (`http.extraheader`): a secret by contents, not by name. Reading such a file, or a git command that prints its URLs, is refused; the same commands
 * over a config whose URLs hold no credential pass.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type ShipshapeConfig } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { hasCredentialedUrl, isGitConfigPath } from "../../hooks/src/guards/secrets/secret-files.js";
import { explain } from "../../hooks/src/cli/explain.js";
import { resolveConfigSources } from "../../hooks/src/entries/config-loader.js";
import { memoryIO } from "../helpers/memory-io.js";

const PROJECT = "/work/app";
const HOME = "/home/dev";
const TOKEN_URL = "https://x-access-token:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/o/app.git";
const CLEAN_URL = "https://github.com/o/app.git";

function repo(url: string, extra: Record<string, string> = {}) {
  return memoryIO({
    files: {
      [`${PROJECT}/.git/config`]: `[core]\n\tbare = false\n[remote "origin"]\n\turl = ${url}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n`,
      [`${PROJECT}/.git/HEAD`]: "ref: refs/heads/main\n",
      [`${PROJECT}/src/app.ts`]: "export {};\n",
      [`${HOME}/.gitconfig`]: "[user]\n\tname = Dev\n",
      ...extra,
    },
    env: { HOME },
  });
}

async function decide(io: ReturnType<typeof memoryIO>, tool: string, input: Record<string, unknown>, config: ShipshapeConfig = DEFAULT_CONFIG) {
  const verdict = await secretGuard.decide({ tool, input, cwd: PROJECT, sessionId: "t" }, { io, config, configDegraded: false, projectDir: PROJECT, home: HOME });
  return verdict;
}

const calls: Array<[string, string, Record<string, unknown>]> = [
  ["git remote -v", "Bash", { command: "git remote -v" }],
  ["git remote get-url", "Bash", { command: "git remote get-url origin" }],
  ["git remote show", "Bash", { command: "git remote show origin" }],
  ["git config --get of the URL", "Bash", { command: "git config --get remote.origin.url" }],
  ["git config of the URL key", "Bash", { command: "git config remote.origin.url" }],
  ["git config --list", "Bash", { command: "git config --list" }],
  ["git config -l from a subfolder", "Bash", { command: "cd src && git config -l" }],
  ["git ls-remote --get-url", "Bash", { command: "git ls-remote --get-url" }],
  ["git var -l (git's variables, its config among them)", "Bash", { command: "git var -l" }],
  ["git 2.46's git config list", "Bash", { command: "git config list" }],
  ["git 2.46's git config get of the URL", "Bash", { command: "git config get remote.origin.url" }],
  ["git 2.46's git config get --regexp", "Bash", { command: "git config get --all --regexp url" }],
  ["cat of the config", "Bash", { command: "cat .git/config" }],
  ["grep in the config", "Bash", { command: "grep url .git/config" }],
  ["the Read tool", "Read", { file_path: `${PROJECT}/.git/config` }],
  ["a recursive grep over the repository", "Bash", { command: "grep -rn github ." }],
  // Claude Code's Grep leaves .git out (`--glob !.git`) unless it is the folder searched or a glob takes it back.
  ["the Grep tool over .git", "Grep", { pattern: "github", path: `${PROJECT}/.git` }],
  ["the Grep tool with a glob into .git", "Grep", { pattern: "github", path: PROJECT, glob: ".git/**" }],
];

// actions/checkout persists the job's token as an auth header (`persist-credentials`, on by default).
const HEADER = `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX3Rva2Vu\n`;

describe("a git config with the auth header a CI checkout persists", () => {
  const headed = () => repo(CLEAN_URL, { [`${PROJECT}/.git/config`]: `[remote "origin"]\n\turl = ${CLEAN_URL}\n${HEADER}` });
  it.each([
    "cat .git/config",
    "git config --list",
    "git config --get http.https://github.com/.extraheader",
    "git config --get-regexp extraheader",
  ])("refuses %s", async (command) => {
    const verdict = await decide(headed(), "Bash", { command });
    expect(verdict.action === "deny" ? verdict.reason : "pass").toContain('category "git-url-credentials"');
  });

  it.each(["git config user.email", "git remote -v", "git status"])("lets %s through", async (command) => {
    expect((await decide(headed(), "Bash", { command })).action).toBe("pass");
  });
});

describe("git configs with a credential in a URL", () => {
  it.each(calls)("refuses %s when a URL holds a token", async (_name, tool, input) => {
    const verdict = await decide(repo(TOKEN_URL), tool, input);
    expect(verdict.action).toBe("deny");
    if (verdict.action === "deny") expect(verdict.reason).toContain('category "git-url-credentials"');
  });

  it.each(calls)("lets %s through when no URL holds one", async (_name, tool, input) => {
    expect((await decide(repo(CLEAN_URL), tool, input)).action).toBe("pass");
  });

  it.each<[string, string, Record<string, unknown>]>([
    ["git remote (names only)", "Bash", { command: "git remote" }],
    ["git config of another key", "Bash", { command: "git config user.email" }],
    ["git status", "Bash", { command: "git status" }],
    ["git push (git reads the URL, prints none)", "Bash", { command: "git push origin main" }],
    ["the Grep tool over the repository (it leaves .git out)", "Grep", { pattern: "github", path: PROJECT }],
  ])("lets %s through even with a token in a URL", async (_name, tool, input) => {
    expect((await decide(repo(TOKEN_URL), tool, input)).action).toBe("pass");
  });

  it("finds a token in the user's config too (an insteadOf rewrite)", async () => {
    const io = repo(CLEAN_URL, { [`${HOME}/.gitconfig`]: `[url "https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/"]\n\tinsteadOf = https://github.com/\n` });
    expect((await decide(io, "Bash", { command: "git remote -v" })).action).toBe("deny");
    expect((await decide(io, "Bash", { command: "cat ~/.gitconfig" })).action).toBe("deny");
  });

  it("can be turned off by category or allowed by path", async () => {
    const off = { ...DEFAULT_CONFIG, secrets: { ...DEFAULT_CONFIG.secrets, disable: ["git-url-credentials"] } };
    expect((await decide(repo(TOKEN_URL), "Bash", { command: "git remote -v" }, off)).action).toBe("pass");
    const allowed = { ...DEFAULT_CONFIG, secrets: { ...DEFAULT_CONFIG.secrets, allow: [".git/config"] } };
    expect((await decide(repo(TOKEN_URL), "Read", { file_path: `${PROJECT}/.git/config` }, allowed)).action).toBe("pass");
  });
});

describe("hasCredentialedUrl and isGitConfigPath", () => {
  it.each([
    ["https://user:secret@host/repo.git", true],
    ["https://x-access-token:ghs_abc@github.com/o/r", true],
    ["https://ghp_abcdefghijklmnopqrstuvwxyz0123@github.com/o/r", true],
    ["https://oauth2:glpat-abc@gitlab.com/o/r.git", true],
    ["ssh://git@github.com/o/r.git", false],
    ["git@github.com:o/r.git", false],
    ["https://dev@bitbucket.org/o/r.git", false],
    ["https://user:@host/r", false],
    ["https://github.com/o/r.git", false],
  ])("%s: %s", (url, expected) => {
    expect(hasCredentialedUrl(`[remote "origin"]\n\turl = ${url}\n`)).toBe(expected);
  });

  it.each([
    ["/p/.git/config", true],
    ["/srv/app.git/config", true],
    ["/p/.git/worktrees/w/config.worktree", true],
    ["/p/.git/modules/lib/config", true],
    ["/home/dev/.gitconfig", true],
    ["/home/dev/.config/git/config", true],
    ["/etc/gitconfig", true],
    ["/p/config", false],
    ["/p/src/config", false],
    ["/p/.git/HEAD", false],
  ])("%s: %s", (path, expected) => {
    expect(isGitConfigPath(path)).toBe(expected);
  });
});

describe("shipshape explain on a git config", () => {
  it("names the category and how to turn it off, judged by contents", async () => {
    const options = { cwd: PROJECT, projectDir: PROJECT, home: HOME, resolver: resolveConfigSources };
    const dirty = await explain([".git/config"], { ...options, io: repo(TOKEN_URL) });
    expect(dirty.code).toBe(1);
    expect(dirty.text).toContain('category "git-url-credentials"');
    expect(dirty.text).toContain('secrets.disable: ["git-url-credentials"]');
    const clean = await explain([".git/config"], { ...options, io: repo(CLEAN_URL) });
    expect(clean.code).toBe(0);
    expect(clean.text).toContain("not a secret file");
  });
});
