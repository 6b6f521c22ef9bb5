/** Recursive searches and the commands that feed file names to others: grep, rg, ag, find, xargs, secret scanners. */

import { UNKNOWN, type Arg } from "../../shell/expand.js";
import { basename, toAbsolute } from "../../runtime/paths.js";
import { NAMES_ONLY, copy, type Analyzer, type SimpleCommand, type State, type Upstream } from "./analysis-types.js";
import { NON_READING } from "./command-rules.js";
import { hasOption, optionValues, parseOptions } from "./options.js";
import type { Finding } from "./refusal.js";
import { typeGlobs } from "./search-filters.js";
import { EVERYTHING, excludedNames, gitIgnored, type SearchFilter } from "./tree-search.js";
import { XARGS, innerCommand, unwrap } from "./wrappers.js";

/** The working directory, where a command given no path to search or archive starts. */
export const HERE: Arg = { text: ".", raw: "." };
/** The paths given, or the working directory when none is. */
export const orHere = (roots: Arg[]): Arg[] => (roots.length > 0 ? roots : [HERE]);

/** grep's options that take a value (and ack's --type, --ignore-dir), for every place grep is read. */
const GREP_OPTIONS = {
  valueShort: "efmABCdDX",
  valueLong: ["--regexp", "--file", "--max-count", "--after-context", "--before-context", "--context", "--include", "--exclude", "--exclude-dir", "--exclude-from", "--directories", "--devices", "--label", "--binary-files", "--group-separator", "--type", "--ignore-dir"],
};

export async function grep(a: Analyzer, name: string, args: Arg[], state: State): Promise<void> {
  const parsed = parseOptions(args, GREP_OPTIONS);
  const patternGiven = hasOption(parsed, "-e", "--regexp", "-f", "--file");
  for (const file of optionValues(parsed, "-f", "--file")) await a.file(file, state, `\`${name} -f\` reads patterns from`);
  const operands = patternGiven ? parsed.operands : parsed.operands.slice(1);
  const recursive =
    name === "ack" || name === "ack-grep" ||
    hasOption(parsed, "-r", "-R", "--recursive", "--dereference-recursive") ||
    optionValues(parsed, "-d", "--directories").some((v) => v.text === "recurse");
  // grep reads --include and --exclude in order: the last to match a name wins, and a name none
  // matches is read unless the first of them is an --include.
  const rules: SearchFilter["rules"] = [];
  for (const { name: option, value } of parsed.options) {
    if (!value) continue;
    if (option === "--include" || option === "--exclude") rules.push([option === "--include", value.text]);
    else if (option === "--exclude-from") for (const glob of await excludeFiles(a, [value], state)) rules.push([false, glob]);
  }
  const filter: SearchFilter = {
    ...EVERYTHING,
    rules,
    fallback: rules[0]?.[0] !== true,
    excludeDirs: optionValues(parsed, "--exclude-dir", "--ignore-dir").map((v) => v.text),
    followLinks: hasOption(parsed, "-R", "--dereference-recursive"),
  };
  const picks = rules.some(([include]) => include);
  const how = `\`${name}${recursive ? " -r" : ""}\``;
  if (!recursive) {
    // `grep -q '^API_KEY=' .env`, `grep -c API_KEY .env`: whether a variable is set, not what it holds
    // (a pattern anchored to the line's start, or a variable's name in capitals, case kept, which a
    // value would hardly hold);
    // `grep -c '' .env` counts lines, as `wc -l` does.
    const patterns = patternGiven ? optionValues(parsed, "-e", "--regexp", "-f", "--file") : parsed.operands.slice(0, 1);
    if (hasOption(parsed, ...NAMES_ONLY) && !hasOption(parsed, "-f", "--file") && patterns.every((p) => /^\^(export\s+)?[A-Za-z_]\w*=?$|^(\^|\$|\.\*?)?$/.test(p.text) || (!hasOption(parsed, "-i", "--ignore-case", "-y") && /^[A-Z_][A-Z0-9_]*=?$/.test(p.text)))) return;
    for (const operand of operands) await a.file(operand, state, `${how} reads`);
    return;
  }
  // Listing or counting matching files prints no line of them: a folder search in that mode passes
  // (a secret file named outright is still refused above), unless its --include picks out secret files.
  if (hasOption(parsed, ...NAMES_ONLY) && !picks) {
    for (const operand of operands) {
      const info = operand.text.includes(UNKNOWN) || state.cwd === undefined ? undefined : await a.env.ctx.io.stat(toAbsolute(operand.text, state.cwd, a.env.ctx.home));
      if (info?.kind !== "dir") await a.file(operand, state, `${how} reads`);
    }
    return;
  }
  const roots = orHere(operands);
  for (const root of roots) await a.tree(root, state, filter, `${how} over \`${root.raw}\``);
}

