/**
 * The decision cache: which calls share a key, how a decision's look-ups are recorded, and that a
 * remembered decision is replayed only while every look-up answers as it did. The last part runs the
 * built loader on a real disk, changing the world between two identical calls.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PRE_TOOL_USE_CHECKS } from "../../hooks/src/guards/checks.js";
import { runPreToolUseHook } from "../../hooks/src/runtime/command-hook.js";
import { memoSlot, parseRemembered, recordLookups, rememberedText, stillHolds, type Probes, type Remembered } from "../../hooks/src/runtime/decision-memo.js";
import { listDir, pathExists, readBytesFile, readTextFile, statPath } from "../../hooks/src/runtime/fs-probes.js";
import type { HostIO } from "../../hooks/src/runtime/io.js";
import { createNodeIO } from "../../hooks/src/runtime/node-io.js";
import { resolveConfigSources } from "../../hooks/src/entries/config-loader.js";
import { memoryIO } from "../helpers/memory-io.js";
import { repoRoot } from "../e2e/claude-session.js";

const call = {
  session_id: "s1",
  transcript_path: "/t/1.jsonl",
  cwd: "/p",
  permission_mode: "default",
  hook_event_name: "PreToolUse",
  tool_name: "Bash",
  tool_input: { command: "npm test", description: "Run the tests" },
  tool_use_id: "toolu_1",
};
const keyOf = (payload: unknown, context = "v1") => memoSlot("/data", context, JSON.stringify(payload))?.key;

describe("the decision cache's key", () => {
  it.each([
    ["another session", { ...call, session_id: "s2", transcript_path: "/t/2.jsonl" }],
    ["another tool_use_id", { ...call, tool_use_id: "toolu_2" }],
    ["another description of the same command", { ...call, tool_input: { command: "npm test", description: "Run them again" } }],
    ["a timeout or background flag", { ...call, tool_input: { ...call.tool_input, timeout: 60000, run_in_background: true } }],
    ["another edit of the same file", { ...call, tool_name: "Edit", tool_input: { file_path: "/p/a.ts", old_string: "a", new_string: "b" } }, { ...call, tool_name: "Edit", tool_input: { file_path: "/p/a.ts", old_string: "c", new_string: `${"d".repeat(20_000)}` } }],
    ["another part of the same file (a Read's offset and limit)", { ...call, tool_name: "Read", tool_input: { file_path: "/p/a.ts", offset: 200, limit: 100 } }, { ...call, tool_name: "Read", tool_input: { file_path: "/p/a.ts" } }],
    ["another prompt, effort or permission mode", { ...call, prompt_id: "p2", effort: { level: "high" }, permission_mode: "plan" }],
    ["another subagent of the same type", { ...call, agent_type: "reviewer", agent_id: "a1" }, { ...call, agent_type: "reviewer", agent_id: "a2" }],
  ])("is the same for %s", (_name, payload, other: unknown = call) => {
    expect(keyOf(payload)).toBeDefined();
    expect(keyOf(payload)).toBe(keyOf(other));
  });

  it.each([
    ["another command", { ...call, tool_input: { command: "npm test -- -u" } }],
    ["another working directory", { ...call, cwd: "/q" }],
    ["another tool", { ...call, tool_name: "Monitor" }],
    ["a subagent", { ...call, agent_type: "reviewer" }],
    ["another input field", { ...call, tool_input: { ...call.tool_input, sandbox: false } }],
    ["a description inside a nested input object", { ...call, tool_input: { ...call.tool_input, options: { description: "x" } } }],
  ])("differs for %s", (_name, payload) => {
    expect(keyOf(payload)).not.toBe(keyOf(call));
  });

  it('keeps a "__proto__" field of the input in the key', () => {
    // JSON.parse makes it an own field, which a decision reading every field (an unknown tool) sees.
    const proto = (value: unknown) => JSON.parse(`{"__proto__": ${JSON.stringify(value)}}`) as Record<string, unknown>;
    const withInput = (value: unknown) => ({ ...call, tool_name: "mcp__x__y", tool_input: { ...proto(value), path: "a" } });
    expect(keyOf(withInput({ file: ".env" }))).not.toBe(keyOf(withInput({ file: "README.md" })));
  });

  it("differs for other code, node or process folder (the context)", () => {
    expect(keyOf(call, "v2")).not.toBe(keyOf(call, "v1"));
  });

  it.each([
    ["text that is not JSON", "{nope"],
    ["an array", "[]"],
    ["a payload the hook refuses (no tool_input)", JSON.stringify({ ...call, tool_input: undefined })],
    ["a payload the hook refuses (a session id that is not a string)", JSON.stringify({ ...call, session_id: 7 })],
    ["another event's payload", JSON.stringify({ ...call, hook_event_name: "PostToolUse" })],
    ["a key over 16 KB", JSON.stringify({ ...call, tool_input: { command: `echo ${"x".repeat(17_000)}` } })],
    ["a payload over 1 MB", JSON.stringify({ ...call, tool_name: "Write", tool_input: { file_path: "/p/a", content: "x".repeat(1_100_000) } })],
  ])("gives no slot for %s", (_name, text) => {
    expect(memoSlot("/data", "v1", text)).toBeUndefined();
  });

  it("spreads calls over at most 256 files in the cache folder", () => {
    const files = new Set<string>();
    for (let i = 0; i < 3000; i++) files.add(memoSlot("/data", "v1", JSON.stringify({ ...call, tool_input: { command: `echo ${i}` } }))?.file ?? "");
    expect(files.size).toBeGreaterThan(200);
    expect(files.size).toBeLessThanOrEqual(256);
    for (const file of files) expect(file).toMatch(/^\/data\/decision-[0-9a-f]{2}\.json$/);
  });
});

describe("remembered entries", () => {
  const remembered: Remembered = { facts: [["env", "HOME", "=/h"]], stdout: "", stderr: "", code: 0 };
  it("read back what was written, for the same key only", () => {
    const text = rememberedText("k", remembered);
    expect(parseRemembered(text, "k")).toEqual(remembered);
    expect(parseRemembered(text, "other")).toBeUndefined();
  });

  it.each([
    ["not JSON", "{"],
    ["null", "null"],
    ["a fact of the wrong shape", JSON.stringify({ key: "k", facts: [["env", "HOME"]], stdout: "", stderr: "", code: 0 })],
    ["facts that are not a list", JSON.stringify({ key: "k", facts: {}, stdout: "", stderr: "", code: 0 })],
    ["an exit code a decision never has", JSON.stringify({ key: "k", facts: [], stdout: "", stderr: "", code: 1 })],
    ["no stdout", JSON.stringify({ key: "k", facts: [], stderr: "", code: 0 })],
  ])("read as nothing when damaged: %s", (_name, text) => {
    expect(parseRemembered(text, "k")).toBeUndefined();
  });
});

const probesFor = (env: Record<string, string>): Probes => ({
  stat: statPath,
  exists: pathExists,
  list: listDir,
  readText: readTextFile,
  readBytes: readBytesFile,
  env: (name) => env[name],
});

function world() {
  const root = mkdtempSync(join(tmpdir(), "shipshape-memo-"));
  mkdirSync(join(root, "src"));
  writeFileSync(join(root, "src/a.ts"), "export {};\n");
  writeFileSync(join(root, ".env"), "TOKEN=x\n");
  writeFileSync(join(root, "package.json"), "{}\n");
  return root;
}

/** Every kind of look-up, made through the recording HostIO over a real folder. */
async function lookEverywhere(root: string, env: Record<string, string>) {
  const recording = recordLookups(createNodeIO(env), undefined);
  // Judged by what it is and where it leads, as the secret guard judges a path.
  const source = await recording.io.stat(join(root, "src/a.ts"));
  void [source?.kind, source?.realPath];
  // Judged by its identity too, as a config file is.
  const manifest = await recording.io.stat(join(root, "package.json"));
  void [manifest?.size, manifest?.mtimeMs];
  await recording.io.stat(join(root, "missing"));
  await recording.io.exists(join(root, ".env"));
  await recording.io.list(join(root, "src"));
  await recording.io.readText(join(root, "package.json"));
  await recording.io.readBytes(join(root, ".env"));
  recording.io.env("HOME");
  recording.io.env("XDG_CACHE_HOME");
  return recording;
}

