/**
 * Archivers and copiers each match their exclude patterns their own way: zip against the whole stored
 * path (`*` crossing folders), rsync by name unless the pattern is anchored with `/`, its first matching rule deciding, 7z at every depth
 * only with `-xr`, tar at any depth. A pattern read more loosely than the tool reads it lets a nested
 * .env through, so each is checked over a tree with a .env at the top and one below. Publishing a
 * package is the same question with npm's rules.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { memoryIO } from "../helpers/memory-io.js";

const ROOT = "/home/dev/app";
const files: Record<string, string> = { [`${ROOT}/.env`]: "TOKEN=x\n", [`${ROOT}/sub/.env`]: "TOKEN=y\n", [`${ROOT}/a.txt`]: "a\n" };

async function decide(command: string, cwd = ROOT) {
  const io = memoryIO({ files, env: { HOME: "/home/dev", PATH: "/usr/bin:/bin" } });
  const verdict = await secretGuard.decide({ tool: "Bash", input: { command }, cwd, sessionId: "t" }, { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: cwd, home: "/home/dev" });
  return verdict.action === "deny" ? verdict.reason : "pass";
}

describe("exclude patterns, read as each tool reads them", () => {
  it.each([
    ["zip -r /tmp/o.zip . -x .env", "sub/.env"],
    ["zip -r /tmp/o.zip . -x '*/.env'", "app/.env"],
    ["rsync -a --exclude=/.env . host:app", "sub/.env"],
    ["7z a /tmp/o.7z . -x!.env", "\\.env"],
  ])("refuses %s, which still takes %s", async (command, taken) => {
    expect(await decide(command)).toMatch(new RegExp(`${taken}\``));
  });

  it.each([
    "zip -r /tmp/o.zip . -x '*.env'",
    "zip -r /tmp/o.zip . -x .env 'sub/.env'",
    "rsync -a --exclude=.env . host:app",
    "7z a /tmp/o.7z . -xr!.env",
    "tar czf /tmp/o.tgz --exclude=.env .",
  ])("passes %s", async (command) => {
    expect(await decide(command)).toBe("pass");
  });
});

describe("rsync's order of rules, tar's options, folders left out by name", () => {
  // A project whose certs folder holds a key: leaving the folder out leaves the key out.
  const APP = "/home/dev/certified";
  files[`${APP}/.env`] = "TOKEN=x\n";
  files[`${APP}/sub/.env`] = "TOKEN=y\n";
  files[`${APP}/certs/key.pem`] = "k\n";
  files[`${APP}/a.txt`] = "a\n";
  files[`${APP}/rules.txt`] = "+ .env\n.env\ncerts\n";
  files[`${APP}/plain-rules.txt`] = ".env\ncerts\n";

  it.each([
    // rsync's first matching rule decides: an include before an exclude takes the name back.
    ["rsync -a --include=.env --exclude=.env --exclude=certs . host:app", "certified/.env"],
    ["rsync -a --include='*/' --include=.env --exclude='*' . host:app", "certified/.env"],
    // An include of every folder takes back the folder an exclude names; -F reads rules from files.
    ["rsync -a --include='*/' --exclude=.env --exclude=certs . host:app", "key.pem"],
    ["rsync -a -F --exclude=.env --exclude=certs . host:app", "certified/.env"],
    ["rsync -a --exclude-from=rules.txt . host:app", "certified/.env"],
    // A folder's name with a slash after it is no member's name to tar.
    ["tar czf /tmp/o.tgz --exclude=.env --exclude=certs/ .", "key.pem"],
    // Anchored, or without wildcards, `.env*` leaves out neither ./.env nor sub/.env.
    ["tar czf /tmp/o.tgz --anchored --exclude='.env*' --exclude=certs .", "certified/.env"],
    ["tar czf /tmp/o.tgz --no-wildcards --exclude='.env*' --exclude=certs .", "certified/.env"],
  ])("refuses %s, which still takes %s", async (command, taken) => {
    expect(await decide(command, APP)).toMatch(new RegExp(`${taken}\``));
  });

  it.each([
    "tar czf /tmp/o.tgz --exclude=.env --exclude=certs .",
    "tar czf /tmp/o.tgz --exclude='.env*' --exclude='cert*' .",
    "rsync -a --exclude=.env --exclude=certs . host:app",
    "rsync -a --exclude=.env --exclude=certs/ . host:app",
    "rsync -a --exclude-from=plain-rules.txt . host:app",
    "rsync -a --include='*/' --include='*.txt' --exclude='*' . host:app",
  ])("passes %s", async (command) => {
    expect(await decide(command, APP)).toBe("pass");
  });
});

describe("publishing a package", () => {
  // npm sends package.json's `files` when it lists them, else the folder minus what .npmignore (or,
  // without one, .gitignore) names; an empty .npmignore takes the .gitignore's protection away.
  const pkg = (name: string, extra: Record<string, string>, manifest = `{"name":"${name}"}`) => {
    files[`/home/dev/${name}/package.json`] = manifest;
    files[`/home/dev/${name}/.env`] = "TOKEN=x\n";
    files[`/home/dev/${name}/dist/index.js`] = "x\n";
    for (const [path, text] of Object.entries(extra)) files[`/home/dev/${name}/${path}`] = text;
    return `/home/dev/${name}`;
  };
  const plain = pkg("plain", {});
  const ignored = pkg("ignored", { ".gitignore": ".env\n" });
  const emptied = pkg("emptied", { ".gitignore": ".env\n", ".npmignore": "" });
  const listed = pkg("listed", {}, '{"name":"listed","files":["dist"]}');

  it.each([
    [plain, "npm publish"],
    [plain, "pnpm publish --access public"],
    [plain, "npm pack"],
    [emptied, "npm publish"],
    [plain, "yarn npm publish"],
  ])("refuses, in %s, %s", async (cwd, command) => {
    expect(await decide(command, cwd)).toMatch(/Publishing the package in `\.` would also reach `.*\/\.env`/);
  });

  it.each([
    [ignored, "npm publish"],
    [listed, "npm publish --access public"],
    [plain, "npm publish --dry-run"],
    [plain, "npm publish ../listed"],
    [plain, "npm publish plain-1.0.0.tgz"],
  ])("passes, in %s, %s", async (cwd, command) => {
    expect(await decide(command, cwd)).toBe("pass");
  });
});
