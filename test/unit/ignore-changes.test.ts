/**
 * Searches that skip what git ignores (rg, fd, git grep --untracked) are judged by the ignore rules as
 * they are when the call is decided. A command earlier in the same call that changes those rules
 * (`rm .gitignore && rg KEY`) would let the search reach an ignored secret unseen, so after one the
 * search is judged as if nothing were ignored. Real repositories, real git.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { createNodeIO } from "../../hooks/src/runtime/node-io.js";

function repository(): string {
  const root = mkdtempSync(join(tmpdir(), "shipshape-ignores-"));
  execFileSync("git", ["init", "-q"], { cwd: root });
  // credentials.json is not hidden: only the ignore rule keeps rg from it.
  writeFileSync(join(root, ".gitignore"), "credentials.json\nnode_modules/\n");
  writeFileSync(join(root, "credentials.json"), '{"token": "x"}\n');
  mkdirSync(join(root, "src"));
  writeFileSync(join(root, "src/app.ts"), "export {};\n");
  return root;
}

async function decide(root: string, command: string) {
  const home = mkdtempSync(join(tmpdir(), "shipshape-ignores-home-"));
  const verdict = await secretGuard.decide(
    { tool: "Bash", input: { command }, cwd: root, sessionId: "t" },
    { io: createNodeIO({ PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home }), config: DEFAULT_CONFIG, configDegraded: false, projectDir: root, home },
  );
  return verdict.action === "deny" ? verdict.reason : "pass";
}

describe("a search after a change to what is ignored", () => {
  const root = repository();

  it.each([
    "rm .gitignore && rg token",
    "sed -i '/credentials/d' .gitignore && rg token",
    "echo '!credentials.json' >> .gitignore && rg token",
    "> .gitignore; rg token",
    "mv .gitignore /tmp/gitignore.bak && rg -n token",
    "echo '!credentials.json' > .ignore && rg token",
    "echo '!credentials.json' > .rgignore && rg token",
    "f=.git; rm \"${f}ignore\" && rg token",
    "git config core.excludesFile /dev/null && rg token",
    "echo '!credentials.json' >> .gitignore && git grep --untracked token",
    "echo '!credentials.json' >> .gitignore && fd -x cat",
  ])("refuses %s", async (command) => {
    expect(await decide(root, command)).toMatch(/after an earlier command in this call changes what is ignored[\s\S]*credentials\.json/);
  });

  it.each([
    "rg token",
    "git grep --untracked token",
    "cat .gitignore && rg token",
    "git check-ignore -v credentials.json && rg token",
    "rg token && rm .gitignore",
    "rg --ignore-case token",
    "echo dist/ >> .gitignore && rg token src",
  ])("passes %s", async (command) => {
    expect(await decide(root, command)).toBe("pass");
  });
});
