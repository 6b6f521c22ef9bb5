/** The command hook's loader picks a code cache by the kind of call (call-kind.ts); only speed depends on it. */
import { describe, expect, it } from "vitest";
import { callKind } from "../../hooks/src/runtime/call-kind.js";

const payload = (tool: string, input: Record<string, unknown> = {}) => JSON.stringify({ session_id: "s", cwd: "/p", hook_event_name: "PreToolUse", tool_name: tool, tool_input: input });
const kindOf = (text: string) => callKind(text.slice(0, 4096), text.includes("commit"));

describe("callKind", () => {
  it.each(["Read", "Edit", "Write", "MultiEdit", "NotebookEdit", "LSP", "Glob", "Grep", "WebFetch"])("takes %s for a file tool", (tool) => {
    expect(kindOf(payload(tool, { file_path: "/p/a" }))).toBe("files");
  });

  it("takes a Bash command that mentions no commit for a shell call", () => {
    expect(kindOf(payload("Bash", { command: "npm test && git status" }))).toBe("shell");
    expect(kindOf(`{"tool_name" : "Bash", "tool_input": {"command": "ls"}}`)).toBe("shell");
  });

  it("takes a Bash command that mentions a commit anywhere for the full cache", () => {
    expect(kindOf(payload("Bash", { command: 'git commit -m "x"' }))).toBe("all");
    expect(kindOf(payload("Bash", { command: `${"echo x; ".repeat(1000)}git commit -m "x"` }))).toBe("all");
  });

  it.each(["PowerShell", "Monitor", "mcp__fs__read_file", "ReadMcpResourceTool", "Readme"])("takes %s for the rest", (tool) => {
    expect(kindOf(payload(tool, { command: "cat .env" }))).toBe("all");
  });

  it("is not fooled by a tool input that names a file tool", () => {
    expect(kindOf(JSON.stringify({ tool_name: "Bash", tool_input: { command: 'echo \\"tool_name\\": \\"Read\\"' } }))).toBe("shell");
    expect(kindOf(JSON.stringify({ tool_name: "Monitor", tool_input: { command: 'echo "tool_name": "Read"' } }))).toBe("all");
  });

  it("falls back to the full cache for what it cannot read", () => {
    expect(kindOf("")).toBe("all");
    expect(kindOf('{"tool_name":"R\\u0065ad"}')).toBe("all");
    expect(kindOf('{"tool_name":"Read')).toBe("all");
    expect(kindOf('{"tool_name" "Read"}')).toBe("all");
  });
});
