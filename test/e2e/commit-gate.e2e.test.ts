/**
 * The commit gate in a real `claude -p` session, in a scratch git repository whose test script
 * checks a file and counts its runs (outside the repository, so counting does not change the content).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runClaude, scratchDir } from "./claude-session.js";
import { toolResults } from "./mock-api.js";

const good = (summary: string) => `git commit -F - <<'EOF'\n${summary}\n\nThe value file must say ok; the test checks it.\nEOF`;

describe("commit gate in a real Claude Code session", () => {
  it("blocks a bad message, blocks failing tests with their output, lets a verified commit land, and caches", async () => {
    const project = scratchDir("commit");
    const counter = join(scratchDir("counter"), "runs.log");
    const git = (...args: string[]) => execFileSync("git", args, { cwd: project, encoding: "utf8" });
    git("init", "-q", "-b", "main");
    git("config", "user.email", "test@example.com");
    git("config", "user.name", "Test");
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "scratch", scripts: { test: `node test.js` } }));
    writeFileSync(
      join(project, "test.js"),
      `require("fs").appendFileSync(${JSON.stringify(counter)}, "run\\n");\nconst v = require("fs").readFileSync("value.txt", "utf8").trim();\nif (v !== "ok") { console.log("ASSERTION FAILED: value.txt says " + v + ", expected ok"); process.exit(1); }\nconsole.log("1 passed");\n`,
    );
    writeFileSync(join(project, "value.txt"), "bad\n");
    git("add", "-A");

    const session = await runClaude({
      project,
      prompt: "commit the work",
      script: [
        { toolUse: { name: "Bash", input: { command: `git commit -m "wip"` } } },
        { toolUse: { name: "Bash", input: { command: good("Check the value file") } } },
        { toolUse: { name: "Bash", input: { command: "echo ok > value.txt && git add -A" } } },
        { toolUse: { name: "Bash", input: { command: good("Check the value file") } } },
        { toolUse: { name: "Bash", input: { command: `git commit --allow-empty -m "Record the release point" -m "Nothing changed since the last commit; this marks it."` } } },
        { text: "done" },
      ],
      allowedTools: ["Bash"],
      timeoutMs: 150_000,
    });
    expect(session.exitCode, session.stderr).toBe(0);
    const [badMessage, failing, fix, landed, cached] = toolResults(session.api);
    expect(badMessage?.isError).toBe(true);
    expect(badMessage?.text).toMatch(/commit gate blocked this commit[\s\S]*no body/);
    expect(failing?.isError).toBe(true);
    expect(failing?.text).toMatch(/Verification failed[\s\S]*npm test[\s\S]*ASSERTION FAILED: value.txt says bad/);
    expect(fix?.isError).toBe(false);
    expect(landed?.isError).toBe(false);
    expect(cached?.isError).toBe(false);
    const log = git("log", "--format=%s");
    expect(log).toBe("Record the release point\nCheck the value file\n");
    // One failing run and one passing run; the last commit's verification came from the cache.
    expect(existsSync(counter)).toBe(true);
    expect(readFileSync(counter, "utf8")).toBe("run\nrun\n");
  }, 180_000);
});
