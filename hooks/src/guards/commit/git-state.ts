import { fnv as fnv32 } from "../../runtime/hash.js";
import type { HostIO } from "../../runtime/io.js";
import { toAbsolute } from "../../runtime/paths.js";
import { workingTreeRoot } from "../git-root.js";
import { lsFilesFromIndex } from "./git-index.js";

export interface GitState {
  root: string;
  /** Names the staged content: a hash of `git ls-files -s` (every path with its mode and object id). */
  tree?: string;
  staged: string[];
  /** Tracked files changed in the working tree but not staged. */
  unstaged: string[];
  untracked: string[];
}

/** The git commands the gate may run, both read-only, so neither ever finds the index locked. */
export const INDEX_ARGS = ["ls-files", "-s", "-z"] as const;
export const STATUS_ARGS = ["--no-optional-locks", "status", "--porcelain=v2", "-z", "--untracked-files=all"] as const;

/** Thrown when a repository is there but `git status` cannot describe it: nothing can be verified. */
export class GitStatusError extends Error {}

/**
 * The repository around `cwd`, or undefined when there is none (git commit would fail by itself).
 * Throws GitStatusError when git cannot report the status of the repository it is in.
 * The root is found on disk and git runs once, directly, for the status: every process a hook starts
 * costs milliseconds on a commit. The staged content is named from the index file itself when
 * git-index.ts can read it, else from `git ls-files -s`: the same text either way. Named from the
 * index's entries rather than from HEAD, the name stays the same once the commit has landed (an amend
 * or an --allow-empty commit right after reuses the verification). Read-only on purpose: `git
 * write-tree` would rewrite the index (its cache-tree) and a plain `git status` refreshes it.
 */
export async function readGitState(io: HostIO, cwd: string): Promise<GitState | undefined> {
  const root = await workingTreeRoot(io, cwd);
  if (!root) return undefined;
  const [entries, status] = await Promise.all([indexEntries(io, root), io.run(["git", ...STATUS_ARGS], { cwd: root, timeoutMs: 10_000 })]);
  if (status.exitCode !== 0) {
    const why = status.timedOut ? "timed out after 10 s" : status.exitCode === null ? "could not run" : `exited with code ${status.exitCode}`;
    const said = status.stderr.trim().split("\n").slice(-3).join(" ").slice(0, 300);
    throw new GitStatusError(`\`git status\` in ${root} ${why}${said ? `: ${said}` : ""}`);
  }
  return { root, ...parseStatus(status.stdout), ...(entries !== undefined ? { tree: fnv(entries) } : {}) };
}

/** The index's entries as `git ls-files -s -z` prints them: read from the file, or asked of git. */
async function indexEntries(io: HostIO, root: string): Promise<string | undefined> {
  const file = await indexFile(io, root);
  const bytes = file ? await io.readBytes(file).catch(() => undefined) : undefined;
  const read = bytes ? lsFilesFromIndex(bytes) : undefined;
  if (read !== undefined) return read;
  const listed = await io.run(["git", ...INDEX_ARGS], { cwd: root, timeoutMs: 10_000 });
  return listed.exitCode === 0 ? listed.stdout : undefined;
}

/** Where the index is: `.git/index`, or in the folder a `.git` file names (worktrees, submodules). */
async function indexFile(io: HostIO, root: string): Promise<string | undefined> {
  // git itself would read another index or repository: leave those to it.
  if (io.env("GIT_INDEX_FILE") || io.env("GIT_DIR")) return undefined;
  const dotGit = `${root}/.git`;
  const info = await io.stat(dotGit);
  if (info?.kind === "dir") return `${dotGit}/index`;
  if (info?.kind !== "file") return undefined;
  const named = /^gitdir: (.+)$/m.exec((await io.readText(dotGit).catch(() => undefined)) ?? "")?.[1]?.trim();
  return named ? `${toAbsolute(named, root, undefined)}/index` : undefined;
}

/** Reads `git status --porcelain=v2 -z` output (see STATUS_ARGS): which paths are staged, changed, new. */
export function parseStatus(stdout: string): Omit<GitState, "root" | "tree"> {
  const state: Omit<GitState, "root" | "tree"> = { staged: [], unstaged: [], untracked: [] };
  const records = stdout.split("\0");
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as string;
    if (record.startsWith("? ")) state.untracked.push(record.slice(2));
    else if (record.startsWith("1 ") || record.startsWith("2 ") || record.startsWith("u ")) {
      const fields = record.split(" ");
      const xy = fields[1] ?? "..";
      // Fields before the path: 1 XY sub mH mI mW hH hI; 2 adds a score; u has three stages and mW.
      const before = record.startsWith("1 ") ? 8 : record.startsWith("2 ") ? 9 : 10;
      const path = fields.slice(before).join(" ");
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
