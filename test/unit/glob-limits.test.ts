/**
 * Globs and brace expansions larger than the guard looks through are refused, not cut short: the names
 * past a limit could hold the secret (a glob over 2100 folders, the .env in the last).
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { memoryIO } from "../helpers/memory-io.js";

const ROOT = "/home/dev/big";
const files: Record<string, string> = { [`${ROOT}/d2099/.env`]: "TOKEN=x\n", [`${ROOT}/small/a/x`]: "x\n" };
for (let i = 0; i < 2100; i++) files[`${ROOT}/d${String(i).padStart(4, "0")}/notes.txt`] = "n\n";

async function decide(command: string, cwd = ROOT) {
  const io = memoryIO({ files, env: { HOME: "/home/dev", PATH: "/usr/bin:/bin" } });
  const verdict = await secretGuard.decide({ tool: "Bash", input: { command }, cwd, sessionId: "t" }, { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: cwd, home: "/home/dev" });
  return verdict.action === "deny" ? verdict.reason : "pass";
}

describe("globs over more entries than the guard looks through", () => {
  it.each(["cat */.env", "grep -r TOKEN */", "head -1 d*/.env", "cat **/notes.txt"])("refuses %s, whose matches go past the limit", async (command) => {
    expect(await decide(command)).toMatch(/matches more (files|folders) than the guard checks/);
  }, 30_000);

  it.each(["cat d000*/notes.txt", "ls */", "cat small/*/x", "cat small/**/x"])("passes %s", async (command) => {
    expect(await decide(command)).toBe("pass");
  }, 30_000);
});

describe("a recursive search deeper than the guard walks", () => {
  const deep = `${ROOT}/deep/${Array.from({ length: 45 }, (_, i) => `l${i}`).join("/")}`;
  files[`${deep}/.env`] = "TOKEN=x\n";
  files[`${ROOT}/shallow/a/b/notes.txt`] = "n\n";

  it("refuses grep -r over a tree 45 folders deep, with .env at the bottom", async () => {
    expect(await decide("grep -r TOKEN deep")).toMatch(/too large to check/);
  });

  it("passes grep -r over a shallow tree of ordinary files", async () => {
    expect(await decide("grep -r TOKEN shallow")).toBe("pass");
  });
});

describe("globs and dot files", () => {
  // bash leaves dot files out of `*` unless dotglob is on (setting GLOBIGNORE turns it on too).
  files[`${ROOT}/dots/.env`] = "TOKEN=x\n";
  files[`${ROOT}/dots/notes.txt`] = "n\n";

  it.each(["cat *", "head -n 3 ?otes.txt *", "cat [.]env"])("passes %s, which matches no dot file", async (command) => {
    expect(await decide(command, `${ROOT}/dots`)).toBe("pass");
  });

  it.each(["shopt -s dotglob; cat *", "GLOBIGNORE=notes.txt; cat *", "cat .*"])("refuses %s, whose glob takes .env", async (command) => {
    expect(await decide(command, `${ROOT}/dots`)).toMatch(/`\/home\/dev\/big\/dots\/\.env`/);
  });
});
