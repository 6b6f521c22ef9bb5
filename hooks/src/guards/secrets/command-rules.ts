/**
 * What the guard knows about commands: which never read the files they name, which wrap another
 * command, which run code given inline, and which print credentials. Anything not listed here is
 * assumed to read every file it names.
 */

import { onFirstUse } from "../../runtime/on-first-use.js";
import { commandNames, orTest, type NameTest } from "./command-names.js";

/** Commands that take file names but never put a file's contents on their output. */
export const NON_READING = new Set([
  "ls", "dir", "vdir", "touch", "rm", "rmdir", "unlink", "mkdir", "chmod", "chown", "chgrp", "chattr", "lsattr",
  "test", "[", "echo", "printf", "true", "false", ":", "cd", "pushd", "popd", "unset", "which", "type", "hash",
  "alias", "unalias", "wait", "jobs", "kill", "sleep", "mktemp", "basename", "dirname", "realpath", "readlink",
  "stat", "du", "df", "pwd", "whoami", "id", "date", "ln", "mkfifo", "trash", "trash-put", "shred", "truncate", "sync",
  "umask", "ulimit", "tee", "exit", "return", "break", "continue", "shift", "file", "getfacl", "setfacl", "touch",
  "open", "xdg-open", "code", "history", "clear", "tput", "uname", "hostname", "git-lfs", "local", "readonly",
  // shipshape's own CLI prints decisions about files, never their contents.
  "shipshape",
  // Load or inspect keys without printing them: ssh-keygen -y prints the public half only.
  "ssh-add", "ssh-keygen",
  // Digests and counts reveal nothing of the contents.
  "wc", "md5sum", "sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum", "shasum", "cksum", "b2sum", "md5",
  // Reports a dotenv file's problems by line and key, never a value.
  "dotenv-linter",
]);

/**
 * Whether openssl prints the key files it is given. Most subcommands sign or connect with a key, or
 * read only certificates and requests (a private key given to one fails to load); `rsa`, `pkey`, `ec`
 * and `dsa` print the key they read unless asked for its public half or for nothing (`-text` prints
 * its numbers even with `-noout`); the rest (`enc`, `base64`, `asn1parse`, `pkcs12` …) may print it.
 */
export function opensslPrintsInput(args: readonly string[]): boolean {
  const sub = args[0] ?? "";
  if (/^(req|x509|verify|crl|crl2pkcs7|pkcs7|s_client|s_server|s_time|ca|ocsp|dgst|sha\d*|sha3-\d+|md5|rand|genrsa|genpkey|gendsa|ecparam|dhparam|prime|version|ciphers|speed|list|help|errstr)$/.test(sub)) return false;
  return !/^(rsa|pkey|ec|dsa)$/.test(sub) || args.includes("-text") || !(args.includes("-pubout") || args.includes("-noout"));
}

/**
 * Whether a command prints its own arguments, so a secret expanded into one is shown: echo and
 * printf, and HTTP clients asked to show the request (`curl -v` prints its headers).
 */
export function printsArguments(name: string, args: readonly string[]): boolean {
  if (name === "echo" || name === "printf" || name === "print") return true;
  if (name === "curl") return args.some((a) => /^(-[a-zA-Z]*v[a-zA-Z]*|--verbose|--trace(-ascii)?(=.*)?)$/.test(a));
  if (name === "wget") return args.some((a) => /^(-d|--debug)$/.test(a));
  return " http https xh xhs ".includes(` ${name} `) && args.some((a, i) => /^(-[a-zA-Z]*v[a-zA-Z]*|--verbose|--print=.*H.*|--offline)$/.test(a) || (/^(-p|--print)$/.test(a) && /H/.test(args[i + 1] ?? "")));
}

/**
 * `diff -q` and `cmp -s` say only whether files differ. Not plain `cmp`, whose first differing byte
 * lets a guessed file find the secret byte by byte.
 */
export function comparesQuietly(name: string, args: readonly string[]): boolean {
  // Only flag letters beside q: `-Iq` is -I with the pattern q, and the full diff.
  return args.some((a) => (name === "diff" ? /^-[rNaiwBbEZTt]*q[rNaiwBbEZTt]*$|^--brief$/ : /^-s$|^--(quiet|silent)$/).test(a));
}

/**
 * Whether a sed command only edits its files in place (`sed -i 's/^DEBUG=0/DEBUG=1/' .env`), printing
 * nothing: -i, and scripts made only of substitutions without the w or e flag, deletions and a/i/c
 * text, so no `w`, `r` or `e` command writes, reads or runs anything else. Anything unknown, no.
 */
export function sedEditsInPlace(args: readonly string[]): boolean {
  const scripts: string[] = [];
  let inPlace = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (/^--in-place(=.*)?$/.test(arg)) inPlace = true;
    else if (arg === "-e" || arg === "--expression") scripts.push(args[++i] ?? "");
    else if (arg.startsWith("--expression=")) scripts.push(arg.slice(13));
    else if (/^-[Ernsuz]*i/.test(arg)) inPlace = true;
    else if (/^-[Ernsuz]+$/.test(arg)) continue;
    else if (/^--(regexp-extended|posix|separate|follow-symlinks|quiet)$/.test(arg)) continue;
    else if (arg.startsWith("-") && arg !== "-") return false;
    else if (scripts.length === 0 && !args.slice(0, i).some((a) => a === "-e" || a === "--expression" || a.startsWith("--expression="))) scripts.push(arg);
  }
  return inPlace && scripts.length > 0 && scripts.every(quietSedScript);
}

/** `perl -pi -e 's/^PORT=\d+/PORT=4000/' .env`: in place, printing nothing, when its code is substitutions (no /e) only. */
export function perlEditsInPlace(args: readonly string[]): boolean {
  // `-pe CODE`: e ends a cluster; in `-pie` the e is -i's backup suffix, and the code is no -e's.
  // No module loaded (-M), and no code block inside a pattern (`s/(?{ print })//`).
  const at = args.findIndex((a) => /^-[a-hj-z]*e$/.test(a));
  const flags = ` ${args.slice(0, at + 1).join(" ")}`;
  const code = args[at + 1] ?? "";
  return at > 0 && args.slice(0, at).every((a) => /^-[plwi]/.test(a)) && /\s-\w*p/.test(flags) && /\s-\w*i/.test(flags) && !code.includes("(?") && /^(\s*s([^\w\s])(?:\\.|(?!\2).)*\2(?:\\.|(?!\2).)*\2[gimsx]*\s*;?)+\s*$/.test(code);
}

