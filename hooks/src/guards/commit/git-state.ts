import { fnv as fnv32 } from "../../runtime/hash.js";
import type { HostIO } from "../../runtime/io.js";

export interface GitState {
  root: string;
  /** A hash of the staged content (`git ls-files -s`: every path with its mode and object id). */
  tree?: string;
  staged: string[];
  /** Tracked files changed in the working tree but not staged. */
  unstaged: string[];
  untracked: string[];
}

/** The working tree's root: the nearest folder with a `.git` (a folder, or a file in worktrees and submodules). */
async function findRoot(io: HostIO, cwd: string): Promise<string | undefined> {
  let dir = cwd.replace(/\/+$/, "") || "/";
  for (;;) {
    if (await io.exists(`${dir === "/" ? "" : dir}/.git`)) return dir;
    if (dir === "/") return undefined;
    dir = dir.slice(0, dir.lastIndexOf("/")) || "/";
  }
}

/**
 * The repository around `cwd`, or undefined when there is none (git commit would fail by itself).
 * The root is found on disk and one shell runs both git commands: every process a hook starts costs
 * milliseconds on a commit.
 */
export async function readGitState(io: HostIO, cwd: string): Promise<GitState | undefined> {
  const root = await findRoot(io, cwd);
  if (!root) return undefined;
  // Read-only on purpose: `git write-tree` would rewrite the index (its cache-tree) and `git status`
  // refreshes it; the staged content is named by hashing `ls-files -s` instead, and status runs with
  // --no-optional-locks, so a git command the user runs at the same time never finds the index locked.
  const script = 'git ls-files -s | git hash-object --stdin 2>/dev/null; printf "\\n"; git --no-optional-locks status --porcelain=v2 -z --untracked-files=all';
  const result = await io.run(["sh", "-c", script], { cwd: root, timeoutMs: 10_000 });
  if (result.exitCode !== 0) return undefined;
  const newline = result.stdout.indexOf("\n\n");
  const tree = result.stdout.slice(0, Math.max(newline, 0)).trim();
  const state: GitState = { root, staged: [], unstaged: [], untracked: [], ...(tree !== "" ? { tree } : {}) };
  const records = result.stdout.slice(newline + 2).split("\0");
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as string;
    if (record.startsWith("? ")) state.untracked.push(record.slice(2));
    else if (record.startsWith("1 ") || record.startsWith("2 ") || record.startsWith("u ")) {
      const fields = record.split(" ");
      const xy = fields[1] ?? "..";
      const path = record.startsWith("1 ") ? fields.slice(8).join(" ") : record.startsWith("2 ") ? fields.slice(9).join(" ") : fields.slice(10).join(" ");
      if (record.startsWith("2 ")) i += 1; // a rename carries its original path as the next record
      if (xy[0] !== ".") state.staged.push(path);
      if (xy[1] !== ".") state.unstaged.push(path);
    }
  }
  return state;
}

/** Two independent 32-bit hashes: a content key should not collide across a whole project's history. */
export function fnv(text: string): string {
  return `${fnv32(text)}${fnv32(`\u0001${text}`)}`;
}

/**
 * Identifies the content verification runs on, without touching the index or the working tree: the
 * staged content (the same before and after the commit lands), and the size and time of each unstaged
 * or untracked file, standing for its contents as they do in git's own index. The same key means the
 * same files, so a pass can be reused.
 */
export async function contentKey(io: HostIO, state: GitState): Promise<string | undefined> {
  const tree = state.tree;
  if (!tree) return undefined;
  const changed: string[] = [];
  for (const path of [...state.unstaged, ...state.untracked].slice(0, 5000)) {
    const info = await io.stat(`${state.root}/${path}`);
    changed.push(`${path}:${info?.size ?? -1}:${info?.mtimeMs ?? -1}`);
  }
  return `${tree}:${fnv(changed.join("\n"))}`;
}
