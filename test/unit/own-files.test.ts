/**
 * The own-files guard over its corpus, through every check in order (as the hooks run them): changes
 * to shipshape's config and data folder are denied with the reason, reading them passes.
 */
import { describe, expect, it } from "vitest";
import { PRE_TOOL_USE_CHECKS } from "../../hooks/src/guards/checks.js";
import { runChecks } from "../../hooks/src/runtime/checks.js";
import { call, fixtureContext } from "../corpus/fixture.js";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { PASS as COMMIT_PASS } from "../corpus/commit-cases.js";
import { OWN_ALLOW, OWN_DENY, SETTINGS_ALLOW, SETTINGS_DENY, SETTINGS_HOOKS_DENY } from "../corpus/own-files-cases.js";
import { PROJECT } from "../corpus/fixture.js";
import { ALLOW as SECRET_ALLOW } from "../corpus/secret-guard-cases.js";
import { repoIO, ROOT } from "../helpers/repo-io.js";
import type { GuardCase } from "../corpus/secret-guard-cases.js";

function label(c: GuardCase): string {
  const subject = typeof c.input.command === "string" ? c.input.command : JSON.stringify(c.input);
  return `${c.tool}: ${subject.replace(/\n/g, "⏎")}${c.note ? ` (${c.note})` : ""}`;
}

describe("own-files guard corpus", () => {
  it.each(OWN_DENY.map((c) => [label(c), c] as const))("denies %s", async (_label, c) => {
    const { verdict } = await runChecks(PRE_TOOL_USE_CHECKS, call(c.tool, c.input), fixtureContext());
    expect(verdict.action).toBe("deny");
    if (verdict.action !== "deny") return;
    expect(verdict.check).toBe("own-files");
    expect(verdict.reason).toMatch(/^shipshape blocked this \w+ call: .*shipshape's (configuration|data folder)/);
    expect(verdict.reason).toMatch(/tell the user what to change/);
  });

  it.each(OWN_ALLOW.map((c) => [label(c), c] as const))("passes %s", async (_label, c) => {
    const { verdict } = await runChecks(PRE_TOOL_USE_CHECKS, call(c.tool, c.input), fixtureContext());
    expect(verdict).toEqual({ action: "pass" });
  });
});

describe("Claude Code's settings", () => {
  it.each(SETTINGS_DENY.map((c) => [label(c), c] as const))("denies %s", async (_label, c) => {
    const { verdict } = await runChecks(PRE_TOOL_USE_CHECKS, call(c.tool, c.input), fixtureContext());
    expect(verdict.action).toBe("deny");
    if (verdict.action !== "deny") return;
    expect(verdict.check).toBe("own-files");
    expect(verdict.reason).toMatch(/^shipshape blocked this \w+ call/);
    expect(verdict.reason).toMatch(/Instead:/);
  });

  it.each(SETTINGS_HOOKS_DENY.map((c) => [label(c), c] as const))("denies, for the secret it would read, %s", async (_label, c) => {
    const { verdict } = await runChecks(PRE_TOOL_USE_CHECKS, call(c.tool, c.input), fixtureContext());
    expect(verdict.action).toBe("deny");
    if (verdict.action !== "deny") return;
    expect(verdict.reason).toMatch(/secret guard blocked this \w+ call[\s\S]*The hook it adds/);
    expect(verdict.reason).toMatch(/Instead:/);
  });

  it.each(SETTINGS_ALLOW.map((c) => [label(c), c] as const))("passes %s", async (_label, c) => {
    const { verdict } = await runChecks(PRE_TOOL_USE_CHECKS, call(c.tool, c.input), fixtureContext());
    expect(verdict).toEqual({ action: "pass" });
  });

  it("says which switch an edit flips, and that other edits go through", async () => {
    const { verdict } = await runChecks(PRE_TOOL_USE_CHECKS, call("Edit", { file_path: `${PROJECT}/.claude/settings.json`, old_string: '"shipshape@shipshape": true', new_string: '"shipshape@shipshape": false' }), fixtureContext());
    expect(verdict.action === "deny" ? verdict.reason : "").toMatch(/disables the shipshape@shipshape plugin in enabledPlugins[\s\S]*Other changes to this file \(permissions, model, env\) go through/);
  });
});

describe("every check together", () => {
  // A new check must not refuse what the other corpora say must pass.
  it.each(SECRET_ALLOW.map((c) => [label(c), c] as const))("passes the secret guard's allowed %s", async (_label, c) => {
    const { verdict } = await runChecks(PRE_TOOL_USE_CHECKS, call(c.tool, c.input), fixtureContext());
    expect(verdict.action).toBe("pass");
  });

  it.each(COMMIT_PASS.map((command, i) => [i, command] as const))("passes the commit gate's allowed case %i", async (_i, command) => {
    const { verdict } = await runChecks(PRE_TOOL_USE_CHECKS, { tool: "Bash", input: { command }, cwd: ROOT, sessionId: "s" }, { io: repoIO(), config: DEFAULT_CONFIG, configDegraded: false, projectDir: ROOT, home: "/home/dev" });
    expect(verdict.action).toBe("pass");
  });
});
