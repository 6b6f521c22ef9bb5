/**
 * Shell startup files (`~/.zshrc`, `~/.bashrc`, fish's config.fish) and Claude Code's snapshots of
 * them: a secret by contents when they export a token written out (`export OPENAI_API_KEY=sk-…`), as
 * many setup guides tell users to. Reading one is refused; sourcing it, editing it, appending to it
 * and backing it up beside itself pass, and so does every call on a startup file that exports none.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type ShipshapeConfig } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { hasExportedSecret, isShellProfilePath } from "../../hooks/src/guards/secrets/secret-files.js";
import { memoryIO } from "../helpers/memory-io.js";

const PROJECT = "/work/app";
const HOME = "/home/dev";
const EXPORTS = "export PATH=$HOME/bin:$PATH\nexport OPENAI_API_KEY=sk-proj-abcdefghijklmnop\nalias ll='ls -la'\n";
const FETCHES = "export PATH=$HOME/bin:$PATH\nexport GH_TOKEN=$(gh auth token)\nexport OPENAI_API_KEY=\"$(op read op://dev/openai/key)\"\n";

function home(rc: string) {
  return memoryIO({
    files: { [`${PROJECT}/src/app.ts`]: "export {};\n", [`${HOME}/.zshrc`]: rc, [`${HOME}/.claude/shell-snapshots/snapshot-zsh-1.sh`]: `# Snapshot file\n${rc}` },
    env: { HOME },
  });
}

async function decide(io: ReturnType<typeof memoryIO>, tool: string, input: Record<string, unknown>, config: ShipshapeConfig = DEFAULT_CONFIG) {
  return (await secretGuard.decide({ tool, input, cwd: PROJECT, sessionId: "t" }, { io, config, configDegraded: false, projectDir: PROJECT, home: HOME })).action;
}

describe("shell startup files that export a token", () => {
  it.each<[string, Record<string, unknown>]>([
    ["Read", { file_path: `${HOME}/.zshrc` }],
    ["Bash", { command: "cat ~/.zshrc" }],
    ["Bash", { command: "grep nvm ~/.zshrc" }],
    ["Bash", { command: "tail -5 ~/.zshrc" }],
    ["Bash", { command: "cat ~/.claude/shell-snapshots/snapshot-zsh-1.sh" }],
    ["Bash", { command: "cp ~/.zshrc /tmp/rc.txt" }],
    ["Bash", { command: "cp ~/.zshrc ~/.zshrc.bak && cat ~/.zshrc.bak" }],
    ["Grep", { pattern: "nvm", path: `${HOME}/.zshrc` }],
    ["Bash", { command: "grep -r OPENAI ~" }],
    // Claude Code's Edit shows the lines around the change.
    ["Edit", { file_path: `${HOME}/.zshrc`, old_string: "nvm use 18", new_string: "nvm use 20" }],
  ])("refuses %s %j", async (tool, input) => {
    expect(await decide(home(EXPORTS), tool, input)).toBe("deny");
    expect(await decide(home(FETCHES), tool, input)).toBe("pass");
  });

  it.each<[string, Record<string, unknown>]>([
    ["Bash", { command: "source ~/.zshrc && node -v" }],
    ["Bash", { command: ". ~/.zshrc" }],
    ["Bash", { command: "echo 'export PATH=$HOME/.local/bin:$PATH' >> ~/.zshrc" }],
    ["Bash", { command: "sed -i 's/nvm use 18/nvm use 20/' ~/.zshrc" }],
    ["Bash", { command: "cp ~/.zshrc ~/.zshrc.bak" }],
    ["Bash", { command: "ls -la ~/.zshrc && wc -l ~/.zshrc" }],
  ])("passes %s %j", async (tool, input) => {
    expect(await decide(home(EXPORTS), tool, input)).toBe("pass");
  });

  it("refuses sourcing one under set -x, which prints every line it runs", async () => {
    expect(await decide(home(EXPORTS), "Bash", { command: "set -x; source ~/.zshrc" })).toBe("deny");
  });

  it("judges a connection string by whether it holds a password", async () => {
    expect(await decide(home("export DATABASE_URL=postgres://app:hunter22@db/app\n"), "Bash", { command: "cat ~/.zshrc" })).toBe("deny");
    expect(await decide(home("export DATABASE_URL=postgres://localhost:5432/dev\n"), "Bash", { command: "cat ~/.zshrc" })).toBe("pass");
  });

  it("is a category the config can turn off", async () => {
    const config = { ...DEFAULT_CONFIG, secrets: { ...DEFAULT_CONFIG.secrets, disable: ["shell-profile-secrets"] } };
    expect(await decide(home(EXPORTS), "Bash", { command: "cat ~/.zshrc" }, config)).toBe("pass");
  });
});

describe("hasExportedSecret and isShellProfilePath", () => {
  it.each([
    "export OPENAI_API_KEY=sk-proj-abcdefghijklmnop",
    'export ANTHROPIC_API_KEY="sk-ant-api03-abcdefghij"',
    "GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz",
    "set -gx OPENAI_API_KEY sk-proj-abcdefghijklmnop",
    "setenv AWS_SECRET_ACCESS_KEY abcdefghijklmnopqrstuvwxyz",
  ])("%s exports a token", (line) => {
    expect(hasExportedSecret(`export PATH=/usr/bin\n${line}\n`)).toBe(true);
  });

  it.each([
    "export GH_TOKEN=$(gh auth token)",
    'export OPENAI_API_KEY="$(security find-generic-password -w -s openai)"',
    "export OPENAI_API_KEY=`op read op://dev/openai/key`",
    "export OPENAI_API_KEY=$OPENAI_KEY_FROM_VAULT",
    "export OPENAI_API_KEY=your-key-here",
    "export MAX_TOKENS=4096000",
    "export TOKEN_URL=https://auth.example.com/token",
    "# export OPENAI_API_KEY is set by direnv",
    "source ~/.secrets",
    "export DATABASE_URL=postgres://localhost:5432/dev",
  ])("%s exports none", (line) => {
    expect(hasExportedSecret(`export PATH=/usr/bin\n${line}\n`)).toBe(false);
  });

  it.each([`${HOME}/.zshrc`, `${HOME}/.bashrc`, `${HOME}/.bash_profile`, `${HOME}/.profile`, `${HOME}/.zshenv`, `${HOME}/.zshrc.bak`, `${HOME}/.bashrc~`, `${HOME}/.config/fish/config.fish`, `${HOME}/.claude/shell-snapshots/snapshot-bash-1768756242719-p4cllc.sh`])("%s is a shell startup file", (path) => {
    expect(isShellProfilePath(path)).toBe(true);
  });

  it.each([`${PROJECT}/src/app.ts`, `${HOME}/.zsh_history`, `${HOME}/zshrc.md`, `${PROJECT}/scripts/profile.sh`, `${HOME}/.config/fish/functions/x.fish`])("%s is not", (path) => {
    expect(isShellProfilePath(path)).toBe(false);
  });
});
