import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { denyRules } from "../../hooks/src/cli/settings/entries.js";
import { InstallError, init, uninstall, type InitOptions } from "../../hooks/src/cli/settings/install.js";
import { JsonSyntaxError, parseJsonFile, unifiedDiff } from "../../hooks/src/cli/settings/json-text.js";
import { SettingsShapeError } from "../../hooks/src/cli/settings/merge.js";
import { repoRoot } from "../e2e/claude-session.js";

function scratch() {
  const root = mkdtempSync(join(tmpdir(), "init-"));
  const projectDir = join(root, "project");
  const home = join(root, "home");
  mkdirSync(join(projectDir, ".claude"), { recursive: true });
  mkdirSync(home);
  const settings = join(projectDir, ".claude", "settings.json");
  const options = (extra: Partial<InitOptions> = {}): InitOptions => ({ scope: "project", standalone: false, projectDir, home, pluginRoot: repoRoot, agentTeams: false, dryRun: false, now: () => new Date("2026-01-01T00:00:00Z"), ...extra });
  return { projectDir, home, settings, options };
}

const EXISTING: Record<string, string> = {
  "no file": "",
  "an empty file": "",
  "an empty object": "{}\n",
  "other hooks": JSON.stringify({ hooks: { PreToolUse: [{ matcher: "Bash", hooks: [{ type: "command", command: "./lint-guard.sh" }] }], Stop: [{ hooks: [{ type: "command", command: "say done" }] }] } }, null, 2),
  "permissions": JSON.stringify({ permissions: { allow: ["Bash(npm test)"], deny: ["Bash(rm -rf:*)", "Read(./**/.env)"], defaultMode: "acceptEdits" } }, null, 2),
  "plugins and env": JSON.stringify({ enabledPlugins: { "other@mkt": true }, env: { FOO: "1" }, model: "opus" }, null, 4),
  "a user value on our key": JSON.stringify({ enabledPlugins: { "shipshape@shipshape": false } }),
};

