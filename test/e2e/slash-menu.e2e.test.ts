/**
 * The `/` menu of an interactive Claude Code session (driven in tmux): every shipshape skill is listed
 * as a slash command. Skills in skills/ have gone missing from this menu in some Claude Code versions.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claudeBin, repoRoot, scratchDir } from "./claude-session.js";
import { startMockApi, type MockApi } from "./mock-api.js";

const skills = readdirSync(join(repoRoot, "skills"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const session = `shipshape-menu-${process.pid}`;
const tmux = (...args: string[]) => execFileSync("tmux", args, { encoding: "utf8" });
const screen = () => tmux("capture-pane", "-t", session, "-p");
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function waitFor(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const text = screen();
    if (pattern.test(text)) return text;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${pattern}; the screen was:\n${text}`);
    await sleep(250);
  }
}

describe("the slash-command menu of an interactive session", () => {
  let api: MockApi;

  beforeAll(async () => {
    api = await startMockApi([]);
    const home = scratchDir("menu-home");
    const project = scratchDir("menu-project");
    mkdirSync(join(home, ".claude"), { recursive: true });
    // Skip first-run screens: onboarding done and the folder trusted.
    writeFileSync(join(home, ".claude.json"), JSON.stringify({ hasCompletedOnboarding: true, theme: "dark", projects: { [project]: { hasTrustDialogAccepted: true, hasCompletedProjectOnboarding: true } } }));
    const env = `HOME=${home} ANTHROPIC_BASE_URL=${api.url} ANTHROPIC_API_KEY=sk-ant-test-dummy CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 DISABLE_AUTOUPDATER=1`;
    tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "50", `cd ${project} && env ${env} ${claudeBin} --plugin-dir ${repoRoot}`);
    // Claude Code asks once whether to use the API key from the environment.
    await waitFor(/Do you want to use this API key\?/);
    tmux("send-keys", "-t", session, "Up", "Enter");
    await waitFor(/❯\s*$/m);
  }, 60_000);

  afterAll(async () => {
    try {
      tmux("kill-session", "-t", session);
    } catch {
      // Already gone.
    }
    await api.close();
  });

  it.each(skills)("lists /shipshape:%s", async (skill) => {
    tmux("send-keys", "-t", session, "C-u");
    tmux("send-keys", "-t", session, "-l", `/shipshape:${skill}`);
    const text = await waitFor(new RegExp(`/shipshape:${skill}\\s+\\(shipshape\\)`));
    expect(text).toMatch(new RegExp(`/shipshape:${skill}\\s+\\(shipshape\\)`));
  }, 30_000);
});
