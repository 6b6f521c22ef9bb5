/** The command hook's loader picks a code cache by the kind of call (call-kind.ts); only speed depends on it. */
import { describe, expect, it } from "vitest";
import { callKind } from "../../hooks/src/runtime/call-kind.js";

const payload = (tool: string, input: Record<string, unknown> = {}) => JSON.stringify({ session_id: "s", cwd: "/p", hook_event_name: "PreToolUse", tool_name: tool, tool_input: input });

describe("callKind", () => {
  it.each(["Read", "Edit", "Write", "MultiEdit", "NotebookEdit", "LSP", "Glob", "Grep", "WebFetch"])("takes %s for a file tool", (tool) => {
    expect(callKind(payload(tool, { file_path: "/p/a" }))).toBe("files");
  });

  it.each(["Bash", "PowerShell", "Monitor", "mcp__fs__read_file", "ReadMcpResourceTool", "Readme"])("takes %s for the rest", (tool) => {
    expect(callKind(payload(tool, { command: "cat .env" }))).toBe("all");
  });

  it("is not fooled by a tool input that names a file tool", () => {
    expect(callKind(JSON.stringify({ tool_name: "Bash", tool_input: { command: 'echo \\"tool_name\\": \\"Read\\"' } }))).toBe("all");
  });

  it("falls back to the full cache for what it cannot read", () => {
    expect(callKind("")).toBe("all");
    expect(callKind('{"tool_name":"R\\u0065ad"}')).toBe("all");
  });
});