export async function ripgrep(a: Analyzer, name: string, args: Arg[], state: State): Promise<void> {
  const parsed = parseOptions(args, {
    valueShort: name === "rg" ? "efgtTmABCMjdEr" : "fGgmABCp",
    valueLong: ["--regexp", "--file", "--glob", "--iglob", "--type", "--type-not", "--max-count", "--after-context", "--before-context", "--context", "--max-columns", "--threads", "--max-depth", "--encoding", "--replace", "--type-add", "--type-clear", "--ignore-file", "--pre", "--pre-glob", "--sort", "--sortr", "--max-filesize", "--colors", "--path-separator", "--context-separator", "--field-match-separator", "--engine", "--file-search-regex", "--ignore", "--depth"],
  });
  // --files lists the files it would search and reads none of them.
  if (hasOption(parsed, "--files")) return;
  for (const file of optionValues(parsed, "-f", "--file")) await a.file(file, state, `\`${name} -f\` reads patterns from`);
  const patternGiven = hasOption(parsed, "-e", "--regexp", "-f", "--file");
  const operands = patternGiven ? parsed.operands : parsed.operands.slice(1);
  // rg needs -uu to search hidden files; one -u makes ag search everything.
  const unrestricted = (parsed.options.filter((o) => o.name === "-u").length + (hasOption(parsed, "--unrestricted") ? 1 : 0)) * (name === "rg" ? 1 : 2);
  const filter: SearchFilter = {
    ...EVERYTHING,
    includePaths: [],
    rules: [],
    rulePaths: true,
    include: [],
    skipHidden: !(hasOption(parsed, "--hidden", "-.") || unrestricted >= 2),
    followLinks: hasOption(parsed, "-L", "--follow"),
  };
  for (const { name: option, value } of parsed.options) {
    if (!value || !/^(-g|--glob|--iglob|-G|--file-search-regex)$/.test(option)) continue;
    // --iglob ignores case: `--iglob '.ENV'` searches .env.
    const glob = option === "--iglob" ? caseless(value.text) : value.text;
    // ag's -G filters names by regex: only its `!` exclusions are read here, as globs.
    if (glob.startsWith("!")) filter.rules.push([false, glob.slice(1)]);
    else if (name === "rg") {
      filter.rules.push([true, glob]);
      filter.includePaths.push(glob);
    }
  }
  // The last glob to match a path decides; with any that picks files, a path none matches is skipped.
  filter.fallback = filter.includePaths.length === 0;
  for (const type of optionValues(parsed, "-t", "--type")) {
    const globs = typeGlobs(type.text);
    if (globs) filter.include.push(...globs);
  }
  // (rg's -L follows links; ag's lists the files without a match.)
  if (hasOption(parsed, ...NAMES_ONLY.filter((o) => o !== "-L" || name === "ag")) && filter.include.length === 0 && filter.includePaths.length === 0) return;
  // A file an include glob matches is searched even if ignored (what tree() finds then matched one).
  filter.skipIgnored = !(hasOption(parsed, "--no-ignore", "--no-ignore-vcs", "--skip-vcs-ignores") || unrestricted >= 1);
  const respectsIgnore = filter.skipIgnored && filter.includePaths.length === 0;
  const roots = orHere(operands);
  for (const root of roots) {
    await a.tree(root, state, filter, `\`${name}\` over \`${root.raw}\``, respectsIgnore && !a.ignoreTouched ? (found) => notIgnored(a, found, state) : undefined);
  }
}

/** A glob matching either case of each letter outside a `[…]` class, as rg's --iglob. */
function caseless(glob: string): string {
  return glob.replace(/\[[^\]]*\]|[a-z]/gi, (m) => (m.length > 1 ? m : `[${m.toLowerCase()}${m.toUpperCase()}]`));
}

