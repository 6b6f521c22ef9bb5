/**
 * The commit gate names the content it verified from one `git status` run, in real repositories:
 * the name must change with what is staged and what is in the working tree, and stay put otherwise.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentKey, parseStatus, readGitState } from "../../hooks/src/guards/commit/git-state.js";
import { createNodeIO } from "../../hooks/src/runtime/node-io.js";

const io = createNodeIO({ PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: tmpdir() });

function repo() {
  const root = mkdtempSync(join(tmpdir(), "shipshape-git-state-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8" });
  git("init", "-q");
  git("config", "user.email", "t@example.com");
  git("config", "user.name", "T");
  writeFileSync(join(root, "a.txt"), "one\n");
  writeFileSync(join(root, "b.txt"), "two\n");
  git("add", "-A");
  git("commit", "-q", "-m", "Start");
  const key = async () => {
    const state = await readGitState(io, root);
    if (!state) throw new Error("no git state");
    return { tree: state.tree, content: await contentKey(io, state), state };
  };
  return { root, git, key };
}

describe("readGitState and contentKey", () => {
  it("keep the same name while nothing changes, and do not touch the index", async () => {
    const { root, key } = repo();
    const index = statSync(join(root, ".git", "index")).mtimeMs;
    const first = await key();
    expect(first.tree).toMatch(/^[0-9a-f]+$/);
    expect(await key()).toEqual(first);
    expect(statSync(join(root, ".git", "index")).mtimeMs).toBe(index);
  });

  it("keep the staged name once the commit has landed", async () => {
    const { root, git, key } = repo();
    writeFileSync(join(root, "a.txt"), "one, edited\n");
    git("add", "a.txt");
    const before = await key();
    git("commit", "-q", "-m", "Edit");
    expect((await key()).tree).toBe(before.tree);
  });

  it("change the staged name with what is staged, not with unstaged edits", async () => {
    const { root, git, key } = repo();
    const clean = await key();
    writeFileSync(join(root, "a.txt"), "one, edited\n");
    const unstaged = await key();
    expect(unstaged.tree).toBe(clean.tree);
    expect(unstaged.content).not.toBe(clean.content);
    expect(unstaged.state.unstaged).toEqual(["a.txt"]);
    git("add", "a.txt");
    const staged = await key();
    expect(staged.tree).not.toBe(clean.tree);
    expect(staged.state.staged).toEqual(["a.txt"]);
    writeFileSync(join(root, "a.txt"), "one, edited again\n");
    git("add", "a.txt");
    expect((await key()).tree).not.toBe(staged.tree);
    // Back to the first staged content: the same name as before.
    writeFileSync(join(root, "a.txt"), "one, edited\n");
    git("add", "a.txt");
    expect((await key()).tree).toBe(staged.tree);
  });

  it("see untracked files and renames", async () => {
    const { root, git, key } = repo();
    const clean = await key();
    writeFileSync(join(root, "new.txt"), "new\n");
    const untracked = await key();
    expect(untracked.state.untracked).toEqual(["new.txt"]);
    expect(untracked.content).not.toBe(clean.content);
    renameSync(join(root, "b.txt"), join(root, "c d.txt"));
    git("add", "-A");
    const renamed = await key();
    expect(renamed.state.staged.sort()).toEqual(["c d.txt", "new.txt"]);
    expect(renamed.state.untracked).toEqual([]);
  });

  it("name the staged content alike from the index file and from git, in a worktree too", async () => {
    const { root, git } = repo();
    writeFileSync(join(root, "a.txt"), "one, edited\n");
    git("add", "a.txt");
    const runs: string[] = [];
    const watched = (host: typeof io): typeof io => ({ ...host, run: (argv, options) => (runs.push(argv.join(" ")), host.run(argv, options)) });
    const fromFile = await readGitState(watched(io), root);
    expect(runs.filter((run) => run.includes("ls-files"))).toEqual([]);
    const fromGit = await readGitState(watched({ ...io, readBytes: async () => undefined }), root);
    expect(runs.filter((run) => run.includes("ls-files"))).toHaveLength(1);
    expect(fromFile?.tree).toBeDefined();
    expect(fromFile?.tree).toBe(fromGit?.tree);

    const tree = join(mkdtempSync(join(tmpdir(), "shipshape-worktree-")), "wt");
    git("worktree", "add", "-q", tree);
    writeFileSync(join(tree, "b.txt"), "two, in the worktree\n");
    execFileSync("git", ["add", "b.txt"], { cwd: tree });
    runs.length = 0;
    const worktree = await readGitState(watched(io), tree);
    expect(runs.filter((run) => run.includes("ls-files"))).toEqual([]);
    expect(worktree?.staged).toEqual(["b.txt"]);
    expect(worktree?.tree).toBe((await readGitState({ ...io, readBytes: async () => undefined }, tree))?.tree);
  });

  it("answer nothing outside a repository", async () => {
    expect(await readGitState(io, mkdtempSync(join(tmpdir(), "shipshape-no-git-")))).toBeUndefined();
  });
});

describe("parseStatus", () => {
  it.each([
    ["a first commit", "1 A. N... 000000 100644 100644 0000 e69d a.txt\0", { staged: ["a.txt"], unstaged: [], untracked: [] }],
    ["a rename with its origin", "2 R. N... 100644 100644 100644 aa aa R100 new name.txt\0old.txt\0", { staged: ["new name.txt"], unstaged: [], untracked: [] }],
    ["an unmerged path", "u UU N... 100644 100644 100644 100644 h1 h2 h3 x.txt\0", { staged: ["x.txt"], unstaged: ["x.txt"], untracked: [] }],
    ["changes on both sides", "1 MM N... 100644 100644 100644 a b s.ts\0? n.txt\0", { staged: ["s.ts"], unstaged: ["s.ts"], untracked: ["n.txt"] }],
  ])("%s", (_name, stdout, expected) => {
    expect(parseStatus(stdout)).toEqual(expected);
  });
});
