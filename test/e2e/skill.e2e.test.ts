/** Every shipshape skill expands as a slash command in a real session, with its arguments substituted. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runClaude } from "./claude-session.js";

const skills = readdirSync(join(repoRoot, "skills"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

function promptText(api: Awaited<ReturnType<typeof runClaude>>["api"]): string {
  const first = api.conversation()[0];
  return JSON.stringify(first?.messages ?? []);
}

describe("skills as slash commands", () => {
  it("lists every skill to the model", async () => {
    const session = await runClaude({ prompt: "hello", script: [{ text: "hi" }] });
    expect(session.exitCode, session.stderr).toBe(0);
    const request = JSON.stringify(session.api.conversation()[0] ?? {});
    for (const skill of skills) expect(request).toContain(`shipshape:${skill}`);
  }, 120_000);

  it.each(skills)("/shipshape:%s expands with its arguments", async (skill) => {
    const argument = `marker-${skill}-42`;
    const session = await runClaude({ prompt: `/shipshape:${skill} ${argument}`, script: [{ text: "ok" }] });
    expect(session.exitCode, session.stderr).toBe(0);
    const text = promptText(session.api);
    expect(text).toContain(`Base directory for this skill:`);
    expect(text).toContain(argument);
  }, 120_000);
});
