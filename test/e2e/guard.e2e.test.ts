/**
 * A real `claude -p` session with the plugin loaded (--plugin-dir), its model played by the mock API:
 * the secret guard's decisions reach the model as tool results, and ordinary calls run.
 */
import { describe, expect, it } from "vitest";
import { runClaude, scratchDir } from "./claude-session.js";
import { toolResults } from "./mock-api.js";

describe("secret guard in a real Claude Code session", () => {
  it("denies .env through Read and Bash, and lets .env.example through", async () => {
    const project = scratchDir("guard");
    const session = await runClaude({
      project,
      prompt: "look at the configuration",
      files: { ".env": "API_TOKEN=sk-live-123\n", ".env.example": "API_TOKEN=\n", "src/app.ts": "export const x = 1;\n" },
      script: [
        { toolUse: { name: "Read", input: { file_path: `${project}/.env` } } },
        { toolUse: { name: "Bash", input: { command: "cat .e''nv" } } },
        { toolUse: { name: "Bash", input: { command: "grep -r TOKEN ." } } },
        { toolUse: { name: "Read", input: { file_path: `${project}/.env.example` } } },
        { toolUse: { name: "Bash", input: { command: "cat src/app.ts && grep -r --include='*.ts' x ." } } },
        { text: "done" },
      ],
      allowedTools: ["Read", "Bash"],
    });
    expect(session.exitCode, session.stderr).toBe(0);
    const results = toolResults(session.api);
    expect(results).toHaveLength(5);
    const [readEnv, catEnv, grepAll, readExample, ordinary] = results;
    for (const denied of [readEnv, catEnv, grepAll]) {
      expect(denied?.isError).toBe(true);
      expect(denied?.text).toContain("shipshape's secret guard blocked this");
      expect(denied?.text).not.toContain("sk-live-123");
    }
    expect(readEnv?.text).toContain(".env");
    expect(catEnv?.text).toMatch(/dotenv/);
    expect(grepAll?.text).toContain("narrow the search");
    expect(readExample?.isError).toBe(false);
    expect(readExample?.text).toContain("API_TOKEN=");
    expect(ordinary?.isError).toBe(false);
    expect(ordinary?.text).toContain("export const x = 1;");
  }, 120_000);
});
