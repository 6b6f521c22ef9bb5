/**
 * An interactive session (driven in tmux), the way most people use Claude Code: the once-per-prompt
 * check lets every prompt through while the hooks module guards, also after /clear gives the session
 * a new id, and the module denies a secret file's Read in-process.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { claudeBin, repoRoot, scratchDir } from "./claude-session.js";
import { startMockApi, toolResults, type MockApi } from "./mock-api.js";

const session = `shipshape-interactive-${process.pid}`;
const tmux = (...args: string[]) => execFileSync("tmux", args, { encoding: "utf8" });
const screen = () => tmux("capture-pane", "-t", session, "-p", "-S", "-200");
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function waitFor(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const text = screen();
    if (pattern.test(text)) return text;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${pattern}; the screen was:\n${text}`);
    await sleep(250);
  }
}

async function submit(text: string): Promise<void> {
  tmux("send-keys", "-t", session, "-l", text);
  await sleep(300);
  tmux("send-keys", "-t", session, "Enter");
}

describe("an interactive session with shipshape", () => {
  let api: MockApi | undefined;

  afterAll(async () => {
    try {
      tmux("kill-session", "-t", session);
    } catch {
      // Already gone.
    }
    await api?.close();
  });

  it("guards every prompt, before and after /clear, without stopping any", async () => {
    const home = scratchDir("interactive-home");
    const project = scratchDir("interactive-project");
    writeFileSync(join(project, ".env"), "API_TOKEN=sk-live-5\n");
    api = await startMockApi([
      { toolUse: { name: "Read", input: { file_path: join(project, ".env") } } },
      { text: "first answer" },
      { text: "second answer" },
    ]);
    mkdirSync(join(home, ".claude"), { recursive: true });
    writeFileSync(join(home, ".claude.json"), JSON.stringify({ hasCompletedOnboarding: true, theme: "dark", projects: { [project]: { hasTrustDialogAccepted: true, hasCompletedProjectOnboarding: true } } }));
    const env = `HOME=${home} ANTHROPIC_BASE_URL=${api.url} ANTHROPIC_API_KEY=sk-ant-test-dummy CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 DISABLE_AUTOUPDATER=1`;
    tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "50", `cd ${project} && env ${env} ${claudeBin} --plugin-dir ${repoRoot}`);
    await waitFor(/Do you want to use this API key\?/);
    tmux("send-keys", "-t", session, "Up", "Enter");
    await waitFor(/❯\s*$/m);

    await submit("read the env file");
    const first = await waitFor(/first answer/);
    expect(first).not.toContain("shipshape stopped this prompt");
    const [read] = toolResults(api);
    expect(read?.isError).toBe(true);
    expect(read?.text).toMatch(/^<tool_use_error>shipshape's secret guard blocked this Read call/);
    expect(read?.text).not.toContain("sk-live-5");

    await submit("/clear");
    await sleep(1500);
    await submit("and now");
    const second = await waitFor(/second answer/);
    expect(second).not.toContain("shipshape stopped this prompt");
  }, 120_000);
});
