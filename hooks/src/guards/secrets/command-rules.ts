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
  // Sign a package with a keystore, printing what they signed.
  "jarsigner", "apksigner",
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
  const { scripts, inPlace, unknown } = sedScripts(args);
  return inPlace && !unknown && scripts.length > 0 && scripts.every((s) => quietSedScript(s.text));
}

/** A sed command's script words: where each stands in args, and the script text it holds. */
export interface SedScripts {
  scripts: { at: number; text: string }[];
  inPlace: boolean;
  /** An option not known, or a script read from a file (-f): what the script does is not all seen. */
  unknown: boolean;
}

/**
 * Which of sed's words are its script: each -e/--expression, or else the first operand. The file
 * operands are not script: `sed -n '/a/,/^}/p' src/resource.ts` must not read `s/…r…r…e` in a path as
 * a command.
 */
export function sedScripts(args: readonly string[]): SedScripts {
  const options: { at: number; text: string }[] = [];
  let operand: { at: number; text: string } | undefined;
  let inPlace = false;
  let unknown = false;
  let fromFile = false;
  let ended = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (ended || !arg.startsWith("-") || arg === "-") operand ??= { at: i, text: arg };
    else if (arg === "--") ended = true;
    else if (/^--in-place(=.*)?$/.test(arg)) inPlace = true;
    else if (/^-[Ernsuz]*e$|^--expression$/.test(arg)) {
      if (i + 1 < args.length) options.push({ at: i + 1, text: args[++i] as string });
    } else if (arg.startsWith("--expression=")) options.push({ at: i, text: arg.slice(13) });
    else if (/^-[Ernsuz]*f$|^--file$/.test(arg)) {
      fromFile = true;
      i++;
    } else if (arg.startsWith("--file=")) fromFile = true;
    // GNU reads what follows i in a cluster as the backup suffix: `-ie` is -i with suffix e.
    else if (/^-[Ernsuz]*i/.test(arg)) inPlace = true;
    else if (/^-[Ernsuz]*l$/.test(arg)) i++;
    else if (/^-[Ernsuz]+$/.test(arg)) continue;
    else if (/^--(regexp-extended|posix|separate|follow-symlinks|quiet|silent|unbuffered|null-data|sandbox|line-length=\d+)$/.test(arg)) continue;
    else unknown = true;
  }
  // With -e or -f, every operand is a file; without them, the first operand is the script.
  const scripts = options.length > 0 || fromFile ? options : operand ? [operand] : [];
  return { scripts, inPlace, unknown: unknown || fromFile };
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
 * The names a dotenv file sets when its lines are split into words for `export $(cat .env | xargs)`,
 * where each word that is no NAME=value is printed in export's error: undefined when any line would
 * split into another word (a space or a backslash in a value, a comment not filtered out).
 */
export function exportedWords(text: string, uncommented: boolean): string[] | undefined {
  const names: string[] = [];
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "" || (uncommented && line.startsWith("#"))) continue;
    const m = /^(?:export\s+)?([A-Za-z_]\w*)=(?:'[^'\s\\]*'|"[^"\s\\]*"|[^\s'"\\]*)$/.exec(trimmed);
    if (!m) return undefined;
    names.push(m[1] as string);
  }
  return names;
}

