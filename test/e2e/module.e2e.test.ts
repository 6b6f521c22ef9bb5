/**
 * The hooks module in real sessions: with it live, .env is denied through Read and Bash in-process;
 * with it made unloadable (a copy whose module the load-time scan refuses), the once-per-prompt check
 * stops the session's prompt, and the command hooks that `init --standalone` wires deny the same calls.
 */
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runClaude, scratchDir } from "./claude-session.js";
import { toolResults } from "./mock-api.js";

function pluginCopy(): string {
  const copy = join(scratchDir("plugin-copy"), "shipshape");
  cpSync(repoRoot, copy, { recursive: true, verbatimSymlinks: true, filter: (path) => !/\/(node_modules|\.git|\.tmp)(\/|$)/.test(path.slice(repoRoot.length)) });
  return copy;
}

/** A copy of the plugin whose module Claude Code's load-time scan refuses (node:fs is not allowed). */
function refusedCopy(): string {
  const copy = pluginCopy();
  const module = join(copy, "hooks", "dist", "module.js");
  writeFileSync(module, `import { readFileSync } from "node:fs";\n${readFileSync(module, "utf8")}`);
  return copy;
}

async function session(pluginDir: string, where: { home?: string; project?: string } = {}) {
  const project = where.project ?? scratchDir("module");
  const result = await runClaude({
    ...(where.home ? { home: where.home } : {}),
    project,
    pluginDir,
    prompt: "read the config",
    files: { ".env": "API_TOKEN=sk-live-7\n", ".env.example": "API_TOKEN=\n" },
    script: [
      { toolUse: { name: "Read", input: { file_path: join(project, ".env") } } },
      { toolUse: { name: "Bash", input: { command: "cat .e''nv" } } },
      { toolUse: { name: "Read", input: { file_path: join(project, ".env.example") } } },
      { text: "done" },
    ],
    allowedTools: ["Read", "Bash"],
  });
  expect(result.exitCode, result.stderr).toBe(0);
  return toolResults(result.api);
}

