/**
 * Which V8 code cache a command-hook run loads: calls of the file tools run a small part of the
 * bundle, so a cache warmed on those alone loads about 1 ms sooner than one that also holds the shell
 * parser, the shell analysis and the commit gate (measured: a 106 KB cache against 199 KB). The kind
 * only picks a cache: the whole bundle decides every call either way, so a payload this misreads is
 * decided the same, only more slowly.
 */
export type CallKind = "files" | "all";

/** Tools whose decisions never reach the shell parser. */
const FILE_TOOLS = /"tool_name"\s*:\s*"(Read|Edit|Write|MultiEdit|NotebookEdit|LSP|Glob|Grep|WebFetch|WebSearch|TodoWrite|Task|Agent)"/;

/** The kind of call a payload holds, judged from its start (Claude Code sends tool_name before tool_input). */
export function callKind(payloadStart: string): CallKind {
  return FILE_TOOLS.test(payloadStart) ? "files" : "all";
}