/**
 * The operands (by index) of a command line that prints only what comes before each line's first
 * `=`: `cut -d= -f1`, `awk -F= '{print $1}'`, `sed 's/=.*$//'` (or `s/=.*$/=XXX/`, masking each value),
 * `grep -o '^[^=]*'`, the ways people list a dotenv file's names. Undefined for any other line (another
 * option may print more).
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
        ? // A condition of regexes, NF and NR tests prints nothing (`!/^#/ && NF {print $1}`).
          only("-F") && given.get("-F") === "=" && flags.length === 0 && /^(?:[\s!()]|&&|\|\||NF|NR\s*[<>=!]=?\s*\d+|(?:\$1\s*!?~\s*)?\/(?:\\.|[^/\\\n])*\/)*\{\s*print\s+\$1;?\s*\}$/.test(program)
        : name === "sed"
          ? // `s/=.*//`, or a mask with no backreference in it (`s/=.*/=XXX/`); with -n, a name kept whole from
            // the line's start and printed alone (`s/^\([A-Z_]*\)=.*/\1/p`): a class without `=` cannot reach the value.
            only("-e") && flags.every((f) => /^-[Ern]+$/.test(f)) && (/^s(.)=\.\*\$?\1(?:(?!\1)[^\\&])*\1g?$/.test(program) || (flags.some((f) => f.includes("n")) && /^s(.)\^\\?\((?:(?:\[(?:\^=|[\w-]+)\]|\\w)(?:[*+]|\\\+|\{\d*,?\d*\})?)+\\?\)=\.\*\$?\1\\1\1p$/.test(program)))
          : name === "grep" && only("-e") && flags.some((f) => f.includes("o")) && flags.every((f) => /^-[oEhis]+$/.test(f)) && /^\^(?:\[(?:\^=|[\w-]+)\](?:[*+?]|\{\d*,?\d*\})?)+=?$/.test(program);
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
  /** Words besides `--` that end those operands, the command after them (`nix develop .#x -c cmd`). */
  separators?: string[];
}