const SED_ADDRESS = String.raw`(?:\d+|\$|/(?:\\.|[^\\/\n])*/I?)`;
const SED_COMMAND = new RegExp(
  String.raw`\s*(?:${SED_ADDRESS}(?:,${SED_ADDRESS})?!?\s*)?(?:s([^\\\n\w\s])(?:\\.|(?!\1)[^\\\n])*\1(?:\\.|(?!\1)[^\\\n])*\1[gpiImM0-9]*|d|[aic]\\?[^\n]*)\s*(?:[;\n]|$)`,
  "y",
);

/** A sed script of substitutions, deletions and a/i/c text only. */
function quietSedScript(script: string): boolean {
  SED_COMMAND.lastIndex = 0;
  while (SED_COMMAND.lastIndex < script.length) {
    const at = SED_COMMAND.lastIndex;
    if (!SED_COMMAND.test(script) || SED_COMMAND.lastIndex === at) return false;
  }
  return true;
}

/**
 * The variable names of a dotenv file whose every line the shell reads as a plain assignment or a
 * comment, so that sourcing it prints nothing; undefined when any line is something else (an unquoted
 * space, a `$(…)`, a value over several lines), which the shell would run, printing it in the error.
 */
export function plainAssignments(text: string): string[] | undefined {
  const names: string[] = [];
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const m = /^(?:export\s+)?([A-Za-z_]\w*)=(?:'[^']*'|"(?:[^"\\$`]|\\.|\$\{?\w+\}?)*"|(?:[^\s'"`$\\;&|<>()]|\$\{?\w+\}?)*)(?:\s+#.*)?$/.exec(trimmed);
    if (!m) return undefined;
    names.push(m[1] as string);
  }
  return names;
}

/**
 * The operands (by index) of a command line that prints only what comes before each line's first
 * `=`: `cut -d= -f1`, `awk -F= '{print $1}'`, `sed 's/=.*$//'`, `grep -o '^[^=]*'`, the ways people
 * list a dotenv file's names. Undefined for any other line (another option may print more).
 */
export function namesOnly(name: string, words: string[]): number[] | undefined {
  const flags: string[] = [];
  const given = new Map<string, string>();
  const positional: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const glued = /^(-[dfFe])(.+)$|^(--delimiter|--fields)=(.*)$/.exec(word);
    if (glued) given.set((glued[1] ?? glued[3]) as string, (glued[2] ?? glued[4]) as string);
    else if (/^(-[dfFe]|--delimiter|--fields)$/.test(word)) given.set(word, words[++i] ?? "");
    else if (word.startsWith("-")) flags.push(word);
    else positional.push(i);
  }
  const only = (...keys: string[]) => [...given.keys()].every((k) => keys.includes(k));
  const program = name === "cut" ? "" : (given.get("-e") ?? words[positional.shift() ?? -1] ?? "");
  const ok =
    name === "cut"
      ? only("-d", "--delimiter", "-f", "--fields") && (given.get("-d") ?? given.get("--delimiter")) === "=" && (given.get("-f") ?? given.get("--fields")) === "1" && flags.every((f) => /^(-s|--only-delimited)$/.test(f))
      : /awk$/.test(name)
        ? only("-F") && given.get("-F") === "=" && flags.length === 0 && /^\{\s*print\s+\$1;?\s*\}$/.test(program)
        : name === "sed"
          ? only("-e") && flags.every((f) => /^-[Er]$/.test(f)) && /^s(.)=\.\*\$?\1\1$/.test(program)
          : name === "grep" && only("-e") && flags.some((f) => f.includes("o")) && flags.every((f) => /^-[oEhis]+$/.test(f)) && /^\^\[(\^=|[\w-]+)\][*+]$/.test(program);
  return ok ? positional : undefined;
}

/** git subcommands that name files without printing their contents. */
export const GIT_NON_READING = new Set([
  "add", "rm", "mv", "check-ignore", "status", "ls-files", "restore", "checkout", "switch", "reset", "update-index",
  "clean", "stage", "init", "clone", "fetch", "pull", "push", "branch", "tag", "remote", "worktree", "rev-parse",
  "check-attr", "ls-tree", "merge-base", "describe", "stash", "submodule", "lfs", "config", "rebase", "merge",
  "cherry-pick", "revert", "bisect", "gc", "fsck", "prune", "sparse-checkout", "notes", "commit",
]);

/**
 * git's global options (before the subcommand) that take the next word as their value. Their
 * `--opt=value` forms are one word, and `--exec-path`, `--config-env` take a value only that way.
 */
export const GIT_VALUE_OPTIONS = new Set(["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--super-prefix"]);

/** git subcommands that print file contents, where a `REV:path` or a path argument is read. */
export const GIT_READING = new Set(["show", "cat-file", "diff", "log", "blame", "annotate", "archive", "format-patch", "whatchanged", "difftool", "range-diff", "grep", "reflog", "fast-export"]);

/** Options of wrapper commands that take a value, so the wrapped command can be found after them. */
export interface WrapperSpec {
  /** Options followed by a separate value. */
  valueOptions: string[];
  /** Positional arguments before the command (timeout's duration, flock's file). */
  leadingOperands?: number;
  /** Recognises `NAME=value` words before the command (env). */
  assignments?: boolean;
  /** A subcommand word that comes before the command when present (`uv run`, `dotenvx run`). */
  subcommand?: string | string[];
  /** Without its subcommand the wrapper runs no command (`poetry install`). */
  subcommandRequired?: boolean;
  /** Operands up to `--` are the wrapper's own (`chamber exec app db -- cmd`); without `--`, no command. */
  operandsUntilDashDash?: boolean;
}

