import { UNKNOWN, type Arg } from "../../shell/expand.js";
import { GIT_VALUE_OPTIONS, interpreters } from "../secrets/command-rules.js";
import { resolveDir, walkCommands } from "../walk-commands.js";
import { basename, toAbsolute } from "../../runtime/paths.js";

/** One `git commit` a Bash command would run, with what the gate needs to judge it. */
export interface CommitInvocation {
  /** Arguments after `commit`, expanded. */
  args: Arg[];
  /** Where git runs: the shell's directory with any `git -C` applied; undefined when unknown. */
  cwd: string | undefined;
  /** The text a heredoc or here-string feeds to the command's stdin (for `-F -`). */
  stdin?: string;
  /** The command as written, for messages. */
  raw: string;
  /** How the command may commit where the gate cannot read the commit (inline interpreter code, a computed subcommand). */
  unreadable?: string;
  /** Files the command line wrote before this commit, by absolute path (a message file: `cat > msg <<'EOF'`). */
  written?: ReadonlyMap<string, string>;
  /** How to give a message in the convention, for a commit a tool makes (`npm version`). */
  advice?: string;
}

/**
 * Code that runs `git commit`: the words (`"git commit"`, `['git', 'commit']`) where the code also
 * starts a process (os.system, subprocess, execSync, spawn, system(), backticks). Printing the words
 * alone (`console.log('git commit')`) is no commit.
 */
