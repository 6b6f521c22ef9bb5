/**
 * The `/` menu of an interactive Claude Code session (driven in tmux): every shipshape skill is listed
 * as a slash command. Skills in skills/ have gone missing from this menu in some Claude Code versions.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./claude-session.js";
import { startMockApi, type MockApi } from "./mock-api.js";
import { startInteractive, type TmuxSession } from "./tmux.js";

const skills = readdirSync(join(repoRoot, "skills"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe("the slash-command menu of an interactive session", () => {
  let api: MockApi;
  let session: TmuxSession | undefined;

  beforeAll(async () => {
    api = await startMockApi([]);
    session = await startInteractive("menu", api.url);
  }, 60_000);

  afterAll(async () => {
    session?.kill();
    await api.close();
  });

  it.each(skills)("lists /shipshape:%s", async (skill) => {
    session?.keys("C-u");
    session?.type(`/shipshape:${skill}`);
    const text = await session?.waitFor(new RegExp(`/shipshape:${skill}\\s+\\(shipshape\\)`));
    expect(text).toMatch(new RegExp(`/shipshape:${skill}\\s+\\(shipshape\\)`));
  }, 30_000);
});
