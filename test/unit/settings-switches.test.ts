/** Which changes to a Claude Code settings file switch shipshape off (settings-switches.ts), decided on parsed JSON. */
import { describe, expect, it } from "vitest";
import { applyEdits, editsIn, parseSettings, switchedOff } from "../../hooks/src/guards/own-files/settings-switches.js";

const wired = {
  enabledPlugins: { "shipshape@shipshape": true, "other@x": true },
  hooks: { PreToolUse: [{ matcher: "*", hooks: [{ type: "command", command: "node", args: ["/p/.claude/shipshape/pre-tool-use.cjs"] }] }] },
  env: { SHIPSHAPE_GUARD: "command-hooks", NODE_ENV: "dev" },
};

describe("switchedOff", () => {
  it.each([
    ["disableAllHooks", wired, { ...wired, disableAllHooks: true }, /disableAllHooks/],
    ["allowManagedHooksOnly", {}, { allowManagedHooksOnly: true }, /allowManagedHooksOnly/],
    ["the plugin set to false", wired, { ...wired, enabledPlugins: { "shipshape@shipshape": false } }, /disables the shipshape@shipshape plugin/],
    ["the plugin's entry removed", wired, { ...wired, enabledPlugins: { "other@x": true } }, /removes the shipshape@shipshape plugin/],
    ["a false entry added where there was none (a local override)", undefined, { enabledPlugins: { "shipshape@team": false } }, /disables the shipshape@team plugin/],
    ["the hook removed", wired, { ...wired, hooks: {} }, /removes or changes a hook that runs shipshape/],
    ["SHIPSHAPE_GUARD changed", wired, { ...wired, env: { NODE_ENV: "dev" } }, /SHIPSHAPE_GUARD/],
    ["safe mode set in env", {}, { env: { CLAUDE_CODE_SAFE_MODE: "1" } }, /CLAUDE_CODE_SAFE_MODE/],
    ["the marketplace removed", { extraKnownMarketplaces: { shipshape: {} } }, {}, /marketplace/],
    ["a file that no longer parses", wired, null, /unreadable as settings/],
  ] as const)("refuses %s", (_name, before, after, why) => {
    expect(switchedOff(before as never, after as never)).toMatch(why);
  });

  it.each([
    ["nothing changed", wired, wired],
    ["a permission added", wired, { ...wired, permissions: { allow: ["Bash(ls)"] } }],
    ["another plugin disabled", wired, { ...wired, enabledPlugins: { "shipshape@shipshape": true, "other@x": false } }],
    ["a hook of its own added", wired, { ...wired, hooks: { PreToolUse: [...wired.hooks.PreToolUse, { matcher: "Bash", hooks: [{ type: "command", command: "echo" }] }] } }],
    ["another variable changed", wired, { ...wired, env: { SHIPSHAPE_GUARD: "command-hooks", NODE_ENV: "test" } }],
    ["disableAllHooks that was already on", { disableAllHooks: true }, { disableAllHooks: true, model: "opus" }],
    ["a new file", undefined, { permissions: { deny: ["Read(./.env)"] } }],
    ["a file that did not parse before and still does not", null, null],
  ] as const)("passes %s", (_name, before, after) => {
    expect(switchedOff(before as never, after as never)).toBeUndefined();
  });
});

describe("parseSettings, applyEdits, editsIn", () => {
  it("tells a missing file from a broken one", () => {
    expect(parseSettings(undefined)).toBeUndefined();
    expect(parseSettings("  \n")).toBeUndefined();
    expect(parseSettings("[1]")).toBeNull();
    expect(parseSettings("{ broken")).toBeNull();
    expect(parseSettings('{"a": 1}')).toEqual({ a: 1 });
  });

  it("applies edits as the tools do, and gives up where the tool would fail", () => {
    expect(applyEdits("a b a", [{ old_string: "a", new_string: "x" }])).toBe("x b a");
    expect(applyEdits("a b a", [{ old_string: "a", new_string: "$&x", replace_all: true }])).toBe("$&x b $&x");
    expect(applyEdits("a b", [{ old_string: "a", new_string: "c" }, { old_string: "c b", new_string: "d" }])).toBe("d");
    expect(applyEdits("a b", [{ old_string: "z", new_string: "c" }])).toBeUndefined();
    expect(applyEdits("a b", [{ old_string: "", new_string: "c" }])).toBeUndefined();
  });

  it("reads Edit and MultiEdit inputs, and nothing else", () => {
    expect(editsIn("Edit", { file_path: "f", old_string: "a", new_string: "b", replace_all: true })).toEqual([{ old_string: "a", new_string: "b", replace_all: true }]);
    expect(editsIn("MultiEdit", { file_path: "f", edits: [{ old_string: "a", new_string: "b" }] })).toEqual([{ old_string: "a", new_string: "b", replace_all: false }]);
    expect(editsIn("MultiEdit", { file_path: "f", edits: [{ old_string: "a" }] })).toBeUndefined();
    expect(editsIn("Edit", { file_path: "f", old_string: 1, new_string: "b" })).toBeUndefined();
  });
});
