/**
 * A real `claude -p` session with the plugin loaded (--plugin-dir), its model played by the mock API:
 * the secret guard's decisions reach the model as tool results, and ordinary calls run.
 */
import { describe, expect, it } from "vitest";
import { runClaude, scratchDir } from "./claude-session.js";
import { toolResults } from "./mock-api.js";

describe("secret guard in a real Claude Code session", () => {
  it("denies .env through Read and Bash, and lets .env.example through", async () => {
    const project = scratchDir("guard");
    const session = await runClaude({
      project,
      prompt: "look at the configuration",
      files: { ".env": "API_TOKEN=sk-live-123\n", ".env.example": "API_TOKEN=\n", "src/app.ts": "export const x = 1;\n" },
      script: [
        { toolUse: { name: "Read", input: { file_path: `${project}/.env` } } },
        { toolUse: { name: "Bash", input: { command: "cat .e''nv" } } },
        { toolUse: { name: "Bash", input: { command: "grep -r TOKEN ." } } },
        { toolUse: { name: "Read", input: { file_path: `${project}/.env.example` } } },
        { toolUse: { name: "Bash", input: { command: "cat src/app.ts && grep -r --include='*.ts' x ." } } },
        { text: "done" },
      ],
      allowedTools: ["Read", "Bash"],
    });
    expect(session.exitCode, session.stderr).toBe(0);
    const results = toolResults(session.api);
    expect(results).toHaveLength(5);
    const [readEnv, catEnv, grepAll, readExample, ordinary] = results;
    for (const denied of [readEnv, catEnv, grepAll]) {
      expect(denied?.isError).toBe(true);
      expect(denied?.text).toContain("shipshape's secret guard blocked this");
      expect(denied?.text).not.toContain("sk-live-123");
    }
    expect(readEnv?.text).toContain(".env");
    expect(catEnv?.text).toMatch(/dotenv/);
    expect(grepAll?.text).toContain("narrow the search");
    expect(readExample?.isError).toBe(false);
    expect(readExample?.text).toContain("API_TOKEN=");
    expect(ordinary?.isError).toBe(false);
    expect(ordinary?.text).toContain("export const x = 1;");
  }, 120_000);

  it("refuses a helper script written in one call and run in the next, and runs one that loads .env", async () => {
    // Before shipshape read scripts from disk, `bash show.sh` after a Write of `cat .env` passed (only
    // a script written in the same command line was read).
    const project = scratchDir("guard-script");
    const session = await runClaude({
      project,
      prompt: "check the configuration",
      files: { ".env": "API_TOKEN=sk-live-321\n", "dev.sh": "#!/usr/bin/env bash\nset -a; . ./.env; set +a\necho \"started with ${#API_TOKEN} characters\"\n" },
      script: [
        { toolUse: { name: "Write", input: { file_path: `${project}/show.sh`, content: "#!/bin/sh\ncat .env\n" } } },
        { toolUse: { name: "Bash", input: { command: "bash show.sh" } } },
        { toolUse: { name: "Bash", input: { command: "bash dev.sh" } } },
        { toolUse: { name: "Bash", input: { command: "source .env && echo loaded" } } },
        { text: "done" },
      ],
      allowedTools: ["Write", "Bash"],
    });
    expect(session.exitCode, session.stderr).toBe(0);
    expect(JSON.stringify(session.api.conversation())).not.toContain("sk-live-321");
    const [write, helper, dev, sourced] = toolResults(session.api);
    expect(write?.isError).toBe(false);
    expect(helper?.isError).toBe(true);
    expect(helper?.text).toContain("In the script `show.sh`, `cat` reads");
    expect(dev?.isError).toBe(false);
    expect(dev?.text).toContain("started with 11 characters");
    expect(sourced?.isError).toBe(false);
    expect(sourced?.text).toContain("loaded");
  }, 120_000);

  it("refuses a Python helper written in one call and run or imported in the next, and package and make scripts that print .env", async () => {
    // Before shipshape read interpreters' scripts, package.json and Makefiles, these printed the token.
    const project = scratchDir("guard-python");
    const session = await runClaude({
      project,
      prompt: "check the configuration",
      files: {
        ".env": "API_TOKEN=sk-live-654\n",
        "package.json": JSON.stringify({ name: "app", private: true, scripts: { show: "cat .env", test: "node -e \"console.log('1 passed')\"" } }),
        "report.py": "import os\nprint('report for', os.path.basename(os.getcwd()))\n",
        Makefile: "show:\n\t@cat .env\n\nbuild:\n\t@echo built\n",
      },
      script: [
        { toolUse: { name: "Write", input: { file_path: `${project}/show.py`, content: "print(open('.env').read())\n" } } },
        { toolUse: { name: "Bash", input: { command: "python3 show.py" } } },
        { toolUse: { name: "Bash", input: { command: "npm run show" } } },
        { toolUse: { name: "Bash", input: { command: "npm test" } } },
        { toolUse: { name: "Bash", input: { command: "python3 report.py" } } },
        { toolUse: { name: "Bash", input: { command: "make show" } } },
        { toolUse: { name: "Bash", input: { command: "make build" } } },
        // The same code, loaded as a module rather than run as a script.
        { toolUse: { name: "Bash", input: { command: 'python3 -c "import show"' } } },
        { toolUse: { name: "Bash", input: { command: 'python3 -c "import report"' } } },
        { text: "done" },
      ],
      allowedTools: ["Write", "Bash"],
    });
    expect(session.exitCode, session.stderr).toBe(0);
    expect(JSON.stringify(session.api.conversation())).not.toContain("sk-live-654");
    const [write, python, show, test, report, makeShow, makeBuild, imported, importedReport] = toolResults(session.api);
    expect(imported?.isError).toBe(true);
    expect(imported?.text).toContain("The script `show.py` reads");
    expect(importedReport?.isError).toBe(false);
    expect(importedReport?.text).toContain("report for");
    expect(makeShow?.isError).toBe(true);
    expect(makeShow?.text).toContain("In the make target `show`, `cat` reads");
    expect(makeBuild?.isError).toBe(false);
    expect(makeBuild?.text).toContain("built");
    expect(write?.isError).toBe(false);
    expect(python?.isError).toBe(true);
    expect(python?.text).toContain("The script `show.py` reads");
    expect(show?.isError).toBe(true);
    expect(show?.text).toContain("In the package script `show`, `cat` reads");
    expect(test?.isError).toBe(false);
    expect(test?.text).toContain("1 passed");
    expect(report?.isError).toBe(false);
    expect(report?.text).toContain("report for");
  }, 120_000);

  it("refuses a secret the shell expands into code, with the variable set as in any session", async () => {
    // The session's environment holds ANTHROPIC_API_KEY (the mock API's dummy). Before the walk kept a
    // secret variable as its name, `bash -c "echo $ANTHROPIC_API_KEY"` was judged as `echo sk-ant-…`.
    const project = scratchDir("guard-expanded");
    const session = await runClaude({
      project,
      prompt: "check the key",
      files: { "README.md": "# Project\n" },
      script: [
        { toolUse: { name: "Bash", input: { command: 'bash -c "echo $ANTHROPIC_API_KEY"' } } },
        { toolUse: { name: "Bash", input: { command: 'bash -c "test -n \\"$ANTHROPIC_API_KEY\\" && echo the key is set"' } } },
        { text: "done" },
      ],
      allowedTools: ["Bash"],
    });
    expect(session.exitCode, session.stderr).toBe(0);
    const [echoed, tested] = toolResults(session.api);
    expect(echoed?.isError).toBe(true);
    expect(echoed?.text).toContain("prints the variable $ANTHROPIC_API_KEY");
    expect(tested?.isError).toBe(false);
    expect(tested?.text).toContain("the key is set");
    expect(JSON.stringify(session.api.conversation())).not.toContain("sk-ant-test-dummy");
  }, 120_000);

  it("denies a skill whose !`command` reads .env, and runs one whose command reads nothing secret", async () => {
    // Claude Code runs a skill's !`command` lines when the model invokes it, with no tool call of their
    // own: without shipshape (measured) the .env below reached the model as the skill's text.
    const project = scratchDir("guard-skill");
    const skill = (name: string, line: string) => `---\nname: ${name}\ndescription: Shows ${name} for the project.\n---\nHere it is: ${line}\n`;
    const session = await runClaude({
      project,
      prompt: "peek at the configuration",
      files: {
        ".env": "API_TOKEN=sk-live-456\n",
        "notes.txt": "release on friday\n",
        ".claude/skills/peek/SKILL.md": skill("peek", "!`cat .env`"),
        ".claude/skills/notes/SKILL.md": skill("notes", "!`cat notes.txt`"),
      },
      script: [{ toolUse: { name: "Skill", input: { skill: "peek" } } }, { toolUse: { name: "Skill", input: { skill: "notes" } } }, { text: "done" }],
      allowedTools: ["Skill", "Bash"],
    });
    expect(session.exitCode, session.stderr).toBe(0);
    const conversation = JSON.stringify(session.api.conversation());
    expect(conversation).not.toContain("sk-live-456");
    const [peek, notes] = toolResults(session.api);
    expect(peek?.isError).toBe(true);
    expect(peek?.text).toContain("shipshape's secret guard blocked this Skill call");
    expect(peek?.text).toContain(".env");
    expect(notes?.isError).toBe(false);
    expect(conversation).toContain("release on friday");
  }, 120_000);

  it("denies a command whose @path, or whose arguments' @path, names .env, and runs one that names notes", async () => {
    // Claude Code reads a skill's or command's `@path` into the conversation when the model invokes it,
    // as a Read no hook sees: without shipshape (measured) the .env below reached the model that way.
    const project = scratchDir("guard-at-ref");
    const session = await runClaude({
      project,
      prompt: "look at the configuration",
      files: {
        ".env": "API_TOKEN=sk-live-at-321\n",
        "notes.txt": "ship on monday\n",
        ".claude/commands/config.md": "---\ndescription: Shows the configuration.\n---\nThe settings: @.env\n",
        ".claude/commands/notes.md": "---\ndescription: Shows the notes.\n---\nThe notes: @notes.txt\n",
      },
      // Arguments go into a skill's text (or after it), where their @path is read in as well.
      script: [
        { toolUse: { name: "Skill", input: { skill: "config" } } },
        { toolUse: { name: "Skill", input: { skill: "notes" } } },
        { toolUse: { name: "Skill", input: { skill: "notes", args: "@.env" } } },
        { text: "done" },
      ],
      allowedTools: ["Skill"],
    });
    expect(session.exitCode, session.stderr).toBe(0);
    const conversation = JSON.stringify(session.api.conversation());
    expect(conversation).not.toContain("sk-live-at-321");
    const [config, notes, withArgs] = toolResults(session.api);
    expect(withArgs?.isError).toBe(true);
    expect(withArgs?.text).toContain("The skill's arguments read in");
    expect(config?.isError).toBe(true);
    expect(config?.text).toContain("shipshape's secret guard blocked this Skill call");
    expect(config?.text).toContain("`@.env`");
    expect(notes?.isError).toBe(false);
    expect(conversation).toContain("ship on monday");
  }, 120_000);

  it("denies starting a subagent that preloads a skill whose !`command` reads .env", async () => {
    // A subagent starts with the full text of the skills its definition lists under `skills:`, their
    // !`command` lines run, with no Skill call: without shipshape (measured) the .env reached the model.
    const project = scratchDir("guard-preload");
    const session = await runClaude({
      project,
      prompt: "get help",
      files: {
        ".env": "API_TOKEN=sk-live-pre-654\n",
        ".claude/agents/helper.md": "---\nname: helper\ndescription: Helps.\nskills:\n  - peek\n---\nYou help.\n",
        ".claude/skills/peek/SKILL.md": "---\nname: peek\ndescription: Peeks.\n---\nContext: !`cat .env`\n",
      },
      script: [{ toolUse: { name: "Agent", input: { subagent_type: "helper", description: "help", prompt: "say hi", run_in_background: false } } }, { text: "done" }],
      allowedTools: ["Agent", "Task", "Skill", "Bash"],
    });
    expect(session.exitCode, session.stderr).toBe(0);
    expect(JSON.stringify(session.api.conversation())).not.toContain("sk-live-pre-654");
    const [started] = toolResults(session.api);
    expect(started?.isError).toBe(true);
    expect(started?.text).toContain("preloads");
  }, 120_000);

  it("refuses an import of .env into a nested CLAUDE.md, which Claude Code would load on a Read beside it", async () => {
    // Measured without shipshape: with sub/CLAUDE.md saying @../.env, a Read of sub/x.txt put the .env
    // in front of the model, through no tool call of its own.
    const project = scratchDir("guard-memory");
    const session = await runClaude({
      project,
      prompt: "take notes",
      files: { ".env": "API_TOKEN=sk-live-789\n", "sub/x.txt": "hello\n", "README.md": "# Project\n" },
      script: [
        { toolUse: { name: "Write", input: { file_path: `${project}/sub/CLAUDE.md`, content: "Notes for sub.\n\n@../.env\n" } } },
        { toolUse: { name: "Write", input: { file_path: `${project}/sub/CLAUDE.md`, content: "Notes for sub.\n\n@../README.md\n" } } },
        { toolUse: { name: "Read", input: { file_path: `${project}/sub/x.txt` } } },
        { text: "done" },
      ],
      allowedTools: ["Read", "Write"],
    });
    expect(session.exitCode, session.stderr).toBe(0);
    const [importsEnv, importsReadme, read] = toolResults(session.api);
    expect(importsEnv?.isError).toBe(true);
    expect(importsEnv?.text).toContain("Importing it into CLAUDE.md");
    expect(importsReadme?.isError).toBe(false);
    expect(read?.isError).toBe(false);
    const conversation = JSON.stringify(session.api.conversation());
    expect(conversation).not.toContain("sk-live-789");
    expect(conversation).toContain("# Project");
  }, 120_000);
});
