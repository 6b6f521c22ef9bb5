/** Every shipshape skill expands as a slash command in a real session, with its arguments substituted. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runClaude } from "./claude-session.js";
import { toolResults } from "./mock-api.js";

const skills = readdirSync(join(repoRoot, "skills"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const agents = readdirSync(join(repoRoot, "agents")).filter((f) => f.endsWith(".md")).map((f) => f.slice(0, -3));

function promptText(api: Awaited<ReturnType<typeof runClaude>>["api"], index = 0): string {
  return JSON.stringify(api.conversation().at(index)?.messages ?? []);
}

describe("skills as slash commands", () => {
  it("lists every skill and agent to the model", async () => {
    const session = await runClaude({ prompt: "hello", script: [{ text: "hi" }] });
    expect(session.exitCode, session.stderr).toBe(0);
    const request = JSON.stringify(session.api.conversation()[0] ?? {});
    for (const skill of skills) expect(request).toContain(`shipshape:${skill}`);
    for (const agent of agents) expect(request).toContain(`shipshape:${agent}`);
  }, 120_000);

  it.each(skills)("/shipshape:%s expands with its arguments", async (skill) => {
    const argument = `marker-${skill}-42`;
    const session = await runClaude({ prompt: `/shipshape:${skill} ${argument}`, script: [{ text: "ok" }] });
    expect(session.exitCode, session.stderr).toBe(0);
    const text = promptText(session.api);
    expect(text).toContain(`Base directory for this skill:`);
    // Substituted into the body, not appended as "ARGUMENTS: …" or left as a placeholder.
    expect(text).toContain(argument);
    expect(text).not.toContain("$ARGUMENTS");
    expect(text).not.toContain(`ARGUMENTS: ${argument}`);
  }, 120_000);
});

describe("skills the model picks", () => {
  it.each(skills)("shipshape:%s runs when the model invokes it, without a permission prompt", async (skill) => {
    const session = await runClaude({
      prompt: "do the thing",
      script: [{ toolUse: { name: "Skill", input: { skill: `shipshape:${skill}`, args: "model-picked" } } }, { text: "done" }],
    });
    expect(session.exitCode, session.stderr).toBe(0);
    const [result] = toolResults(session.api);
    expect(result?.isError).toBe(false);
    expect(result?.text).toBe(`Launching skill: shipshape:${skill}`);
    expect(promptText(session.api, -1)).toContain("model-picked");
  }, 120_000);
});