describe("replaying a decision's look-ups", () => {
  it("notes each look-up, and all still hold while nothing changed", async () => {
    const root = world();
    const recording = await lookEverywhere(root, { HOME: "/h" });
    const facts = recording.result() ?? [];
    expect(facts.map(([probe, subject]) => `${probe} ${subject.replace(root, "~")}`)).toEqual([
      "stat ~/src/a.ts",
      "stat ~/package.json",
      "stat ~/missing",
      "exists ~/.env",
      "list ~/src",
      "text ~/package.json",
      "bytes ~/.env",
      "env HOME",
      "env XDG_CACHE_HOME",
    ]);
    expect(stillHolds(facts, probesFor({ HOME: "/h" }))).toBe(true);
    // A stat is remembered with the fields the decision read, and only those.
    expect(JSON.parse(facts[0]?.[2] ?? "")).toEqual({ kind: "file", realPath: join(root, "src/a.ts") });
  });

  it("still hold after an edit of a file judged by what it is and where it leads", async () => {
    const root = world();
    const recording = await lookEverywhere(root, { HOME: "/h" });
    writeFileSync(join(root, "src/a.ts"), "export const longer = 'than before';\n");
    expect(stillHolds(recording.result() ?? [], probesFor({ HOME: "/h" }))).toBe(true);
  });

  it.each<[string, (root: string) => void, Record<string, string>?]>([
    ["a file replaced by a link to a secret", (root) => (unlinkSync(join(root, "src/a.ts")), symlinkSync(join(root, ".env"), join(root, "src/a.ts")))],
    ["a file judged by its identity rewritten at another size", (root) => writeFileSync(join(root, "package.json"), '{ "name": "x" }\n')],
    ["a file judged by what it is turned into a folder", (root) => (rmSync(join(root, "src/a.ts")), mkdirSync(join(root, "src/a.ts")))],
    ["a missing path created", (root) => writeFileSync(join(root, "missing"), "")],
    ["a path removed", (root) => rmSync(join(root, ".env"))],
    ["a file added to a listed folder", (root) => writeFileSync(join(root, "src/.env"), "T=1\n")],
    ["a read file rewritten at the same length", (root) => writeFileSync(join(root, "package.json"), "[]\n")],
    ["read bytes changed", (root) => writeFileSync(join(root, ".env"), "TOKEN=y\n")],
    ["an environment variable changed", () => undefined, { HOME: "/elsewhere" }],
    ["an environment variable set", () => undefined, { HOME: "/h", XDG_CACHE_HOME: "/c" }],
  ])("no longer hold after %s", async (_name, change, env) => {
    const root = world();
    const recording = await lookEverywhere(root, { HOME: "/h" });
    change(root);
    expect(stillHolds(recording.result() ?? [], probesFor(env ?? { HOME: "/h" }))).toBe(false);
  });

  it("do not hold when a look-up throws on replay", () => {
    const throwing = { ...probesFor({}), stat: () => { throw new Error("EACCES"); } };
    expect(stillHolds([["stat", "/x", "-"]], throwing)).toBe(false);
  });
});

