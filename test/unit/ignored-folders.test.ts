/**
 * Trees larger than the walk's limit. A project whose ignored node_modules alone passes it: searches
 * that skip what git ignores (rg, ag, fd, git grep, the Grep tool) are judged without it, and pass;
 * grep -r, which reads it, is judged by every file git lists, ignored ones too. A monorepo whose own
 * files pass it: searches are judged by the files git lists, and refused where one is a secret they
 * read. Searches git cannot list for (links followed, a glob that may take back an ignored file) are
 * still refused as too large to check.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { WALK_LIMIT } from "../../hooks/src/guards/secrets/tree-search.js";
import type { RunOptions } from "../../hooks/src/runtime/io.js";
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
    ["Bash", { command: "grep -rn --exclude=.env TODO ." }],
  ])("passes %s %j, judged without node_modules or by git's listing", async (tool, input) => {
    expect((await decide(tool, input)).action).toBe("pass");
  });

  it.each([
    ["Bash", { command: "grep -r TODO ." }, /reach `\/home\/dev\/project\/\.env`/],
    ["Bash", { command: "grep -r --exclude-dir=src TODO ." }, /node_modules\/pkg0\/conf\/\.env/],
    ["Bash", { command: "rg --no-ignore --hidden TODO" }, /node_modules\/pkg0\/conf\/\.env/],
    ["Bash", { command: "rg -uu TODO" }, /node_modules\/pkg0\/conf\/\.env/],
    ["Bash", { command: "git grep --no-index TODO" }, /node_modules\/pkg0\/conf\/\.env/],
  ])("refuses %s %j, judged by every file git lists", async (tool, input, reason) => {
    const decision = await decide(tool, input);
    expect(decision.action === "deny" ? decision.reason : "pass").toMatch(reason);
  });

  it.each([
    ["Bash", { command: "grep -R TODO ." }],
    ["Bash", { command: "rg --hidden -g 'node_modules/**' TODO" }],
    ["Grep", { pattern: "TODO", path: PROJECT, glob: "node_modules/**" }],
  ])("refuses %s %j, which reads node_modules too", async (tool, input) => {
    const decision = await decide(tool, input);
    expect(decision.action).toBe("deny");
    expect(decision.action === "deny" ? decision.reason : "").toMatch(/too large to check/);
  });
});

describe("searches over a repository whose own files pass the walk's limit", () => {
  const MONO = "/home/dev/mono";
  const tree: Record<string, string> = { [`${MONO}/.env`]: "API_KEY=1\n", [`${MONO}/.gitignore`]: ".env\n", [`${MONO}/packages/api/.env.local`]: "API_KEY=2\n" };
  for (let i = 0; i * 100 <= WALK_LIMIT; i++) for (let j = 0; j < 100; j++) tree[`${MONO}/packages/p${i}/src/f${j}.ts`] = "";
  const mono = memoryIO({ files: tree, env: { HOME: "/home/dev" }, tracked: [], ignored: [`${MONO}/.env`] });
  const run = (tool: string, input: Record<string, unknown>) => secretGuard.decide({ tool, input, cwd: MONO, sessionId: "t" }, { io: mono, config: DEFAULT_CONFIG, configDegraded: false, projectDir: MONO, home: "/home/dev" });

  it.each([
    ["Bash", { command: "rg TODO" }],
    ["Bash", { command: "rg -t ts TODO" }],
  ])("passes %s %j, judged by the files git lists (the hidden .env.local skipped)", async (tool, input) => {
    expect((await run(tool, input)).action).toBe("pass");
  });

  it.each([
    ["Bash", { command: "rg --hidden TODO" }, /packages\/api\/\.env\.local/],
    // Claude Code runs its Grep with --hidden.
    ["Grep", { pattern: "TODO", path: MONO }, /packages\/api\/\.env\.local/],
    ["Bash", { command: "rg -L TODO" }, /too large to check/],
    ["Bash", { command: "rg -g '*.ts' TODO" }, /too large to check/],
    ["Bash", { command: "grep -r TODO ." }, /reach `\/home\/dev\/mono\/\.env`/],
  ])("refuses %s %j", async (tool, input, reason) => {
    const decision = await run(tool, input);
    expect(decision.action).toBe("deny");
    expect(decision.action === "deny" ? decision.reason : "").toMatch(reason);
  });

  it("refuses rg TODO where a submodule's files are not in git's listing", async () => {
    const withSubmodule = memoryIO({ files: { ...tree, [`${MONO}/.gitmodules`]: '[submodule "vendor/lib"]\n' }, env: { HOME: "/home/dev" }, tracked: [], ignored: [`${MONO}/.env`] });
    const decision = await secretGuard.decide({ tool: "Bash", input: { command: "rg TODO" }, cwd: MONO, sessionId: "t" }, { io: withSubmodule, config: DEFAULT_CONFIG, configDegraded: false, projectDir: MONO, home: "/home/dev" });
    expect(decision.action === "deny" ? decision.reason : "pass").toMatch(/too large to check/);
  });

  it("refuses rg TODO when Claude Code cuts git's listing short", async () => {
    const cut = { ...mono, run: async (argv: readonly string[], options: RunOptions) => ({ ...(await mono.run(argv, options)), truncated: argv.includes("--cached") }) };
    const decision = await secretGuard.decide({ tool: "Bash", input: { command: "rg TODO" }, cwd: MONO, sessionId: "t" }, { io: cut, config: DEFAULT_CONFIG, configDegraded: false, projectDir: MONO, home: "/home/dev" });
    expect(decision.action === "deny" ? decision.reason : "pass").toMatch(/too large to check/);
  });
});
