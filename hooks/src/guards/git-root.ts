import type { HostIO } from "../runtime/io.js";
import { toAbsolute, trimTrailingSlashes } from "../runtime/paths.js";

/** The repository's top as git prints it for `cwd` (`git rev-parse --show-toplevel`); undefined outside one. */
export async function gitTop(io: HostIO, cwd: string): Promise<string | undefined> {
  const out = await io.run(["git", "rev-parse", "--show-toplevel"], { cwd, timeoutMs: 3000 });
  return out.exitCode === 0 && /^\/[^\n]*\n?$/.test(out.stdout) ? out.stdout.trim() : undefined;
}

/**
 * The working tree's root: the nearest folder at or above `cwd` with a `.git` (a folder, or a file in
 * worktrees and submodules); undefined outside a repository. Found on disk, without starting git.
 */
export async function workingTreeRoot(io: HostIO, cwd: string): Promise<string | undefined> {
  let dir = trimTrailingSlashes(cwd) || "/";
  for (;;) {
    if (await io.exists(`${dir === "/" ? "" : dir}/.git`)) return dir;
    if (dir === "/") return undefined;
    dir = dir.slice(0, dir.lastIndexOf("/")) || "/";
  }
}

/**
 * The repository's own config files: `.git/config`, or, where `.git` is a file (a worktree, a
 * submodule), the config of the git folder it points to and of the repository it shares.
 */
async function repositoryConfigFiles(io: HostIO, root: string): Promise<string[]> {
  const dotGit = `${root === "/" ? "" : root}/.git`;
  const info = await io.stat(dotGit);
  if (info?.kind !== "file") return [`${dotGit}/config`];
  const pointer = /^gitdir:\s*(.+?)\s*$/m.exec((await io.readText(dotGit).catch(() => undefined)) ?? "");
  if (!pointer) return [];
  const gitDir = toAbsolute(pointer[1] as string, root, undefined);
  const common = ((await io.readText(`${gitDir}/commondir`).catch(() => undefined)) ?? "").trim();
  const commonDir = common === "" ? gitDir : toAbsolute(common, gitDir, undefined);
  return [`${commonDir}/config`, `${gitDir}/config.worktree`];
}

/** The git config files a repository at or above `cwd` reads (aliases, URLs): system, user, XDG, repository. */
export async function gitConfigFiles(io: HostIO, cwd: string, home: string | undefined): Promise<string[]> {
  const files: string[] = [];
  if (!io.env("GIT_CONFIG_NOSYSTEM")) files.push(io.env("GIT_CONFIG_SYSTEM") || "/etc/gitconfig");
  if (home) files.push(`${home}/.gitconfig`);
  const xdg = io.env("XDG_CONFIG_HOME") || (home ? `${home}/.config` : undefined);
  if (xdg) files.push(`${xdg}/git/config`);
  const global = io.env("GIT_CONFIG_GLOBAL");
  if (global) files.push(global);
  const root = await workingTreeRoot(io, cwd);
  if (root !== undefined) files.push(...(await repositoryConfigFiles(io, root)));
  return files;
}

