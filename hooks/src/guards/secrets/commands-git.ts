/** git: object reads (`git show HEAD:.env`), history that prints contents, git grep, commit -F. */

import { UNKNOWN, type Arg } from "../../shell/expand.js";
import { toAbsolute } from "../../runtime/paths.js";
import { NAMES_ONLY, type Analyzer, type State } from "./analysis-types.js";
import { GIT_NON_READING, GIT_READING, GIT_VALUE_OPTIONS } from "./command-rules.js";
import { tracked } from "./commands-search.js";
import { copy } from "./commands-transfer.js";
import { hasOption, optionValues, parseOptions } from "./options.js";
import { EVERYTHING } from "./tree-search.js";

export async function git(a: Analyzer, args: Arg[], state: State): Promise<void> {
  let i = 0;
  const own: State = { ...state };
  while (i < args.length && (args[i] as Arg).text.startsWith("-")) {
    const option = (args[i] as Arg).text;
    if (GIT_VALUE_OPTIONS.has(option) && i + 1 < args.length) {
      if (option === "-C") {
        const dir = args[i + 1] as Arg;
        own.cwd = dir.text.includes(UNKNOWN) || state.cwd === undefined ? undefined : toAbsolute(dir.text, state.cwd, a.env.ctx.home);
      }
      i += 2;
    } else i += 1;
  }
  const sub = args[i]?.text ?? "";
  const rest = args.slice(i + 1);
  if (sub === "commit") {
    for (const file of optionValues(parseOptions(rest, { valueShort: "mFcCt", valueLong: ["--message", "--file", "--template", "--reuse-message", "--reedit-message", "--author", "--date", "--fixup", "--squash", "--trailer", "--pathspec-from-file"] }), "-F", "--file", "-t", "--template")) {
      if (file.text !== "-") await a.file(file, own, "`git commit -F` puts into a commit message");
    }
    return;
  }
  if (sub === "grep") {
    const parsed = parseOptions(rest, { valueShort: "efmABC", valueLong: ["--regexp", "--file", "--max-count", "--after-context", "--before-context", "--context", "--max-depth", "--threads"] });
    const patternGiven = hasOption(parsed, "-e", "--regexp", "-f", "--file");
    const pathspecs = (patternGiven ? parsed.operands : parsed.operands.slice(1)).filter((w) => !/^[0-9a-f]{7,40}$|^HEAD/.test(w.text));
    if (hasOption(parsed, ...NAMES_ONLY, "--name-only")) return;
    const trackedOnly = !hasOption(parsed, "--untracked", "--no-index");
    const roots = pathspecs.length > 0 ? pathspecs : [{ text: ".", raw: "." }];
    for (const root of roots) await a.tree(root, own, EVERYTHING, `\`git grep\` over \`${root.raw}\``, trackedOnly ? (found) => tracked(a, found, own) : undefined);
    return;
  }
  if (sub === "credential" || sub.startsWith("credential-")) return;
  // `REV:path` names a file in history; reading commands print it.
  for (const arg of rest) {
    // REV:path, :path (the index) and :N:path (a merge stage).
    const match = /^(?:[^:-][^:]*|:\d)?:(?!\/\/)(.*)$/.exec(arg.text);
    if (match && !arg.text.startsWith("-")) {
      await a.file({ ...arg, text: match[1] || "." }, { ...own, cwd: own.cwd }, `\`git ${sub}\` prints the committed`);
    }
  }
  // `git stash show -p [stash] [-- path]` prints the stashed changes of what it names (an ignored
  // .env is stashed by `git stash -a`).
  if (sub === "stash" && rest[0]?.text === "show") return printedPaths(a, "stash show", rest.slice(1), state, own);
  // `git mv .env notes.txt` renames a tracked secret to a name no rule guards, as mv does.
  if (sub === "mv") return copy(a, "mv", rest.filter((w) => !/^-(f|k|n|v|-force|-dry-run|-verbose)$/.test(w.text)), own);
  if (GIT_NON_READING.has(sub)) return;
  // `git log` and `whatchanged` print no contents unless asked for patches (`-p`, `-L`, `--word-diff` …).
  if ((sub === "log" || sub === "whatchanged") && !rest.some((w) => /^(-p|-u|--patch|--patch-with-stat|--patch-with-raw|--word-diff(=.*)?|--color-words|--cc|-c|--full-diff|-L.*|-G.*|--ext-diff|--textconv|--follow-renames-patch)$|^-[a-zA-Z]*p[a-zA-Z]*$/.test(w.text))) return;
  if (GIT_READING.has(sub) || !sub) return printedPaths(a, sub, rest, state, own);
  await a.readsAll(rest, own, `\`git ${sub}\` reads`);
}

/** The paths a printing subcommand (show, diff, log …) names, past revisions and stash names. */
async function printedPaths(a: Analyzer, sub: string, rest: Arg[], state: State, own: State): Promise<void> {
  const parsed = parseOptions(rest, { valueShort: "nSGLUX", valueLong: ["--format", "--pretty", "--author", "--since", "--until", "--grep", "-L"] });
  // `-L 1,5:.env` and `-L:func:.env` print the history of lines of the file after the last colon.
  for (const range of optionValues(parsed, "-L")) {
    const file = range.text.slice(range.text.lastIndexOf(":") + 1);
    if (file !== "") await a.file({ ...range, text: file }, own, `\`git ${sub} -L\` prints lines of`);
  }
  for (const operand of parsed.operands) {
    if (operand.text.includes(":") || /^[0-9a-f]{7,40}$/.test(operand.text) || /^(HEAD|ORIG_HEAD|FETCH_HEAD|@)([~^].*)?$/.test(operand.text) || /^stash@\{\d+\}$|^\d+$/.test(operand.text) || operand.text.includes("..")) continue;
    if (state.cwd === undefined || operand.text.includes(UNKNOWN)) {
      await a.file(operand, own, `\`git ${sub}\` prints`);
      continue;
    }
    const info = await a.env.ctx.io.stat(toAbsolute(operand.text, own.cwd ?? "/", a.env.ctx.home));
    if (info?.kind === "dir") await a.tree(operand, own, EVERYTHING, `\`git ${sub}\` over \`${operand.raw}\``, (found) => tracked(a, found, own));
    else await a.file(operand, own, `\`git ${sub}\` prints`);
  }
}
