/** Lexical path handling (POSIX). Symlinks are resolved separately, through HostIO. */

/** The path without its trailing slashes (all of `/`). A loop: a RegExp costs a compile per hook run. */
export function trimTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
  return end === path.length ? path : path.slice(0, end);
}

export function basename(path: string): string {
  const trimmed = trimTrailingSlashes(path);
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

export function dirname(path: string): string {
  const trimmed = trimTrailingSlashes(path);
  const index = trimmed.lastIndexOf("/");
  if (index <= 0) return "/";
  return trimmed.slice(0, index);
}

/** Collapses `.`, `..` and repeated slashes of an absolute path. */
export function normalizeAbsolute(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return `/${out.join("/")}`;
}

/** Resolves `~`, `~/…` and relative paths against cwd, then normalizes. */
export function toAbsolute(path: string, cwd: string, home: string | undefined): string {
  let p = path;
  if (home && (p === "~" || p.startsWith("~/"))) p = `${home}${p.slice(1)}`;
  if (isWindows(p)) return windowsNames(`/${p.replaceAll("\\", "/")}`);
  // A share (`\\wsl$\Ubuntu\home\me\.env`, `\\server\share\…`), judged by name as `/UNC:/wsl$/Ubuntu/home/me/.env`.
  if (p.startsWith("\\\\")) return windowsNames(`/UNC:${p.replaceAll("\\", "/").slice(1)}`);
  if (!p.startsWith("/")) return isWindows(cwd) ? windowsNames(`/${cwd}/${p}`.replaceAll("\\", "/")) : normalizeAbsolute(`${cwd}/${p}`);
  return normalizeAbsolute(p);
}

/**
 * A Windows path as the file system reads it: each name without its trailing dots and spaces, and
 * without the default data stream's suffix (`.env.`, `.env ` and `.env::$DATA` all open .env).
 */
function windowsNames(path: string): string {
  return normalizeAbsolute(path.replace(/::?\$DATA$/i, "").replace(/(?<=[^/.])[. ]+(?=\/|$)/g, ""));
}

/**
 * A Windows path (`C:\Users\me\.env`), as Claude Code on Windows names files: judged by name as
 * `/C:/Users/me/.env`, so the secret rules match it (look-ups through HostIO find nothing there).
 */
export function isWindows(path: string): boolean {
  const c = path.charCodeAt(2);
  return path.charCodeAt(1) === 58 && (c === 92 || c === 47);
}

/** Whether an absolute path made by toAbsolute is a Windows one (`/C:/…`, a share's `/UNC:/host/…`), which HostIO cannot look at. */
export function onWindowsDrive(path: string): boolean {
  return path.charCodeAt(2) === 58 || path.startsWith("/UNC:/");
}

/** The path relative to base when it lies inside base, else undefined. */
export function relativeTo(base: string, path: string): string | undefined {
  const root = isWindows(base) ? toAbsolute(base, "/", undefined) : normalizeAbsolute(base);
  if (path === root) return "";
  const prefix = root === "/" ? "/" : `${root}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}