describe("shipshape init: merging into existing settings", () => {
  it.each(Object.entries(EXISTING))("keeps everything in %s, adds its entries, and is idempotent", (name, text) => {
    const s = scratch();
    if (name !== "no file") writeFileSync(s.settings, text);
    const before = name === "no file" ? undefined : text;
    const first = init(s.options({ agentTeams: true }));
    const after = JSON.parse(readFileSync(s.settings, "utf8"));
    const original = before && before.trim() !== "" ? JSON.parse(before) : {};
    // Nothing the user had is lost: every original value is still there.
    const contains = (whole: unknown, part: unknown): boolean =>
      Array.isArray(part) ? Array.isArray(whole) && part.every((item) => whole.some((w) => JSON.stringify(w) === JSON.stringify(item))) :
      part && typeof part === "object" ? Object.entries(part).every(([k, v]) => contains((whole as Record<string, unknown>)?.[k], v)) : whole === part;
    expect(contains(after, original)).toBe(true);
    expect(after.extraKnownMarketplaces.shipshape.source).toEqual({ source: "github", repo: "shipshape-dev/shipshape" });
    expect(after.env.CLAUDE_CODE_EXPERIMENTAL_AGENT_TEAMS).toBe("1");
    for (const rule of denyRules()) expect(after.permissions.deny).toContain(rule);
    expect(new Set(after.permissions.deny).size).toBe(after.permissions.deny.length);
    if (name === "a user value on our key") {
      expect(after.enabledPlugins["shipshape@shipshape"]).toBe(false);
      expect(first.lines.join("\n")).toMatch(/kept: enabledPlugins\.shipshape@shipshape/);
    } else expect(after.enabledPlugins["shipshape@shipshape"]).toBe(true);
    // A backup of the old file, only when there was one.
    const backups = readdirSync(join(s.projectDir, ".claude")).filter((f) => f.includes("shipshape-backup"));
    expect(backups.length).toBe(before === undefined ? 0 : 1);
    if (before !== undefined) expect(readFileSync(join(s.projectDir, ".claude", backups[0] as string), "utf8")).toBe(before);
    // Twice changes nothing.
    const written = readFileSync(s.settings, "utf8");
    expect(init(s.options({ agentTeams: true })).lines.join("\n")).toMatch(/already up to date/);
    expect(readFileSync(s.settings, "utf8")).toBe(written);
    // And uninstall gives back the exact bytes (or no file).
    uninstall(s.options());
    if (before === undefined) expect(existsSync(s.settings)).toBe(false);
    else expect(readFileSync(s.settings, "utf8")).toBe(before);
  });

  it("names the line and column of invalid JSON, and writes nothing", () => {
    const s = scratch();
    const text = '{\n  "permissions": {\n    "allow": ["Bash(ls)",]\n  }\n}\n';
    writeFileSync(s.settings, text);
    expect(() => init(s.options())).toThrow(JsonSyntaxError);
    try {
      init(s.options());
    } catch (error) {
      expect((error as Error).message).toMatch(/settings\.json:3:\d+: invalid JSON/);
    }
    expect(readFileSync(s.settings, "utf8")).toBe(text);
    expect(readdirSync(join(s.projectDir, ".claude"))).toEqual(["settings.json"]);
  });

  it.each([
    ["a top-level array", "[]", InstallError, /top level is an array/],
    ["permissions as a string", '{"permissions": "none"}', SettingsShapeError, /"permissions" is string, expected an object/],
    ["deny as an object", '{"permissions": {"deny": {}}}', SettingsShapeError, /"permissions\.deny" is object, expected an array/],
  ])("refuses %s without writing", (_name, text, type, message) => {
    const s = scratch();
    writeFileSync(s.settings, text);
    expect(() => init(s.options())).toThrow(type);
    expect(() => init(s.options())).toThrow(message);
    expect(readFileSync(s.settings, "utf8")).toBe(text);
  });

  it("refuses a read-only settings file and leaves it alone", () => {
    const s = scratch();
    writeFileSync(s.settings, "{}\n");
    chmodSync(s.settings, 0o444);
    expect(() => init(s.options())).toThrow(/read-only; nothing was written/);
    expect(readFileSync(s.settings, "utf8")).toBe("{}\n");
  });

  it("shows a diff and writes nothing with --dry-run", () => {
    const s = scratch();
    writeFileSync(s.settings, '{"model": "opus"}\n');
    const report = init(s.options({ dryRun: true }));
    expect(report.lines.join("\n")).toMatch(/^\+\s+"enabledPlugins": \{/m);
    expect(readFileSync(s.settings, "utf8")).toBe('{"model": "opus"}\n');
    expect(existsSync(join(s.projectDir, ".claude", "shipshape-install.settings.json"))).toBe(false);
  });

  it("wires the hooks themselves with --standalone, pointing at a copy of the bundles", () => {
    const s = scratch();
    init(s.options({ standalone: true }));
    const settings = JSON.parse(readFileSync(s.settings, "utf8"));
    expect(settings.enabledPlugins).toBeUndefined();
    expect(settings.hooks.PreToolUse.map((e: { matcher: string }) => e.matcher)).toEqual(["^(?!Bash$)", "Bash"]);
    expect(settings.hooks.PreToolUse[0].hooks[0]).toMatchObject({ command: "node", args: ["${CLAUDE_PROJECT_DIR}/.claude/shipshape/pre-tool-use.cjs"], onFailure: "block" });
    expect(existsSync(join(s.projectDir, ".claude", "shipshape", "pre-tool-use.impl.cjs"))).toBe(true);
    // The plugin's once-per-prompt check reads this to let a session guarded by these hooks go on.
    expect(settings.env).toEqual({ SHIPSHAPE_GUARD: "command-hooks" });
    expect(readFileSync(join(repoRoot, "hooks", "prompt-gate.sh"), "utf8")).toContain('[ "$SHIPSHAPE_GUARD" = "command-hooks" ] && exit 0');
  });

  it("writes the user's own settings with --user, with absolute hook paths", () => {
    const s = scratch();
    init(s.options({ scope: "user", standalone: true }));
    const settings = JSON.parse(readFileSync(join(s.home, ".claude", "settings.json"), "utf8"));
    expect(settings.hooks.PreToolUse[0].hooks[0].args[0]).toBe(join(s.home, ".claude", "shipshape", "pre-tool-use.cjs"));
    uninstall(s.options({ scope: "user" }));
    expect(existsSync(join(s.home, ".claude", "settings.json"))).toBe(false);
  });

  it("writes settings.local.json with --local and makes git ignore it", () => {
    const s = scratch();
    writeFileSync(join(s.projectDir, ".gitignore"), "node_modules/");
    init(s.options({ scope: "local" }));
    expect(existsSync(join(s.projectDir, ".claude", "settings.local.json"))).toBe(true);
    expect(existsSync(s.settings)).toBe(false);
    expect(readFileSync(join(s.projectDir, ".gitignore"), "utf8")).toBe("node_modules/\n.claude/settings.local.json\n.claude/shipshape-install.local.json\n");
    init(s.options({ scope: "local" }));
    expect(readFileSync(join(s.projectDir, ".gitignore"), "utf8").match(/settings\.local\.json/g)).toHaveLength(1);
  });

  it("writes a starter config only when there is none, and removes it on uninstall only if unedited", () => {
    const s = scratch();
    const config = join(s.projectDir, ".claude", "shipshape.yaml");
    init(s.options({ starterConfig: "commit:\n  convention: plain\n" }));
    expect(readFileSync(config, "utf8")).toBe("commit:\n  convention: plain\n");
    writeFileSync(config, "commit:\n  convention: conventional\n");
    uninstall(s.options());
    expect(readFileSync(config, "utf8")).toBe("commit:\n  convention: conventional\n");
  });

  it("takes back only its own entries when the user changed the file after init", () => {
    const s = scratch();
    writeFileSync(s.settings, JSON.stringify({ permissions: { deny: ["Bash(curl:*)"] } }));
    init(s.options());
    const edited = JSON.parse(readFileSync(s.settings, "utf8"));
    edited.permissions.allow = ["Bash(make)"];
    edited.permissions.deny.push("Read(./secrets/**)");
    writeFileSync(s.settings, JSON.stringify(edited, null, 2));
    uninstall(s.options());
    expect(JSON.parse(readFileSync(s.settings, "utf8"))).toEqual({ permissions: { deny: ["Bash(curl:*)", "Read(./secrets/**)"], allow: ["Bash(make)"] } });
  });

  it.each([
    ["truncated JSON", '{"version": 1, "written": "x"', /shipshape-install\.settings\.json:1:30: invalid JSON/],
    ["another shape", '{"version": 2}', /shipshape-install\.settings\.json: not a record shipshape init wrote/],
  ])("names a damaged install record (%s) and changes nothing", (_name, text, message) => {
    const s = scratch();
    init(s.options());
    const record = join(s.projectDir, ".claude", "shipshape-install.settings.json");
    const settings = readFileSync(s.settings, "utf8");
    writeFileSync(record, text);
    expect(() => uninstall(s.options())).toThrow(message);
    expect(() => init(s.options())).toThrow(message);
    expect(readFileSync(s.settings, "utf8")).toBe(settings);
    expect(readFileSync(record, "utf8")).toBe(text);
  });

  it("says there is nothing to undo before init", () => {
    const s = scratch();
    expect(uninstall(s.options()).lines.join("\n")).toMatch(/nothing to undo/);
  });
});

describe("settings JSON helpers", () => {
  it("reports line and column", () => {
    expect(() => parseJsonFile("x.json", '{\n  "a": 1,\n  "b": }\n')).toThrow(/x\.json:3:\d+/);
  });

  it("diffs line by line", () => {
    expect(unifiedDiff("f", "a\nb\nc\n", "a\nc\nd\n")).toBe("--- a/f\n+++ b/f\n a\n-b\n c\n+d");
  });

  it("keeps templates out of the deny rules", () => {
    const rules = denyRules();
    expect(rules).toContain("Read(./**/.env)");
    expect(rules).toContain("Read(~/.aws/credentials)");
    expect(rules.some((r) => /\.env\.\*\)/.test(r) || /example|sample|template/.test(r))).toBe(false);
  });
});
