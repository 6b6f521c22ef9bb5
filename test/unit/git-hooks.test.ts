import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../e2e/claude-session.js";

const shipshape = join(repoRoot, "bin", "shipshape");

function repo(testScript = "process.exit(0)") {
  const dir = mkdtempSync(join(tmpdir(), "githooks-"));
  const home = mkdtempSync(join(tmpdir(), "githooks-home-"));
  const env = { PATH: process.env.PATH ?? "", HOME: home, GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@e.x", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@e.x" };
  const git = (...args: string[]) => spawnSync("git", args, { cwd: dir, env, encoding: "utf8" });
  git("init", "-q", "-b", "main");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "r", scripts: { test: `node -e ${JSON.stringify(testScript)}` } }));
  writeFileSync(join(dir, "a.txt"), "a\n");
  git("add", "-A");
  const run = (...args: string[]) => execFileSync(shipshape, args, { cwd: dir, env, encoding: "utf8" });
  return { dir, git, run };
}

const GOOD = ["-m", "Add the first file", "-m", "It starts the project."];

describe("shipshape git-hooks", () => {
  it("blocks a bad message and lets a good one through", () => {
    const r = repo();
    r.run("git-hooks", "install");
    const bad = r.git("commit", "-m", "feat: stuff");
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/breaks the project's commit convention[\s\S]*type prefix/);
    const good = r.git("commit", ...GOOD);
    expect(good.status, good.stderr).toBe(0);
    expect(r.git("log", "--format=%s").stdout).toBe("Add the first file\n");
  });

  it("reads an editor's message up to git's scissors line, as git records it (git commit -v)", () => {
    const r = repo();
    r.run("git-hooks", "install");
    const editor = (summary: string, body: string) => {
      const file = join(r.dir, "..", `editor-${Math.random().toString(36).slice(2)}.sh`);
      writeFileSync(file, `#!/bin/sh\n{ printf '%s\\n\\n%s\\n' ${JSON.stringify(summary)} ${JSON.stringify(body)}; cat "$1"; } > "$1.new" && mv "$1.new" "$1"\n`);
      chmodSync(file, 0o755);
      return file;
    };
    // Below the scissors, the diff would read as a body; it is not part of the message.
    const commitWith = (file: string) =>
      spawnSync("git", ["commit", "-v"], { cwd: r.dir, encoding: "utf8", env: { PATH: process.env.PATH ?? "", HOME: r.dir, GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@e.x", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@e.x", GIT_EDITOR: file } });
    const noBody = commitWith(editor("Add the first file", ""));
    expect(noBody.status).not.toBe(0);
    expect(noBody.stderr).toMatch(/there is no body/);
    const good = commitWith(editor("Add the first file", "It starts the project."));
    expect(good.status, good.stderr).toBe(0);
    expect(r.git("log", "--format=%B").stdout.trim()).toBe("Add the first file\n\nIt starts the project.");
  });

  it("blocks a commit whose verification fails, with the output", () => {
    const r = repo("console.log('TEST BROKE'); process.exit(3)");
    r.run("git-hooks", "install");
    const result = r.git("commit", ...GOOD);
    expect(result.status).not.toBe(0);
    expect(result.stderr + result.stdout).toMatch(/npm test[\s\S]*exited with code 3[\s\S]*TEST BROKE/);
  });

  it("chains an existing hook and puts it back on uninstall", () => {
    const r = repo();
    const hook = join(r.dir, ".git", "hooks", "commit-msg");
    mkdirSync(join(r.dir, ".git", "hooks"), { recursive: true });
    writeFileSync(hook, "#!/bin/sh\necho previous-hook-ran >&2\n");
    chmodSync(hook, 0o755);
    r.run("git-hooks", "install");
    expect(existsSync(`${hook}.shipshape-previous`)).toBe(true);
    const result = r.git("commit", ...GOOD);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/previous-hook-ran/);
    r.run("git-hooks", "uninstall");
    expect(readFileSync(hook, "utf8")).toBe("#!/bin/sh\necho previous-hook-ran >&2\n");
    expect(existsSync(`${hook}.shipshape-previous`)).toBe(false);
  });

  it("extends husky's own hook files instead of replacing husky", () => {
    const r = repo();
    mkdirSync(join(r.dir, ".husky", "_"), { recursive: true });
    writeFileSync(join(r.dir, ".husky", "pre-commit"), "npm run lint-staged\n");
    r.git("config", "core.hooksPath", ".husky/_");
    r.run("git-hooks", "install");
    expect(readFileSync(join(r.dir, ".husky", "pre-commit"), "utf8")).toMatch(/^npm run lint-staged\nnode ".*cli\.cjs" git-hook pre-commit "\$@" # shipshape git hook\n$/);
    expect(readFileSync(join(r.dir, ".husky", "commit-msg"), "utf8")).toMatch(/git-hook commit-msg/);
    r.run("git-hooks", "uninstall");
    expect(readFileSync(join(r.dir, ".husky", "pre-commit"), "utf8")).toBe("npm run lint-staged\n");
  });
});