/**
 * `fd -H . -x cat`: fd runs a command on each file it finds, as `find -exec` does; it skips hidden
 * files without -H and ignored ones without -I (-u is both). Its name pattern is not followed.
 */
export async function fd(a: Analyzer, args: Arg[], state: State): Promise<void> {
  const at = args.findIndex((w) => /^(-x|--exec|-X|--exec-batch)$/.test(w.text));
  if (at === -1 || !(await commandReadsFiles(a, args.slice(at + 1), state))) return;
  const parsed = parseOptions(args.slice(0, at), { valueShort: "edtEcjS", valueLong: ["--extension", "--max-depth", "--type", "--exclude", "--color", "--threads", "--size", "--changed-within", "--changed-before", "--owner", "--search-path", "--base-directory"] });
  const all = hasOption(parsed, "-u", "--unrestricted");
  const ignores = !(all || hasOption(parsed, "-I", "--no-ignore"));
  const filter: SearchFilter = { ...EVERYTHING, skipHidden: !(all || hasOption(parsed, "-H", "--hidden")), include: optionValues(parsed, "-e", "--extension").map((e) => `*.${e.text}`), skipIgnored: ignores };
  const roots = [...parsed.operands.slice(1), ...optionValues(parsed, "--search-path")];
  for (const root of orHere(roots)) await a.tree(root, state, filter, `\`fd … -x\` over \`${root.raw}\``, ignores && !a.ignoreTouched ? (found) => notIgnored(a, found, state) : undefined);
}

/** The names exclude files given to a command leave out (tree-search.ts: excludedNames); each file is read, so judged first. */
export async function excludeFiles(a: Analyzer, files: Arg[], state: State): Promise<string[]> {
  for (const file of files) await a.file(file, state, "The command reads exclude patterns from");
  const paths = files.filter((f) => !f.text.includes(UNKNOWN) && state.cwd !== undefined).map((f) => toAbsolute(f.text, state.cwd as string, a.env.ctx.home));
  return paths.length === files.length ? excludedNames(a.env.ctx.io, paths) : [];
}

/** Drops hits that git ignores (rg and ag skip them); when git cannot tell, every hit stays. */
export async function notIgnored(a: Analyzer, found: Finding[], state: State, patternsOnly = true): Promise<Finding[]> {
  const paths = found.flatMap((f) => (f.kind === "search" ? [f.hit.path] : []));
  const ignored = await gitIgnored(a.env.ctx.io, paths, state.cwd ?? a.env.cwd, patternsOnly);
  return found.filter((f) => f.kind !== "search" || !ignored.has(f.hit.path));
}

/** Keeps hits that git tracks (git grep searches only those). */
export async function tracked(a: Analyzer, found: Finding[], state: State): Promise<Finding[]> {
  const paths = found.flatMap((f) => (f.kind === "search" ? [f.hit.path] : []));
  const result = await a.env.ctx.io.run(["git", "ls-files", "--full-name", "--", ...paths], { cwd: state.cwd ?? a.env.cwd, timeoutMs: 3000 });
  if (result.exitCode !== 0) return found;
  const names = new Set(result.stdout.split("\n").filter(Boolean).map((p) => basename(p)));
  return found.filter((f) => f.kind !== "search" || names.has(basename(f.hit.path)));
}

export async function find(a: Analyzer, args: Arg[], state: State): Promise<void> {
  const { roots, expression, filter } = parseFind(args);
  const execs: Arg[][] = [];
  for (let j = 0; j < expression.length; j++) {
    const token = (expression[j] as Arg).text;
    if (token === "-name" || token === "-iname") j += 1;
    else if (["-exec", "-execdir", "-ok", "-okdir"].includes(token)) {
      const command: Arg[] = [];
      j += 1;
      while (j < expression.length && ![";", "+"].includes((expression[j] as Arg).text)) command.push(expression[j++] as Arg);
      execs.push(command);
    } else if (["-fprint", "-fprintf", "-fls", "-fprint0"].includes(token)) j += 1;
    else if (token === "-files0-from") await a.file(expression[++j] as Arg, state, "`find -files0-from` reads");
  }
  for (const command of execs) {
    // Without a `{}` the command is run for each file, but not given its name (`-exec sh -c 'npm test' \;`).
    const readsFound = (await commandReadsFiles(a, command, state)) && command.some((w) => w.text.includes("{}"));
    if (!readsFound) continue;
    for (const root of orHere(roots)) {
      await a.tree(root, state, filter, `\`find ${root.raw} -exec ${command[0]?.raw ?? ""}\``);
    }
  }
}

