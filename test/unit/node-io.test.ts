import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createNodeIO } from "../../hooks/src/runtime/node-io.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";

function tree() {
  const root = mkdtempSync(join(tmpdir(), "nodeio-"));
  const home = join(root, "home");
  const project = join(root, "project");
  mkdirSync(join(home, ".ssh"), { recursive: true });
  mkdirSync(project);
  writeFileSync(join(home, ".ssh", "deploy_key"), "key");
  writeFileSync(join(project, "a.txt"), "a");
  symlinkSync(join(home, ".ssh"), join(project, "keys"));
  symlinkSync(join(project, "missing"), join(project, "dangling"));
  return { root, home, project };
}

describe("the Node HostIO on a real disk", () => {
  it("refuses to read a named pipe, which would wait for a writer, and reads /dev/null as empty", async () => {
    const t = tree();
    const pipe = join(t.project, ".env");
    execFileSync("mkfifo", [pipe]);
    const io = createNodeIO({});
    const started = performance.now();
    await expect(io.readText(pipe)).rejects.toThrow(/pipe, socket or device/);
    await expect(io.readBytes(pipe)).rejects.toThrow(/pipe, socket or device/);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await io.readText("/dev/null")).toBe("");
    expect(await io.readText(join(t.project, "a.txt"))).toBe("a");
    expect(await io.readText(join(t.project, "missing.txt"))).toBeUndefined();
  }, 5000);

  it("resolves links on the way to a file, not only the file itself", async () => {
    const t = tree();
    const info = await createNodeIO({}).stat(join(t.project, "keys", "deploy_key"));
    expect(info?.realPath).toBe(join(t.home, ".ssh", "deploy_key"));
    expect(info?.kind).toBe("file");
  });

  it("treats a dangling link as nothing, but as existing", async () => {
    const t = tree();
    const io = createNodeIO({});
    expect(await io.stat(join(t.project, "dangling"))).toBeUndefined();
    expect(await io.exists(join(t.project, "dangling"))).toBe(true);
    expect(await io.exists(join(t.project, "nope"))).toBe(false);
  });

  it("lists folders with link targets' kinds", async () => {
    const t = tree();
    const entries = await createNodeIO({}).list(t.project);
    expect(entries?.find((e) => e.name === "keys")).toEqual({ name: "keys", kind: "dir", isLink: true });
  });

  it("lets the guard see a secret behind a linked folder", async () => {
    const t = tree();
    const verdict = await secretGuard.decide(
      { tool: "Bash", input: { command: "cat keys/deploy_key" }, cwd: t.project, sessionId: "t" },
      { io: createNodeIO({ HOME: t.home }), config: DEFAULT_CONFIG, configDegraded: false, projectDir: t.project, home: t.home },
    );
    expect(verdict.action).toBe("deny");
  });

  it("treats a name too long for the file system as nothing there, not as a crash", async () => {
    const io = createNodeIO(process.env);
    const long = `/tmp/${"a".repeat(300)}`;
    expect(await io.stat(long)).toBeUndefined();
    expect(await io.exists(long)).toBe(false);
    expect(await io.readText(long)).toBeUndefined();
  });

  it("runs a program and reports a timeout", async () => {
    const io = createNodeIO(process.env);
    expect(await io.run(["sh", "-c", "echo hi"], { cwd: "/", timeoutMs: 5000 })).toMatchObject({ exitCode: 0, stdout: "hi\n" });
    expect(await io.run(["sleep", "5"], { cwd: "/", timeoutMs: 200 })).toMatchObject({ timedOut: true });
  });
});
