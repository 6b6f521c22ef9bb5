/**
 * The scratch project, home and data folder that the hook benchmarks run in, the calls they time,
 * and one run of a hook as Claude Code starts it. Shared by bench.ts (wall time) and
 * instructions.ts (instruction counts), so both measure the same calls on the same files.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface BenchCase {
  name: string;
  entry: string;
  input: string;
  expect: "pass" | "deny";
}

export interface BenchProject {
  project: string;
  home: string;
  data: string;
  /** A bare node that only reads stdin: what every ratio is taken against. */
  baseline: string;
  cases: BenchCase[];
  /** A PreToolUse payload for a call in the project, as Claude Code sends it. */
  payload(tool: string, input: Record<string, unknown>): string;
  /** The environment a hook runs with: PATH and the scratch folders, nothing from this shell. */
  env: Record<string, string>;
  /** Deletes every remembered decision, so that the next run of a call is its first. */
  forget(): void;
}

export function benchProject(): BenchProject {
  const project = mkdtempSync(join(tmpdir(), "shipshape-bench-"));
  const home = mkdtempSync(join(tmpdir(), "shipshape-bench-home-"));
  const data = mkdtempSync(join(tmpdir(), "shipshape-bench-data-"));
  for (const [path, text] of Object.entries({
    ".env": "TOKEN=x\n",
    ".env.example": "TOKEN=\n",
    "src/app.ts": "export {};\n",
    "README.md": "# x\n",
    ".claude/shipshape.yaml": "secrets:\n  allow: [fixtures/test.pem]\n",
  })) {
    mkdirSync(join(project, path, ".."), { recursive: true });
    writeFileSync(join(project, path), text);
  }
  // A git repository with a staged change and a passing test, for the commit gate's cache-hit case.
  spawnSync("git", ["init", "-q"], { cwd: project });
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "bench", scripts: { test: "node -e 0" } }));
  spawnSync("git", ["add", "-A"], { cwd: project });
  const baseline = join(home, "bare.cjs");
  writeFileSync(baseline, 'require("fs").readFileSync(0);\n');

  const payload = (tool: string, input: Record<string, unknown>): string =>
    JSON.stringify({ session_id: "bench", transcript_path: "/t", cwd: project, permission_mode: "default", hook_event_name: "PreToolUse", tool_name: tool, tool_input: input, tool_use_id: "toolu_1" });
  const cases: BenchCase[] = [
    { name: "Read src/app.ts (passes)", entry: "pre-tool-use.cjs", input: payload("Read", { file_path: `${project}/src/app.ts` }), expect: "pass" },
    { name: "Read .env (denied)", entry: "pre-tool-use.cjs", input: payload("Read", { file_path: `${project}/.env` }), expect: "deny" },
    { name: "Bash `npm test` (passes)", entry: "pre-tool-use.cjs", input: payload("Bash", { command: "npm test" }), expect: "pass" },
    { name: "Bash `git status && git diff --stat` (passes)", entry: "pre-tool-use.cjs", input: payload("Bash", { command: "git status && git diff --stat" }), expect: "pass" },
    { name: "Bash `cat .env` (denied)", entry: "pre-tool-use.cjs", input: payload("Bash", { command: "cat .env" }), expect: "deny" },
    { name: "Bash `grep -r TODO src` (passes)", entry: "pre-tool-use.cjs", input: payload("Bash", { command: "grep -r TODO src" }), expect: "pass" },
    {
      name: "Bash `git commit` whose verification is cached (passes)",
      entry: "pre-tool-use.cjs",
      input: payload("Bash", { command: `git commit -m "Add the bench project" -m "A staged change for the commit gate."` }),
      expect: "pass",
    },
  ];
  return {
    project,
    home,
    data,
    baseline,
    cases,
    payload,
    env: { PATH: process.env.PATH ?? "", HOME: home, CLAUDE_PROJECT_DIR: project, CLAUDE_PLUGIN_DATA: data },
    forget() {
      for (const name of readdirSync(data)) if (name.startsWith("decision-")) rmSync(join(data, name));
    },
  };
}

/** Whether a hook's stdout refuses the call. */
export function decidedOf(stdout: string): "deny" | "pass" {
  return stdout.includes('"deny"') ? "deny" : "pass";
}