/**
 * For -exec and xargs: analyses the command's own literal arguments, and answers whether the file
 * names appended to it ({} or stdin) would be read.
 */
const EMPTY_COMMAND: SimpleCommand = { type: "simple", assigns: [], words: [], redirects: [] };

export async function commandReadsFiles(a: Analyzer, command: Arg[], state: State, replace = "{}"): Promise<boolean> {
  const literal = command.filter((w) => w.text !== "{}");
  if (literal.length === 0) return false;
  await a.run(literal, EMPTY_COMMAND, copy(state), undefined);
  const inner = innerCommand(literal);
  if (inner.length === 0) return false;
  const name = basename(inner[0]?.text ?? "");
  if (NON_READING.has(name) || name === "echo") return false;
  // `docker ps -q | xargs docker stop`, `… | xargs git branch -d`: CLIs given ids and names, judged as if
  // given a secret's name (`xargs docker cp`, `xargs gh gist create` read one); git where it takes branches
  // or revisions (`git log --format=%H | xargs git show --stat`); sed and perl for an edit in place.
  if (/^(docker|podman|kubectl|oc|gh|sed|perl)$/.test(name) || (name === "git" && /^(branch|tag|push|worktree|show|log|diff)$/.test(inner[1]?.text ?? ""))) {
    const before = a.findings.length;
    const canary = command.map((w) => ({ ...w, text: w.text.replaceAll(replace, ".env") }));
    await a.run(command.some((w) => w.text.includes(replace)) ? canary : [...command, { text: ".env", raw: ".env" }], EMPTY_COMMAND, copy(state), undefined);
    return a.findings.splice(before).length > 0;
  }
  // Listing or counting matches prints no line of the files, as for `grep -rl` (NAMES_ONLY).
  if (name === "grep" || name === "egrep" || name === "fgrep") return !hasOption(parseOptions(inner.slice(1), GREP_OPTIONS), ...NAMES_ONLY);
  return true;
}

export async function xargs(a: Analyzer, args: Arg[], state: State, upstream: Upstream | undefined, name = "xargs"): Promise<void> {
  const parsed = parseOptionsUntilCommand(args);
  for (const file of parsed.argFiles) await a.file(file, state, "`xargs -a` reads");
  const inner = parsed.command.length > 0 ? parsed.command : [{ text: "echo", raw: "echo" }];
  if (!(await commandReadsFiles(a, inner, state, parsed.replace))) return;
  // With -a the names come from a file, which the guard does not follow: any file.
  await namesOnInput(a, state, parsed.argFiles.length === 0 ? upstream : undefined, `\`${name} ${inner[0]?.raw ?? ""}\` reads the files named on its input`);
}

/**
 * The files a command reads by the names on its stdin (xargs, `cpio -o`, `tar -T -`, `zip -@`): those
 * the left side of the pipe prints when it is find, echo, printf or `git ls-files`, or else any file.
 */
