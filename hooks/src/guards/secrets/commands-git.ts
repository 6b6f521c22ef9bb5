/** git: object reads (`git show HEAD:.env`), history that prints contents, git grep, commit -F. */

import { UNKNOWN, type Arg } from "../../shell/expand.js";
import { onFirstUse } from "../../runtime/on-first-use.js";
import { toAbsolute } from "../../runtime/paths.js";
import { gitConfigFiles, workingTreeRoot } from "../git-root.js";
import { NAMES_ONLY, copy as copyState, quoteWord, textOf, type Analyzer, type State } from "./analysis-types.js";
import { GIT_NON_READING, GIT_READING, GIT_VALUE_OPTIONS } from "./command-rules.js";
import { notIgnored, orHere, tracked } from "./commands-search.js";
import { copy } from "./commands-transfer.js";
import { preCommitHooks } from "./commands-recipes.js";
import { hasOption, optionValues, parseOptions, type OptionSpec } from "./options.js";
import type { Finding } from "./refusal.js";
import type { SecretMatch } from "./rules.js";
import { AUTH_HEADER } from "./secret-files.js";
import { gitRevisionCommand } from "./token-printers.js";
import { EVERYTHING } from "./tree-search.js";

export async function git(a: Analyzer, args: Arg[], state: State): Promise<void> {
  let i = 0;
  const own: State = { ...state };
  // git pointed at another repository or index (`--git-dir`, `GIT_DIR=…`): listing what it prints
  // from here would list the wrong one.
  // includes() first: the RegExp, run for every git call, would be compiled twice (V8 tiers it up).
  let elsewhere = a.text.includes("GIT_") && /\bGIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|NAMESPACE|COMMON_DIR)\b/.test(a.text);
  let hooksPath: string | undefined;
  while (i < args.length && (args[i] as Arg).text.startsWith("-")) {
    const option = (args[i] as Arg).text;
    if (/^--(git-dir|work-tree|namespace)(=|$)/.test(option)) elsewhere = true;
    if (GIT_VALUE_OPTIONS.has(option) && i + 1 < args.length) {
      const pair = args[i + 1] as Arg;
      const eq = pair.text.indexOf("=");
      if (option === "-c" && eq > 0) await configRuns(a, pair.text.slice(0, eq), { ...pair, text: pair.text.slice(eq + 1) }, state);
      if (option === "-c" && /^core\.hookspath=/i.test(pair.text)) hooksPath = pair.text.slice(eq + 1);
      if (option === "-C") {
        const dir = args[i + 1] as Arg;
        own.cwd = dir.text.includes(UNKNOWN) || state.cwd === undefined ? undefined : toAbsolute(dir.text, state.cwd, a.env.ctx.home);
      }
      i += 2;
    } else i += 1;
  }
  const sub = args[i]?.text ?? "";
  const after = args.slice(i + 1);
  // (Looked at only when a word is unknown: most git commands have none.)
  const rest = after.some((w) => w.text.includes(UNKNOWN)) ? (await Promise.all(after.map((w) => revision(a, w, state)))).filter((w) => w !== undefined) : after;
  // A remote reached through `ext::` (`git clone 'ext::sh -c cat% .env'`) is a command git runs, its
  // output read as the remote's answer and shown in the error; `% ` is a space there, `%%` a percent.
  for (const url of rest) if (url.text.startsWith("ext::")) await a.source(extCommand(url.text.slice(5)), copyState(state), "The command of git's `ext::` remote");
  // The hooks git runs for the command (`.git/hooks/pre-commit`, or core.hooksPath's) print here:
  // each is read as a script on disk is.
  // (A string test: a RegExp here would be compiled on every git command's first call.)
  if (" commit push checkout switch merge pull rebase am cherry-pick revert ".includes(` ${sub} `) && own.cwd !== undefined) await hooks(a, own, hooksPath);
  const commit = sub === "commit" ? parseOptions(rest, commitOptions()) : undefined;
  // `git commit -a`, `-am "…"` (the a before any letter that takes a value), or `git commit <paths>`.
  const committed = commit ? commit.operands.map((w) => w.text) : [];
  if (sub === "add" || sub === "stage" || committed.length > 0 || (sub === "commit" && rest.some((w) => w.text === "--all" || /^-[qsvnezpS]*a/.test(w.text)))) await staged(a, sub, rest, own, elsewhere, committed);
  const hunks = offeredHunks(sub, rest);
  // Named as written (`git add -i`), for the refusal.
  if (hunks) await printedByRevisions(a, "diff", hunks, own, elsewhere, `git ${sub} ${rest.find((w) => /^-(p|i|-patch|-interactive)$/.test(w.text))?.text ?? "-p"}`);
  // Later git output in the same call can no longer be listed in advance (printedByRevisions).
  // So does a name made or moved to a commit (`git tag -f v1 <commit> && git show v1`), but not a listing of
  // names, and a repository made where none was (`git clone . /tmp/c && git -C /tmp/c log -p`).
  const names = (sub === "branch" || sub === "tag") && rest.some((w) => !w.text.startsWith("-")) && !rest.some((w) => /^(-[lvdD]|--(list|delete|contains|merged|no-merged|points-at))$/.test(w.text));
  if (CHANGES_WHAT_GIT_HOLDS.has(sub) || names || " update-ref clone init ".includes(` ${sub} `) || (sub === "worktree" && rest[0]?.text === "add") || (sub === "stash" && rest[0]?.text !== "show" && rest[0]?.text !== "list")) a.gitChanged = true;
  if (commit) {
    for (const file of optionValues(commit, "-F", "--file", "-t", "--template")) {
      if (file.text !== "-") await a.file(file, own, "`git commit -F` puts into a commit message");
    }
    return;
  }
  // `git notes add -F .env`, `git tag -a v1 -F .env`: a message git keeps and prints.
  if (sub === "notes" || sub === "tag" || sub === "merge" || sub === "commit-tree") {
    for (const file of optionValues(parseOptions(rest, { valueShort: "Fmu", valueLong: ["--file", "--message"] }), "-F", "--file")) if (file.text !== "-") await a.file(file, own, `\`git ${sub} -F\` puts into a message`);
  }
  // `git update-index --add .env` stages a file as `git add -f` does, ignored or not; a flag set on an
  // entry (--assume-unchanged) or its removal stages nothing.
  if (sub === "update-index" && own.cwd !== undefined && (rest.some((w) => w.text === "--add") || !rest.some((w) => /^--(force-remove|remove|(no-)?(assume-unchanged|skip-worktree)|chmod=.*)$/.test(w.text)))) {
    for (const path of rest) {
      const match = path.text.startsWith("-") ? undefined : a.env.rules.classify(toAbsolute(path.text, own.cwd, a.env.ctx.home));
      if (match) a.findings.push(stagedSecret("update-index", path.raw, match));
    }
  }
  if (sub === "grep") {
    const parsed = parseOptions(rest, { valueShort: "efmABC", valueLong: ["--regexp", "--file", "--max-count", "--after-context", "--before-context", "--context", "--max-depth", "--threads"] });
    const patternGiven = hasOption(parsed, "-e", "--regexp", "-f", "--file");
    const operands = patternGiven ? parsed.operands : parsed.operands.slice(1);
    if (hasOption(parsed, ...NAMES_ONLY, "--name-only")) return;
    // `git --git-dir=… --work-tree=… grep`: another repository's files, which a tree here does not show.
    if (elsewhere) return a.dynamic(`git grep ${rest.map((w) => w.raw).join(" ")}`, "`git grep`, pointed at another repository, searches the files of");
    // `git grep KEY HEAD~1`, `git grep KEY old-branch` search that revision's files, a secret committed
    // then among them (an operand that is no path here is a revision to git, or an error).
    const revisions: Arg[] = [];
    for (const w of operands) if (isRevision(w.text) || (own.cwd !== undefined && !w.text.includes(UNKNOWN) && !(await a.env.ctx.io.exists(toAbsolute(w.text, own.cwd, a.env.ctx.home))))) revisions.push(w);
    for (const revision of revisions) await printedByRevisions(a, "archive", [revision], own, elsewhere, `git grep … ${revision.raw}`);
    const pathspecs = operands.filter((w) => !revisions.includes(w));
    const untracked = hasOption(parsed, "--untracked");
    const noIndex = hasOption(parsed, "--no-index");
    // --untracked searches what git does not ignore (unless --no-exclude-standard), --no-index every
    // file (unless --exclude-standard): an ignored .env only then.
    const excludes = untracked ? !hasOption(parsed, "--no-exclude-standard") : hasOption(parsed, "--exclude-standard");
    const extra = !untracked && !noIndex ? (found: Finding[]) => tracked(a, found, own) : excludes && !a.ignoreTouched ? (found: Finding[]) => notIgnored(a, found, own, noIndex) : undefined;
    const roots = orHere(pathspecs);
    for (const root of roots) await a.tree(root, own, { ...EVERYTHING, skipIgnored: !noIndex && (!untracked || excludes) }, `\`git grep\` over \`${root.raw}\``, extra);
    return;
  }
  if (sub === "credential" || sub.startsWith("credential-")) return;
  // Commands git runs for the user: `git config alias.x '!…'`, `rebase --exec`, `bisect run`, `submodule foreach`, `difftool -x`.
  if (sub === "config") {
    const parsed = parseOptions(rest, { valueShort: "f", valueLong: ["--file", "--blob", "--type", "--default", "--comment", "--value"] });
    const [first, second, third] = parsed.operands;
    const [key, value] = first?.text === "set" ? [second, third] : [first, second];
    if (key && value) await configRuns(a, key.text, value, state);
    // `git config -f ~/.aws/credentials --list` prints what it parses of any file it is given.
    else for (const file of optionValues(parsed, "-f", "--file")) await a.file(file, own, "`git config -f` prints");
  }
  const execs = sub === "rebase" || sub === "difftool" ? optionValues(parseOptions(rest, { valueShort: "x", valueLong: ["--exec", "--extcmd"] }), "-x", "--exec", "--extcmd") : [];
  for (const code of execs) await configRuns(a, "--exec", code, state);
  const runs = sub === "bisect" && rest[0]?.text === "run" ? rest.slice(1) : sub === "submodule" && rest[0]?.text === "foreach" ? rest.slice(1).filter((w) => w.text !== "--recursive") : [];
  if (runs.length > 0) await configRuns(a, "--exec", { text: runs.map((w) => w.text).join(" "), raw: runs.map((w) => w.raw).join(" ") }, state);
  // `git remote -v`, `git config --list`, `git ls-remote --get-url` print the URLs of the config
  // files git reads: refused when one holds a credential (secret-files.ts, by contents).
  const prints = printsUrls(sub, rest);
  if (prints) {
    const before = a.findings.length;
    for (const file of await gitConfigFiles(a.env.ctx.io, own.cwd ?? "/", a.env.ctx.home)) {
      await a.file({ text: file, raw: file }, own, `\`git ${sub}\` prints the ${prints === "urls" ? "URLs" : "settings"} of`);
    }
    // `git remote -v` prints the URLs alone, not the auth header beside them.
    if (prints === "urls") a.findings.splice(before, Infinity, ...a.findings.slice(before).filter((f) => f.kind !== "file" || f.hit.match.pattern !== AUTH_HEADER));
    return;
  }
  // `git cat-file -t HEAD`, `-s HEAD:.env`: an object's type, size or presence, not its contents.
  if (sub === "cat-file" && rest.some((w) => /^(-[tse]|--batch-check)$/.test(w.text))) return;
  // `git cat-file -p main`: a commit's, tree's or tag's text (ids, names, a message), not a file's, as git
  // tells; not when the call may first make or move what the name points to (`git tag -f t $(git hash-object -w .env)`).
  const object = sub === "cat-file" && own.cwd !== undefined ? rest[rest.length - 1] : undefined;
  if (object && !/[:\0]|^-/.test(object.text)) {
    const settled = !a.gitChanged && !/hash-object|update-ref|\btag\b|branch|replace|mkt(ag|ree)|commit-tree|fetch/.test(a.text);
    const told = settled ? await a.env.ctx.io.run(["git", "cat-file", "-t", object.text], { cwd: own.cwd as string, timeoutMs: 3000 }) : undefined;
    if (/^(commit|tree|tag)\n/.test(told?.stdout ?? "")) return;
    return a.unchecked("prints an object that may be a file's contents (a blob); name it as `REV:path` instead", "`git cat-file`");
  }
  // `REV:path` names a file in history; reading commands print it.
  for (const arg of rest) {
    // REV:path, :path (the index) and :N:path (a merge stage).
    const match = /^(?:[^:-][^:]*|:\d)?:(?!\/\/)(.*)$/.exec(arg.text);
    if (match && !arg.text.startsWith("-") && !MAGIC.test(arg.text)) {
      await a.file({ ...arg, text: match[1] || "." }, { ...own, cwd: own.cwd }, `\`git ${sub}\` prints the committed`);
    }
  }
  // `git stash show -p [stash] [-- path]` prints the stashed changes of what it names (an ignored
  // .env is stashed by `git stash -a`).
  if (sub === "stash" && rest[0]?.text === "show") return printedPaths(a, "stash show", rest.slice(1), state, own, elsewhere);
  // `git mv .env notes.txt` renames a tracked secret to a name no rule guards, as mv does.
  if (sub === "mv") return copy(a, "mv", rest.filter((w) => !/^-(f|k|n|v|-force|-dry-run|-verbose)$/.test(w.text)), own);
  if (GIT_NON_READING.has(sub)) return;
  // The plumbing diffs print modes, hashes and names, unless asked for patches (`git diff-index -p HEAD`).
  if (sub.startsWith("diff-")) return rest.some((w) => PATCH.test(w.text)) ? printedPaths(a, sub, rest, state, own, elsewhere) : undefined;
  // `git log`, `whatchanged` and `reflog` print no contents unless asked for patches, or searching them (`-S`).
  if ((sub === "log" || sub === "whatchanged" || sub === "reflog") && !rest.some((w) => PATCH.test(w.text) || PICKAXE.test(w.text))) return;
  if (GIT_READING.has(sub) || !sub) return printedPaths(a, sub, rest, state, own, elsewhere);
  await a.readsAll(rest, own, `\`git ${sub}\` reads`);
}