const watch = (r: ReturnType<typeof recordLookups>, input: Record<string, unknown>) => r.watch({ tool: "Bash", input, cwd: "/p", sessionId: "s" });

describe("what makes a decision one not to remember", () => {
  const io = memoryIO({ files: { "/p/a": "x" }, run: () => ({ exitCode: 0, stdout: "", stderr: "", timedOut: false }), runShell: () => ({ exitCode: 0, stdout: "", stderr: "", timedOut: false }) });
  const store = { get: () => undefined, set: () => undefined };
  it.each<[string, (r: ReturnType<typeof recordLookups>) => unknown, boolean]>([
    ["look-ups alone", async (r) => r.io.stat("/p/a"), true],
    ["running a program", async (r) => r.io.run(["git", "status"], { cwd: "/p", timeoutMs: 1000 }), false],
    ["running a shell command", async (r) => r.io.runShell("npm test", { cwd: "/p", timeoutMs: 1000 }), false],
    ["reading the verification store", (r) => r.store?.get("k"), false],
    ["writing the verification store", (r) => r.store?.set("k", "v"), false],
    ["a look-up that fails", async (r) => r.io.readText("/p").catch(() => undefined), false],
    ["reading the command", (r) => watch(r, { command: "ls", description: "d" }).input.command, true],
    ["reading the tool, cwd and agent type", (r) => [watch(r, {}).tool, watch(r, {}).cwd, watch(r, {}).agentType], true],
    ["reading the session id", (r) => watch(r, {}).sessionId, false],
    ["reading the description", (r) => watch(r, { command: "ls", description: "d" }).input.description, false],
    ["testing for the description", (r) => "description" in watch(r, { command: "ls", description: "d" }).input, false],
    ["listing fields when there is a description", (r) => Object.keys(watch(r, { command: "ls", description: "d" }).input), false],
    ["serializing the input", (r) => JSON.stringify(watch(r, { command: "ls", timeout: 5 }).input), false],
    ["listing fields when there is none", (r) => Object.keys(watch(r, { command: "ls" }).input), true],
    ["looking at more than 64 KB of answers (a search over a large tree)", async (r) => {
      for (let i = 0; i < 3000; i++) r.io.env(`VARIABLE_WITH_A_LONG_NAME_${i}`);
    }, false],
    ["spreading the call", (r) => ({ ...watch(r, {}) }), false],
  ])("%s", async (_name, act, replayable) => {
    const recording = recordLookups(io, store);
    await act(recording);
    expect(recording.result() !== undefined).toBe(replayable);
  });
});

