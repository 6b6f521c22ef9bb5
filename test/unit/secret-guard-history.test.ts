/**
 * `history -r FILE` (and -n) reads a file into the list that `history` prints; with no FILE it reads
 * the history file, which keeps tokens typed on command lines. history's own list passes.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { memoryIO } from "../helpers/memory-io.js";

const PROJECT = "/work/app";
const HOME = "/home/dev";
const io = memoryIO({
  files: { [`${PROJECT}/.env`]: "API_KEY=sk-live\n", [`${PROJECT}/notes.txt`]: "todo\n", [`${HOME}/.bash_history`]: "export GH_TOKEN=ghp_abc\n" },
  env: { HOME },
});

async function decide(command: string) {
  return (await secretGuard.decide({ tool: "Bash", input: { command }, cwd: PROJECT, sessionId: "t" }, { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: PROJECT, home: HOME })).action;
}

describe("history -r", () => {
  it.each(["history -r .env; history", "history -n .env", "history -r; history 50", "history -rw; history"])("refuses %s", async (command) => {
    expect(await decide(command)).toBe("deny");
  });

  it.each(["history", "history 20", "history -c", "history -w /tmp/h.txt", "history -r notes.txt; history", "history -d 5"])("passes %s", async (command) => {
    expect(await decide(command)).toBe("pass");
  });
});
