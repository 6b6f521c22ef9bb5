import type { HostIO, PathInfo } from "../../runtime/io.js";
import type { SecretMatch, SecretRules } from "./rules.js";
import { isSecretVariable } from "./command-rules.js";
import { onWindowsDrive } from "../../runtime/paths.js";

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
  /** A pipe, socket or device: reading it may wait for ever, so its contents are never looked at. */
  special?: true;
  realPath?: string;
  size?: number;
}

/** What a stat says about a path, as the secret-file decision needs it. */
export function factsFrom(path: string, info: PathInfo | undefined): FileFacts {
  if (!info) return { exists: false, isDir: false };
  // size on demand: read only where it matters (.pem and git configs), so the decision cache can
  // replay a decision on a file whose size changed (decision-memo.ts remembers the fields read).
  return {
    exists: true,
    isDir: info.kind === "dir",
    ...(info.kind === "other" ? { special: true as const } : {}),
    get size() {
      return info.size;
    },
    ...(info.realPath !== path ? { realPath: info.realPath } : {}),
  };
}

/** PEM blocks that hold nothing secret: certificates, public keys, certificate requests, revocation lists. */
const PUBLIC_PEM = /^(CERTIFICATE|TRUSTED CERTIFICATE|X509 CRL|PUBLIC KEY|RSA PUBLIC KEY|CERTIFICATE REQUEST|NEW CERTIFICATE REQUEST|PKCS7|CMS)$/;

/** Whether a .pem file's text holds only public blocks (a certificate chain), and no private key anywhere. */
export function onlyPublicPem(text: string): boolean {
  const labels = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((m) => m[1] as string);
  return labels.length > 0 && labels.every((label) => PUBLIC_PEM.test(label)) && !/PRIVATE KEY/.test(text);
}

/** The category of git configs with a credential in a URL (categories.ts): found by contents, not name. */
export const GIT_URL_CREDENTIALS = "git-url-credentials";

/** A git config by its path: a repository's (bare, worktree, submodule), the user's, the system's. */
export function isGitConfigPath(path: string): boolean {
  const slash = path.lastIndexOf("/");
  const name = path.slice(slash + 1);
  if (name === ".gitconfig" || name === "gitconfig") return true;
  if (name !== "config" && name !== "config.worktree") return false;
  const dir = path.slice(0, slash);
  return dir.endsWith(".git") || dir.endsWith("/git") || dir.includes("/.git/worktrees/") || dir.includes("/.git/modules/");
}

/**
 * Whether text holds a URL whose user part is a credential: `user:password@`, or a token standing as
 * the user of an http(s) URL (`https://ghp_…@github.com/…`). `ssh://git@host` is no credential.
 */
