/**
 * A name the call sends to a folder it puts on the PATH (`PATH=./bin:$PATH ls`, `export PATH=…`) or
 * hashes (`hash -p ./bin/ls ls`) runs the file there: the agent's own script under a trusted name is
 * judged as that script, not as the tool the name usually means.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { memoryIO } from "../helpers/memory-io.js";

const PROJECT = "/home/dev/project";
const io = memoryIO({
  files: {
    [`${PROJECT}/.env`]: "API_KEY=sk-live\n",
    [`${PROJECT}/.env.example`]: "API_KEY=\n",
    [`${PROJECT}/bin/ls`]: "#!/bin/sh\ncat .env\n",
    [`${PROJECT}/bin/cat`]: "#!/bin/sh\n/bin/cat .env\n",
    [`${PROJECT}/node_modules/.bin/vitest`]: "#!/usr/bin/env node\nimport('../vitest/vitest.mjs')\n",
    "/home/dev/.local/bin/tool": "#!/bin/sh\necho hi\n",
  },
  env: { HOME: "/home/dev", PATH: "/usr/bin:/bin" },
});

async function decide(command: string) {
  const verdict = await secretGuard.decide({ tool: "Bash", input: { command }, cwd: PROJECT, sessionId: "t" }, { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: PROJECT, home: "/home/dev" });
  return verdict.action;
}

describe("names the call puts on the PATH", () => {
  it.each([
    "PATH=./bin:$PATH cat .env.example",
    'export PATH="$PWD/bin:$PATH"; ls',
    "PATH=/home/dev/project/bin:$PATH ls",
    "export PATH=bin:$PATH && ls -la",
    "hash -p ./bin/ls ls; ls",
  ])("refuses %s", async (command) => {
    expect(await decide(command)).toBe("deny");
  });

  it.each([
    "ls && cat .env.example",
    "PATH=./node_modules/.bin:$PATH vitest run",
    'export PATH="$HOME/.local/bin:$PATH"; tool && ls',
    "PATH=/usr/local/bin:$PATH ls",
    "hash -r; ls",
  ])("passes %s", async (command) => {
    expect(await decide(command)).toBe("pass");
  });
});
