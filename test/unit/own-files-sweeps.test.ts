/**
 * git commands that revert or remove changes across the working tree take local edits to shipshape's
 * config and Claude Code's settings with them; the own-files guard asks git's status, in real repositories.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { ownFilesGuard } from "../../hooks/src/guards/own-files/guard.js";
import type { HostIO } from "../../hooks/src/runtime/io.js";
import { createNodeIO } from "../../hooks/src/runtime/node-io.js";

function repository(): { root: string; git: (...args: string[]) => string } {
  const root = mkdtempSync(join(tmpdir(), "shipshape-sweeps-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8" });
  git("init", "-q");
  git("config", "user.email", "t@example.com");
  git("config", "user.name", "T");
  mkdirSync(join(root, ".claude"));
  writeFileSync(join(root, ".claude/shipshape.yaml"), "secrets:\n  patterns: ['*.secret']\n");
  writeFileSync(join(root, ".gitignore"), ".claude/settings.local.json\n");
  writeFileSync(join(root, "a.txt"), "one\n");
  git("add", "-A");
  git("commit", "-q", "-m", "Start");
  return { root, git };
}

async function decide(root: string, command: string, wrap: (io: HostIO) => HostIO = (io) => io) {
  const home = mkdtempSync(join(tmpdir(), "shipshape-sweeps-home-"));
  const verdict = await ownFilesGuard.decide(
    { tool: "Bash", input: { command }, cwd: root, sessionId: "t" },
    { io: wrap(createNodeIO({ PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home })), config: DEFAULT_CONFIG, configDegraded: false, projectDir: root, home },
  );
  return verdict.action === "deny" ? verdict.reason : "pass";
}

describe("git commands that sweep the working tree", () => {
  it("refuse to revert a local edit of the config, and pass once it is committed or left out", async () => {
    const { root, git } = repository();
    writeFileSync(join(root, ".claude/shipshape.yaml"), "secrets:\n  patterns: ['*.secret', '*.key2']\n");
    writeFileSync(join(root, "a.txt"), "two\n");
    for (const command of ["git checkout .", "git reset --hard", "git stash", "git restore ."]) {
      expect(await decide(root, command)).toMatch(/would revert or remove the local changes to shipshape's configuration .*Instead: name the paths/);
    }
    for (const command of ["git checkout -- a.txt", "git restore --staged .", "git clean -fd", "git stash list"]) expect(await decide(root, command)).toBe("pass");
    git("commit", "-q", "-am", "Tighten");
    expect(await decide(root, "git reset --hard")).toBe("pass");
  });

  it("refuse to clean away an ignored local settings file only when the clean takes ignored files", async () => {
    const { root } = repository();
    writeFileSync(join(root, ".claude/settings.local.json"), '{ "permissions": { "deny": ["Read(./.env)"] } }');
    expect(await decide(root, "git clean -fdx")).toMatch(/Claude Code's settings .*settings\.local\.json/);
    expect(await decide(root, "git clean -fd")).toBe("pass");
    expect(await decide(root, "git clean -ndx")).toBe("pass");
  });

  it("look only at the paths a sweep is limited to, as its refusal advises", async () => {
    const { root } = repository();
    mkdirSync(join(root, "build"));
    writeFileSync(join(root, "build/out.js"), "x\n");
    writeFileSync(join(root, ".claude/shipshape.yaml"), "secrets:\n  patterns: ['*.secret', '*.key2']\n");
    writeFileSync(join(root, ".claude/settings.local.json"), '{ "permissions": { "deny": ["Read(./.env)"] } }');
    for (const command of ["git clean -fdx build/", "git clean -fdx -e '*.log' build", "git stash -- a.txt", "git stash push -m wip -- a.txt build"]) expect(await decide(root, command), command).toBe("pass");
    for (const command of ["git stash -- .claude", "git stash push -m wip -- .claude/shipshape.yaml", "git clean -fdx .claude", "git clean -fdx .", "git clean -fdx '*.json'", "git stash -- ':/'"]) {
      expect(await decide(root, command), command).toMatch(/^shipshape blocked this Bash call: .*(would revert or remove the local changes|could change)/);
    }
  });

  it("refuse a patch that changes shipshape's config or Claude Code's settings, whatever applies it", async () => {
    const { root } = repository();
    writeFileSync(join(root, "off.patch"), "--- a/.claude/shipshape.yaml\n+++ b/.claude/shipshape.yaml\n@@ -1 +1 @@\n-x\n+secrets: {enabled: false}\n");
    writeFileSync(join(root, "hooks.patch"), "diff --git a/.claude/settings.json b/.claude/settings.json\nnew file mode 100644\n--- /dev/null\n+++ b/.claude/settings.json\n@@ -0,0 +1 @@\n+{}\n");
    writeFileSync(join(root, "ok.patch"), "--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-one\n+two\n");
    for (const command of ["git apply off.patch", "git apply --index -p1 off.patch", "git am off.patch", "patch -p1 < off.patch", "patch -p1 -i off.patch", "git apply hooks.patch"]) {
      expect(await decide(root, command), command).toMatch(/would apply a patch to (shipshape's configuration|Claude Code's settings) .*Instead: leave that file out of the patch/);
    }
    for (const command of ["git apply ok.patch", "patch -p1 < ok.patch", "git apply --check off.patch", "git apply --stat off.patch", "patch --dry-run -p1 < off.patch", "git am --abort"]) expect(await decide(root, command), command).toBe("pass");
  });

  it("refuse a sweep when git status times out or cannot run, and pass the commands that sweep nothing", async () => {
    const { root } = repository();
    for (const outcome of [{ exitCode: null, stdout: "", stderr: "", timedOut: true }, undefined]) {
      const wrap = (io: HostIO): HostIO => ({ ...io, run: async (argv, options) => (argv[1] === "status" ? (outcome ?? Promise.reject(new Error("spawn git ENOENT"))) : io.run(argv, options)) });
      expect(await decide(root, "git checkout .", wrap)).toMatch(/git status could not tell whether they have any/);
      expect(await decide(root, "git stash list", wrap)).toBe("pass");
    }
  });
});