describe("the command hook with a decision cache", () => {
  async function hook(io: HostIO, input: Record<string, unknown>, tool = "Read") {
    let remembered: Remembered | undefined;
    let stdout = "";
    const code = await runPreToolUseHook(PRE_TOOL_USE_CHECKS, {
      io,
      readStdin: () => ({ ok: true, text: JSON.stringify({ ...call, tool_name: tool, tool_input: input }) }),
      resolver: () => resolveConfigSources,
      store: { get: () => undefined, set: () => undefined },
      writeStdout: (text) => void (stdout += text),
      writeStderr: () => undefined,
      remember: (entry) => void (remembered = entry),
    });
    return { code, stdout, remembered };
  }
  const project = { files: { "/p/.env": "T=1", "/p/src/a.ts": "x" }, env: { HOME: "/h", CLAUDE_PROJECT_DIR: "/p" } };

  it("remembers a pass and a refusal with exactly what it wrote", async () => {
    const pass = await hook(memoryIO(project), { file_path: "/p/src/a.ts" });
    expect(pass.remembered).toMatchObject({ stdout: "", stderr: "", code: 0 });
    expect(pass.remembered?.facts).toContainEqual(["stat", "/p/src/a.ts", expect.stringContaining('"kind":"file"')]);
    const deny = await hook(memoryIO(project), { file_path: "/p/.env" });
    expect(deny.stdout).toContain('"permissionDecision":"deny"');
    expect(deny.remembered?.stdout).toBe(deny.stdout);
  });

  it("does not remember a decision that crashed", async () => {
    const broken = { ...memoryIO(project), stat: () => Promise.reject(new Error("disk on fire")) };
    const result = await hook(broken, { file_path: "/p/src/a.ts" });
    expect(result.stdout).toContain('"permissionDecision":"deny"');
    expect(result.remembered).toBeUndefined();
  });

  it("does not remember a commit: its verification runs every time (or hits its own cache)", async () => {
    const io = memoryIO({ ...project, files: { ...project.files, "/p/.git/HEAD": "ref: refs/heads/main\n" }, run: () => ({ exitCode: 0, stdout: "", stderr: "", timedOut: false }) });
    const result = await hook(io, { command: 'git commit -m "Add a thing" -m "Because."' }, "Bash");
    expect(result.remembered).toBeUndefined();
  });
});

