import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { ALLOW, DENY, type GuardCase } from "../corpus/secret-guard-cases.js";
import { PROJECT, call, fixtureContext } from "../corpus/fixture.js";

function label(c: GuardCase): string {
  const subject = typeof c.input.command === "string" ? c.input.command : JSON.stringify(c.input);
  return `${c.tool}: ${subject.replace(/\n/g, "⏎")}${c.note ? ` (${c.note})` : ""}`;
}

async function decide(c: GuardCase) {
  return secretGuard.decide(call(c.tool, c.input), fixtureContext(DEFAULT_CONFIG));
}

describe("secret guard corpus", () => {
  it("has at least 150 cases of each kind", () => {
    expect(DENY.length).toBeGreaterThanOrEqual(150);
    expect(ALLOW.length).toBeGreaterThanOrEqual(150);
  });

  describe("denies", () => {
    it.each(DENY.map((c) => [label(c), c] as const))("%s", async (_name, c) => {
      const verdict = await decide(c);
      expect(verdict.action).toBe("deny");
      if (verdict.action === "deny") {
        expect(verdict.reason).toMatch(/secret guard blocked this/);
        expect(verdict.reason).toMatch(/Instead:/);
      }
    });
  });

  describe("allows", () => {
    it.each(ALLOW.map((c) => [label(c), c] as const))("%s", async (_name, c) => {
      const verdict = await decide(c);
      expect(verdict.action === "deny" ? verdict.reason : "pass").toBe("pass");
    });
  });
});

describe("the way a refused edit of .env is told to take", () => {
  it("names a sed in place and an appended line, and both pass", async () => {
    const refused = await decide({ tool: "Edit", input: { file_path: `${PROJECT}/.env`, old_string: "DEBUG=0", new_string: "DEBUG=1" } });
    expect(refused.action).toBe("deny");
    const reason = refused.action === "deny" ? refused.reason : "";
    const advised = [...reason.matchAll(/`((?:sed|echo) [^`]+)`/g)].map((m) => m[1] as string);
    expect(advised).toHaveLength(2);
    for (const command of advised) expect((await decide({ tool: "Bash", input: { command: command.replace("NAME=value", "DEBUG=1").replace("NAME=", "DEBUG=") } })).action).toBe("pass");
  });
});

describe("the way a refused dump of the environment is told to take", () => {
  it("names commands that pass: a variable by name, the names alone, a test", async () => {
    const refused = await decide({ tool: "Bash", input: { command: "env | cut -d= -f1 | sort" } });
    expect(refused.action).toBe("deny");
    const reason = refused.action === "deny" ? refused.reason : "";
    const advised = [...(reason.split("Instead:")[1] ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
    expect(advised).toEqual(["printenv PATH", "compgen -e", '[ -n "$API_TOKEN" ] && echo set']);
    for (const command of advised) expect((await decide({ tool: "Bash", input: { command } })).action).toBe("pass");
  });
});
