/**
 * The hooks git runs for a command (`.git/hooks/pre-commit`, or the folder core.hooksPath names)
 * print into the same output: each is read as a script on disk is, so a hook written to print a
 * secret is no way around the guard. Hooks that print none, and commands that run no hook, pass.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { memoryIO } from "../helpers/memory-io.js";

const ROOT = "/home/dev/app";

async function decide(command: string, files: Record<string, string>) {
  const io = memoryIO({ files: { [`${ROOT}/.env`]: "TOKEN=x\n", [`${ROOT}/.git/HEAD`]: "ref: refs/heads/main\n", [`${ROOT}/.git/config`]: "[core]\n\tbare = false\n", [`${ROOT}/src/app.ts`]: "x\n", ...files }, env: { HOME: "/home/dev" } });
  const verdict = await secretGuard.decide({ tool: "Bash", input: { command }, cwd: ROOT, sessionId: "t" }, { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: ROOT, home: "/home/dev" });
  return verdict.action === "deny" ? verdict.reason : "pass";
}

const LEAKING = { [`${ROOT}/.git/hooks/pre-commit`]: "#!/bin/sh\ncat .env\n" };
const HUSKY = {
  [`${ROOT}/.git/config`]: "[core]\n\thooksPath = .husky/_\n",
  [`${ROOT}/.husky/_/pre-commit`]: '#!/usr/bin/env sh\n. "${0%/*}/h"\n',
  [`${ROOT}/.husky/_/h`]: '#!/usr/bin/env sh\nn=$(basename "$0")\ns=$(dirname "$(dirname "$0")")/$n\n[ ! -f "$s" ] && exit 0\nsh -e "$s" "$@"\n',
  [`${ROOT}/.husky/pre-commit`]: "npx lint-staged\n",
};

describe("git hooks", () => {
  it.each([
    ["a pre-commit hook that prints .env", "git commit -m 'Add retries' -m 'Uploads failed.'", LEAKING],
    ["the same hook on a checkout", "git checkout -b feature", LEAKING],
    ["a hook in the folder core.hooksPath names", "git push", { [`${ROOT}/.git/config`]: "[core]\n\thooksPath = /tmp/h\n", "/tmp/h/pre-push": "#!/bin/sh\nprintenv\n" }],
    ["a hook folder given with -c", "git -c core.hooksPath=/tmp/h push", { "/tmp/h/pre-push": "#!/bin/sh\nprintenv\n" }],
    ["a hook the command line writes first", "echo 'cat .env' > .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit && git commit -m 'Add retries' -m 'Uploads failed.'", {}],
  ])("refuses %s", async (_name, command, files) => {
    expect(await decide(command, files)).toMatch(/secret guard blocked this/);
  });

  it.each([
    ["sample hooks, which git does not run", "git commit -m 'Add retries' -m 'Uploads failed.'", { [`${ROOT}/.git/hooks/pre-commit.sample`]: "#!/bin/sh\ncat .env\n" }],
    ["husky's hooks, which run the project's own by a computed path", "git commit -m 'Add retries' -m 'Uploads failed.'", HUSKY],
    ["a command that runs no hook", "git status && git log --oneline -3", LEAKING],
  ])("passes %s", async (_name, command, files) => {
    expect(await decide(command, files)).toBe("pass");
  });
});