/**
 * `git add .env`, `git add -A` beside a .env neither tracked nor ignored, `git add -f` of an ignored
 * one, `git commit -a` with a tracked secret changed: the secret goes into a commit, and from there to
 * every clone and remote. git is asked what the command would stage (`add --dry-run`, or the tracked
 * changes `commit -a` takes), and each path is judged.
 */
async function staged(a: Analyzer, sub: string, rest: Arg[], own: State, elsewhere: boolean, committed: string[]): Promise<void> {
  const root = own.cwd === undefined || elsewhere || rest.some((w) => w.text.includes(UNKNOWN)) ? undefined : await workingTreeRoot(a.env.ctx.io, own.cwd);
  if (!root) return;
  // `git commit <paths>` takes those paths' changes, staged or not.
  const argv = sub === "commit" ? ["git", "diff", "--name-only", ...(committed.length > 0 ? ["HEAD", "--", ...committed] : [])] : ["git", "add", "--dry-run", ...rest.map((w) => w.text).filter((t) => !/^(-n|--dry-run|-p|--patch|-i|--interactive|-e|--edit)$/.test(t))];
  const listed = await a.env.ctx.io.run(argv, { cwd: own.cwd as string, timeoutMs: 5000 });
  if (listed.timedOut) a.unchecked("stages files git could not list in time; name the paths you mean", `\`git ${sub}\``);
  const paths = listed.stdout.split("\n").map((line) => (sub === "commit" ? line : /^add '(.*)'$/.exec(line)?.[1]) ?? "").filter(Boolean).map((p) => `${root}/${p}`);
  // `cp .env.example .env && git add -A`: a secret an earlier command makes is not there for the dry run.
  // Only where the add reaches: a pathspec at or above it, or -A over the whole tree (-u adds no new file).
  const specs = rest.filter((w) => !w.text.startsWith("-")).map((w) => toAbsolute(w.text, own.cwd as string, a.env.ctx.home));
  const reaches = (p: string) => (specs.length === 0 ? rest.some((w) => /^(-A|--all)$/.test(w.text)) : specs.some((s) => p === s || p.startsWith(`${s}/`)));
  const made = [...a.made].filter((p) => sub !== "commit" && reaches(p) && a.env.rules.classify(p) && !paths.includes(p));
  const ignored = made.length === 0 || rest.some((w) => /^(-f|--force)$/.test(w.text)) ? "" : (await a.env.ctx.io.run(["git", "check-ignore", "--", ...made], { cwd: root, timeoutMs: 5000 })).stdout;
  for (const path of [...paths, ...made.filter((p) => !ignored.split("\n").includes(p))]) {
    const match = a.env.rules.classify(path);
    if (match) a.findings.push(stagedSecret(sub, path, match));
  }
}

