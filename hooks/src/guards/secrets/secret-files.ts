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
  size?: number;
}

/** What a stat says about a path, as the secret-file decision needs it. */
export function factsFrom(path: string, info: PathInfo | undefined): FileFacts {
  if (!info) return { exists: false, isDir: false };
  return { exists: true, isDir: info.kind === "dir", size: info.size, ...(info.realPath !== path ? { realPath: info.realPath } : {}) };
}

/** PEM blocks that hold nothing secret: certificates, public keys, certificate requests, revocation lists. */
const PUBLIC_PEM = /^(CERTIFICATE|TRUSTED CERTIFICATE|X509 CRL|PUBLIC KEY|RSA PUBLIC KEY|CERTIFICATE REQUEST|NEW CERTIFICATE REQUEST|PKCS7|CMS)$/;

/** Whether a .pem file's text holds only public blocks (a certificate chain), and no private key anywhere. */
export function onlyPublicPem(text: string): boolean {
  const labels = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((m) => m[1] as string);
  return labels.length > 0 && labels.every((label) => PUBLIC_PEM.test(label)) && !/PRIVATE KEY/.test(text);
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

/**
 * secretFileFrom for a path not yet looked at. With `inspect`, a `.pem` that exists is also read: a
 * certificate chain (`fullchain.pem`, `ca.pem`) holds no secret, and reading one is ordinary TLS work;
 * a file with any private key block, or none the guard knows, stays secret. Only for a call that does
 * nothing but read it (a file tool): a shell command could swap the file between this look and its read
 * (`mv server.key fullchain.pem && cat fullchain.pem`).
 */
export async function secretFileAt(io: HostIO, rules: SecretRules, path: string, mustExist: boolean, inspect = false): Promise<SecretFileHit | undefined> {
  const facts = await factsOf(io, path);
  const hit = secretFileFrom(rules, path, facts, mustExist);
  const target = hit?.realPath ?? path;
  if (inspect && hit && facts.exists && hit.match.category.id === "key-material" && /\.pem$/i.test(target) && (facts.size ?? Infinity) <= PEM_READ_LIMIT) {
    const text = await io.readText(target).catch(() => undefined);
    if (text !== undefined && onlyPublicPem(text)) return undefined;
  }
  return hit;
}

const PEM_READ_LIMIT = 512 * 1024;