/**
 * The wrapper spec for a command name, if the command runs another. A switch, not a table: only the
 * spec asked for is built (building the whole table cost every Bash call about 0.1 ms, for commands
 * that are mostly no wrapper at all), and no name is looked up on an object (`constructor`).
 */
export function wrapperSpec(name: string): WrapperSpec | undefined {
  switch (name) {
    case "sudo":
      return { valueOptions: ["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T", "--user", "--group", "--chdir", "--prompt", "--close-from", "--host"] };
    case "doas":
      return { valueOptions: ["-u", "-C"] };
    case "env":
      return { valueOptions: ["-u", "--unset", "-C", "--chdir", "-S", "--split-string"], assignments: true };
    case "timeout":
      return { valueOptions: ["-s", "--signal", "-k", "--kill-after"], leadingOperands: 1 };
    case "nice":
      return { valueOptions: ["-n", "--adjustment"] };
    // Wrappers with no options of their own that take a value.
    case "nohup":
    case "command":
    case "builtin":
    case "setsid":
    case "unbuffer":
    case "caffeinate":
    case "entr":
    case "bunx":
    case "busybox":
      return { valueOptions: [] };
    case "time":
      return { valueOptions: ["-f", "--format", "-o", "--output"] };
    case "exec":
      return { valueOptions: ["-a"] };
    case "stdbuf":
      return { valueOptions: ["-i", "-o", "-e", "--input", "--output", "--error"] };
    case "ionice":
      return { valueOptions: ["-c", "-n", "-p", "--class", "--classdata"] };
    case "chrt":
    case "taskset":
      return { valueOptions: [], leadingOperands: 1 };
    case "flock":
      return { valueOptions: ["-w", "--timeout", "-E", "--conflict-exit-code"], leadingOperands: 1 };
    case "strace":
    case "ltrace":
      return { valueOptions: ["-e", "-o", "-p", "-s", "-u"] };
    case "watch":
      return { valueOptions: ["-n", "--interval", "-d"] };
    // Runners that start a command under a display, a coverage tool or a file watcher.
    case "xvfb-run":
      return { valueOptions: ["-n", "-s", "-f", "-e", "-p", "--server-num", "--server-args", "--auth-file", "--error-file"] };
    case "c8":
    case "nyc":
      return { valueOptions: ["-r", "--reporter", "-o", "--reports-dir", "-n", "--include", "-x", "--exclude", "-e", "--extension"] };
    // `coverage run x.py` runs a script, `coverage run -m pytest` a module: a command named x.py is read as one.
    case "coverage":
      return { valueOptions: ["--rcfile", "--source", "--omit", "--include", "--data-file", "--context", "--concurrency"], subcommand: "run", subcommandRequired: true };
    // dotenv-cli (`dotenv -e .env -- cmd`) and python-dotenv (`dotenv -f .env run cmd`) share the name.
    case "dotenv":
      return { valueOptions: ["-e", "-v", "-c", "-f", "--file", "-q", "--quote", "--export"], subcommand: "run" };
    case "dotenv-cli":
      return { valueOptions: ["-e", "-v", "-c"] };
    case "dotenvx":
      return { valueOptions: ["-f", "--env-file", "-fk", "--env-keys-file", "-e", "--env", "--convention", "-l", "--log-level"], subcommand: "run" };
    case "env-cmd":
      return { valueOptions: ["-f", "--file", "-e", "--environments", "-r", "--rc-file"] };
    case "npx":
      return { valueOptions: ["-p", "--package"] };
    case "uv":
      return { valueOptions: ["--env-file", "--with", "--with-requirements", "--python", "-p", "--package", "--directory", "--project", "--group", "--extra", "--index", "--from"], subcommand: "run" };
    // Project and tool runners, and secret managers that inject variables into the command they run.
    case "npm":
      return { valueOptions: ["-p", "--package", "-w", "--workspace"], subcommand: ["exec", "x"], subcommandRequired: true };
    case "yarn":
      // `yarn node x.js` runs node on the script.
      return { valueOptions: [], subcommand: ["exec", "dlx", "node"], subcommandRequired: true };
    case "pnpm":
      return { valueOptions: ["-C", "--dir", "--filter", "-F"], subcommand: ["exec", "dlx"], subcommandRequired: true };
    case "bundle":
      return { valueOptions: ["--gemfile"], subcommand: "exec", subcommandRequired: true };
    case "poetry":
      return { valueOptions: ["-C", "--directory", "-P", "--project"], subcommand: "run", subcommandRequired: true };
    case "pipenv":
      return { valueOptions: [], subcommand: "run", subcommandRequired: true };
    case "pdm":
      return { valueOptions: ["-p", "--project"], subcommand: "run", subcommandRequired: true };
    case "hatch":
      return { valueOptions: ["-e", "--env"], subcommand: "run", subcommandRequired: true };
    case "rye":
      return { valueOptions: [], subcommand: "run", subcommandRequired: true };
    case "pixi":
      return { valueOptions: ["-e", "--environment", "--manifest-path"], subcommand: "run", subcommandRequired: true };
    case "conda":
      return { valueOptions: ["-n", "--name", "-p", "--prefix"], subcommand: "run", subcommandRequired: true };
    case "devbox":
      return { valueOptions: ["-c", "--config"], subcommand: "run", subcommandRequired: true };
    case "asdf":
      return { valueOptions: [], subcommand: "exec", subcommandRequired: true };
    case "mise":
      return { valueOptions: ["-C", "--cd", "-E", "--env"], subcommand: ["exec", "x"], subcommandRequired: true, operandsUntilDashDash: true };
    case "direnv":
      return { valueOptions: [], subcommand: "exec", subcommandRequired: true, leadingOperands: 1 };
    case "op":
      return { valueOptions: ["--env-file", "--account"], subcommand: "run", subcommandRequired: true };
    case "doppler":
      return { valueOptions: ["-p", "--project", "-c", "--config", "--token", "--mount"], subcommand: "run", subcommandRequired: true };
    case "infisical":
      return { valueOptions: ["--env", "--path", "--projectId", "--token", "--domain"], subcommand: "run", subcommandRequired: true };
    case "aws-vault":
      return { valueOptions: ["-d", "--duration", "--region", "--mfa-token", "-t"], subcommand: "exec", subcommandRequired: true, leadingOperands: 1 };
    case "chamber":
      return { valueOptions: ["-b", "--backend", "-r", "--retries"], subcommand: "exec", subcommandRequired: true, operandsUntilDashDash: true };
    case "teller":
      return { valueOptions: ["-c", "--config"], subcommand: "run", subcommandRequired: true };
    // Procfile runners load .env; platform CLIs inject the service's variables; envchain and summon, secrets.
    case "foreman":
    case "honcho":
      return { valueOptions: ["-e", "--env", "-f", "--procfile", "-d", "--root", "--app-root"], subcommand: "run", subcommandRequired: true };
    case "railway":
      return { valueOptions: ["-s", "--service", "-e", "--environment"], subcommand: "run", subcommandRequired: true };
    case "heroku":
      // `heroku run` runs the command on a dyno, with the app's config vars; its output comes back here.
      return { valueOptions: ["-e", "--env", "-p", "--port", "-a", "--app", "-r", "--remote", "-s", "--size"], subcommand: ["local:run", "run"], subcommandRequired: true };
    case "netlify":
      return { valueOptions: ["--context"], subcommand: "dev:exec", subcommandRequired: true };
    case "vercel":
      // `vercel env run -- cmd`: the project's variables, pulled and given to cmd.
      return { valueOptions: ["-e", "--environment"], subcommand: "env", subcommandRequired: true, operandsUntilDashDash: true };
    case "envchain":
      return { valueOptions: [], leadingOperands: 1 };
    case "summon":
      return { valueOptions: ["-f", "-p", "--provider", "-D", "-e", "--environment"] };
  }
  return undefined;
}