/** The finding for a secret file a git command stages (`git add .env`, `git update-index --add .env`). */
function stagedSecret(sub: string, path: string, match: SecretMatch): Finding {
  return { kind: "file", hit: { path, match }, how: `\`git ${sub}\` puts into the repository (and every clone of it)`, instead: "stage the other paths by name and add the secret to .gitignore, or ask the user." };
}

/** Whether a git command prints configured URLs: remote -v/show/get-url, config listings and url keys, ls-remote --get-url. */
function printsUrls(sub: string, rest: Arg[]): "urls" | "all" | undefined {
  const texts = rest.map((w) => w.text);
  if (sub === "remote") return texts.some((t) => t === "-v" || t === "--verbose" || t === "get-url" || t === "show") ? "urls" : undefined;
  if (sub === "ls-remote") return texts.includes("--get-url") ? "urls" : undefined;
  if (sub === "var") return texts.includes("-l") ? "all" : undefined;
  if (sub !== "config") return undefined;
  // git 2.46's subcommands: `git config list`, `git config get [--all] [--regexp] KEY`.
  const words = texts[0] === "get" ? texts.slice(1) : texts;
  if (words.some((t) => /^(-l|--list|--get-regexp|--get-urlmatch|--regexp|--url(=.*)?|list)$/.test(t))) return "all";
  // Reading a key (one operand, no value) that holds a URL or a header.
  const operands = words.filter((t) => !t.startsWith("-"));
  const key = operands.length === 1 ? (operands[0] as string) : "";
  return /extraheader/i.test(key) ? "all" : /url|^remote\.|insteadof/i.test(key) ? "urls" : undefined;
}