const GIT_COMMIT_WORDS = /\bgit\b["',\s]{1,8}(?:-[^\n]{0,40}?\s)?commit\b/;
const STARTS_PROCESS = /\b(?:system|exec\w*|spawn\w*|popen|Popen|subprocess|check_output|check_call|shell_exec|passthru|proc_open)\b|`|%x/;
const commitsFromCode = (code: string) => GIT_COMMIT_WORDS.test(code) && STARTS_PROCESS.test(code);

/**
 * `-m "$(cat msg.txt)"` (or `$(< msg.txt)`) as the one message option: the file's text, read as -F's
 * is, from the shell's folder (git's -C does not apply to cat).
 */
function catMessage(args: Arg[], at: string | undefined, home: string | undefined): Arg[] {
  const options = args.filter((w) => /^(-[a-zA-Z]*[mF]|--message|--file)/.test(w.text));
  const i = args.findIndex((w) => w.text.includes(UNKNOWN) && /^(-[a-zA-Z]*m|--message=)?"?\$\((cat\s+|<\s*)[\w./~+-]+\s*\)"?$/.test(w.raw));
  const word = args[i];
  if (!word || options.length !== 1 || at === undefined) return args;
  const path = toAbsolute(/\$\((?:cat\s+|<\s*)([^\s)]+)/.exec(word.raw)?.[1] as string, at, home);
  const glued = /^(-[a-zA-Z]*)m|^--message=/.exec(word.raw);
  const option = args[i - 1];
  const out = [...args];
  if (glued) out[i] = { text: `${glued[1] ?? "-"}F${path}`, raw: word.raw };
  else if (option && options[0] === option) out.splice(i - 1, 2, { text: option.text === "--message" ? "--file" : option.text.replace(/m$/, "F"), raw: option.raw }, { text: path, raw: word.raw });
  return out;
}

/**
 * Finds every `git commit` in a command line, however it is wrapped; mentions (echo, grep) are not
 * commits. `configAliases`: the user's git aliases (git-aliases.ts), when the command may use one.
 */
export function findCommits(command: string, cwd: string, home: string | undefined, env: (name: string) => string | undefined, configAliases?: ReadonlyMap<string, string>, depth = 0, top?: string): CommitInvocation[] {
  const found: CommitInvocation[] = [];
  const written = new Map<string, string>();
  walkCommands(command, cwd, home, env, ({ name, args, cwd: at, stdin, raw, redirects }) => {
    // `cat > msg.txt <<'EOF' … EOF`, `echo "…" > msg.txt`: a message file written for `git commit -F`.
    const into = redirects.filter((r) => r.op === ">" || r.op === ">>").pop();
    const text = name === "cat" && args.length === 0 ? stdin : name === "echo" && !args[0]?.text.startsWith("-") ? `${args.map((a) => a.text).join(" ")}\n` : undefined;
    const path = into?.target === undefined ? undefined : resolveDir(into.target, at, home);
    if (path !== undefined) {
      if (text === undefined || text.includes(UNKNOWN)) written.delete(path);
      else written.set(path, (into?.op === ">>" ? (written.get(path) ?? "") : "") + text);
    }
    // `npm version patch` commits the bump (and tags it), its message -m's with %s the new version, or
    // that version alone.
    if (name === "npm" && args[0]?.text === "version") {
      const words = args.slice(1).map((a) => a.text);
      const m = words.findIndex((w) => w === "-m" || w === "--message");
      const given = m === -1 ? args.slice(1).find((a) => a.text.startsWith("--message=")) : args[m + 2];
      const message = given ? { ...given, text: given.text.replace(/^--message=/, "").replaceAll("%s", "<version>") } : { text: "<version>", raw: "<version>" };
      if (words.some((w, i) => !w.startsWith("-") && (m === -1 || i !== m + 1)) && !words.some((w) => /^--(no-git-tag-version|git-tag-version=false)$/.test(w))) {
        found.push({ args: [{ text: "-m", raw: "-m" }, message], cwd: at, raw, advice: "npm version commits with the new version as its message, or -m's with %s for the version: give -m one in the convention, the body in the same -m (`npm version patch -m $'Release %s\\n\\nWhy it ships now.'`), or bump with --no-git-tag-version and commit it yourself." });
      }
      return;
    }
    if (name !== "git") {
      // python3 -c "os.system('git commit …')", node -e, a heredoc fed to an interpreter: a commit the
      // gate cannot read, so it is found, to be refused.
      const base = basename(name);
      const interpreter = interpreters().find((entry) => entry.pattern.test(base));
      if (interpreter && (args.some((arg) => commitsFromCode(arg.text)) || (stdin !== undefined && commitsFromCode(stdin)))) {
        found.push({ args: [], cwd: at, raw, unreadable: `commits from ${base} code` });
      }
      // `pwsh -c 'git commit …'`: PowerShell, whose commits the gate reads only in Bash.
      if (/^(pwsh|powershell)(\.exe)?$/i.test(base) && args.some((arg) => GIT_COMMIT_WORDS.test(arg.text))) found.push({ args: [], cwd: at, raw, unreadable: "commits from PowerShell" });
      return;
    }
    let j = 0;
    let gitCwd = at;
    // `git -c alias.ci=commit ci`: aliases defined on the command line, by name.
    const aliases = new Map<string, string>();
    while (j < args.length && (args[j] as Arg).text.startsWith("-")) {
      const option = (args[j] as Arg).text;
      if (option === "-C") gitCwd = resolveDir(args[j + 1]?.text ?? UNKNOWN, gitCwd, home);
      const setting = option === "-c" ? args[j + 1]?.text : undefined;
      const alias = setting === undefined ? undefined : /^alias\.([^=]+)=(.*)$/is.exec(setting);
      if (alias) aliases.set((alias[1] as string).toLowerCase(), (alias[2] as string).trim());
      j += GIT_VALUE_OPTIONS.has(option) ? 2 : 1;
    }
    const sub = args[j]?.text ?? "";
    // `declare -n c=sub; sub=commit; git $c -m …`: a subcommand only known at run time may be commit.
    if (sub.includes(UNKNOWN)) {
      found.push({ args: [], cwd: gitCwd, raw, unreadable: "may commit through a computed subcommand" });
      return;
    }
    const alias = aliases.get(sub.toLowerCase()) ?? configAliases?.get(sub.toLowerCase());
    // `!…` aliases run a shell command: its commits are the alias's (their messages unknown, if "$1").
    if (alias?.startsWith("!")) {
      if (depth < 2) found.push(...findCommits(alias.slice(1), gitCwd ?? cwd, home, env, configAliases, depth + 1).map((c) => ({ ...c, raw })));
      return;
    }
    // An alias runs its first word as the subcommand, with its other words before the given arguments.
    const expansion = alias?.split(/\s+/).filter(Boolean);
    const subcommand = expansion ? expansion[0] : sub;
    if (subcommand !== "commit") return;
    const extra: Arg[] = (expansion ?? []).slice(1).map((text) => ({ text, raw: text }));
    found.push({ args: catMessage([...extra, ...args.slice(j + 1)], at, home), cwd: gitCwd, raw, ...(stdin !== undefined ? { stdin } : {}), ...(written.size > 0 ? { written: new Map(written) } : {}) });
  }, top);
  return found;
}
