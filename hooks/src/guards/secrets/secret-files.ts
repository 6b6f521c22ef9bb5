import type { HostIO } from "../../runtime/io.js";
import type { SecretMatch, SecretRules } from "./rules.js";

export interface SecretFileHit {
  /** The path as the tool call named it (absolute). */
  path: string;
  /** Where it leads when it is a symlink. */
  realPath?: string;
  match: SecretMatch;
}

export interface FileFacts {
  exists: boolean;
  isDir: boolean;
  realPath?: string;
}

export async function factsOf(io: HostIO, path: string): Promise<FileFacts> {
  const info = await io.stat(path);
  if (!info) return { exists: false, isDir: false };
  return { exists: true, isDir: info.kind === "dir", ...(info.realPath !== path ? { realPath: info.realPath } : {}) };
}

/**
 * Whether an absolute path is a secret file: by its own name and path, or by where its links lead
 * (a link to a secret is a secret). Directories are never secret files themselves.
 * With `mustExist`, a path where nothing exists is not a secret (reading it leaks nothing).
 */
export async function secretFileAt(
  io: HostIO,
  rules: SecretRules,
  path: string,
  mustExist: boolean,
): Promise<SecretFileHit | undefined> {
  const facts = await factsOf(io, path);
  if (facts.isDir) return undefined;
  if (mustExist && !facts.exists) return undefined;
  const direct = rules.classify(path);
  if (direct) return { path, match: direct, ...(facts.realPath ? { realPath: facts.realPath } : {}) };
  if (facts.realPath) {
    const viaLink = rules.classify(facts.realPath);
    if (viaLink) return { path, realPath: facts.realPath, match: viaLink };
  }
  return undefined;
}