/** PowerShell, whose `-c` is PowerShell code. */
export const POWERSHELL = commandNames(["pwsh", "powershell"]);

/** Interpreters whose scripts on disk the guard reads as code (`python3 x.py`, `node < x.js`), by name. */
export const SCRIPT_RUNNERS = /^(i?python|pypy|node(mon)?|bun|deno|tsx|ts-node|ruby|perl|php)[\d.]*$/;

/** A `#!` line that has one of them run the script (`./x.py`). */
export const CODE_SHEBANG = /^#!\s*(\S*\/(env\s+)?(-S\s+)?)?(python|node|bun|tsx|ruby|perl|php)/;

export const PYTHON = orTest(commandNames(["python"], "version"), commandNames(["pypy", "pypy3", "ipython", "ipython3"]));

/** Shells whose `-c STRING` (or stdin) is shell code to parse in turn. */
export const SHELLS = new Set(["bash", "sh", "zsh", "dash", "ksh", "ash", "fish", "mksh", "tcsh", "csh"]);

/**
 * Interpreters, the options that carry inline code, and the options whose value is the next word (so
 * that `node -r dotenv/config -e …` is not read as running a script called dotenv/config).
 */
export const interpreters = onFirstUse((): Array<{ pattern: NameTest; codeOptions: string[]; valueOptions?: string[] }> => [
  { pattern: PYTHON, codeOptions: ["-c"], valueOptions: ["-W", "-X"] },
  { pattern: commandNames(["node", "nodejs", "bun", "tsx", "ts-node"]), codeOptions: ["-e", "-p", "--eval", "--print"], valueOptions: ["-r", "--require", "--import", "--loader", "--experimental-loader", "-C", "--conditions", "--input-type", "--title"] },
  // nodemon runs its script under node, again at each change; its -e is the extensions it watches.
  { pattern: commandNames(["nodemon"]), codeOptions: [], valueOptions: ["-e", "--ext", "-w", "--watch", "-i", "--ignore", "-d", "--delay"] },
  { pattern: commandNames(["deno"]), codeOptions: ["eval"] },
  { pattern: commandNames(["ruby"]), codeOptions: ["-e"], valueOptions: ["-r", "-I", "-E", "-C", "-F"] },
  { pattern: commandNames(["perl"], "digits"), codeOptions: ["-e", "-E"], valueOptions: ["-I", "-m", "-M"] },
  { pattern: commandNames(["php"], "digits"), codeOptions: ["-r"] },
  { pattern: commandNames(["lua", "luajit"]), codeOptions: ["-e"] },
  { pattern: commandNames(["Rscript"]), codeOptions: ["-e"] },
  { pattern: commandNames(["osascript", "julia", "elixir", "racket", "groovy", "swift", "ghci", "clojure", "clj", "erl"]), codeOptions: ["-eval", "-e"] },
  { pattern: commandNames(["emacs", "sbcl"]), codeOptions: ["--eval", "-eval"] },
  { pattern: commandNames(["guile"]), codeOptions: ["-c"] },
  // Tcl: expect's -c script, and code fed to tclsh on stdin.
  { pattern: orTest(commandNames(["expect", "wish"]), commandNames(["tclsh"], "version")), codeOptions: ["-c"] },
  { pattern: POWERSHELL, codeOptions: ["-c", "-Command", "-command"] },
  { pattern: commandNames(["jshell", "groovy", "scala", "kotlin"]), codeOptions: ["-e"] },
]);

export const AWK = commandNames(["awk", "gawk", "mawk", "nawk", "busybox-awk"]);

/** Commands that dump the whole environment when run without a command or name. */
export const ENV_DUMPERS = new Set(["env", "printenv"]);

/** `docker compose`'s own options that take a value, before its subcommand. */
export const COMPOSE_VALUE_OPTIONS = ["-f", "--file", "-p", "--project-name", "--env-file", "--profile", "--project-directory", "--ansi", "--progress", "--parallel"];

const COMPOSE_CONFIG_NAMES_ONLY = /^(--services|--volumes|--profiles|--images|--networks|--hash(=.*)?|-q|--quiet)$/;

