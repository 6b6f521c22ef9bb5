import type { ToolCall } from "../../runtime/checks.js";
import { unknownSubcommands } from "./git-aliases.js";

/**
 * Whether a call may make a git commit, by a cheap look at its text. Every caller that defers commit
 * work (loading the gate's bundle, reading the verification cache) asks this one question, so none can
 * skip a commit that the gate itself would have examined.
 */
export function mayCommit(call: Pick<ToolCall, "tool" | "input">): boolean {
  const command = call.input.command;
  // PowerShell and Monitor run commands too: the gate refuses a commit there (gate.ts).
  if ((call.tool !== "Bash" && call.tool !== "PowerShell" && call.tool !== "Monitor") || typeof command !== "string") return false;
  // Quotes, backslashes and PowerShell's backticks can split the words (`g\it co\mmit`, `"git" 'commit'`),
  // and ANSI-C strings ($'\x67it') can spell anything: the gate's own parser decides those.
  const quoted = command.includes("\\") || command.includes("'") || command.includes('"') || command.includes("`");
  const plain = quoted ? command.replace(/[\\'"`]/g, "") : command;
  // `npm version patch` commits the bump (not `node --version && npm -v`, which an agent runs often:
  // the words must stand together, as the gate finds them).
  if (plain.includes("version") && /\bnpm\s+version\b/.test(plain)) return true;
  if (!plain.includes("git")) return command.includes("$'");
  // A subcommand git does not ship may be one of the user's aliases for commit (`git ci`).
  return command.includes("$'") || plain.includes("commit") || unknownSubcommands(command).length > 0;
}
