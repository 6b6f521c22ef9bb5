/**
 * `..` after a link: the system takes it where the link leads (`cat keys/../credentials` with keys ->
 * ~/.aws/sub reads ~/.aws/credentials), though by name the path leads back into the project. Bash's
 * own `cd link/..` is logical, and goes back by name.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { memoryIO } from "../helpers/memory-io.js";

const PROJECT = "/home/dev/project";
const io = () =>
  memoryIO({
    files: { "/home/dev/.aws/credentials": "[default]\n", "/home/dev/.aws/sub/notes.txt": "x\n", [`${PROJECT}/credentials`]: "not a secret here\n", [`${PROJECT}/README.md`]: "# app\n" },
    links: { [`${PROJECT}/keys`]: "/home/dev/.aws/sub", [`${PROJECT}/docs`]: `${PROJECT}/README.md` },
    env: { HOME: "/home/dev" },
  });

function decide(tool: string, input: Record<string, unknown>) {
  const ctx = { io: io(), config: DEFAULT_CONFIG, configDegraded: false, projectDir: PROJECT, home: "/home/dev" };
  return secretGuard.decide({ tool, input, cwd: PROJECT, sessionId: "t" }, ctx);
}

describe("`..` taken after a link", () => {
  it.each([
    ["Bash", { command: "cat keys/../credentials" }],
    ["Bash", { command: "cd keys && cat ../credentials" }],
    ["Bash", { command: "head -n 3 ./keys/../credentials" }],
    ["Read", { file_path: `${PROJECT}/keys/../credentials` }],
    ["Read", { file_path: "keys/../credentials" }],
  ])("%s %j reaches ~/.aws/credentials", async (tool, input) => {
    const decision = await decide(tool, input);
    expect(decision.action).toBe("deny");
    expect(decision.action === "deny" ? decision.reason : "").toContain("/home/dev/.aws/credentials");
  });

  it.each([
    ["Bash", { command: "cat credentials" }],
    ["Bash", { command: "cd keys/.. && cat credentials" }],
    ["Bash", { command: "cat keys/../README.md" }],
    ["Bash", { command: "cat keys/notes.txt" }],
    ["Read", { file_path: `${PROJECT}/sub/../credentials` }],
  ])("%s %j does not", async (tool, input) => {
    expect((await decide(tool, input)).action).toBe("pass");
  });
});
