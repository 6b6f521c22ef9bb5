/**
 * Aliases in the user's git config that commit (`[alias] ci = commit`): `git ci -m wip` runs a commit
 * whose text names no commit. Config files are read only for a command whose git subcommand git does
 * not ship, so ordinary git calls cost nothing more.
 */
import { onFirstUse } from "../../runtime/on-first-use.js";
import type { HostIO } from "../../runtime/io.js";
import { gitConfigFiles } from "../git-root.js";
import { dirname, toAbsolute } from "../../runtime/paths.js";

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

/** What one git config file says that matters here: its `[alias]` entries and the files it includes. */
export interface GitConfigText {
  /** Names lower-cased (git's are case-insensitive). */
  aliases: Map<string, string>;
  /** `path` of each `[include]` and `[includeIf "…"]`, as written. */
  includes: string[];
}

function unquote(value: string): string {
  const bare = value.replace(/\s+[#;].*$/, "").trim();
  return bare.startsWith('"') && bare.endsWith('"') && bare.length >= 2 ? bare.slice(1, -1).replace(/\\"/g, '"') : bare;
}

/** Parses a git config file's text for aliases and includes. */
export function parseGitConfig(text: string): GitConfigText {
  const aliases = new Map<string, string>();
  const includes: string[] = [];
  let section = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[\s*([^\]\s"]+)(?:\s+"[^"]*")?\s*\]\s*(.*)$/.exec(line);
    if (header) {
      section = (header[1] as string).toLowerCase();
      if (!header[2]) continue;
    }
    const entry = /^([A-Za-z0-9][\w.-]*)\s*=\s*(.*)$/.exec(header ? (header[2] as string) : line);
    if (!entry) continue;
    const name = (entry[1] as string).toLowerCase();
    if (section === "alias") aliases.set(name, unquote(entry[2] as string));
    // includeIf's condition is not evaluated: an alias the condition may leave out is still one the
    // agent could reach (by running git where the condition holds), so it counts.
    else if ((section === "include" || section === "includeif") && name === "path") includes.push(unquote(entry[2] as string));
  }
  return { aliases, includes };
}

/** git stops following includes at this depth; so do we (and a file never includes itself twice). */
const MAX_INCLUDE_DEPTH = 10;

/** The aliases of the system's, user's and repository's git config, includes followed (later files win, as in git). */
export async function gitAliases(io: HostIO, cwd: string, home: string | undefined): Promise<Map<string, string>> {
  const aliases = new Map<string, string>();
  const seen = new Set<string>();
  const read = async (file: string, depth: number): Promise<void> => {
    if (depth > MAX_INCLUDE_DEPTH || seen.has(file)) return;
    seen.add(file);
    const text = await io.readText(file).catch(() => undefined);
    if (!text) return;
    const config = parseGitConfig(text);
    for (const [name, value] of config.aliases) aliases.set(name, value);
    // Relative to the including file's folder, `~/` in the user's home, as git reads them.
    for (const include of config.includes) await read(toAbsolute(include, dirname(file), home), depth + 1);
  };
  for (const file of await gitConfigFiles(io, cwd, home)) await read(file, 0);
  return aliases;
}

/**
 * Aliases defined through the environment, in the hook's (`env`) or by assignments anywhere in the
 * command (`GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=alias.cx GIT_CONFIG_VALUE_0=commit git cx`,
 * `GIT_CONFIG_PARAMETERS="'alias.cx=commit'"`). Read from the text, quotes dropped: an assignment the
 * walk would not credit (after `export`, in a subshell) still counts, as it may reach git.
 */
export function environmentAliases(command: string, env: (name: string) => string | undefined): Map<string, string> {
  const aliases = new Map<string, string>();
  const keys = new Map<string, string>();
  const values = new Map<string, string>();
  const take = (key: string | undefined, value: string | undefined) => {
    const alias = key === undefined || value === undefined ? undefined : /^alias\.(.+)$/i.exec(key.trim());
    if (alias) aliases.set((alias[1] as string).toLowerCase(), value as string);
  };
  const count = Number(env("GIT_CONFIG_COUNT") ?? 0);
  for (let i = 0; i < Math.min(count, 100); i++) take(env(`GIT_CONFIG_KEY_${i}`), env(`GIT_CONFIG_VALUE_${i}`));
  // GIT_CONFIG_PARAMETERS holds what `git -c` passes down: `'alias.cx=commit'` or `'alias.cx'='commit'`.
  const parameters = (text: string) => {
    for (const m of text.matchAll(/'([^']*)'(?:='([^']*)')?/g)) {
      const quoted = m[1] as string;
      const eq = quoted.indexOf("=");
      if (m[2] !== undefined) take(quoted, m[2]);
      else if (eq !== -1) take(quoted.slice(0, eq), quoted.slice(eq + 1));
    }
  };
  parameters(env("GIT_CONFIG_PARAMETERS") ?? "");
  if (!command.includes("GIT_CONFIG_")) return aliases;
  const plain = command.replace(/\\(.)/g, "$1");
  for (const m of plain.matchAll(/GIT_CONFIG_(KEY|VALUE)_(\d+)=("[^"]*"|'[^']*'|\S*)/g)) {
    const text = (m[3] as string).replace(/^(["'])(.*)\1$/, "$2");
    (m[1] === "KEY" ? keys : values).set(m[2] as string, text);
  }
  for (const [index, key] of keys) take(key, values.get(index));
  for (const m of plain.matchAll(/GIT_CONFIG_PARAMETERS=("[^"]*"|\S*)/g)) parameters(m[1] as string);
  return aliases;
}
