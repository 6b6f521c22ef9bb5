/**
 * Archivers and copiers each match their exclude patterns their own way: zip against the whole stored
 * path (`*` crossing folders), rsync by name unless the pattern is anchored with `/`, 7z at every depth
 * only with `-xr`, tar at any depth. A pattern read more loosely than the tool reads it lets a nested
 * .env through, so each is checked over a tree with a .env at the top and one below.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { memoryIO } from "../helpers/memory-io.js";

const ROOT = "/home/dev/app";
const files: Record<string, string> = { [`${ROOT}/.env`]: "TOKEN=x\n", [`${ROOT}/sub/.env`]: "TOKEN=y\n", [`${ROOT}/a.txt`]: "a\n" };

async function decide(command: string) {
  const io = memoryIO({ files, env: { HOME: "/home/dev", PATH: "/usr/bin:/bin" } });
  const verdict = await secretGuard.decide({ tool: "Bash", input: { command }, cwd: ROOT, sessionId: "t" }, { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: ROOT, home: "/home/dev" });
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
