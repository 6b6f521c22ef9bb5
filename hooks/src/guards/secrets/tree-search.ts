import type { HostIO } from "../../runtime/io.js";
import { globMatch } from "./glob.js";
import type { SecretRules } from "./rules.js";
import { configWithCredential, factsOf, isAgentConfigPath, isGitConfigPath, isSecretManifestPath, isShellProfilePath, withoutCredentials, type SecretFileHit } from "./secret-files.js";
import { toAbsolute, trimTrailingSlashes } from "../../runtime/paths.js";

/** What a recursive search would read, as far as its own filters say. */
export interface SearchFilter {
  /** File-name globs the search is limited to (empty: every file). */
  include: string[];
  /** File-name globs it skips. */
  exclude: string[];
  /** Directory-name globs it does not enter. */
  excludeDirs: string[];
  /**
   * Path globs (relative to the root) it is limited to, as rg -g and the Grep tool's glob. As in
   * ripgrep, a file or folder one matches is searched even when hidden or ignored.
   */
  includePaths: string[];
  /**
   * Globs in command-line order, the last one a file matches deciding whether it is read: grep's
   * --include (true) and --exclude against the name; with `rulePaths`, rg's -g globs (`!` excluding)
   * against the path. A file none matches is read when `fallback` says so.
   */
  rules: Array<[include: boolean, glob: string]>;
  rulePaths?: boolean;
  fallback?: boolean;
  /** Hidden files and folders are skipped (rg's default). */
  skipHidden: boolean;
  /** Follow symlinked folders (grep -R). */
  followLinks: boolean;
  /**
   * The search skips what git ignores (rg, ag, fd, git grep, the Grep tool): a tree too large to walk
   * whole is walked again without the folders git ignores (a project's node_modules).
   */
  skipIgnored?: boolean;
}

export const EVERYTHING: SearchFilter = {
  include: [],
  exclude: [],
  excludeDirs: [],
  includePaths: [],
  rules: [],
  skipHidden: false,
  followLinks: false,
};

export type SearchResult = { kind: "hits"; hits: SecretFileHit[] } | { kind: "too-large"; visited: number };

/** Bounds that keep the walk inside the hook's time budget on a large tree. */
export const WALK_LIMIT = 40_000;
const MAX_DEPTH = 40;

function selected(filter: SearchFilter, name: string, relative: string): boolean {
  if (filter.include.length > 0 && !filter.include.some((g) => globMatch(g, name))) return false;
  if (filter.exclude.some((g) => globMatch(g, name))) return false;
  let read = filter.fallback ?? true;
  for (const [include, g] of filter.rules) if (filter.rulePaths ? pathGlob(g, relative, name) : globMatch(g, name)) read = include;
  return read;
}

