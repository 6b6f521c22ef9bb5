/**
 * The command hooks start git without loading node:child_process (spawn-sync.ts): through Node's
 * spawn_sync binding when it is there, else through child_process. Both ways must answer alike.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bindingWouldWarn, readBindingResult, spawnSync, type SpawnRequest } from "../../hooks/src/runtime/spawn-sync.js";

const dir = mkdtempSync(join(tmpdir(), "shipshape-spawn-"));
writeFileSync(join(dir, "here.txt"), "x");
const env = { PATH: process.env.PATH, GREETING: "hello" };
const request = (file: string, args: string[], extra: Partial<SpawnRequest> = {}): SpawnRequest => ({ file, args, cwd: dir, env, timeoutMs: 5000, maxBuffer: 1024 * 1024, ...extra });

const cases: Array<[string, SpawnRequest, (outcome: ReturnType<typeof spawnSync>) => void]> = [
  ["output, exit code, working folder and environment", request("sh", ["-c", 'ls; echo "$GREETING" >&2; exit 3']), (o) => expect(o).toEqual({ status: 3, stdout: "here.txt\n", stderr: "hello\n" })],
  ["stdin", request("sh", ["-c", "cat; echo ."], { input: "piped ünïcode\n" }), (o) => expect(o).toEqual({ status: 0, stdout: "piped ünïcode\n.\n", stderr: "" })],
  ["a program that is not there", request("shipshape-no-such-program", []), (o) => expect(o).toMatchObject({ status: null, stdout: "", errorCode: "ENOENT", stderr: expect.stringMatching(/ENOENT/) })],
  ["a timeout", request("sleep", ["5"], { timeoutMs: 150 }), (o) => expect(o).toMatchObject({ status: null, errorCode: "ETIMEDOUT" })],
  ["too much output", request("sh", ["-c", "yes | head -c 100000"], { maxBuffer: 1000 }), (o) => expect(o.errorCode).toBe("ENOBUFS")],
  ["a variable left unset", request("sh", ["-c", 'echo "[${UNSET-none}]"'], { env: { PATH: process.env.PATH, UNSET: undefined } }), (o) => expect(o.stdout).toBe("[none]\n")],
];

describe("spawnSync", () => {
  it.each(cases)("through the binding: %s", (_name, req, check) => check(spawnSync(req)));
  it.each(cases)("through child_process: %s", (_name, req, check) => check(spawnSync(req, { useBinding: false })));

  it("takes the binding's answer only in the shape it knows", () => {
    expect(readBindingResult({ status: 0, signal: null, output: [null, Buffer.from("a"), Buffer.from("")], pid: 1 })).toMatchObject({ status: 0 });
    expect(readBindingResult({ error: -2, status: null, output: null })).toEqual({ status: null, error: -2, output: null });
    for (const odd of [null, "x", { status: "0", output: null }, { status: 0, output: ["text"] }, { status: 0, error: "ENOENT", output: null }]) expect(readBindingResult(odd)).toBeUndefined();
  });

  it("leaves the binding alone where touching it would print a deprecation warning", () => {
    expect(bindingWouldWarn("--max-old-space-size=100 --pending-deprecation", [], undefined)).toBe(true);
    expect(bindingWouldWarn(undefined, ["--pending-deprecation"], undefined)).toBe(true);
    expect(bindingWouldWarn(undefined, [], "1")).toBe(true);
    expect(bindingWouldWarn("--max-old-space-size=100", ["--enable-source-maps"], undefined)).toBe(false);
  });

  it("keeps node:child_process unloaded in the command hook on a cached commit", () => {
    // A repository with a staged change whose verification (`node -e 0`) passes: the first commit
    // runs it (through execa, which loads child_process), the second finds it cached and only runs git.
    const repo = mkdtempSync(join(tmpdir(), "shipshape-spawn-repo-"));
    const data = mkdtempSync(join(tmpdir(), "shipshape-spawn-data-"));
    writeFileSync(join(repo, "package.json"), JSON.stringify({ name: "x", scripts: { test: "node -e 0" } }));
    expect(spawnSync(request("sh", ["-c", "git init -q && git add -A"], { cwd: repo })).status).toBe(0);
    const preload = join(data, "report-modules.cjs");
    writeFileSync(preload, `process.on("exit", () => require("fs").writeSync(2, "MODULES " + JSON.stringify(process.moduleLoadList.filter((m) => /child_process/.test(m))) + "\\n"));`);
    const payload = JSON.stringify({ session_id: "s", transcript_path: "/t", cwd: repo, hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command: 'git commit -m "Add the package" -m "A body for the gate."' }, tool_use_id: "t" });
    const hook = () => {
      const outcome = spawnSync(request(process.execPath, ["--require", preload, join(process.cwd(), "hooks/dist/pre-tool-use.cjs")], { cwd: repo, input: payload, timeoutMs: 30_000, env: { PATH: process.env.PATH, HOME: data, CLAUDE_PROJECT_DIR: repo, CLAUDE_PLUGIN_DATA: data } }));
      return { note: outcome.stdout, loaded: JSON.parse(/MODULES (.*)/.exec(outcome.stderr)?.[1] ?? "null") as string[] | null };
    };
    const first = hook();
    expect(first.note).toMatch(/verification passed/);
    expect(first.loaded).toContain("NativeModule child_process");
    const cached = hook();
    expect(cached.note).toMatch(/already passed on this exact content/);
    expect(cached.loaded).toEqual([]);
  });
});