export async function namesOnInput(a: Analyzer, state: State, upstream: Upstream | undefined, how: string, only: string[] = []): Promise<void> {
  const source = upstream?.command;
  const names: SearchFilter = { ...EVERYTHING, include: only };
  if (source?.type === "simple") {
    const words = source.words.flatMap((w) => a.expand(w, upstream?.state ?? state));
    const head = basename(words[0]?.text ?? "");
    if (head === "find" && findListsNames(words)) {
      const { roots, expression, filter } = parseFind(words.slice(1));
      const expr = expression.map((w) => w.text);
      if (expr.includes("-type") && expr[expr.indexOf("-type") + 1] === "d") return;
      if (only.length > 0) filter.include = only;
      for (const root of orHere(roots)) await a.tree(root, upstream?.state ?? state, filter, how);
      return;
    }
    // `… | grep -E '\.(ts|tsx)$' | xargs eslint`: a filter that keeps names ending in those extensions.
    const kept = (head === "grep" || head === "egrep") && !words.some((w) => /^-\w*v/.test(w.text)) ? /\\\.\(?([\w|?]+)\)?\$$/.exec(words[words.length - 1]?.text ?? "")?.[1] : undefined;
    // (`tsx?` as `ts*`: a glob that keeps at least what the regex keeps.)
    if (kept && upstream?.from) return namesOnInput(a, state, upstream.from, how, kept.split("|").map((e) => `*.${e.replace(/\w\?/g, "*")}`));
    if (head === "echo" || head === "printf") {
      for (const word of words.slice(1)) for (const name of word.text.split(/\s+/)) if (name) await a.file({ ...word, text: name }, state, how);
      return;
    }
    if (head === "ls") {
      const roots = words.slice(1).filter((w) => !w.text.startsWith("-"));
      for (const root of orHere(roots)) await a.tree(root, upstream?.state ?? state, names, how);
      return;
    }
    // `grep -rl TODO src | xargs sed -i …`: the names are of files the search reads, so judge the
    // search as one that prints what it finds.
    const search = head === "git" ? words[1]?.text : head;
    const namesOnly = words.filter((w) => w.text.startsWith("--files-with") || /^-[^-]*[lL]/.test(w.text));
    if ((search === "grep" || search === "egrep" || search === "rg" || search === "ag") && namesOnly.length > 0) {
      const printing = words.filter((w) => !namesOnly.includes(w) || w.text[1] !== "-").map((w) => (/^-[^-]/.test(w.text) ? { ...w, text: w.text.replace(/[lL]/g, "") } : w));
      await a.run(printing.filter((w) => w.text !== "-"), { type: "simple", assigns: [], words: [], redirects: [] }, copy(upstream?.state ?? state), undefined);
      return;
    }
    // `git diff --name-only` against the index or HEAD names tracked files, as `git ls-files` does (not
    // against another revision, which may name a secret tracked then and ignored now).
    const dash = words.findIndex((w) => w.text === "--");
    const options = words.slice(2, dash === -1 ? undefined : dash);
    const diffNames = head === "git" && words[1]?.text === "diff" && options.some((w) => w.text === "--name-only") && options.every((w) => w.text.startsWith("-") || w.text === "HEAD");
    if (head === "git" && (words[1]?.text === "ls-files" || diffNames)) {
      const pathspecs = diffNames ? (dash === -1 ? [] : words.slice(dash + 1)) : words.slice(2).filter((w) => !w.text.startsWith("-"));
      // `-o`/`--others` lists untracked files too (with `-i`, the ignored ones: .env).
      const untracked = !diffNames && words.slice(2).some((w) => /^(--others|-[a-z]*o[a-z]*)$/.test(w.text));
      for (const root of orHere(pathspecs)) {
        await a.tree(root, upstream?.state ?? state, names, how, untracked ? undefined : (found) => tracked(a, found, upstream?.state ?? state));
      }
      return;
    }
    // Against another revision, with pathspecs after `--` (`git diff --name-only main -- '*.md'`): the
    // names of files there, tracked then or now, that the pathspecs take (a glob at any depth, as git's).
    const specs = dash === -1 ? [] : words.slice(dash + 1);
    if (head === "git" && words[1]?.text === "diff" && options.some((w) => w.text === "--name-only") && specs.length > 0 && only.length === 0 && specs.every((w) => !w.text.startsWith(":"))) {
      for (const spec of specs) {
        const glob = /[*?[]/.test(spec.text) && !spec.text.includes("/");
        await a.tree(glob ? HERE : spec, upstream?.state ?? state, glob ? { ...EVERYTHING, include: [spec.text] } : names, how);
      }
      return;
    }
  }
  await a.tree(HERE, state, names, how);
}

/** find prints its names, unless an action prints something else (`-exec echo .env \;`, `-printf`); `-exec grep -l …` prints some of them. */
function findListsNames(words: Arg[]): boolean {
  const action = words.findIndex((w) => /^-(exec|execdir|ok|okdir|printf|fprintf)$/.test(w.text));
  return action === -1 || (/^e?grep$/.test(words[action + 1]?.text ?? "") && words.slice(action + 2).some((w) => /^-[a-zA-Z]*l|^--files-with-matches$/.test(w.text)));
}

/**
 * find's start points, its expression, and the file filter its -name tests give: tests joined by -o or
 * `,`, or a negated group, blur them; a negated test (`-not -path './node_modules/*'`) only narrows.
 */
function parseFind(args: Arg[]): { roots: Arg[]; expression: Arg[]; filter: SearchFilter } {
  let i = 0;
  while (i < args.length && /^-[HLPO]/.test((args[i] as Arg).text)) i += 1;
  const roots: Arg[] = [];
  while (i < args.length && !/^[-(!]/.test((args[i] as Arg).text)) roots.push(args[i++] as Arg);
  const expression = args.slice(i);
  let tokens = expression.map((w) => w.text);
  // `-path ./node_modules -prune -o -name '*.ts' -print`: what tests left of `-prune -o` match is
  // pruned, not printed, so the names come from the right.
  const prune = tokens.findIndex((t, j) => t === "-prune" && tokens[j + 1] === "-o");
  const test = /^-(path|ipath|wholename|name|iname|type|regex)$/;
  if (prune > 0 && tokens.slice(0, prune).every((t, j, left) => /^([()]|-o|-or|-a|-and)$/.test(t) || test.test(t) || test.test(left[j - 1] ?? ""))) tokens = tokens.slice(prune + 2);
  const names: string[] = [];
  for (let j = 0; j < tokens.length; j++) if ((tokens[j] === "-name" || tokens[j] === "-iname") && !/^(!|-not)$/.test(tokens[j - 1] ?? "")) names.push(tokens[++j] ?? "*");
  const reliable = !tokens.some((t, j) => ["-o", "-or", ","].includes(t) || (/^(!|-not)$/.test(t) && tokens[j + 1] === "("));
  return { roots, expression, filter: { ...EVERYTHING, include: reliable ? names : [] } };
}

function parseOptionsUntilCommand(args: Arg[]): { argFiles: Arg[]; command: Arg[]; replace: string } {
  const argFiles: Arg[] = [];
  let replace = "{}";
  const command = unwrap(args, XARGS, (option, value) => {
    if (option === "-a" || option === "--arg-file") argFiles.push(value);
    if (option === "-I" || option === "--replace") replace = value.text;
  });
  return { argFiles, command, replace };
}

/** Archivers told to read the names of the files to archive from stdin: `cpio -o`/`-p`, `tar -T -`, `zip -@`, `rsync --files-from=-`. */
export function namesFromStdin(name: string, args: Arg[]): boolean {
  const words = args.map((a) => a.text);
  if (name === "cpio") return words.some((w) => /^(-[a-zA-Z]*[op]|--create|--pass-through)/.test(w));
  if (name === "zip") return words.includes("-@");
  const from = words.findIndex((w) => w === "-T" || w === "--files-from");
  return (name === "tar" || name === "bsdtar" || name === "rsync") && (words.includes("--files-from=-") || words.includes("-T-") || (from !== -1 && words[from + 1] === "-"));
}

/**
 * Secret scanners print each secret they find, in full unless told to redact: `gitleaks dir .` (or
 * `detect --no-git`) with -v or a report on stdout, `trufflehog filesystem .`. A folder they scan is
 * searched for secret files as a grep of it is. Whether the command is such a scan.
 */
export async function secretScan(a: Analyzer, name: string, args: Arg[], state: State): Promise<boolean> {
  const words = args.map((w) => w.text);
  const parsed = parseOptions(args, { valueShort: "scr", valueLong: ["--source", "--config", "--report-path", "--report-format", "--log-level", "--max-target-megabytes", "--baseline-path", "--gitleaks-ignore-path"] });
  const prints = name === "trufflehog" || (!words.includes("--redact") && (hasOption(parsed, "-v", "--verbose") || optionValues(parsed, "-r", "--report-path").some((v) => /^(-|\/dev\/stdout)$/.test(v.text))));
  const folders =
    name === "trufflehog" ? (words[0] === "filesystem" ? parsed.operands.slice(1) : [])
    : /^(dir|directory|files)$/.test(words[0] ?? "") ? (parsed.operands.length > 1 ? parsed.operands.slice(1) : [{ text: ".", raw: "." }])
    : words[0] === "detect" && words.includes("--no-git") ? [optionValues(parsed, "-s", "--source")[0] ?? { text: ".", raw: "." }]
    : [];
  if (prints) for (const folder of folders) await a.tree(folder, state, EVERYTHING, `\`${name}\` prints each secret it finds under \`${folder.raw}\`, and`);
  return folders.length > 0;
}