/** rg and the Grep tool: a glob without a slash matches the name at any depth. */
function pathGlob(glob: string, relative: string, name: string): boolean {
  const pattern = glob.replace(/^\.\//, "");
  return pattern.includes("/") ? globMatch(pattern, relative) || globMatch(`**/${pattern}`, relative) : globMatch(pattern, name);
}

/** Folders listed at once: in-process each listing is a round trip through Claude Code, and they overlap. */
const LIST_BATCH = 32;

interface Folder {
  dir: string;
  relative: string;
  depth: number;
}

/**
 * Walks a folder the way a recursive search would and returns the secret files it would read.
 * Stops with "too-large" past WALK_LIMIT entries: the guard then cannot rule a leak out. Level by
 * level, listing up to LIST_BATCH folders at a time.
 */
export async function secretsUnder(io: HostIO, rules: SecretRules, root: string, filter: SearchFilter): Promise<SearchResult> {
  const result = await walk(io, rules, root, filter);
  if (result.kind === "hits") return result;
  // Not when links are followed, or a glob may take back an ignored file: git lists neither.
  const listing = async () => (filter.followLinks || filter.includePaths.length > 0 ? undefined : listedByGit(io, rules, root, filter));
  if (!filter.skipIgnored) return (await listing()) ?? result;
  const ignored = await ignoredFolders(io, root);
  const again = ignored.size > 0 ? await walk(io, rules, root, filter, ignored) : result;
  return again.kind === "hits" ? again : ((await listing()) ?? again);
}

/**
 * The secret files among those git lists under `root`: what a search reads of a tree too large to
 * walk (a project's node_modules, a monorepo). With skipIgnored, the tracked files and the untracked
 * ones git does not ignore; else every file, ignored too, and the repository's own config (`grep -r`
 * walks into .git). Undefined when git cannot list them all (no repository, a timeout, a nested
 * repository or submodule, whose files it does not list).
 */
async function listedByGit(io: HostIO, rules: SecretRules, root: string, filter: SearchFilter): Promise<SearchResult | undefined> {
  const listed = await io.run(["git", "ls-files", "-z", "--cached", "--others", ...(filter.skipIgnored ? ["--exclude-standard"] : [])], { cwd: root, timeoutMs: 5000 });
  if (listed.exitCode !== 0 || listed.timedOut || listed.truncated || /(^|\0)[^\0]*\/\0/.test(listed.stdout) || (await io.exists(`${root}/.gitmodules`))) return undefined;
  const hits: SecretFileHit[] = [];
  const all = new Set(listed.stdout.split("\0"));
  if (!filter.skipIgnored) all.add(".git/config");
  for (const rel of all) {
    const parts = rel.split("/");
    const name = parts.pop() ?? "";
    if (name === "" || !selected(filter, name, rel) || parts.some((p) => filter.excludeDirs.some((g) => globMatch(g, p)))) continue;
    if (filter.skipHidden && (name.startsWith(".") || parts.some((p) => p.startsWith("."))) && !filter.includePaths.some((g) => pathGlob(g, rel, name))) continue;
    const hit = await fileHit(io, rules, `${trimTrailingSlashes(root)}/${rel}`, name, false);
    if (hit) hits.push(hit);
  }
  return { kind: "hits", hits };
}

/** The folders git ignores under `root`, whole (`node_modules/`); none when git cannot tell. */
async function ignoredFolders(io: HostIO, root: string): Promise<Set<string>> {
  const listed = await io.run(["git", "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"], { cwd: root, timeoutMs: 3000 });
  if (listed.exitCode !== 0 || listed.timedOut) return new Set();
  return new Set(listed.stdout.split("\0").filter((p) => p.endsWith("/")).map((p) => toAbsolute(p.slice(0, -1), root, undefined)));
}

async function walk(io: HostIO, rules: SecretRules, root: string, filter: SearchFilter, ignored?: ReadonlySet<string>): Promise<SearchResult> {
  const hits: SecretFileHit[] = [];
  let visited = 0;
  const seen = new Set<string>();
  let level: Folder[] = [{ dir: trimTrailingSlashes(root) || "/", relative: "", depth: 0 }];
  while (level.length > 0) {
    const deeper: Folder[] = [];
    for (let start = 0; start < level.length; start += LIST_BATCH) {
      const batch = level.slice(start, start + LIST_BATCH);
      const listings = await Promise.all(batch.map((folder) => io.list(folder.dir)));
      for (const [index, entries] of listings.entries()) {
        const { dir, relative, depth } = batch[index] as Folder;
        for (const entry of entries ?? []) {
          visited += 1;
          if (visited > WALK_LIMIT) return { kind: "too-large", visited };
          const path = dir === "/" ? `/${entry.name}` : `${dir}/${entry.name}`;
          const rel = relative === "" ? entry.name : `${relative}/${entry.name}`;
          if (filter.skipHidden && entry.name.startsWith(".") && !filter.includePaths.some((g) => pathGlob(g, rel, entry.name))) continue;
          if (entry.kind === "dir") {
            if (entry.isLink && !filter.followLinks) continue;
            // An ignored folder a glob names itself is searched, as in ripgrep (`-g 'node_modules/**'`).
            if (filter.excludeDirs.some((g) => globMatch(g, entry.name)) || (ignored?.has(path) && !filter.includePaths.some((g) => pathGlob(g, rel, entry.name) || pathGlob(g, `${rel}/_`, "_")))) continue;
            // Deeper than any project goes (or a loop of folders): refused as too large, not skipped.
            if (depth >= MAX_DEPTH) return { kind: "too-large", visited };
            if (entry.isLink) {
              const info = await io.stat(path);
              if (!info || seen.has(info.realPath)) continue;
              seen.add(info.realPath);
            }
            deeper.push({ dir: path, relative: rel, depth: depth + 1 });
            continue;
          }
          // Searches and archivers skip links met inside the tree unless told to follow them.
          if (entry.isLink && !filter.followLinks) continue;
          if (!selected(filter, entry.name, rel)) continue;
          const hit = await fileHit(io, rules, path, entry.name, entry.isLink);
          if (hit) hits.push(hit);
        }
      }
    }
    level = deeper;
  }
  return { kind: "hits", hits };
}

/** The secret a file a search reads is, by its name, by what it holds (a config), or where its link leads. */
async function fileHit(io: HostIO, rules: SecretRules, path: string, name: string, isLink: boolean): Promise<SecretFileHit | undefined> {
  const direct = rules.classify(path);
  if (direct) return (await withoutCredentials(io, { path, match: direct })) ? undefined : { path, match: direct };
  // A git or agent config is judged by what it holds (a token in a URL, in `env`): `grep -r github .`
  // prints it. (Its name was judged just above; a link is still followed below.)
  if (isGitConfigPath(path) || isAgentConfigPath(path) || isSecretManifestPath(name) || isShellProfilePath(path)) {
    const byContents = await configWithCredential(io, rules, path, await factsOf(io, path));
    if (byContents) return byContents;
  }
  if (!isLink) return undefined;
  const info = await io.stat(path);
  const viaLink = info && info.kind === "file" ? rules.classify(info.realPath) : undefined;
  return info && viaLink ? { path, realPath: info.realPath, match: viaLink } : undefined;
}

/**
 * The paths git's ignore patterns match, asked in `cwd` (ripgrep, and so the Grep tool, skip them,
 * tracked or not: hence --no-index; `patternsOnly` false leaves tracked files out, as git itself
 * does); none when git cannot tell (no repository, a path outside it), so that every hit stays.
 */
export async function gitIgnored(io: HostIO, paths: string[], cwd: string, patternsOnly = true): Promise<Set<string>> {
  const result = await io.run(["git", "check-ignore", ...(patternsOnly ? ["--no-index"] : []), "--", ...paths], { cwd, timeoutMs: 3000 });
  if (result.exitCode !== 0 && result.exitCode !== 1) return new Set();
  return new Set(result.stdout.split("\n").filter(Boolean).map((p) => toAbsolute(p, cwd, undefined)));
}

/**
 * The name globs in exclude files (`grep --exclude-from=.gitignore`, `rsync --exclude-from`, `tar -X`):
 * lines that are a bare name or glob (`.env`, `*.pem`), which each tool matches at any depth. Lines
 * with a `/` or `!`, and comments, are left out: the search is taken to read what they name.
 */
export async function excludedNames(io: HostIO, files: string[]): Promise<string[]> {
  const names: string[] = [];
  for (const file of files) {
    const lines = ((await io.stat(file))?.size ?? 1e6) < 65536 ? ((await io.readText(file)) ?? "").split("\n").map((l) => l.trim()) : [];
    // rsync reads a lone `!` as "forget the patterns so far", and `+ name` as an include, which takes back what later lines leave out.
    if (lines.includes("!") || lines.some((l) => /^\+[ _,]/.test(l))) return [];
    names.push(...lines.filter((l) => l !== "" && !/[/!#\\]/.test(l)));
  }
  return names;
}
