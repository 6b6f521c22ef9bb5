/**
 * The file-system look-ups behind the command hooks' HostIO, synchronous. The decision cache
 * (decision-memo.ts) checks a remembered decision by repeating the look-ups it made, so node-io.ts and
 * the loader must call these same functions: a look-up that answered differently than the decision
 * saw is what tells the loader to decide afresh.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import type { DirEntry, EntryKind, PathInfo } from "./io.js";

function kindOf(stats: Stats): EntryKind {
  if (stats.isFile()) return "file";
  if (stats.isDirectory()) return "dir";
  return "other";
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // ENAMETOOLONG: no file can have that name (a long word in a command is seldom a path).
  return code === "ENOENT" || code === "ENOTDIR" || code === "ELOOP" || code === "ENAMETOOLONG";
}

export function statPath(path: string): PathInfo | undefined {
  // throwIfNoEntry: a missing path is the common case, and building an Error costs more than the stat.
  let link: Stats | undefined;
  try {
    link = lstatSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  if (!link) return undefined;
  if (!link.isSymbolicLink()) {
    // A folder on the way may still be a link (keys -> ~/.ssh): the real path decides what it is.
    let realPath = path;
    try {
      realPath = realpathSync.native(path);
    } catch {
      // Unresolvable: judge the path as written.
    }
    return { kind: kindOf(link), isLink: false, realPath, size: link.size, mtimeMs: link.mtimeMs };
  }
  try {
    const target = statSync(path, { throwIfNoEntry: false });
    if (!target) return undefined;
    return { kind: kindOf(target), isLink: true, realPath: realpathSync.native(path), size: target.size, mtimeMs: target.mtimeMs };
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

export function pathExists(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

export function listDir(dir: string): DirEntry[] | undefined {
  try {
    return readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const isLink = entry.isSymbolicLink();
      let kind: EntryKind = entry.isFile() ? "file" : entry.isDirectory() ? "dir" : "other";
      if (isLink) {
        try {
          kind = kindOf(statSync(`${dir}/${entry.name}`));
        } catch {
          kind = "other";
        }
      }
      return { name: entry.name, kind, isLink };
    });
  } catch {
    return undefined;
  }
}

export function readTextFile(path: string): string | undefined {
  const fd = openRegular(path);
  if (fd === undefined) return path === "/dev/null" ? "" : undefined;
  try {
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}

export function readBytesFile(path: string): Uint8Array | undefined {
  const fd = openRegular(path);
  if (fd === undefined) return path === "/dev/null" ? new Uint8Array() : undefined;
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * A file opened to read, or undefined where nothing is. A named pipe, socket or device is refused with
 * an error (the call is then refused, saying so): reading a pipe waits for a writer, a hook would hang
 * until its timeout, and /dev/zero never ends. (/dev/null reads as empty, above.)
 */
function openRegular(path: string): number | undefined {
  // A missing file is common (git's system and XDG configs, a project without shipshape.yaml), and
  // the Error openSync builds for one costs more than an lstat first.
  if (path === "/dev/null" || !pathExists(path)) return undefined;
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  if (fstatSync(fd).isFile()) return fd;
  closeSync(fd);
  throw new Error(`${path} is a pipe, socket or device, not a file: shipshape will not read it`);
}
