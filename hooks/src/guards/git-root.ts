import type { HostIO } from "../runtime/io.js";
import { trimTrailingSlashes } from "../runtime/paths.js";

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
