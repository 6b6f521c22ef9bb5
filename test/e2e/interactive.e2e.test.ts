/**
 * An interactive session (driven in tmux), the way most people use Claude Code: the once-per-prompt
 * check lets every prompt through while the hooks module guards, also after /clear gives the session
 * a new id, and the module denies a secret file's Read in-process.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scratchDir } from "./claude-session.js";
import { startMockApi, toolResults, type MockApi } from "./mock-api.js";
import { sleep, startInteractive, type TmuxSession } from "./tmux.js";

describe("an interactive session with shipshape", () => {
  let api: MockApi | undefined;
  let session: TmuxSession | undefined;

  afterAll(async () => {
    session?.kill();
    await api?.close();
  });

  it("guards every prompt, before and after /clear, without stopping any", async () => {
    const project = scratchDir("interactive-project");
    writeFileSync(join(project, ".env"), "API_TOKEN=sk-live-5\n");
    api = await startMockApi([
      { toolUse: { name: "Read", input: { file_path: join(project, ".env") } } },
      { text: "first answer" },
      { text: "second answer" },
    ]);
    const tty = await startInteractive("interactive", api.url, project);
    session = tty;
    const submit = async (text: string) => {
      tty.type(text);
      await sleep(300);
      tty.keys("Enter");
    };

    await submit("read the env file");
    const first = await tty.waitFor(/first answer/);
    expect(first).not.toContain("shipshape stopped this prompt");
    const [read] = toolResults(api);
    expect(read?.isError).toBe(true);
    expect(read?.text).toMatch(/^<tool_use_error>shipshape's secret guard blocked this Read call/);
    expect(read?.text).not.toContain("sk-live-5");

    await submit("/clear");
    await sleep(1500);
    await submit("and now");
    const second = await tty.waitFor(/second answer/);
    expect(second).not.toContain("shipshape stopped this prompt");
  }, 120_000);
});
