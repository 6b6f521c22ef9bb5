/**
 * A project whose ignored node_modules alone is larger than the walk's limit: searches that skip what
 * git ignores (rg, ag, fd, git grep, the Grep tool) are judged without it, and pass; those that read
 * it (grep -r, rg --no-ignore, a glob that names the folder) are still refused as too large to check.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { WALK_LIMIT } from "../../hooks/src/guards/secrets/tree-search.js";
import { memoryIO } from "../helpers/memory-io.js";

const PROJECT = "/home/dev/project";
const files: Record<string, string> = { [`${PROJECT}/.env`]: "API_KEY=1\n", [`${PROJECT}/src/app.ts`]: "// TODO\n", [`${PROJECT}/.gitignore`]: "node_modules\n.env\n" };
for (let i = 0; i * 100 <= WALK_LIMIT; i++) for (let j = 0; j < 100; j++) files[`${PROJECT}/node_modules/pkg${i}/f${j}.js`] = "";
files[`${PROJECT}/node_modules/pkg0/conf/.env`] = "API_KEY=2\n";

const io = memoryIO({ files, env: { HOME: "/home/dev" }, tracked: [`${PROJECT}/src/app.ts`, `${PROJECT}/.gitignore`], ignored: [`${PROJECT}/node_modules`, `${PROJECT}/.env`] });

function decide(tool: string, input: Record<string, unknown>) {
  const ctx = { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: PROJECT, home: "/home/dev" };
  return secretGuard.decide({ tool, input, cwd: PROJECT, sessionId: "t" }, ctx);
}

describe("searches over a tree whose ignored folders pass the walk's limit", () => {
  it.each([
    ["Bash", { command: "rg TODO" }],
    ["Bash", { command: "rg --hidden -g '*.ts' TODO" }],
    ["Bash", { command: "ag TODO" }],
    ["Bash", { command: "git grep -n TODO" }],
    ["Bash", { command: "fd -e ts -x wc -l" }],
    ["Grep", { pattern: "TODO", path: PROJECT }],
    ["Grep", { pattern: "TODO", path: PROJECT, glob: "*.ts" }],
  ])("passes %s %j, judged without node_modules", async (tool, input) => {
    expect((await decide(tool, input)).action).toBe("pass");
  });

  it.each([
    ["Bash", { command: "grep -r TODO ." }],
    ["Bash", { command: "rg --no-ignore TODO" }],
    ["Bash", { command: "rg -uu TODO" }],
    ["Bash", { command: "rg --hidden -g 'node_modules/**' TODO" }],
    ["Bash", { command: "git grep --no-index TODO" }],
    ["Grep", { pattern: "TODO", path: PROJECT, glob: "node_modules/**" }],
  ])("refuses %s %j, which reads node_modules too", async (tool, input) => {
    const decision = await decide(tool, input);
    expect(decision.action).toBe("deny");
    expect(decision.action === "deny" ? decision.reason : "").toMatch(/too large to check/);
  });
});