export function hasCredentialedUrl(text: string): boolean {
  for (const m of text.matchAll(/\b([a-z][a-z0-9+.-]*):\/\/([^\s/@"'<>]+)@/gi)) {
    const user = m[2] as string;
    if (user.includes(":") && !user.endsWith(":")) return true;
    const web = /^https?$/i.test(m[1] as string);
    if (web && /^(gh[pousr]_|github_pat_|glpat-|x-access-token|x-oauth|oauth2|[A-Za-z0-9_-]{30,}$)/.test(user)) return true;
  }
  return false;
}

/** The category of agent and MCP configs with a token written out (categories.ts): found by contents. */
export const AGENT_CONFIG_CREDENTIALS = "agent-config-credentials";

/**
 * Claude Code's settings, Gemini CLI's and Zed's (their MCP servers' env), and the MCP configs of
 * Claude Code, Claude Desktop, Cursor, VS Code, Cline, Windsurf and Codex, by path.
 */
export function isAgentConfigPath(path: string): boolean {
  // String tests first: this runs for every file a call names (no RegExp compiled on a Read of code).
  // Codex keeps its MCP servers' env in TOML.
  if (!path.endsWith(".json")) return path.endsWith("/.codex/config.toml");
  const name = path.slice(path.lastIndexOf("/") + 1);
  return /^(\.?mcp|mcp_config|claude_desktop_config|(cline_)?mcp_settings)\.json$/.test(name) || (name.startsWith("settings") && /\/(\.claude|\.gemini|\.?zed)\/settings(\.local)?\.json$/.test(path));
}

/**
 * Whether a JSON or TOML config writes a secret out: `"GITHUB_TOKEN": "ghp_…"` in an `env`, an `"Authorization"`
 * header. A reference (`"${GITHUB_TOKEN}"`), a path (`"apiKeyHelper": "~/bin/key.sh"`) or a number is none.
 */
export function hasWrittenSecret(text: string): boolean {
  // JSON's `"KEY": "value"`, and TOML's `KEY = "value"` (Codex's config.toml).
  for (const m of text.matchAll(/["']?([A-Za-z_][\w-]*)["']?\s*[:=]\s*(["'])((?:(?!\2)[^\\]|\\.){8,})\2/g)) {
    const name = (m[1] as string).replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/-/g, "_");
    const value = m[3] as string;
    // A URL is judged by hasCredentialedUrl: `postgres://db/app` names no password.
    // A token has no spaces but after its scheme (`Bearer …`): a value with them is a command or prose
    // (`"awsCredentialExport": "aws sts get-session-token …"`).
    if (/^[$<~./]|\$\{|^\d+$|:\/\/|your|xxxx|change.?me|replace|example|placeholder|dummy/i.test(value) || /\s/.test(value.replace(/^(Bearer|Basic|token) /i, "")) || /_(FILE|PATH|HELPER|COMMAND|CMD|VAR|NAME|TYPE)$/i.test(name)) continue;
    if (isSecretVariable(name) || /^(PROXY_)?AUTHORIZATION$/i.test(name)) return true;
  }
  return false;
}

/** The category of shell startup files that export a token (categories.ts): found by contents. */
export const SHELL_PROFILE_SECRETS = "shell-profile-secrets";

/** A shell's startup file (`~/.zshrc`, `~/.bashrc`, fish's config.fish) or Claude Code's snapshot of one, by path. */
export function isShellProfilePath(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (!name.startsWith(".") && !path.endsWith("/fish/config.fish") && !name.startsWith("snapshot-")) return false;
  // A backup kept beside it (`.zshrc.bak`, `.bashrc~`) holds the same lines.
  return /^\.(bash(rc|_profile|_login)|profile|zsh(rc|env)|zprofile|zlogin|kshrc)(\.[\w-]+|~)?$/.test(name) || path.endsWith("/fish/config.fish") || path.includes("/.claude/shell-snapshots/");
}

/**
 * Whether a shell startup file sets a secret-named variable to text written out (`export
 * OPENAI_API_KEY=sk-…`, fish's `set -gx`, csh's `setenv`), not fetched when the shell starts
 * (`export GH_TOKEN=$(gh auth token)`) or a placeholder.
 */
export function hasExportedSecret(text: string): boolean {
  for (const m of text.matchAll(/^[ \t]*(?:export[ \t]+|set[ \t]+-\w*x\w*[ \t]+|setenv[ \t]+)?([A-Za-z_]\w*)(?:=|[ \t]+)["']?([^\s"'$`][^\s"'`]{7,})/gm)) {
    // A URL is judged by hasCredentialedUrl: `postgres://localhost/dev` names no password.
    if (isSecretVariable(m[1] as string) && !/:\/\/|your|xxxx|change.?me|replace|example|placeholder|dummy/i.test(m[2] as string)) return true;
  }
  return false;
}

/** A Kubernetes Secret manifest by name (`k8s/db-secret.yaml`): judged by contents, as a chart's template is none. */
export function isSecretManifestPath(path: string): boolean {
  return path.endsWith("ml") && /secret[^/]*\.ya?ml$/i.test(path);
}

/** A manifest of `kind: Secret` with its values written out (base64 is no protection), not a template. */
function hasSecretManifest(text: string): boolean {
  return /^kind:\s*Secret\s*$/m.test(text) && /^(data|stringData):\s*$/m.test(text) && !text.includes("{{");
}

const CONFIG_READ_LIMIT = 256 * 1024;

/** The rule by which a git config holding the auth header a CI checkout persists is a secret. */
export const AUTH_HEADER = "http.extraheader";

/** A git config with a credential in a URL or header, or an agent config with a token, when its category is on: judged by reading it. */
export async function configWithCredential(io: HostIO, rules: SecretRules, path: string, facts: FileFacts): Promise<SecretFileHit | undefined> {
  const target = facts.realPath ?? path;
  const git = isGitConfigPath(target) || isGitConfigPath(path);
  const manifest = !git && isSecretManifestPath(target);
  const profile = !git && !manifest && (isShellProfilePath(target) || isShellProfilePath(path));
  if (!facts.exists || facts.isDir || facts.special || !(git || manifest || profile || isAgentConfigPath(target) || isAgentConfigPath(path)) || (facts.size ?? Infinity) > CONFIG_READ_LIMIT) return undefined;
  const category = rules.categories.find((c) => c.id === (git ? GIT_URL_CREDENTIALS : manifest ? "credential-stores" : profile ? SHELL_PROFILE_SECRETS : AGENT_CONFIG_CREDENTIALS));
  if (!category || rules.allowed(path) || rules.allowed(target)) return undefined;
  const text = await io.readText(target).catch(() => undefined);
  if (text === undefined) return undefined;
  const url = !manifest && hasCredentialedUrl(text);
  if (!(manifest ? hasSecretManifest(text) : url || (git ? /^\s*extraheader\s*=\s*"?authorization:/im.test(text) : profile ? hasExportedSecret(text) : hasWrittenSecret(text)))) return undefined;
  return { path, ...(facts.realPath ? { realPath: facts.realPath } : {}), match: { category, pattern: git || url ? (url ? "a URL with user:token@" : AUTH_HEADER) : manifest ? "a Kubernetes Secret manifest" : profile ? "a token exported in it" : "a token written out" } };
}

export async function factsOf(io: HostIO, path: string): Promise<FileFacts> {
  return factsFrom(path, await io.stat(path));
}

/**
 * Whether an absolute path is a secret file: by its own name and path, or by where its links lead
 * (a link to a secret is a secret). Directories are never secret files themselves.
 * With `mustExist`, a path where nothing exists is not a secret (reading it leaks nothing), except
 * under /proc: `/proc/self/task/<id>` names Claude Code's threads there and the hook's own here.
 */
export function secretFileFrom(rules: SecretRules, path: string, facts: FileFacts, mustExist: boolean): SecretFileHit | undefined {
  if (facts.isDir) return undefined;
  // A Windows path (`/C:/…`, paths.ts) cannot be looked at from here: judged as if it exists.
  if (mustExist && !facts.exists && !path.startsWith("/proc/") && !onWindowsDrive(path)) return undefined;
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
  const hit = secretFileFrom(rules, path, facts, mustExist) ?? (await configWithCredential(io, rules, path, facts));
  const target = hit?.realPath ?? path;
  if (inspect && hit && facts.exists && hit.match.category.id === "key-material" && /\.pem$/i.test(target) && (facts.size ?? Infinity) <= PEM_READ_LIMIT) {
    const text = await io.readText(target).catch(() => undefined);
    if (text !== undefined && onlyPublicPem(text)) return undefined;
  }
  return hit && (await withoutCredentials(io, hit, facts)) ? undefined : hit;
}

/**
 * A file secret by name whose contents hold no credential after all: a dotenv or credential file
 * whose every value is encrypted (encryptedOnly), a project's .npmrc or .yarnrc.yml of settings
 * alone (`legacy-peer-deps=true`, a registry, or a token by reference, `_authToken=${NPM_TOKEN}`, which
 * npm fills in), a .sentryclirc with no `token=`, or a direnv .envrc that exports no token written out (`use flake`, `dotenv`,
 * `export GH_TOKEN=$(gh auth token)`). Any line of auth, or a URL with a password in it, keeps it one.
 */
export async function withoutCredentials(io: HostIO, hit: SecretFileHit, known?: FileFacts): Promise<boolean> {
  const { pattern } = hit.match;
  const npmrc = pattern === ".npmrc";
  const envrc = pattern === ".envrc";
  // Yarn's and sentry-cli's project files, committed for their settings: a token written in makes them one.
  const yarnrc = pattern === ".yarnrc.yml";
  const sentry = pattern === ".sentryclirc";
  const settings = npmrc || envrc || yarnrc || sentry;
  if (!(settings || /^(dotenv|credential-stores)$/.test(hit.match.category.id))) return false;
  // Looked at only for the files that can be settled by contents (a search finds many a .pem).
  const facts = known ?? (await factsOf(io, hit.path));
  if (!facts.exists || facts.special || (facts.size ?? Infinity) > CONFIG_READ_LIMIT) return false;
  const text = await io.readText(hit.realPath ?? hit.path).catch(() => undefined);
  if (text === undefined) return false;
  if (encryptedOnly(text)) return true;
  const auth = envrc ? hasExportedSecret(text) : (npmrc ? /(_authToken|_auth|_password|username|certfile|keyfile|cert|key)\s*=\s*(?!"?\$\{)\S/i : yarnrc ? /npmAuth(Token|Ident)\s*:\s*(?!["']?\$\{)\S/ : /^\s*token\s*=\s*\S/m).test(text);
  return settings && !auth && !hasCredentialedUrl(text);
}

/**
 * A dotenv, YAML or JSON file whose every value is encrypted (sops' `ENC[…]`, dotenvx's
 * `encrypted:…`), made to be committed and read: nothing shows without the key, which lives elsewhere
 * (`.env.keys`, an age or KMS key). One plain value, or none encrypted, and it is not.
 */
export function encryptedOnly(text: string): boolean {
  let encrypted = 0;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    // sops' own metadata ends the values (its data key is itself encrypted to the recipients).
    if (/^(sops:|"sops"\s*:)/.test(line)) break;
    if (line === "" || line.startsWith("#") || /^(sops_|DOTENV_PUBLIC_KEY)/.test(line)) continue;
    const value = (/^(?:-\s*|"?[\w.-]+"?\s*[:=]\s*)?(.*?),?$/.exec(line)?.[1] ?? "").replace(/^["']|["']$/g, "");
    if (/^[{}[\]]*$/.test(value)) continue;
    if (!/^(ENC\[|encrypted:)/.test(value)) return false;
    encrypted++;
  }
  return encrypted > 0;
}

/**
 * secretFileAt for the path `path` was made from (`written`, relative to `cwd`). The system takes `..`
 * after the link before it (`cat link/../credentials`, `cd link && cat ../credentials`), where `path`
 * took it away by name: when that leads elsewhere, the file there is judged.
 */
export async function secretFileThrough(io: HostIO, rules: SecretRules, written: string, cwd: string, path: string, mustExist: boolean): Promise<SecretFileHit | undefined> {
  const raw = written[0] === "/" ? written : `${cwd}/${written}`;
  const real = raw.includes("..") && /(^|\/)\.\.(\/|$)/.test(raw) ? (await io.stat(raw))?.realPath : undefined;
  return real !== undefined && real !== path ? secretFileAt(io, rules, real, mustExist) : undefined;
}

const PEM_READ_LIMIT = 512 * 1024;
