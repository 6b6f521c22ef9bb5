/**
 * Which V8 code cache a command-hook run loads. V8 loads a whole cache before the first line runs,
 * so each kind of call gets a cache warmed on calls of its kind alone: the file tools' calls never
 * reach the shell parser (a cache of about 100 KB against 215 KB), and a shell command that does not
 * mention a commit never reaches the commit gate (about 180 KB). The kind only picks a cache: the
 * whole bundle decides every call either way, so a payload this misreads (a commit through an alias)
 * is decided the same, only more slowly.
 */
export type CallKind = "files" | "shell" | "all";

/** Tools whose decisions never reach the shell parser. */
const FILE_TOOLS = new Set(["Read", "Edit", "Write", "MultiEdit", "NotebookEdit", "LSP", "Glob", "Grep", "WebFetch", "WebSearch", "TodoWrite", "Task", "Agent"]);

const KEY = '"tool_name"';

/** The tool's name as the payload's JSON spells it, if it is plain (no escapes); undefined otherwise. */
function toolName(payload: string): string | undefined {
  // The first `"tool_name"` is the key: inside a JSON string the same letters are written `\"tool_name\"`.
  let i = payload.indexOf(KEY);
  if (i < 0) return undefined;
  i += KEY.length;
  while (payload[i] === " " || payload[i] === "\n" || payload[i] === "\t" || payload[i] === "\r") i++;
  if (payload[i] !== ":") return undefined;
  i++;
  while (payload[i] === " " || payload[i] === "\n" || payload[i] === "\t" || payload[i] === "\r") i++;
  if (payload[i] !== '"') return undefined;
  const end = payload.indexOf('"', i + 1);
  const name = end < 0 ? undefined : payload.slice(i + 1, end);
  return name === undefined || name.includes("\\") ? undefined : name;
}

/**
 * The kind of call a payload holds, judged from its start (Claude Code sends tool_name before
 * tool_input) and from whether the whole payload mentions `commit` anywhere.
 */
export function callKind(payloadStart: string, mentionsCommit: boolean): CallKind {
  const tool = toolName(payloadStart);
  if (tool !== undefined && FILE_TOOLS.has(tool)) return "files";
  return tool === "Bash" && !mentionsCommit ? "shell" : "all";
}