const KUBECTL_NAMES = /^(-o=?|--output=)(wide|name|jsonpath=([^.@]|range \.items\[\*\]|(\.items\[\*\])?(\.metadata\.(name|namespace|uid|creationTimestamp)|\.type)\b)*)$/;

/** A command whose job is to print a credential, and what it prints. */
export interface CredentialCommand {
  argv: string[];
  requires?: RegExp;
  unless?: RegExp;
  /** What the command prints ("the GitHub CLI's token"): refusals put "prints" before it. */
  what: string;
}

// Wording and options several credential commands share, written once (the module's size is budgeted).
const WHOLE_ENVIRONMENT = "the whole environment";
const GIT_CREDENTIALS = "stored git credentials";
const DECRYPTED = /^--with-decryption$/;
const SHOW_SECRETS = /^--show-secrets$/;
const DECRYPT = /^(-d|--decrypt)$/;
// A --query picks fields out of the answer (`--query "[].name"`), which may leave the secrets out.
const QUERIED = /^--query/;

/**
 * The credential commands that start with a command name: argv prefixes (the name first). A switch by name, not one table: only that name's entries are built
 * (building every entry cost every Bash call about 0.1 ms).
 */
export function credentialCommandsOf(name: string): CredentialCommand[] {
  switch (name) {
    case "gh":
      return [
        { argv: ["gh", "auth", "token"], what: "the GitHub CLI's token" },
        { argv: ["gh", "auth", "status"], requires: /^(--show-token|-t)$/, what: "the GitHub CLI's token" },
      ];
    case "glab":
      return [
        { argv: ["glab", "auth", "status"], requires: /^(--show-token|-t)$/, what: "the GitLab CLI's token" },
      ];
    case "gcloud":
      return [
        { argv: ["gcloud", "auth", "print-access-token"], what: "a Google Cloud access token" },
        { argv: ["gcloud", "auth", "print-identity-token"], what: "a Google Cloud identity token" },
        { argv: ["gcloud", "auth", "application-default", "print-access-token"], what: "a Google Cloud access token" },
        { argv: ["gcloud", "config", "config-helper"], what: "Google Cloud credentials" },
        { argv: ["gcloud", "secrets", "versions", "access"], what: "a secret from Secret Manager" },
      ];
    case "aws":
      return [
        { argv: ["aws", "configure", "get"], what: "an AWS configuration value such as a secret key" },
        { argv: ["aws", "configure", "export-credentials"], what: "AWS credentials" },
        { argv: ["aws", "sts", "get-session-token"], what: "new AWS credentials" },
        { argv: ["aws", "sts", "assume-role"], what: "new AWS credentials" },
        { argv: ["aws", "ecr", "get-login-password"], what: "a registry password" },
        { argv: ["aws", "ecr", "get-authorization-token"], what: "a registry token" },
        { argv: ["aws", "codeartifact", "get-authorization-token"], what: "a registry token" },
        { argv: ["aws", "secretsmanager", "get-secret-value"], what: "a secret from Secrets Manager" },
        { argv: ["aws", "ssm", "get-parameter"], requires: DECRYPTED, what: "a decrypted SSM parameter" },
        { argv: ["aws", "ssm", "get-parameters"], requires: DECRYPTED, what: "decrypted SSM parameters" },
        { argv: ["aws", "ssm", "get-parameters-by-path"], requires: DECRYPTED, what: "decrypted SSM parameters" },
        // A function's or task's environment, where deployments keep keys, unless --query picks fields.
        { argv: ["aws", "lambda", "get-function-configuration"], unless: QUERIED, what: "a function's environment variables" },
        { argv: ["aws", "ecs", "describe-task-definition"], unless: QUERIED, what: "a task's environment variables" },
        { argv: ["aws", "kms", "decrypt"], what: "a KMS-decrypted secret" },
        { argv: ["aws", "iam", "create-access-key"], what: "a secret access key" },
        { argv: ["aws", "sso", "get-role-credentials"], what: "AWS credentials" },
      ];
    case "php":
      return [{ argv: ["php"], requires: /^(-i|--info)$/, what: "the whole environment, in phpinfo's tables" }];
    case "az":
      return [
        { argv: ["az", "account", "get-access-token"], what: "an Azure access token" },
        { argv: ["az", "keyvault", "secret", "show"], what: "a Key Vault secret" },
        { argv: ["az", "acr", "login"], requires: /^--expose-token$/, what: "a container registry's access token" },
        { argv: ["az", "acr", "credential", "show"], what: "registry passwords" },
        { argv: ["az", "storage", "account", "keys", "list"], what: "storage account keys" },
        { argv: ["az", "ad", "sp", "create-for-rbac"], what: "a service principal's password" },
        { argv: ["az", "ad", "sp", "credential", "reset"], what: "a service principal's new password" },
        { argv: ["az", "aks", "get-credentials"], requires: /^(-|--file=-)$/, what: "cluster credentials" },
        // App settings and connection strings hold an app's secrets in plain text.
        { argv: ["az", "webapp", "config", "appsettings", "list"], unless: QUERIED, what: "an app's settings, secrets included" },
        { argv: ["az", "functionapp", "config", "appsettings", "list"], unless: QUERIED, what: "an app's settings, secrets included" },
        { argv: ["az", "webapp", "config", "connection-string", "list"], what: "an app's connection strings" },
        { argv: ["az", "storage", "account", "show-connection-string"], what: "a storage account's connection string" },
        { argv: ["az", "cosmosdb", "keys", "list"], what: "Cosmos DB keys" },
        { argv: ["az", "redis", "list-keys"], what: "Redis access keys" },
      ];
    case "yarn":
      return [
        { argv: ["yarn", "env"], what: WHOLE_ENVIRONMENT },
        { argv: ["yarn", "run", "env"], what: WHOLE_ENVIRONMENT },
        { argv: ["yarn", "config"], requires: /^--no-redacted$/, what: "registry tokens, unmasked" },
      ];
    case "fly":
    case "flyctl":
      return [{ argv: [name, "auth", "token"], what: "the Fly.io CLI's token" }];
    case "pip":
    case "pip3":
      return [{ argv: [name, "config", "list"], what: "pip's settings, index URLs with their passwords included" }];
    case "make":
      return [{ argv: ["make"], requires: /^(-[a-zA-Z]*p[a-zA-Z]*|--print-data-base)$/, what: "the whole environment, in make's database" }];
    case "cmake":
      return [{ argv: ["cmake", "environment"], requires: /^-E$/, what: WHOLE_ENVIRONMENT }];
    case "kubectl":
      return [
        { argv: ["kubectl", "set", "env"], requires: /^--(list|resolve)$/, what: "a workload's environment variables" },
        { argv: ["kubectl", "config", "view"], requires: /^(--raw|--flatten)(=true)?$/, what: "cluster credentials" },
        { argv: ["kubectl", "create", "token"], what: "a service account token" },
        { argv: ["kubectl", "view-secret"], what: "a secret, decoded" },
        // Only an output format prints the values; the default table lists names, types and counts, and
        // so do `-o name`, `-o wide` and a jsonpath of names and types (not annotations: the last applied
        // configuration holds the data).
        { argv: ["kubectl", "get", "secret"], requires: /^(-o|--output)/, unless: KUBECTL_NAMES, what: "Kubernetes secrets" },
        { argv: ["kubectl", "get", "secrets"], requires: /^(-o|--output)/, unless: KUBECTL_NAMES, what: "Kubernetes secrets" },
      ];
    case "git":
      return [
        { argv: ["git", "credential", "fill"], what: GIT_CREDENTIALS },
        { argv: ["git", "credential-store", "get"], what: GIT_CREDENTIALS },
        { argv: ["git", "credential-cache", "get"], what: GIT_CREDENTIALS },
        // The keychain helpers answer `get` the same way.
        ...["osxkeychain", "manager", "manager-core", "wincred", "libsecret"].map((helper) => ({ argv: ["git", `credential-${helper}`, "get"], what: GIT_CREDENTIALS })),
      ];
    case "heroku":
      return [
        { argv: ["heroku", "auth:token"], what: "the Heroku token" },
        { argv: ["heroku", "authorizations:create"], what: "a Heroku token" },
        { argv: ["heroku", "config"], what: "the app's config vars" },
        { argv: ["heroku", "config:get"], what: "an app config var" },
        { argv: ["heroku", "pg:credentials:url"], what: "a database URL, password included" },
        { argv: ["heroku", "redis:credentials"], what: "a Redis URL, password included" },
      ];
    case "vercel":
      return [{ argv: ["vercel", "env", "pull"], requires: /^(\/dev\/(stdout|stderr|fd\/[12]|tty)|-)$/, what: "the project's variables" }];
    case "mc":
      return [{ argv: ["mc", "alias"], requires: /^(list|ls)$/, what: "storage keys" }];
    case "vault":
      return [
        { argv: ["vault", "read"], what: "secrets from Vault" },
        { argv: ["vault", "kv", "get"], what: "secrets from Vault" },
        { argv: ["vault", "print", "token"], what: "the Vault token" },
        // Its `id` is the token itself (but not when looked up by accessor).
        { argv: ["vault", "token", "lookup"], unless: /^-accessor/, what: "the Vault token" },
        { argv: ["vault", "token", "create"], what: "a Vault token" },
        { argv: ["vault", "login"], unless: /^-no-print(=true)?$/, what: "a Vault token" },
      ];
    case "op":
      return [
        { argv: ["op", "read"], what: "a 1Password secret" },
        { argv: ["op", "item", "get"], what: "a 1Password item" },
        { argv: ["op", "signin"], requires: /^--raw$/, what: "a session token" },
      ];
    case "security":
      return [
        { argv: ["security", "find-generic-password"], requires: /^-[a-z]*[wg][a-z]*$/, what: "a keychain password" },
        { argv: ["security", "find-internet-password"], requires: /^-[a-z]*[wg][a-z]*$/, what: "a keychain password" },
        { argv: ["security", "dump-keychain"], requires: /^-[a-z]*d[a-z]*$/, what: "keychain passwords" },
      ];
    case "secret-tool":
      return [
        { argv: ["secret-tool", "lookup"], what: "a secret from the desktop keyring" },
      ];
    case "keyring":
      return [
        { argv: ["keyring", "get"], what: "a password from the system keyring" },
      ];
    case "pass":
    case "gopass":
      return [
        { argv: [name, "show"], what: "a password-store entry" },
        // `pass github/token` is `pass show github/token`; the other subcommands print no entry.
        { argv: [name], requires: /^[^-]/, unless: /^(ls|list|find|search|insert|add|edit|rm|remove|mv|rename|cp|copy|git|init|help|version|show|sync|setup|config|otp)$/, what: "a password-store entry" },
      ];
    case "bw":
      return [
        { argv: ["bw", "get"], what: "a Bitwarden secret" },
        { argv: ["bw", "list", "items"], what: "Bitwarden passwords" },
      ];
    case "bws":
      return [
        { argv: ["bws", "secret"], unless: /^(create|delete|edit)$/, what: "Bitwarden secrets" },
      ];
    case "dotnet":
      return [
        { argv: ["dotnet", "user-secrets", "list"], what: "user secrets" },
      ];
    case "varlock":
      return [
        { argv: ["varlock", "printenv"], what: "a variable's value" },
        { argv: ["varlock", "load"], requires: /^(--show-all|--format|-f)(=.*)?$/, what: "variables' values" },
      ];
    case "keepassxc-cli":
      return [
        { argv: ["keepassxc-cli", "show"], requires: /^(-s|--show-protected|-a|--attributes)(=.*)?$/, what: "a KeePassXC password" },
        { argv: ["keepassxc-cli", "export"], what: "a KeePassXC database" },
      ];
    case "kwallet-query":
      return [
        { argv: ["kwallet-query"], requires: /^(-r|--read-password)$/, what: "a KWallet password" },
      ];
    case "ejson":
      return [
        { argv: ["ejson", "decrypt"], unless: /^-o$/, what: "an ejson file decrypted" },
      ];
    case "lpass":
      return [
        { argv: ["lpass", "show"], what: "a LastPass secret" },
      ];
    case "doppler":
      return [
        { argv: ["doppler", "secrets"], what: "Doppler secrets" },
        { argv: ["doppler", "configs", "tokens", "create"], what: "a service token" },
      ];
    case "npm":
      return [
        // npm's built-in env script (when package.json has none of its own).
        { argv: ["npm", "run", "env"], what: WHOLE_ENVIRONMENT },
        { argv: ["npm", "run-script", "env"], what: WHOLE_ENVIRONMENT },
        { argv: ["npm", "token", "create"], what: "an npm token" },
        { argv: ["npm", "config", "get"], requires: /(_authToken|_auth|_password|token)/i, what: "an npm registry token" },
      ];
    case "docker":
      return [
        // Listing names (`--services`, `--quiet` to validate) prints no values.
        { argv: ["docker", "compose", "config"], unless: COMPOSE_CONFIG_NAMES_ONLY, what: "the compose file with the values of .env filled in" },
      ];
    case "docker-compose":
    case "podman-compose":
      return [
        { argv: [name, "config"], unless: COMPOSE_CONFIG_NAMES_ONLY, what: "the compose file with the values of .env filled in" },
      ];
    case "terraform":
      return [
        { argv: ["terraform", "show"], what: "the Terraform state, secrets included" },
        { argv: ["terraform", "state", "pull"], what: "the Terraform state, secrets included" },
        // `terraform output db_password` prints a sensitive output all the same.
        { argv: ["terraform", "output"], requires: /^-(raw|json)$|pass|secret|token|key|cred/i, what: "Terraform outputs, sensitive ones included" },
      ];
    case "helm":
      return [
        { argv: ["helm", "get", "values"], what: "a release's values, passwords included" },
        { argv: ["helm", "get", "all"], what: "a release's values and manifests, secrets included" },
      ];
    case "pulumi":
      return [
        { argv: ["pulumi", "config"], requires: SHOW_SECRETS, what: "Pulumi secrets" },
        // `pulumi config get` prints a secret's value decrypted.
        { argv: ["pulumi", "config", "get"], requires: /pass|secret|token|key|cred/i, what: "a Pulumi secret, decrypted" },
        { argv: ["pulumi", "stack", "export"], requires: SHOW_SECRETS, what: "Pulumi secrets" },
        { argv: ["pulumi", "stack", "output"], requires: SHOW_SECRETS, what: "Pulumi secrets" },
      ];
    case "dotenv":
    case "dotenv-cli":
      return [
        // dotenv tools that print what .env holds (their `run` forms only load it: see wrapperSpec).
        { argv: [name], requires: /^-p$/, what: "a value from .env" },
        { argv: ["dotenv", "list"], what: "every value in .env" },
        { argv: ["dotenv", "get"], what: "a value from .env" },
      ];
    case "dotenvx":
      return [
        { argv: ["dotenvx", "get"], what: "the values in .env, decrypted" },
        { argv: ["dotenvx", "decrypt"], requires: /^--stdout$/, what: ".env decrypted" },
        { argv: ["dotenvx", "keypair"], what: "the private key that decrypts .env" },
      ];
    case "pm2":
      return [
        { argv: ["pm2", "env"], what: "a managed process's whole environment" },
      ];
    case "dotenv-vault":
      return [
        { argv: ["dotenv-vault", "keys"], what: "the keys that decrypt .env.vault" },
      ];
    case "sops":
      return [
        // Decryption to the terminal; to a file (-o, -i) it puts nothing in the conversation.
        { argv: ["sops"], requires: DECRYPT, unless: /^(-i|--in-place|--output)(=.*)?$/, what: "a secrets file decrypted" },
        { argv: ["sops", "decrypt"], unless: /^(-i|--in-place|--output)(=.*)?$/, what: "a secrets file decrypted" },
      ];
    case "ansible-vault":
      return [
        { argv: ["ansible-vault", "view"], what: "a vault file decrypted" },
        { argv: ["ansible-vault", "decrypt"], requires: /^(--output=-|-)$/, what: "a vault file decrypted" },
      ];
    case "wg":
      // `wg show wg0 private-key`, `wg showconf wg0`: the interface's private key.
      return [{ argv: ["wg", "showconf"], what: "a WireGuard private key" }, { argv: ["wg", "show"], requires: /^private-key$/, what: "a WireGuard private key" }];
    case "gpg":
    case "gpg2":
      return [
        { argv: [name], requires: DECRYPT, unless: /^(-o|--output)(=.*)?$/, what: "a file decrypted" },
        { argv: [name], requires: /^--export-secret-(sub)?keys$/, unless: /^(-o|--output)(=.*)?$/, what: "private keys" },
      ];
    case "age":
      return [
        { argv: ["age"], requires: DECRYPT, unless: /^(-o|--output)(=.*)?$/, what: "a file decrypted" },
      ];
    case "netlify":
      return [
        { argv: ["netlify", "env:get"], what: "a site's environment variable" },
        { argv: ["netlify", "env:list"], requires: /^--(plain|json)$/, what: "a site's environment variables" },
      ];
    case "cf":
      return [{ argv: ["cf", "env"], what: "an app's environment, with credentials" }];
    case "eb":
      return [{ argv: ["eb", "printenv"], what: "the environment's variables" }];
    case "kamal":
      return [{ argv: ["kamal", "secrets", "print"], what: "deploy secrets" }];
    case "dokku":
      return ["config", "config:show", "config:get", "config:export"].map((sub) => ({ argv: ["dokku", sub], what: "an app's config vars" }));
    case "railway":
      return [
        { argv: ["railway", "variables"], unless: /^(--set|-s)(=.*)?$/, what: "the service's variables" },
      ];
    case "firebase":
      return [
        { argv: ["firebase", "functions:config:get"], what: "the functions' config, keys included" },
        { argv: ["firebase", "login:ci"], what: "a CI token" },
      ];
    case "direnv":
      return [
        // Environment managers and secret injectors that print what they would load.
        { argv: ["direnv", "export"], what: "the variables .envrc sets" },
        { argv: ["direnv", "dump"], what: WHOLE_ENVIRONMENT },
      ];
    case "mise":
      return [
        { argv: ["mise", "env"], what: "the variables mise sets, secrets in its config included" },
        { argv: ["mise", "set"], unless: /^[A-Za-z_]\w*=/, what: "the variables mise sets" },
      ];
    case "infisical":
      return [
        { argv: ["infisical", "export"], what: "the project's secrets" },
        { argv: ["infisical", "secrets"], unless: /^(set|delete)$/, what: "the project's secrets" },
      ];
    case "chamber":
      return [
        { argv: ["chamber", "export"], what: "a service's secrets" },
        { argv: ["chamber", "read"], what: "a secret" },
      ];
    case "teller":
      return [
        { argv: ["teller", "env"], what: "the secrets teller loads" },
        { argv: ["teller", "export"], what: "the secrets teller loads" },
        { argv: ["teller", "show"], what: "the secrets teller loads" },
      ];
    case "systemctl":
      return [
        // Whole environments kept by a service manager or a terminal multiplexer.
        { argv: ["systemctl", "show-environment"], what: "the service manager's whole environment" },
        // A unit's properties, its Environment= among them unless others are asked for by name.
        { argv: ["systemctl", "show"], unless: /^(-p|--property)=(?!.*\bEnvironment\b)/, what: "a service's environment" },
      ];
    case "conda":
      return [{ argv: ["conda", "env", "config", "vars", "list"], what: "the variables set for a conda environment" }];
    case "rails":
      return [
        { argv: ["rails", "credentials:show"], what: "the Rails app's decrypted credentials" },
        { argv: ["rails", "encrypted:show"], what: "a decrypted Rails secrets file" },
      ];
    case "manage.py":
    case "django-admin":
      return [{ argv: [name, "diffsettings"], what: "the Django settings, SECRET_KEY and database passwords included" }];
    case "artisan":
      return [{ argv: ["artisan", "config:show"], what: "the Laravel config, passwords and keys included" }];
    // Symfony's bin/console, run by php, by the symfony CLI or itself.
    case "symfony":
    case "console":
      return [
        { argv: [name, ...(name === "symfony" ? ["console"] : []), "debug:dotenv"], what: "the values .env files give" },
        { argv: [name, ...(name === "symfony" ? ["console"] : []), "secrets:reveal"], what: "a Symfony secret, decrypted" },
        { argv: [name, ...(name === "symfony" ? ["console"] : []), "secrets:list"], requires: /^(-r|--reveal)$/, what: "Symfony secrets, decrypted" },
      ];
    case "tmux":
      return [
        { argv: ["tmux", "show-environment"], what: "the tmux session's whole environment" },
        { argv: ["tmux", "showenv"], what: "the tmux session's whole environment" },
      ];
    // Platform CLIs that print a token or key, or make one and print it.
    case "oc":
      return [{ argv: ["oc", "whoami"], requires: /^(-t|--show-token)$/, what: "the OpenShift token" }];
    case "supabase":
      return [{ argv: ["supabase", "projects", "api-keys"], what: "API keys" }];
    case "stripe":
      return [{ argv: ["stripe", "config"], requires: /^--list$/, what: "Stripe API keys" }];
    case "argocd":
      return [{ argv: ["argocd", "account", "generate-token"], what: "an Argo CD token" }];
  }
  return [];
}