/** Options that make git print patches, the files' contents, rather than names or counts. */
const PATCH = /^(-p|-u|--patch.*|-U\d*|--unified(=.*)?|--word-diff.*|--color-words.*|--cc|-c|--full-diff|-W|--function-context|--ext-diff|--textconv)$|^-[a-zA-Z]*p[a-zA-Z]*$/;
/** Options by which git log tells, commit by commit, what a file held, even without a patch. */
const PICKAXE = /^(-L.*|-G.*|-S.*|--pickaxe-regex|--follow-renames-patch)$/;

/** The paths a printing subcommand (show, diff, log …) names, past revisions and stash names. */
async function printedPaths(a: Analyzer, sub: string, rest: Arg[], state: State, own: State, elsewhere = false): Promise<void> {
  const parsed = parseOptions(rest, { valueShort: "nSGLUXo", valueLong: ["--format", "--pretty", "--author", "--since", "--until", "--grep", "-L", "--output"] });
  // `-L 1,5:.env` and `-L:func:.env` print the history of lines of the file after the last colon.
  for (const range of optionValues(parsed, "-L")) {
    const file = range.text.slice(range.text.lastIndexOf(":") + 1);
    if (file !== "") await a.file({ ...range, text: file }, own, `\`git ${sub} -L\` prints lines of`);
  }
  // `--stat`, `--name-only` and the like print names and counts: no contents, unless a patch is asked too.
  const texts = rest.map((w) => w.text);
  const patch = texts.some((t) => PATCH.test(t) && !(sub === "stash show" && t === "-u"));
  if (!patch && texts.some((t) => /^(--stat(=.*)?|--numstat|--shortstat|--dirstat(=.*)?|--name-only|--name-status|--raw|--summary|-s|--no-patch|--quiet|--exit-code|--check)$/.test(t))) return;
  // `git stash show` prints a diffstat unless asked for the patch or set to (stash.showPatch, here or
  // in the command: `git -c stash.showPatch=true`).
  if (sub === "stash show" && !patch && own.cwd !== undefined && !/showpatch/i.test(a.text)) {
    const set = await a.env.ctx.io.run(["git", "config", "--bool", "stash.showPatch"], { cwd: own.cwd, timeoutMs: 3000 });
    if (!set.timedOut && set.stdout.trim() !== "true") return;
  }
  // An operand before `--` that is no path here is a revision to git (`git show feature`), or an error;
  // one it could not be had for (`$(git rev-parse X)` elsewhere) is a revision all the same.
  const dash = rest.findIndex((w) => w.text === "--");
  const paths: Arg[] = [];
  for (const operand of parsed.operands) {
    const path = dash !== -1 && rest.indexOf(operand) > dash;
    if (path || !(isRevision(operand.text) || /^-\d+$/.test(operand.text) || gitRevisionCommand(operand.raw) || (sub !== "blame" && sub !== "annotate" && !(await here(a, operand, own))))) paths.push(operand);
  }
  // No path named, or one with a pathspec's magic (`':!.env'` leaves it out): what prints is whatever
  // the revisions (or the working tree) hold, which git lists. (`REV:path` operands are objects, judged above.)
  if (sub !== "blame" && sub !== "annotate" && (paths.length === 0 ? !parsed.operands.some((o) => o.text.includes(":")) : paths.some((p) => MAGIC.test(p.text)))) {
    await printedByRevisions(a, sub, rest, own, elsewhere);
    return;
  }
  for (const operand of paths) {
    if (state.cwd === undefined || operand.text.includes(UNKNOWN)) {
      await a.file(operand, own, `\`git ${sub}\` prints`);
      continue;
    }
    const info = await a.env.ctx.io.stat(toAbsolute(operand.text, own.cwd ?? "/", a.env.ctx.home));
    if (info?.kind === "dir") await a.tree(operand, own, EVERYTHING, `\`git ${sub}\` over \`${operand.raw}\``, (found) => tracked(a, found, own));
    else await a.file(operand, own, `\`git ${sub}\` prints`);
  }
}

