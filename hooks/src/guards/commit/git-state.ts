import { fnv as fnv32 } from "../../runtime/hash.js";
import type { HostIO } from "../../runtime/io.js";

export interface GitState {
  root: string;
  staged: string[];
  /** Tracked files changed in the working tree but not staged. */
  unstaged: string[];
  untracked: string[];
}

async function git(io: HostIO, cwd: string, args: string[]): Promise<string | undefined> {
  const result = await io.run(["git", ...args], { cwd, timeoutMs: 10_000 });
  return result.exitCode === 0 ? result.stdout : undefined;
}

/** The repository around `cwd`, or undefined when there is none (git commit would fail by itself). */
export async function readGitState(io: HostIO, cwd: string): Promise<GitState | undefined> {
  const root = (await git(io, cwd, ["rev-parse", "--show-toplevel"]))?.trim();
  if (!root) return undefined;
  const status = await git(io, root, ["status", "--porcelain=v2", "-z", "--untracked-files=all"]);
  const state: GitState = { root, staged: [], unstaged: [], untracked: [] };
  if (status === undefined) return state;
  const records = status.split("\0");
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
 * Identifies the content verification runs on, without touching the index or the working tree:
 * the index as a tree object (`git write-tree` only adds objects), the unstaged diff, and the
 * untracked files' sizes and times. The same key means the same files, so a pass can be reused.
 */
export async function contentKey(io: HostIO, state: GitState): Promise<string | undefined> {
  const tree = (await git(io, state.root, ["write-tree"]))?.trim();
  if (!tree) return undefined;
  const diff = await git(io, state.root, ["diff", "--no-ext-diff", "--binary"]);
  if (diff === undefined) return undefined;
  const untracked: string[] = [];
  for (const path of state.untracked.slice(0, 5000)) {
    const info = await io.stat(`${state.root}/${path}`);
    untracked.push(`${path}:${info?.size ?? -1}:${info?.mtimeMs ?? -1}`);
  }
  return `${tree}:${fnv(diff)}:${fnv(untracked.join("\n"))}`;
}
