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
  for (const sub of gitSubcommandWords(command)) if (!gitSubcommands().has(sub)) found.add(sub);
  return [...found];
}

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v";
const isWordChar = (c: string | undefined) => c !== undefined && (c === "_" || c === "-" || (c >= "0" && c <= "9") || (c >= "A" && c <= "Z") || (c >= "a" && c <= "z"));

/**
 * The subcommand word of each `git` call in a command's text: `git`, after a start, a blank or one
 * of `;&|(\`$`, then its global options (`-C dir`, `-c k=v`, `--flag`, `--opt=value`), then a word
 * that starts with a letter. A scan rather than a global RegExp: run on every git command, a RegExp
 * executed more than once is compiled twice (V8 tiers it up to machine code on its second run).
 */
export function gitSubcommandWords(command: string): string[] {
  const out: string[] = [];
  let at = command.indexOf("git");
  while (at !== -1) {
    const before = command[at - 1];
    let i = at + 3;
    if (at === 0 || isSpace(before) || ";&|(`$".includes(before as string)) {
      for (;;) {
        let j = i;
        while (isSpace(command[j])) j++;
        if (j === i) break;
        if (command[j] === "-") {
          const valued = (command[j + 1] === "C" || command[j + 1] === "c") && isSpace(command[j + 2]);
          if (valued) {
            let k = j + 2;
            while (isSpace(command[k])) k++;
            if (k === command.length) break;
            while (k < command.length && !isSpace(command[k])) k++;
            i = k;
            continue;
          }
          // `-x`, `--flag`, even `--`: a dash, then word characters and dashes.
          let k = j + 1;
          const nameStart = k;
          while (isWordChar(command[k])) k++;
          if (k === nameStart) break;
          if (command[k] === "=") while (k < command.length && !isSpace(command[k])) k++;
          i = k;
          continue;
        }
        const first = command.charCodeAt(j);
        if ((first >= 65 && first <= 90) || (first >= 97 && first <= 122)) {
          let k = j + 1;
          while (isWordChar(command[k])) k++;
          out.push(command.slice(j, k));
        }
        break;
      }
    }
    at = command.indexOf("git", at + 3);
  }
  return out;
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
