/**
 * Aliases in the user's git config that commit (`[alias] ci = commit`): `git ci -m wip` runs a commit
 * whose text names no commit. Config files are read only for a command whose git subcommand git does
 * not ship, so ordinary git calls cost nothing more.
 */
import { onFirstUse } from "../../runtime/on-first-use.js";
import type { HostIO } from "../../runtime/io.js";
import { workingTreeRoot } from "../git-root.js";

/** git's own subcommands (and common extensions): these are never aliases, as git runs its own first. */
const gitSubcommands = onFirstUse(
  () =>
    new Set(
  (
    "add am annotate apply archive bisect blame branch bundle cat-file check-attr check-ignore check-mailmap checkout " +
    "checkout-index cherry cherry-pick citool clean clone column commit commit-graph commit-tree config count-objects " +
    "credential daemon describe diff diff-files diff-index diff-tree difftool fast-export fast-import fetch filter-branch " +
    "for-each-ref format-patch fsck gc grep gui hash-object help init instaweb interpret-trailers log ls-files ls-remote " +
    "ls-tree maintenance merge merge-base merge-file mergetool mktag mktree mv name-rev notes pack-refs prune pull push " +
    "range-diff read-tree rebase reflog remote repack replace request-pull rerere reset restore rev-list rev-parse revert " +
    "rm send-email shortlog show show-branch show-ref sparse-checkout stage stash status submodule switch symbolic-ref tag " +
    "update-index update-ref var verify-commit verify-pack verify-tag version whatchanged worktree write-tree lfs flow"
  ).split(" "),
    ),
);

/** Subcommands of git calls in a command's text that git does not ship, so may be aliases. */
export function unknownSubcommands(command: string): string[] {
  const found = new Set<string>();
  // `git`, its global options (with a value for -C/-c), then the subcommand.
  for (const match of command.matchAll(/(?:^|[\s;&|(`$])git((?:\s+(?:-[Cc]\s+\S+|--?[\w-]+(?:=\S*)?))*)\s+([A-Za-z][\w-]*)/g)) {
    const sub = match[2] as string;
    if (!gitSubcommands().has(sub)) found.add(sub);
  }
  return [...found];
}

/** The `[alias]` entries of a git config file's text, names lower-cased (git's are case-insensitive). */
export function parseAliases(text: string): Map<string, string> {
  const aliases = new Map<string, string>();
  let inAlias = false;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const section = /^\[\s*([^\]\s"]+)(?:\s+"[^"]*")?\s*\]\s*(.*)$/.exec(line);
    if (section) {
      inAlias = (section[1] as string).toLowerCase() === "alias";
      if (!section[2]) continue;
    }
    if (!inAlias) continue;
    const entry = /^([A-Za-z0-9][\w-]*)\s*=\s*(.*)$/.exec(section ? (section[2] as string) : line);
    if (!entry) continue;
    let value = (entry[2] as string).replace(/\s+[#;].*$/, "").trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1).replace(/\\"/g, '"');
    aliases.set((entry[1] as string).toLowerCase(), value);
  }
  return aliases;
}

/** The git config files that may define aliases for a repository at or above `cwd`: user, XDG, repository. */
async function configFiles(io: HostIO, cwd: string, home: string | undefined): Promise<string[]> {
  const files: string[] = [];
  if (home) files.push(`${home}/.gitconfig`);
  const xdg = io.env("XDG_CONFIG_HOME") || (home ? `${home}/.config` : undefined);
  if (xdg) files.push(`${xdg}/git/config`);
  const global = io.env("GIT_CONFIG_GLOBAL");
  if (global) files.push(global);
  const root = await workingTreeRoot(io, cwd);
  if (root !== undefined) files.push(`${root === "/" ? "" : root}/.git/config`);
  return files;
}

/** The aliases of the user's and the repository's git config (later files win, as in git). */
export async function gitAliases(io: HostIO, cwd: string, home: string | undefined): Promise<Map<string, string>> {
  const aliases = new Map<string, string>();
  for (const file of await configFiles(io, cwd, home)) {
    const text = await io.readText(file).catch(() => undefined);
    if (text) for (const [name, value] of parseAliases(text)) aliases.set(name, value);
  }
  return aliases;
}