/** A wrapper that runs a command only after its subcommand (`poetry run`, `bundle exec`). */
function runsAfter(subcommand: string | string[], valueOptions: string[] = [], more?: Partial<WrapperSpec>): WrapperSpec {
  return { valueOptions, subcommand, subcommandRequired: true, ...more };
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
      return runsAfter("run", ["--rcfile", "--source", "--omit", "--include", "--data-file", "--context", "--concurrency"]);
    // dotenv-cli (`dotenv -e .env -- cmd`) and python-dotenv (`dotenv -f .env run cmd`) share the name.
    case "dotenv":
      return { valueOptions: ["-e", "-v", "-c", "-f", "--file", "-q", "--quote", "--export"], subcommand: "run" };
    case "dotenv-cli":
      return { valueOptions: ["-e", "-v", "-c"] };
    case "dotenvx":
      return { valueOptions: ["-f", "--env-file", "-fk", "--env-keys-file", "-e", "--env", "--convention", "-l", "--log-level"], subcommand: "run" };
    case "env-cmd":
      return { valueOptions: ["-f", "--file", "-e", "--environments", "-r", "--rc-file"] };
    // `cross-env NODE_ENV=test jest`: assignments, then the command, as env takes them.
    case "cross-env":
      return { valueOptions: [], assignments: true };
    case "npx":
      return { valueOptions: ["-p", "--package"] };
    // Only `uv run` runs a command: `uv export` prints the lock as requirements, `uv pip list` the packages.
    case "pipx":
      return runsAfter("run", ["--spec", "--python", "--index-url", "-i", "--pip-args"]);
    case "uv":
      return runsAfter("run", ["--env-file", "--with", "--with-requirements", "--python", "-p", "--package", "--directory", "--project", "--group", "--extra", "--index", "--from"]);
    // Project and tool runners, and secret managers that inject variables into the command they run.
    case "npm":
      return runsAfter(["exec", "x"], ["-p", "--package", "-w", "--workspace"]);
    case "yarn":
      // `yarn node x.js` runs node on the script.
      return runsAfter(["exec", "dlx", "node"]);
    case "pnpm":
      return runsAfter(["exec", "dlx"], ["-C", "--dir", "--filter", "-F"]);
    case "bundle":
      return runsAfter("exec", ["--gemfile"]);
    case "poetry":
      return runsAfter("run", ["-C", "--directory", "-P", "--project"]);
    case "pipenv":
      return runsAfter("run");
    case "pdm":
      return runsAfter("run", ["-p", "--project"]);
    case "hatch":
      return runsAfter("run", ["-e", "--env"]);
    case "rye":
      return runsAfter("run");
    case "pixi":
      return runsAfter("run", ["-e", "--environment", "--manifest-path"]);
    case "conda":
      return runsAfter("run", ["-n", "--name", "-p", "--prefix"]);
    case "devbox":
      return runsAfter("run", ["-c", "--config"]);
    case "asdf":
      return runsAfter("exec");
    case "mise":
      return runsAfter(["exec", "x"], ["-C", "--cd", "-E", "--env"], { operandsUntilDashDash: true });
    case "direnv":
      return runsAfter("exec", [], { leadingOperands: 1 });
    case "op":
      return runsAfter("run", ["--env-file", "--account"]);
    case "doppler":
      return runsAfter("run", ["-p", "--project", "-c", "--config", "--token", "--mount"]);
    case "infisical":
      return runsAfter("run", ["--env", "--path", "--projectId", "--token", "--domain"]);
    case "aws-vault":
      return runsAfter("exec", ["-d", "--duration", "--region", "--mfa-token", "-t"], { leadingOperands: 1 });
    case "chamber":
      return runsAfter("exec", ["-b", "--backend", "-r", "--retries"], { operandsUntilDashDash: true });
    case "teller":
      return runsAfter("run", ["-c", "--config"]);
    // Procfile runners load .env; platform CLIs inject the service's variables; envchain and summon, secrets.
    case "foreman":
    case "honcho":
    case "overmind":
      return runsAfter("run", ["-e", "--env", "-f", "--procfile", "-d", "--root", "--app-root"]);
    case "railway":
      return runsAfter("run", ["-s", "--service", "-e", "--environment"]);
    case "heroku":
      // `heroku run` runs the command on a dyno, with the app's config vars; its output comes back here.
      return runsAfter(["local:run", "run"], ["-e", "--env", "-p", "--port", "-a", "--app", "-r", "--remote", "-s", "--size"]);
    case "netlify":
      return runsAfter("dev:exec", ["--context"]);
    case "vercel":
      // `vercel env run -- cmd`: the project's variables, pulled and given to cmd.
      return runsAfter("env", ["-e", "--environment"], { operandsUntilDashDash: true });
    case "flox":
      // (Its -c is a shell command line: RUNS_C.)
      return runsAfter("activate", ["-d", "--dir", "-r", "--remote"], { operandsUntilDashDash: true });
    case "nix":
      return runsAfter(["develop", "shell"], [], { operandsUntilDashDash: true, separators: ["-c", "--command"] });
    // A transient unit's output goes to the journal, or here with --pty or --pipe.
    case "systemd-run":
      return { valueOptions: ["-u", "--unit", "-p", "--property", "-E", "--setenv", "--uid", "--gid", "-M", "--machine", "-H", "--host", "--description", "--slice", "--working-directory"] };
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
export const SCRIPT_RUNNERS = /^(i?python|pypy|node(mon)?|bun|deno|tsx|ts-node|zx|ruby|perl|php|Rscript|julia|lua(jit)?|elixir|crystal|dart|swift|kotlin|groovy|guile|racket|runghc|runhaskell|tclsh|bb|nbb)[\d.]*$/;

/** A `#!` line that has one of them run the script (`./x.py`). */
export const CODE_SHEBANG = /^#!\s*(\S*\/(env\s+)?(-S\s+)?)?(python|node|bun|tsx|zx|ruby|perl|php)/;

export const PYTHON = orTest(commandNames(["python"], "version"), commandNames(["pypy", "pypy3", "ipython", "ipython3"]));

/** Shells whose `-c STRING` (or stdin) is shell code to parse in turn. */
export const SHELLS = new Set(["bash", "sh", "zsh", "dash", "ksh", "ash", "fish", "mksh", "tcsh", "csh", "osh", "yash", "oksh", "loksh", "posh", "hush", "rbash", "ksh93"]);

/**
 * Commands that hand their -c (nix-shell: --run or --command) to a shell: `su -c`, `runuser`,
 * `script -qc 'cmd' /dev/null` (under a terminal of its own), `sg group -c`, `nix-shell --run`,
 * `flox activate -c`, zsh's `emulate sh -c`.
 */
export const RUNS_C = new Set(["su", "runuser", "script", "sg", "nix-shell", "flox", "emulate"]);

/**
 * Interpreters, the options that carry inline code, and the options whose value is the next word (so
 * that `node -r dotenv/config -e …` is not read as running a script called dotenv/config).
 */
export const interpreters = onFirstUse((): Array<{ pattern: NameTest; codeOptions: string[]; valueOptions?: string[] }> => [
  { pattern: PYTHON, codeOptions: ["-c"], valueOptions: ["-W", "-X"] },
  { pattern: commandNames(["node", "nodejs", "bun", "tsx", "ts-node", "zx"]), codeOptions: ["-e", "-p", "--eval", "--print"], valueOptions: ["-r", "--require", "--import", "--loader", "--experimental-loader", "-C", "--conditions", "--input-type", "--title"] },
  // nodemon runs its script under node, again at each change; its -e is the extensions it watches.
  { pattern: commandNames(["nodemon"]), codeOptions: [], valueOptions: ["-e", "--ext", "-w", "--watch", "-i", "--ignore", "-d", "--delay"] },
  { pattern: commandNames(["deno", "crystal", "dart"]), codeOptions: ["eval"] },
  { pattern: commandNames(["ruby"]), codeOptions: ["-e"], valueOptions: ["-r", "-I", "-E", "-C", "-F"] },
  { pattern: commandNames(["perl"], "digits"), codeOptions: ["-e", "-E"], valueOptions: ["-I", "-m", "-M"] },
  { pattern: commandNames(["php"], "digits"), codeOptions: ["-r"] },
  // osascript's -l names the language (`-l JavaScript`), lua's a library.
  { pattern: commandNames(["osascript", "julia", "elixir", "racket", "groovy", "swift", "ghci", "ghc", "runghc", "clojure", "clj", "erl", "lua", "luajit", "Rscript", "jshell", "scala", "kotlin", "bb", "nbb", "runhaskell"]), codeOptions: ["-eval", "-e"], valueOptions: ["-l"] },
  { pattern: commandNames(["emacs", "sbcl"]), codeOptions: ["--eval", "-eval"] },
  { pattern: commandNames(["guile"]), codeOptions: ["-c"] },
  // Tcl: expect's -c script, and code fed to tclsh on stdin.
  { pattern: orTest(commandNames(["expect", "wish"]), commandNames(["tclsh"], "version")), codeOptions: ["-c"] },
  { pattern: POWERSHELL, codeOptions: ["-c", "-Command", "-command"] },
  // Debuggers' commands (`gdb -ex 'shell cat .env'`, `-ex 'python …'`, lldb's `-o`), scanned as text.
  { pattern: commandNames(["gdb", "lldb"]), codeOptions: ["-ex", "-iex", "--eval-command", "-o", "-O", "--one-line", "--one-line-before-file"] },
  // Shells of other languages (nushell's `open .env`, xonsh's Python, Plan 9's rc): their code is
  // scanned as text.
  { pattern: commandNames(["nu", "xonsh", "elvish", "ysh", "oil", "murex", "ion", "rc", "es"]), codeOptions: ["-c", "--commands"] },
]);

export const AWK = commandNames(["awk", "gawk", "mawk", "nawk", "busybox-awk"]);

/** Commands that dump the whole environment when run without a command or name. */
export const ENV_DUMPERS = new Set(["env", "printenv"]);

/** `docker compose`'s own options that take a value, before its subcommand. */
export const COMPOSE_VALUE_OPTIONS = ["-f", "--file", "-p", "--project-name", "--env-file", "--profile", "--project-directory", "--ansi", "--progress", "--parallel"];

/** Words of a variable name that mark it as holding a secret. */
// PAT: a personal access token (GH_PAT); SK: a secret key (STRIPE_SK).
const SECRET_WORDS = new Set(["SECRET", "SECRETS", "PASSWORD", "PASSWORDS", "PASSWD", "PASS", "PWD", "TOKEN", "TOKENS", "CREDENTIAL", "CREDENTIALS", "APIKEY", "PASSPHRASE", "PRIVATEKEY", "AUTHTOKEN", "PAT", "SK"]);
const SECRET_PAIRS = new Set(["API_KEY", "ACCESS_KEY", "PRIVATE_KEY", "SECRET_KEY", "AUTH_KEY", "SESSION_KEY", "SIGNING_KEY", "ENCRYPTION_KEY", "MASTER_KEY", "CLIENT_SECRET", "ACCESS_TOKEN", "AUTH_TOKEN", "AUTH_CONFIG"]);
// GOOGLE_APPLICATION_CREDENTIALS holds the path of a key file (the file stays guarded).
const NOT_SECRET = new Set(["PWD", "OLDPWD", "TOKENIZERS_PARALLELISM", "KEY", "GPG_TTY", "GOOGLE_APPLICATION_CREDENTIALS"]);

/** Whether a variable's name says it holds a secret: GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY, DB_PASSWORD, … */
export function isSecretVariable(name: string): boolean {
  const upper = name.toUpperCase();
  if (NOT_SECRET.has(upper)) return false;
  // A database or broker's connection string carries its password: DATABASE_URL, REDIS_URL, MONGO_URI.
  // Django's settings.DATABASES and settings.CACHES hold each connection's password.
  if (/^(\w+_)?(DATABASE|DB|POSTGRES(QL)?|PG|MYSQL|MARIADB|MONGO(DB)?|REDIS|AMQP|RABBITMQ|CELERY_BROKER|BROKER|SQLALCHEMY_DATABASE)_(URL|URI|DSN)$|^(DATABASES|CACHES)$/.test(upper)) return true;
  const words = upper.split("_").filter(Boolean);
  return secretWords(words) && !describesSecret(words, upper);
}

/** Whether a name's words mark a secret: a secret word, glued or not, a secret pair, or a last AUTH or KEY. */
function secretWords(words: string[]): boolean {
  // Glued names count too (PGPASSWORD, GHTOKEN), and a webhook URL carries its token (SLACK_WEBHOOK_URL).
  if (words.some((w) => SECRET_WORDS.has(w) || /(PASSWORD|PASSWD|SECRET|TOKEN)S?$/.test(w) || w === "WEBHOOK")) return true;
  for (let i = 0; i + 1 < words.length; i++) if (SECRET_PAIRS.has(`${words[i]}_${words[i + 1]}`)) return true;
  // …_AUTH holds credentials (NPM_CONFIG__AUTH, BASIC_AUTH); AUTH elsewhere names a socket or domain.
  if (words.length > 1 && words[words.length - 1] === "AUTH") return true;
  return words.length > 1 && words[words.length - 1] === "KEY" && !["SSH_AUTH", "PRIMARY"].includes(words[words.length - 2] ?? "");
}

/**
 * A name that says something about a secret, not the secret: its length, lifetime, path, name or URL
 * (PASSWORD_MIN_LENGTH, TOKEN_URL, PASSPHRASE_FILE, MAX_TOKENS), or a key meant to be public
 * (STRIPE_PUBLISHABLE_KEY, NEXT_PUBLIC_SUPABASE_ANON_KEY). Not a webhook's URL, which holds its token.
 * Asked only of names that secretWords marks.
 */
function describesSecret(words: string[], upper: string): boolean {
  if (words.length < 2 || words.includes("WEBHOOK")) return false;
  const last = words[words.length - 1] ?? "";
  return /^(NAME|LENGTH|LEN|EXPIRY|EXPIRES|EXPIRATION|TTL|TIMEOUT|LIFETIME|PATH|FILE|DIR|URL|ENDPOINT|HEADER|PARAM|FIELD|PERMISSIONS|SCOPES?|LIMIT|COUNT|SIZE|ENABLED|ROUNDS|ALGORITHM|PREFIX)$/.test(last) || /^(MAX|MIN|NUM)$/.test(words[0] ?? "") || ((words.includes("PUBLIC") || words.includes("PUBLISHABLE")) && !/SECRET|PRIVATE|PASSWORD/.test(upper));
}
