import type { HostIO, PathInfo } from "../../runtime/io.js";
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

/** What a stat says about a path, as the secret-file decision needs it. */
export function factsFrom(path: string, info: PathInfo | undefined): FileFacts {
  if (!info) return { exists: false, isDir: false };
  return { exists: true, isDir: info.kind === "dir", ...(info.realPath !== path ? { realPath: info.realPath } : {}) };
}

export async function factsOf(io: HostIO, path: string): Promise<FileFacts> {
  return factsFrom(path, await io.stat(path));
}

/**
 * Whether an absolute path is a secret file: by its own name and path, or by where its links lead
 * (a link to a secret is a secret). Directories are never secret files themselves.
 * With `mustExist`, a path where nothing exists is not a secret (reading it leaks nothing).
 */
export function secretFileFrom(rules: SecretRules, path: string, facts: FileFacts, mustExist: boolean): SecretFileHit | undefined {
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

/** secretFileFrom for a path not yet looked at. */
export async function secretFileAt(io: HostIO, rules: SecretRules, path: string, mustExist: boolean): Promise<SecretFileHit | undefined> {
  return secretFileFrom(rules, path, await factsOf(io, path), mustExist);
}
