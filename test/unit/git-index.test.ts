/**
 * The index reader must print exactly what `git ls-files -s -z` prints, for every index git writes
 * that it claims to read, and must decline the ones it does not (the gate then asks git).
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lsFilesFromIndex } from "../../hooks/src/guards/commit/git-index.js";

function repo() {
  const root = mkdtempSync(join(tmpdir(), "shipshape-git-index-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  git("init", "-q", "-b", "main");
  git("config", "user.email", "t@example.com");
  git("config", "user.name", "T");
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  for (let i = 0; i < 30; i++) write(`src/components/button-${i}/index.ts`, `export const b${i} = ${i};\n`);
  write("README.md", "# x\n");
  write("naïve name with spaces.txt", "é\n");
  write("bin/run.sh", "#!/bin/sh\n");
  chmodSync(join(root, "bin/run.sh"), 0o755);
  symlinkSync("README.md", join(root, "link.md"));
  git("add", "-A");
  git("commit", "-q", "-m", "Start");
  const read = () => lsFilesFromIndex(readFileSync(join(root, ".git", "index")));
  return { root, git, write, read };
}

describe("lsFilesFromIndex", () => {
  it.each([
    ["a plain index (version 2)", () => undefined],
    ["staged, unstaged and intent-to-add changes", (r: ReturnType<typeof repo>) => {
      r.write("README.md", "# y\n");
      r.git("add", "README.md");
      r.write("src/components/button-3/index.ts", "changed\n");
      r.write("new.ts", "new\n");
      r.git("add", "-N", "new.ts");
    }],
    ["skip-worktree entries (version 3 extended flags)", (r: ReturnType<typeof repo>) => r.git("update-index", "--skip-worktree", "README.md")],
    ["a version 4 index (compressed paths)", (r: ReturnType<typeof repo>) => {
      r.git("update-index", "--index-version", "4");
      r.write("src/components/button-10/extra.ts", "x\n");
      r.git("add", "-A");
    }],
    ["an index with an untracked cache and a cache tree", (r: ReturnType<typeof repo>) => {
      r.git("config", "core.untrackedCache", "true");
      r.git("update-index", "--untracked-cache");
      r.git("status");
    }],
    ["a merge conflict (stages 1 to 3)", (r: ReturnType<typeof repo>) => {
      r.git("checkout", "-q", "-b", "other");
      r.write("README.md", "# other\n");
      r.git("commit", "-qam", "Other");
      r.git("checkout", "-q", "main");
      r.write("README.md", "# main\n");
      r.git("commit", "-qam", "Main");
      try {
        r.git("merge", "-q", "other");
      } catch {
        // The conflict is the point.
      }
    }],
  ] as const)("prints what git ls-files -s -z prints: %s", (name, arrange) => {
    const r = repo();
    arrange(r as never);
    const expected = r.git("ls-files", "-s", "-z");
    expect(expected.length).toBeGreaterThan(100);
    // The arrangement made the index it is named for.
    const version = readFileSync(join(r.root, ".git", "index"))[7];
    if (name.includes("version 4")) expect(version).toBe(4);
    if (name.includes("version 3")) expect(version).toBe(3);
    if (name.includes("conflict")) expect(expected).toContain(" 3\tREADME.md");
    expect(r.read()).toBe(expected);
  });

  it("declines a split index, which keeps entries in another file", () => {
    const r = repo();
    r.git("update-index", "--split-index");
    r.write("README.md", "# z\n");
    r.git("add", "README.md");
    expect(r.read()).toBeUndefined();
  });

  it.each([
    ["nothing", new Uint8Array(0)],
    ["another file", new TextEncoder().encode("not an index at all, but long enough to look at")],
    ["a truncated index", (() => {
      const r = repo();
      const bytes = readFileSync(join(r.root, ".git", "index"));
      return bytes.subarray(0, bytes.length - 40);
    })()],
  ])("declines %s", (_name, bytes) => {
    expect(lsFilesFromIndex(bytes)).toBeUndefined();
  });
});