describe("the built loader replays a remembered decision only while the world is the same", () => {
  function setup() {
    const root = mkdtempSync(join(tmpdir(), "shipshape-memo-loader-"));
    const plugin = join(root, "plugin");
    mkdirSync(plugin);
    cpSync(join(repoRoot, "hooks/dist"), plugin, { recursive: true });
    const project = join(root, "project");
    mkdirSync(join(project, "src"), { recursive: true });
    writeFileSync(join(project, "src/app.ts"), "export {};\n");
    writeFileSync(join(project, "notes.txt"), "notes\n");
    writeFileSync(join(project, ".env"), "TOKEN=x\n");
    const data = join(root, "data");
    const run = (tool: string, input: Record<string, unknown>, env: Record<string, string> = {}) => {
      const payload = JSON.stringify({ ...call, cwd: project, tool_name: tool, tool_input: input });
      const result = spawnSync(process.execPath, [join(plugin, "pre-tool-use.cjs")], {
        input: payload,
        encoding: "utf8",
        cwd: project,
        env: { PATH: process.env.PATH ?? "", HOME: root, CLAUDE_PROJECT_DIR: project, CLAUDE_PLUGIN_DATA: data, ...env },
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr, denied: result.stdout.includes('"permissionDecision":"deny"') };
    };
    return { root, plugin, project, data, run };
  }

  it("answers a repeated call without the decision bundle at all", () => {
    // Remembered decisions share 256 files by a hash of the call and its folder (a new temporary one
    // each run): one run in 256, the two calls land in one file and the later one takes it. Such a
    // run starts again in a new folder rather than fail by chance.
    let t = setup();
    let first = t.run("Bash", { command: "cat notes.txt", description: "Show the notes" });
    let read = t.run("Read", { file_path: join(t.project, "src/app.ts"), offset: 1, limit: 50 });
    for (let attempt = 0; readdirSync(t.data).filter((name) => name.startsWith("decision-")).length < 2 && attempt < 5; attempt++) {
      t = setup();
      first = t.run("Bash", { command: "cat notes.txt", description: "Show the notes" });
      read = t.run("Read", { file_path: join(t.project, "src/app.ts"), offset: 1, limit: 50 });
    }
    expect(readdirSync(t.data).filter((name) => name.startsWith("decision-"))).toHaveLength(2);
    // Without the bundle, only a replay can answer; a fresh decision would fail closed.
    rmSync(join(t.plugin, "pre-tool-use.impl.cjs"));
    const again = t.run("Bash", { command: "cat notes.txt", description: "Show them again" });
    expect(again).toEqual(first);
    expect(first.denied).toBe(false);
    expect(t.run("Read", { file_path: join(t.project, "src/app.ts"), offset: 51, limit: 50 })).toEqual(read);
    expect(read.denied).toBe(false);
    const other = t.run("Bash", { command: "cat src/app.ts" });
    expect(other.denied).toBe(true);
    expect(other.stdout).toContain("internal error");
  });

  it("replays an edit of the same file whatever it writes, but never one of Claude Code's settings", () => {
    const t = setup();
    const edit = (old_string: string, new_string: string) => t.run("Edit", { file_path: join(t.project, "src/app.ts"), old_string, new_string });
    const first = edit("export", "export const a = 1;");
    expect(first.denied).toBe(false);
    mkdirSync(join(t.project, ".claude"));
    const settings = join(t.project, ".claude", "settings.json");
    writeFileSync(settings, '{ "permissions": { "allow": [] } }\n');
    const harmless = t.run("Write", { file_path: settings, content: '{ "permissions": { "allow": ["Bash(npm test)"] } }\n' });
    expect(harmless.denied).toBe(false);
    // Switching the hooks off is refused: the first write was judged by its content, so not kept.
    const switchOff = t.run("Write", { file_path: settings, content: '{ "disableAllHooks": true }\n' });
    expect(switchOff.denied).toBe(true);
    // The edit lands (the file's size and mtime change); the next edit of the file still replays.
    writeFileSync(join(t.project, "src/app.ts"), "export const a = 1;\n");
    rmSync(join(t.plugin, "pre-tool-use.impl.cjs"));
    expect(edit("const", "let")).toEqual(first);
  });

  it("replays a refusal with its message and exit code", () => {
    const t = setup();
    const first = t.run("Bash", { command: "cat .env" });
    rmSync(join(t.plugin, "pre-tool-use.impl.cjs"));
    expect(t.run("Bash", { command: "cat .env" })).toEqual(first);
    expect(first.denied).toBe(true);
  });

  it.each<[string, string, Record<string, unknown>, (t: ReturnType<typeof setup>) => void]>([
    ["a file the agent read becomes a link to .env", "Read", { file_path: "src/app.ts" }, (t) => (unlinkSync(join(t.project, "src/app.ts")), symlinkSync(join(t.project, ".env"), join(t.project, "src/app.ts")))],
    ["a file cat printed becomes a link to .env", "Bash", { command: "cat notes.txt" }, (t) => (unlinkSync(join(t.project, "notes.txt")), symlinkSync(".env", join(t.project, "notes.txt")))],
    ["a script it runs comes to print .env", "Bash", { command: "bash notes.txt" }, (t) => writeFileSync(join(t.project, "notes.txt"), "cat .env\n")],
    ["a secret appears in a folder a search walks", "Bash", { command: "grep -r TODO src" }, (t) => writeFileSync(join(t.project, "src/.env.local"), "T=1\n")],
    ["a glob comes to match a secret", "Bash", { command: "cat src/*" }, (t) => writeFileSync(join(t.project, "src/id_rsa"), "key\n")],
    ["the project's config adds a secret pattern", "Read", { file_path: "notes.txt" }, (t) => (mkdirSync(join(t.project, ".claude")), writeFileSync(join(t.project, ".claude/shipshape.yaml"), "secrets:\n  patterns: [notes.txt]\n"))],
  ])("decides afresh when %s", (_name, tool, input, change) => {
    const t = setup();
    const absolute = typeof input.file_path === "string" ? { file_path: join(t.project, input.file_path) } : input;
    expect(t.run(tool, absolute).denied).toBe(false);
    expect(t.run(tool, absolute).denied).toBe(false);
    change(t);
    expect(t.run(tool, absolute).denied).toBe(true);
  });

  it("decides afresh when the config allows what it refused", () => {
    const t = setup();
    expect(t.run("Bash", { command: "cat .env" }).denied).toBe(true);
    mkdirSync(join(t.project, ".claude"));
    writeFileSync(join(t.project, ".claude/shipshape.yaml"), "secrets:\n  allow: [.env]\n");
    expect(t.run("Bash", { command: "cat .env" }).denied).toBe(false);
  });

  it("decides afresh when an environment variable the decision read changes", () => {
    const t = setup();
    const otherHome = join(t.root, "home2");
    mkdirSync(join(otherHome, ".ssh"), { recursive: true });
    writeFileSync(join(otherHome, ".ssh/deploy"), "key\n");
    const command = `cat ${join(otherHome, ".ssh/deploy")}`;
    expect(t.run("Bash", { command }).denied).toBe(false);
    expect(t.run("Bash", { command }).denied).toBe(false);
    // The same file is a secret once it is under the user's ~/.ssh.
    expect(t.run("Bash", { command }, { HOME: otherHome }).denied).toBe(true);
  });

  it("keeps no commit whose verification ran, and nothing at all when switched off", () => {
    const t = setup();
    const git = (...args: string[]) => spawnSync("git", args, { cwd: t.project, encoding: "utf8" });
    git("init", "-q");
    writeFileSync(join(t.project, "package.json"), JSON.stringify({ scripts: { test: "node -e 0" } }));
    git("add", "-A");
    const commit = t.run("Bash", { command: 'git commit -m "Add the project" -m "A first commit, to be verified."' });
    expect(commit.denied).toBe(false);
    const kept = () => readdirSync(t.data).filter((name) => name.startsWith("decision-")).map((name) => readFileSync(join(t.data, name), "utf8"));
    expect(kept().some((text) => text.includes("git commit"))).toBe(false);
    t.run("Bash", { command: "cat notes.txt" }, { SHIPSHAPE_DECISION_CACHE: "off" });
    expect(kept().some((text) => text.includes("notes.txt"))).toBe(false);
    t.run("Bash", { command: "cat notes.txt" });
    expect(kept().some((text) => text.includes("notes.txt"))).toBe(true);
  });

  it("ignores a damaged cache file and decides afresh", () => {
    const t = setup();
    t.run("Bash", { command: "cat .env" });
    for (const name of readdirSync(t.data).filter((n) => n.startsWith("decision-"))) writeFileSync(join(t.data, name), '{"key":');
    const again = t.run("Bash", { command: "cat .env" });
    expect(again.denied).toBe(true);
    expect(again.status).toBe(0);
  });
});
