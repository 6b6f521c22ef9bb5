import type { ToolCall } from "../../runtime/checks.js";

/**
 * Whether a call may make a git commit, by a cheap look at its text. Every caller that defers commit
 * work (loading the gate's bundle, reading the verification cache) asks this one question, so none can
 * skip a commit that the gate itself would have examined.
 */
export function mayCommit(call: Pick<ToolCall, "tool" | "input">): boolean {
  const command = call.input.command;
  return call.tool === "Bash" && typeof command === "string" && /\bgit\b/.test(command) && /\bcommit\b/.test(command);
}
