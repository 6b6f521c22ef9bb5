import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { commitGate } from "../../hooks/src/guards/commit/gate.js";
import { repoIO, ROOT } from "../helpers/repo-io.js";
import { BLOCK, PASS } from "../corpus/commit-cases.js";

function decide(command: string) {
  return commitGate.decide(
    { tool: "Bash", input: { command }, cwd: ROOT, sessionId: "t" },
    { io: repoIO(), config: DEFAULT_CONFIG, configDegraded: false, projectDir: ROOT, home: "/home/dev" },
  );
}

const label = (command: string) => command.replace(/\n/g, "⏎").slice(0, 140);

describe("commit gate corpus", () => {
  it("has at least 60 cases of each kind", () => {
    expect(BLOCK.length).toBeGreaterThanOrEqual(60);
    expect(PASS.length).toBeGreaterThanOrEqual(60);
  });

  describe("blocks", () => {
    it.each(BLOCK.map((c) => [label(c), c] as const))("%s", async (_name, command) => {
      const verdict = await decide(command);
      expect(verdict.action).toBe("deny");
      if (verdict.action === "deny") expect(verdict.reason).toMatch(/commit gate blocked this commit/);
    });
  });

  describe("passes", () => {
    it.each(PASS.map((c) => [label(c), c] as const))("%s", async (_name, command) => {
      const verdict = await decide(command);
      expect(verdict.action === "deny" ? verdict.reason : "pass").toBe("pass");
    });
  });
});
