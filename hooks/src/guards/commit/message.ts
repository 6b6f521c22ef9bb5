import { UNKNOWN, type Arg } from "../../shell/expand.js";

/** Where a commit's message comes from, as far as its command line tells. */
export type MessageSource =
  | { kind: "text"; message: string }
  /** -F FILE: read it (relative to git's directory). */
  | { kind: "file"; path: string }
  /** The message is only known at run time ($VAR, $(…)). */
  | { kind: "unknown"; raw: string }
  /** --amend --no-edit, --fixup, --squash, -C/-c: git reuses a message that already passed. */
  | { kind: "reused"; how: string }
  /**
   * No -m, -F or reuse: git would open an editor. `reuse` names the option whose message git opens
   * there (`-c HEAD`, `--squash=HEAD`, `--fixup=amend:HEAD`, `-C HEAD -e`), kept if the editor changes nothing.
   */
  | { kind: "editor"; reuse?: string }
  /** --dry-run, --help: nothing is committed. */
  | { kind: "none" };

export interface CommitOptions {
  source: MessageSource;
  noVerify: boolean;
  /** -a / --all: unstaged changes to tracked files are committed too. */
  all: boolean;
  amend: boolean;
  /** -e / --edit (and no later --no-edit): git opens the message in an editor before it commits. */
  edit: boolean;
  /** Paths given after the options (`git commit file…`): only they are committed. */
  pathspecs: string[];
}

/** Options whose value may be the next word. (-S/--gpg-sign and -u/--untracked-files take theirs glued only.) */
const VALUE_OPTIONS = new Set([
  "-m", "--message", "-F", "--file", "-C", "--reuse-message", "-c", "--reedit-message", "-t", "--template",
  "--author", "--date", "--fixup", "--squash", "--cleanup", "--trailer", "--pathspec-from-file",
]);
/** Short options whose optional value can only be glued on: the rest of the word is theirs. */
const GLUED_ONLY = new Set(["-S", "-u"]);

/** Reads `git commit`'s arguments the way git does, to find the message and the options that matter. */
export function readCommitArgs(args: readonly Arg[], stdin: string | undefined): CommitOptions {
  const messages: string[] = [];
  let file: string | undefined;
  let unknown: string | undefined;
  let reused: string | undefined;
  // --fixup/--squash write the summary (`fixup! <target's summary>`); -m only adds to its body.
  let generated: string | undefined;
  let noEdit = false;
  let edit = false;
  let commitsNothing = false;
  let amend = false;
  let noVerify = false;
  let all = false;
  const pathspecs: string[] = [];
  const take = (name: string, value: Arg | undefined) => {
    if (value === undefined) return;
    const text = value.text;
    if (name === "-m" || name === "--message") {
      if (text.includes(UNKNOWN)) unknown = value.raw;
      else messages.push(text);
    } else if (name === "-F" || name === "--file") {
      if (text === "-" || text === "/dev/stdin" || text === "/proc/self/fd/0" || text === "/dev/fd/0") {
        if (stdin === undefined || stdin.includes(UNKNOWN)) unknown = "the message on stdin";
        else messages.push(stdin);
      } else if (text.includes(UNKNOWN)) unknown = value.raw;
      else file = text;
    } else if (["-C", "--reuse-message", "-c", "--reedit-message"].includes(name)) reused = `${name} ${text}`;
    else if (name === "--fixup" || name === "--squash") generated = `${name} ${text}`;
  };
  for (let i = 0; i < args.length; i++) {
    const text = (args[i] as Arg).text;
    if (text === "--") {
      pathspecs.push(...args.slice(i + 1).map((a) => a.text));
      break;
    }
    if (text.startsWith("--")) {
      const eq = text.indexOf("=");
      const name = eq === -1 ? text : text.slice(0, eq);
      if (eq !== -1) take(name, { ...(args[i] as Arg), text: text.slice(eq + 1) });
      else if (VALUE_OPTIONS.has(name)) take(name, args[++i]);
      if (name === "--no-edit") {
        noEdit = true;
        edit = false;
      }
      if (name === "--edit") edit = true;
      if (name === "--dry-run" || name === "--help") commitsNothing = true;
      if (name === "--amend") amend = true;
      if (name === "--no-verify") noVerify = true;
      if (name === "--all") all = true;
      continue;
    }
    if (text.startsWith("-") && text.length > 1) {
      // Bundled short options: -am "msg", -nm "msg", -m"msg".
      for (let j = 1; j < text.length; j++) {
        const letter = `-${text[j]}`;
        if (VALUE_OPTIONS.has(letter)) {
          const glued = text.slice(j + 1);
          take(letter, glued !== "" ? { ...(args[i] as Arg), text: glued } : args[++i]);
          break;
        }
        if (GLUED_ONLY.has(letter)) break;
        if (letter === "-h") commitsNothing = true;
        if (letter === "-n") noVerify = true;
        if (letter === "-a") all = true;
        if (letter === "-e") edit = true;
      }
      continue;
    }
    pathspecs.push(text);
  }
  // These reuse a message by opening it in an editor (git checked): -c and --fixup=amend:|reword: unless
  // --no-edit, -C with -e, --squash with no message of its own. A plain --fixup opens none.
  const ownMessage = messages.length > 0 || file !== undefined || unknown !== undefined;
  const opensGenerated = generated !== undefined && (/^--fixup (amend|reword):/.test(generated) || (generated.startsWith("--squash") && !ownMessage));
  const opensReused = generated === undefined && !ownMessage && reused !== undefined && (/^(-c|--reedit-message) /.test(reused) || edit);
  const opened = noEdit ? undefined : opensGenerated ? generated : opensReused ? reused : undefined;
  let source: MessageSource;
  if (commitsNothing) source = { kind: "none" };
  else if (opened !== undefined) source = { kind: "editor", reuse: opened };
  else if (generated !== undefined) source = { kind: "reused", how: generated };
  else if (unknown !== undefined) source = { kind: "unknown", raw: unknown };
  else if (messages.length > 0) source = { kind: "text", message: messages.join("\n\n") };
  else if (file !== undefined) source = { kind: "file", path: file };
  else if (reused !== undefined) source = { kind: "reused", how: reused };
  else if (noEdit) source = { kind: "reused", how: amend ? "--amend --no-edit" : "--no-edit (the prepared merge or cherry-pick message)" };
  else source = { kind: "editor" };
  return { source, noVerify, all, amend, edit, pathspecs };
}

/** git's default cleanup for a message given with -m or -F: trailing spaces and surrounding blank lines go. */
/**
 * The message git will record from an editor's message file (`commit-msg` gets one): everything from
 * the scissors line on (`git commit -v` puts the diff there) and the comment lines removed.
 */
export function messageFromFile(raw: string): string {
  const lines = raw.replace(/\r\n/g, "\n").split("\n");
  const scissors = lines.findIndex((line) => /^# -+ >8 -+$/.test(line));
  const kept = scissors === -1 ? lines : lines.slice(0, scissors);
  return cleanupMessage(kept.filter((line) => !line.startsWith("#")).join("\n"));
}

export function cleanupMessage(message: string): string {
  const lines = message.replace(/\r\n/g, "\n").split("\n").map((line) => line.replace(/\s+$/, ""));
  const collapsed: string[] = [];
  for (const line of lines) {
    if (line === "" && (collapsed.length === 0 || collapsed[collapsed.length - 1] === "")) continue;
    collapsed.push(line);
  }
  while (collapsed.length > 0 && collapsed[collapsed.length - 1] === "") collapsed.pop();
  return collapsed.join("\n");
}