describe("the in-process hooks module", () => {
  it("decides in-process when it is loaded", async () => {
    const [read, bash, example] = await session(repoRoot);
    for (const denied of [read, bash]) {
      expect(denied?.isError).toBe(true);
      // The module's refusal arrives as a tool_use_error, not as a command hook's error.
      expect(denied?.text).toMatch(/^<tool_use_error>shipshape's secret guard blocked this/);
      expect(denied?.text).not.toContain("sk-live-7");
    }
    expect(example?.isError).toBe(false);
  }, 120_000);

  it("stops the prompt, with the reason, when the module is refused", async () => {
    const copy = refusedCopy();
    const project = scratchDir("module-refused");
    const result = await runClaude({ project, pluginDir: copy, prompt: "read the config", files: { ".env": "API_TOKEN=sk-live-7\n" }, script: [{ toolUse: { name: "Read", input: { file_path: join(project, ".env") } } }, { text: "done" }], allowedTools: ["Read"] });
    expect(result.exitCode, result.stderr).toBe(0);
    // Not one request reached the model: no tool call could have run unguarded.
    expect(result.api.conversation()).toHaveLength(0);
    const output = JSON.parse(result.stdout) as { result: string };
    expect(output.result).toMatch(/UserPromptSubmit operation blocked by hook/);
    expect(output.result).toContain("shipshape stopped this prompt: its guards");
    // The command names this install's CLI: the person's shell may not have `shipshape` on its PATH.
    expect(output.result).toMatch(/"[^"]*\/bin\/shipshape" init --standalone/);
  }, 120_000);

  it("still guards through the command hooks that init --standalone wires, when the module is refused", async () => {
    const copy = refusedCopy();
    const home = scratchDir("module-standalone-home");
    const project = scratchDir("module-standalone");
    // Claude Code reads a project's settings only once its folder is trusted.
    writeFileSync(join(home, ".claude.json"), JSON.stringify({ projects: { [project]: { hasTrustDialogAccepted: true } } }));
    execFileSync(join(repoRoot, "bin", "shipshape"), ["init", "--standalone"], { cwd: project, env: { PATH: process.env.PATH ?? "", HOME: home }, encoding: "utf8" });
    const [read, bash, example] = await session(copy, { home, project });
    // init also writes Read deny rules, Claude Code's own layer, which stop this Read before any hook.
    expect(read?.isError).toBe(true);
    expect(read?.text).not.toContain("sk-live-7");
    expect(bash?.isError).toBe(true);
    expect(bash?.text).toMatch(/^PreToolUse:Bash hook error: shipshape's secret guard blocked this/);
    expect(bash?.text).not.toContain("sk-live-7");
    expect(example?.isError).toBe(false);
  }, 120_000);
});

describe("the hooks module reads the project's config", () => {
  it.each([
    ["an allow entry lets the file through", "secrets:\n  allow: [.env]\n", false, undefined],
    ["a broken config keeps the defaults and says so", "secrets:\n  allow: yes\n", true, /secrets\.allow: must be array/],
  ] as const)("%s", async (_name, yaml, denied, notice) => {
    const project = scratchDir("module-config");
    const result = await runClaude({
      project,
      prompt: "read",
      files: { ".env": "T=1\n", ".claude/shipshape.yaml": yaml },
      script: [{ toolUse: { name: "Read", input: { file_path: join(project, ".env") } } }, { text: "done" }],
      allowedTools: ["Read"],
    });
    const [read] = toolResults(result.api);
    expect(read?.isError).toBe(denied);
    if (notice) expect(read?.text).toMatch(notice);
  }, 120_000);
});

describe("the once-per-prompt check across sessions", () => {
  it("lets resumed, continued and forked sessions go on", async () => {
    const home = scratchDir("resume-home");
    const project = scratchDir("resume");
    const first = await runClaude({ home, project, prompt: "hello", script: [{ text: "first answer" }] });
    const id = (JSON.parse(first.stdout) as { session_id: string }).session_id;
    for (const extra of [["--resume", id], ["--continue"], ["--resume", id, "--fork-session"]]) {
      const again = await runClaude({ home, project, prompt: "again", script: [{ text: "later answer" }], extraArgs: extra });
      expect((JSON.parse(again.stdout) as { result: string }).result, extra.join(" ")).toBe("later answer");
    }
  }, 120_000);
});

describe("shipshape's own files in a real session", () => {
  it("keeps the agent from changing its config, through Write and Bash, and lets it read it", async () => {
    const project = scratchDir("own-files");
    const config = "secrets:\n  patterns: ['*.secret']\n";
    const result = await runClaude({
      project,
      prompt: "relax the guard",
      files: { ".claude/shipshape.yaml": config },
      script: [
        { toolUse: { name: "Write", input: { file_path: join(project, ".claude/shipshape.yaml"), content: "secrets:\n  enabled: false\n" } } },
        { toolUse: { name: "Bash", input: { command: `echo "secrets: {enabled: false}" > .claude/shipshape.yaml` } } },
        { toolUse: { name: "Bash", input: { command: "cat .claude/shipshape.yaml" } } },
        { text: "done" },
      ],
      allowedTools: ["Write", "Bash"],
    });
    const [write, bash, read] = toolResults(result.api);
    for (const denied of [write, bash]) {
      expect(denied?.isError).toBe(true);
      expect(denied?.text).toMatch(/shipshape blocked this \w+ call: .* shipshape's configuration/);
    }
    expect(read?.isError).toBe(false);
    expect(read?.text).toContain("*.secret");
    expect(readFileSync(join(project, ".claude/shipshape.yaml"), "utf8")).toBe(config);
  }, 120_000);
});

describe("Claude Code's settings in a real session", () => {
  it("refuses switching shipshape off through Edit or Bash, and leaves a permission rule to Claude Code", async () => {
    const project = scratchDir("settings");
    const settings = `{\n  "permissions": { "allow": ["Bash(npm test)"] },\n  "enabledPlugins": { "shipshape@shipshape": true }\n}\n`;
    const file = join(project, ".claude/settings.local.json");
    const result = await runClaude({
      project,
      prompt: "tidy the settings",
      files: { ".claude/settings.local.json": settings },
      script: [
        { toolUse: { name: "Edit", input: { file_path: file, old_string: '"shipshape@shipshape": true', new_string: '"shipshape@shipshape": false' } } },
        { toolUse: { name: "Edit", input: { file_path: file, old_string: '{\n  "permissions"', new_string: '{\n  "disableAllHooks": true,\n  "permissions"' } } },
        { toolUse: { name: "Bash", input: { command: `sed -i 's/true/false/' .claude/settings.local.json` } } },
        { toolUse: { name: "Edit", input: { file_path: file, old_string: '"Bash(npm test)"', new_string: '"Bash(npm test)", "Bash(npm run lint)"' } } },
        { text: "done" },
      ],
      allowedTools: ["Edit", "Bash", "Read"],
    });
    expect(result.exitCode, result.stderr).toBe(0);
    const [plugin, hooks, bash, permission] = toolResults(result.api);
    expect(plugin?.text).toMatch(/disables the shipshape@shipshape plugin in enabledPlugins/);
    expect(hooks?.text).toMatch(/sets disableAllHooks/);
    expect(bash?.text).toMatch(/shipshape blocked this Bash call: .*Claude Code's settings/);
    for (const denied of [plugin, hooks, bash]) expect(denied?.isError).toBe(true);
    // shipshape lets the permission rule through; Claude Code itself then asks the person, since its
    // settings are protected paths (under -p, with nobody to ask, that is a refusal of its own).
    expect(permission?.text).not.toMatch(/shipshape blocked/);
    expect(permission?.text).toMatch(/requested permissions to write to .*settings\.local\.json/);
    expect(readFileSync(file, "utf8")).toBe(settings);
  }, 120_000);
});

describe("git output in the hooks module", () => {
  it("refuses a diff and a show that would print a tracked .env, and passes them where it is ignored", async () => {
    const repo = (trackEnv: boolean) => {
      const project = scratchDir("module-git-output");
      const git = (...args: string[]) => execFileSync("git", args, { cwd: project, encoding: "utf8" });
      git("init", "-q");
      git("config", "user.email", "t@example.com");
      git("config", "user.name", "T");
      writeFileSync(join(project, trackEnv ? ".env" : ".gitignore"), trackEnv ? "API_TOKEN=sk-live-1\n" : ".env\n");
      git("add", "-A");
      git("commit", "-q", "-m", "Start");
      writeFileSync(join(project, ".env"), "API_TOKEN=sk-live-2\n");
      return project;
    };
    const outputs = async (project: string) => {
      const result = await runClaude({
        project,
        prompt: "look at the changes",
        script: [{ toolUse: { name: "Bash", input: { command: "git diff" } } }, { toolUse: { name: "Bash", input: { command: "git show HEAD" } } }, { text: "done" }],
        allowedTools: ["Bash"],
      });
      expect(result.exitCode, result.stderr).toBe(0);
      return toolResults(result.api);
    };
    for (const result of await outputs(repo(true))) {
      expect(result?.isError).toBe(true);
      expect(result?.text).toMatch(/secret guard blocked this Bash call[\s\S]*\.env`, a dotenv file/);
      expect(result?.text).not.toContain("sk-live");
    }
    for (const result of await outputs(repo(false))) {
      expect(result?.isError, result?.text).toBe(false);
      expect(result?.text).not.toContain("sk-live");
    }
  }, 120_000);
});

describe("verification in the hooks module", () => {
  it("waits for a slow test suite instead of cutting it short", async () => {
    const project = scratchDir("module-slow");
    const git = (...args: string[]) => execFileSync("git", args, { cwd: project, encoding: "utf8" });
    git("init", "-q");
    git("config", "user.email", "t@example.com");
    git("config", "user.name", "T");
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "slow", scripts: { test: "sleep 12 && echo suite-done" } }));
    git("add", "-A");
    const result = await runClaude({
      project,
      prompt: "commit",
      script: [{ toolUse: { name: "Bash", input: { command: `git commit -m "Add the project" -m "Its test suite takes a while."` } } }, { text: "done" }],
      allowedTools: ["Bash"],
      timeoutMs: 120_000,
    });
    const [commit] = toolResults(result.api);
    expect(commit?.isError, commit?.text).toBe(false);
    expect(git("log", "--format=%s")).toBe("Add the project\n");
  }, 150_000);
});

describe("the working directory in the hooks module", () => {
  it("follows the shell's cd from an earlier call, as the command hook's payload does", async () => {
    const project = scratchDir("module-cwd");
    const result = await runClaude({
      project,
      prompt: "read",
      files: { "config/prod/db.yaml": "password: hunter2\n", ".claude/shipshape.yaml": "secrets:\n  patterns: ['config/prod/*.yaml']\n" },
      script: [
        { toolUse: { name: "Bash", input: { command: "cd config" } } },
        // Relative to config/, this is config/prod/db.yaml: a project pattern, not a secret by name.
        { toolUse: { name: "Bash", input: { command: "cat prod/db.yaml" } } },
        { text: "done" },
      ],
      allowedTools: ["Bash"],
    });
    const [, cat] = toolResults(result.api);
    expect(cat?.isError).toBe(true);
    expect(cat?.text).toMatch(/^<tool_use_error>shipshape's secret guard blocked this Bash call/);
    expect(cat?.text).not.toContain("hunter2");
  }, 120_000);
});