/**
 * `git diff $(git merge-base HEAD main)`: the revision that read-only git command prints, had by
 * running it where the shell runs it (not in `git -C`'s folder), so what the diff prints can be
 * listed (an empty one, unquoted, leaves no word); any other word as it is.
 */
async function revision(a: Analyzer, w: Arg, state: State): Promise<Arg | undefined> {
  const found = w.text.includes(UNKNOWN) && state.cwd !== undefined ? gitRevisionCommand(w.raw) : undefined;
  const out = found && (await a.env.ctx.io.run(found.argv, { cwd: state.cwd as string, timeoutMs: 3000 }));
  const value = out && !out.timedOut ? out.stdout.replace(/\n+$/, "") : "\n";
  if (!found || !/^[\w~^@{}/.-]*$/.test(value)) return w;
  const text = found.before + value + found.after;
  return text === "" && !found.quoted ? undefined : { ...w, text };
}

/**
 * Whether a word names something here (or may: an unknown one), as git asks of an operand before `--`;
 * a secret's name counts, though missing (no branch is named `.env`).
 */
async function here(a: Analyzer, w: Arg, own: State): Promise<boolean> {
  const path = own.cwd === undefined || w.text.includes(UNKNOWN) || /[*?[]/.test(w.text) ? undefined : toAbsolute(w.text, own.cwd, a.env.ctx.home);
  return path === undefined || a.env.rules.classify(path) !== undefined || (await a.env.ctx.io.exists(path));
}

async function hooks(a: Analyzer, own: State, set: string | undefined): Promise<void> {
  const { io, home } = a.env.ctx;
  const root = await workingTreeRoot(io, own.cwd as string);
  if (!root) return;
  for (const file of set === undefined ? await gitConfigFiles(io, root, home) : []) set = /^\s*hookspath\s*=\s*"?(.*?)"?\s*$/im.exec((await io.readText(file).catch(() => undefined)) ?? "")?.[1] ?? set;
  const dir = set === undefined ? `${root}/.git/hooks` : toAbsolute(set, root, home);
  // With those this command line writes first (`echo 'cat .env' > .git/hooks/pre-commit && git commit …`).
  const names = [...((await io.list(dir)) ?? []).map((entry) => `${dir}/${entry.name}`), ...[...a.written.keys()].filter((path) => path.startsWith(`${dir}/`))];
  for (const path of names) if (!path.endsWith(".sample")) await a.scriptFile({ text: path, raw: path }, own);
  // pre-commit's hook (`pre-commit hook-impl …`) runs the local hooks its config names.
  for (const path of names) if (!path.endsWith(".sample") && ((await textOf(a, path)) ?? "").includes("hook-impl")) return preCommitHooks(a, root);
}

/**
 * The `git diff` arguments listing the hunks `git add -p` (`checkout`, `restore`, `reset`, `stash`,
 * `commit`) offers: each prints them, and with no one to answer prints the first before it stops.
 */
function offeredHunks(sub: string, rest: Arg[]): Arg[] | undefined {
  const spec = sub === "commit" ? "mFCct" : sub === "restore" ? "s" : sub === "stash" ? "m" : "";
  const parsed = parseOptions(sub === "stash" && /^(push|save)$/.test(rest[0]?.text ?? "") ? rest.slice(1) : rest, { valueShort: spec, valueLong: ["--message", "--file", "--source", "--template", "--reuse-message", "--reedit-message", "--author", "--date", "--fixup", "--squash", "--trailer"] });
  if (!hasOption(parsed, "-p", "--patch", "--interactive", ...(sub === "add" || sub === "stage" ? ["-i"] : []))) return undefined;
  const arg = (text: string): Arg => ({ text, raw: text });
  const paths = [arg("--"), ...parsed.operands];
  if (sub === "add" || sub === "stage" || sub === "commit") return paths;
  if (sub === "stash") return [arg("HEAD"), ...paths];
  // reset and checkout take a revision before their paths, as git diff does.
  if (sub === "reset") return [arg("--cached"), ...parsed.operands];
  if (sub === "checkout") return parsed.operands;
  if (sub === "restore") return [...(hasOption(parsed, "-S", "--staged") ? [arg("--cached")] : []), ...optionValues(parsed, "-s", "--source"), ...paths];
  return undefined;
}

/** git commit's options that take a value, so its operands (the paths it commits) can be told apart. */
const commitOptions = onFirstUse((): OptionSpec => ({ valueShort: "mFcCt", valueLong: ["--message", "--file", "--template", "--reuse-message", "--reedit-message", "--author", "--date", "--fixup", "--squash", "--trailer", "--cleanup", "--pathspec-from-file"] }));

/** git subcommands that change the index, the commits, the branches fetched or the working tree's tracked files. */
const CHANGES_WHAT_GIT_HOLDS = new Set(["add", "stage", "commit", "mv", "rm", "apply", "am", "merge", "cherry-pick", "revert", "rebase", "reset", "checkout", "restore", "switch", "pull", "fetch", "update-index", "read-tree", "notes", "replace"]);

function isRevision(text: string): boolean {
  return text.includes(":") || /^[0-9a-f]{7,40}$/.test(text) || /^(HEAD|ORIG_HEAD|FETCH_HEAD|MERGE_HEAD|@)([~^].*)?$/.test(text) || /^stash@\{\d+\}$|^\d+$/.test(text) || text.includes("..");
}

/** A pathspec's magic (`:!.env`, `:^x`, `:(exclude)x`, `:(top)x`, `:/x`), which git reads, not a path or a `REV:path`. */
const MAGIC = /^:[!^(/]/;

/** Options that shape how changes print, dropped when git is asked which files a command prints. */
const PRINT_SHAPE =
  /^(-p|-u|--patch|--patch-with-stat|--patch-with-raw|--stat(=.*)?|--numstat|--shortstat|--dirstat(=.*)?|--summary|--raw|--name-only|--name-status|--word-diff(=.*)?|--color-words(=.*)?|--color(=.*)?|--no-color|-U\d*|--unified(=.*)?|--stdout|--cc|-c|-m|--full-diff|--format(=.*)?|--pretty(=.*)?|--oneline|--graph|--decorate(=.*)?|--ext-diff|--textconv|--binary|-W|--function-context|-z|--cover-letter|--numbered|--signoff|--no-stat|--output(=.*)?|-o|--prefix(=.*)?)$/;

/**
 * `git diff`, `git show HEAD`, `git log -p`, `git format-patch --stdout`, `git stash show -p`, `git
 * archive HEAD` with no path named print the files the revisions touch or hold, which may be a
 * tracked secret (a committed .env). git is asked for their names (the same command, names only), and
 * each is judged; a listing that cannot be had is refused, since the guard cannot rule it out.
 */
async function printedByRevisions(a: Analyzer, sub: string, rest: Arg[], own: State, elsewhere: boolean, label = `git ${sub}`): Promise<void> {
  // `git archive HEAD -o app.tar`, `git format-patch -1`: the same files, copied into new ones no rule guards.
  const writesFile = rest.some((w) => /^(-o|--output(=.*)?)$/.test(w.text)) || (sub === "format-patch" && !rest.some((w) => w.text === "--stdout"));
  const how = `\`${label}\` ${writesFile ? "copies into a file" : "prints"}`;
  // `git add -f .env && git diff --cached`: listed now, the diff would not show what the add stages.
  if (a.gitChanged) {
    a.unchecked("prints what an earlier command in it changes in git, which cannot be listed before it runs; run them as separate calls, or name the paths you need", `\`${label}\``);
    return;
  }
  if (own.cwd === undefined || elsewhere || rest.some((w) => w.text.includes(UNKNOWN))) {
    a.dynamic(`${label} ${rest.map((w) => w.raw).join(" ")}`.trim(), `${how} the files of`);
    return;
  }
  // git prints paths from the working tree's root.
  const root = await workingTreeRoot(a.env.ctx.io, own.cwd);
  // No repository: git prints nothing, unless the folder is made on the way (`cp -r . /tmp/c && git -C /tmp/c log -p`).
  if (!root && !(await a.env.ctx.io.exists(own.cwd))) a.unchecked("runs in a folder that is not there yet, so what it prints cannot be listed; run them as separate calls", `\`${label}\``);
  if (!root) return;
  // (`git stash show -u` is --include-untracked, not a patch.)
  const kept = rest.filter((w, i) => (!PRINT_SHAPE.test(w.text) || (sub === "stash show" && w.text === "-u")) && !/^(-o|--output)$/.test(rest[i - 1]?.text ?? "")).map((w) => w.text);
  const revisions = kept.filter((t) => !t.startsWith("-"));
  let argv: string[];
  if (sub.startsWith("diff")) argv = ["git", sub, "--name-only", ...(sub === "diff-tree" ? ["-r", "--no-commit-id"] : []), ...kept];
  else if (sub === "stash show") argv = ["git", "stash", "show", "--name-only", ...kept];
  else if (sub === "archive") argv = ["git", "ls-tree", "-r", "--name-only", revisions[0] ?? "HEAD"];
  else if (sub === "format-patch") {
    // `format-patch -3` and `format-patch origin/main` (the commits since) as git log ranges.
    const range = revisions.length === 1 && !revisions[0]?.includes("..") && !/^-\d+$/.test(revisions[0] ?? "") ? [`${revisions[0]}..HEAD`] : revisions;
    argv = ["git", "log", "--name-only", "--format=", ...kept.filter((t) => /^-\d+$/.test(t)), ...range];
  } else {
    // fast-export prints every blob its revisions reach: the files git log lists for them.
    argv = ["git", sub === "whatchanged" || sub === "fast-export" ? "log" : sub, "--name-only", "--format=", ...kept];
  }
  const listed = await a.env.ctx.io.run(argv, { cwd: own.cwd, timeoutMs: 5000 });
  if (listed.timedOut) {
    a.unchecked(`prints files git could not list in time (${argv.slice(1).join(" ")}); name the paths you need`, `\`${label}\``);
    return;
  }
  if (listed.exitCode !== 0) {
    // A revision that does not exist fails the command itself the same way: nothing prints.
    if (/unknown revision|bad revision|ambiguous argument|does not have any commits|not a valid object name|bad object|No stash entries|is not a stash/i.test(listed.stderr)) return;
    // Otherwise the guard may have read the command wrong: refuse rather than guess.
    a.unchecked(`prints files git would not list (\`${argv.slice(1).join(" ")}\`: ${listed.stderr.trim().split("\n")[0] ?? ""}); name the paths you need`, `\`${label}\``);
    return;
  }
  for (const line of new Set(listed.stdout.split("\n"))) {
    if (line === "") continue;
    const path = `${root}/${line}`;
    const match = a.env.rules.classify(path);
    if (match) {
      a.findings.push({
        kind: "file",
        hit: { path, match },
        how: `${how} (${/ -[-pi]/.test(label) ? "the hunks it offers" : "with no path named, every file the revisions touch"}, among them)`,
        instead: `name the paths you need so the secret file is left out (\`${label} -- src/\`), or ask the user.`,
      });
    }
  }
}

/**
 * The command line of an `ext::` remote, quoted for a shell: git splits it at spaces, `% ` being a
 * space within a word and `%%` a percent (`%s` and the like, the service's name, stand as `x`).
 */
function extCommand(spec: string): string {
  const words: string[] = [];
  let word = "";
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i] as string;
    const next = spec[i + 1] ?? "";
    if (c === "%") {
      word += next === " " || next === "%" ? next : "x";
      i += 1;
    } else if (c === " ") {
      words.push(word);
      word = "";
    } else word += c;
  }
  return [...words, word].map(quoteWord).join(" ");
}