/** Words of a variable name that mark it as holding a secret. */
// PAT: a personal access token (GH_PAT); SK: a secret key (STRIPE_SK).
const SECRET_WORDS = new Set(["SECRET", "SECRETS", "PASSWORD", "PASSWORDS", "PASSWD", "PASS", "PWD", "TOKEN", "TOKENS", "CREDENTIAL", "CREDENTIALS", "APIKEY", "PASSPHRASE", "PRIVATEKEY", "AUTHTOKEN", "PAT", "SK"]);
const SECRET_PAIRS = new Set(["API_KEY", "ACCESS_KEY", "PRIVATE_KEY", "SECRET_KEY", "AUTH_KEY", "SESSION_KEY", "SIGNING_KEY", "ENCRYPTION_KEY", "MASTER_KEY", "CLIENT_SECRET", "ACCESS_TOKEN", "AUTH_TOKEN", "AUTH_CONFIG"]);
const NOT_SECRET = new Set(["PWD", "OLDPWD", "TOKENIZERS_PARALLELISM", "KEY", "GPG_TTY"]);

/** Whether a variable's name says it holds a secret: GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY, DB_PASSWORD, … */
export function isSecretVariable(name: string): boolean {
  const upper = name.toUpperCase();
  if (NOT_SECRET.has(upper)) return false;
  // A database or broker's connection string carries its password: DATABASE_URL, REDIS_URL, MONGO_URI.
  // Django's settings.DATABASES and settings.CACHES hold each connection's password.
  if (/^(\w+_)?(DATABASE|DB|POSTGRES(QL)?|PG|MYSQL|MARIADB|MONGO(DB)?|REDIS|AMQP|RABBITMQ|CELERY_BROKER|BROKER|SQLALCHEMY_DATABASE)_(URL|URI|DSN)$|^(DATABASES|CACHES)$/.test(upper)) return true;
  const words = upper.split("_").filter(Boolean);
  // Glued names count too (PGPASSWORD, GHTOKEN), and a webhook URL carries its token (SLACK_WEBHOOK_URL).
  if (words.some((w) => SECRET_WORDS.has(w) || /(PASSWORD|PASSWD|SECRET|TOKEN)S?$/.test(w) || w === "WEBHOOK")) return true;
  for (let i = 0; i + 1 < words.length; i++) if (SECRET_PAIRS.has(`${words[i]}_${words[i + 1]}`)) return true;
  // …_AUTH holds credentials (NPM_CONFIG__AUTH, BASIC_AUTH); AUTH elsewhere names a socket or domain.
  if (words.length > 1 && words[words.length - 1] === "AUTH") return true;
  return words.length > 1 && words[words.length - 1] === "KEY" && !["SSH_AUTH", "PRIMARY"].includes(words[words.length - 2] ?? "");
}
