/**
 * Words built with `$(nproc)`, `$(date +%F)`, `$(git rev-parse HEAD)`: what those print is a number,
 * a date or a hash, so a command given one reads only files whose names start that way. Those that
 * exist are judged (a link named like a date can still lead to .env), and so is the name itself.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { gitRevisionCommand, tokenClasses } from "../../hooks/src/guards/secrets/token-printers.js";
import { memoryIO } from "../helpers/memory-io.js";

const PROJECT = "/home/dev/project";
const io = memoryIO({
  files: { [`${PROJECT}/.env`]: "API_KEY=1\n", [`${PROJECT}/logs/app.log`]: "ok\n", [`${PROJECT}/prod.tfvars`]: "key = 1\n", [`${PROJECT}/README.md`]: "# hi\n" },
  // Names a date or a number gives, leading to secrets.
  links: { [`${PROJECT}/dated/2026-11-27.log`]: `${PROJECT}/.env`, [`${PROJECT}/numbered/8`]: `${PROJECT}/.env` },
  env: { HOME: "/home/dev" },
});

async function decide(command: string): Promise<string> {
  const ctx = { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: PROJECT, home: "/home/dev" };
  const verdict = await secretGuard.decide({ tool: "Bash", input: { command }, cwd: PROJECT, sessionId: "t" }, ctx);
  return verdict.action === "deny" ? verdict.reason : "pass";
}

describe("words built with numbers, dates and hashes", () => {
  it.each([
    // By name: whatever the number, these are dotenv files or keys.
    ["cat $(date +%s).env", /reads `\$\(date \+%s\)\.env`, a dotenv file/],
    ["cat .env.$(date +%Y%m%d)", /a dotenv file \(category "dotenv", rule `\.env\.\*`\)/],
    ['cat "$(git rev-parse HEAD).pem"', /a key or certificate store/],
    ["cat $(nproc)/../.env", /a dotenv file/],
    // Names that exist and start that way, and lead to .env.
    ["cat dated/$(date +%F).log", /through `dated\/\$\(date \+%F\)\.log`\) `\/home\/dev\/project\/dated\/2026-11-27\.log` \(a link to/],
    ["cd numbered && cat $(nproc)", /through `\$\(nproc\)`\)[^\n]*a link to/],
    ["cat numbered/$(id -u)", /a link to \/home\/dev\/project\/\.env/],
    ["cat numbered/$(ls | wc -l)", /a link to/],
    // Output that is not only numbers: date's letters, a listing, a variable beside it.
    ["cat $(date +.env)", /only known when the command runs/],
    ["cat logs/$(date +%A).log", /only known when the command runs/],
    ["cat $(git rev-parse --show-toplevel)", /only known when the command runs/],
    ["cat $HOME/$(date +%F)", /only known when the command runs/],
    ["cat $(date -d $X +%s)", /only known when the command runs/],
    // Searched recursively, a folder with a date in it is not looked into.
    ["grep -r KEY dated/$(date +%F)", /`grep -r` over `dated\/\$\(date \+%F\)`, which is only known/],
  ])("refuses %s", async (command, reason) => {
    expect(await decide(command)).toMatch(reason);
  });

  it.each([
    "cat logs/$(date +%F).log",
    "tail -n 50 logs/app-$(date +%Y-%m-%d).log",
    "pytest -n $(nproc)",
    'pytest -n "$(nproc)"',
    "go test -p $(nproc) ./...",
    "python3 -m pytest -n $(nproc)",
    "node scripts/seed.js --count $(nproc)",
    "cp README.md backups/readme-$(date +%s).md",
    'tool --since="$(date -d yesterday +%F)"',
    "tool $(date -u +%Y-%m-%dT%H:%M:%SZ)",
    "tool $(id -u):$(id -g)",
    'tool "$(git rev-parse HEAD)"',
    "tool $(git rev-list --count HEAD)",
    "tool --total $(find src | wc -l)",
    "echo hi > /tmp/x.$$ && cat /tmp/x.$$",
    "sacct -S $(date -d '1 week ago' +'%F')",
  ])("passes %s", async (command) => {
    expect(await decide(command)).toBe("pass");
  });
});

describe("tokenClasses", () => {
  it.each([
    ["$(nproc)", ["[0-9 ]"]],
    ['"logs/$(date +%F).log"', ["[-0-9TZ:_.,+ ]"]],
    ["$(id -u):$(id -g)", ["[0-9 ]", "[0-9 ]"]],
    ["v$(git rev-parse --short HEAD)", ["[0-9a-f]"]],
    ["plain", []],
    // The shell's own numbers: its process id, the last job's, an exit status, a count of words.
    ["/tmp/out.$$", ["[0-9 ]"]],
    ["/proc/${!}/status", ["[0-9 ]"]],
    ["$(pgrep -f 'node server')", ["[0-9 ]"]],
    ["$(pidof -s nginx)", ["[0-9 ]"]],
    ["$(date -d '1 week ago' +'%F')", ["[-0-9TZ:_.,+ ]"]],
  ])("reads %s", (raw, classes) => {
    expect(tokenClasses(raw)).toEqual(classes);
  });

  it.each(["$(date +.env)", "$(date)", "$(cat x)", "$X-$(nproc)", "$(git describe)", "$(git log -1 --format=%s)", "$(git rev-parse --show-toplevel)", "`nproc`", "$(date -d $X +%s)", "$X$$", "${#X}", "$(pgrep -l node)", "$(pgrep -d .env x)", "$(date +'%F'.env)"])("leaves %s unknown", (raw) => {
    expect(tokenClasses(raw)).toBeUndefined();
  });
});

describe("gitRevisionCommand", () => {
  it("finds the git command and the text around it", () => {
    expect(gitRevisionCommand("$(git merge-base HEAD main)..HEAD")).toEqual({ argv: ["git", "merge-base", "HEAD", "main"], before: "", after: "..HEAD", quoted: false });
    expect(gitRevisionCommand('"$(git rev-parse --short HEAD)"')).toEqual({ argv: ["git", "rev-parse", "--short", "HEAD"], before: "", after: "", quoted: true });
  });

  it.each(["$(git log -1 --format=%s)", "$(git rev-parse --show-toplevel)", "$(git log --output=x -1 --format=%H)", "$(git describe --dirty)", "$(whoami)", "x $(git rev-parse HEAD)"])("runs nothing for %s", (raw) => {
    expect(gitRevisionCommand(raw)).toBeUndefined();
  });
});