/** git config keys whose value git runs as a shell command; an alias without `!` is git's own arguments. */
const RUNS = /^(alias\.|core\.(pager|editor|sshcommand|askpass|fsmonitor)$|pager\.|diff\.(external$|.*\.(textconv|command)$)|merge\..*\.driver$|filter\..*\.(clean|smudge|process)$|credential\.(.*\.)?helper$|sequence\.editor$|gpg\.(.*\.)?program$|interactive\.difffilter$|uploadpack\.packobjectshook$|--exec$)/i;

/** A command git will run (`-c core.pager='cat .env'`, `git config alias.x '!cat .env'`, `rebase --exec`), read as the command it is. */
async function configRuns(a: Analyzer, key: string, value: Arg, state: State): Promise<void> {
  // `git -c include.path=~/.aws/credentials config -l`: a file read as configuration, which an INI
  // credentials file is, and listed.
  if (/^include(if\..*)?\.path$/i.test(key)) return a.file(value, state, `\`${key}\` has git read as configuration (and \`git config -l\` print)`);
  if (!RUNS.test(key)) return;
  const how = `The command git runs from \`${key}\``;
  if (value.text.includes(UNKNOWN)) a.dynamic(value.raw, how);
  else await a.source(/^alias\./i.test(key) && !value.text.startsWith("!") ? `git ${value.text}` : value.text.replace(/^!/, ""), copyState(state), how);
}
