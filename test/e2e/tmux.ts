/** An interactive Claude Code session in tmux, against the mock API: start it, type, read the screen. */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { claudeBin, repoRoot, scratchDir } from "./claude-session.js";

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export interface TmuxSession {
  screen(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  keys(...keys: string[]): void;
  type(text: string): void;
  kill(): void;
}

/** Starts `claude --plugin-dir <repo>` in a scratch HOME where onboarding is done and the project trusted. */
export async function startInteractive(name: string, apiUrl: string, project = scratchDir(`${name}-project`)): Promise<TmuxSession> {
  const session = `shipshape-${name}-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync("tmux", args, { encoding: "utf8" });
  const screen = () => tmux("capture-pane", "-t", session, "-p");
  const waitFor = async (pattern: RegExp, timeoutMs = 30_000) => {
    const started = Date.now();
    for (;;) {
      const text = screen();
      if (pattern.test(text)) return text;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${pattern}; the screen was:\n${text}`);
      await sleep(250);
    }
  };
  const home = scratchDir(`${name}-home`);
  mkdirSync(join(home, ".claude"), { recursive: true });
  // Skip first-run screens: onboarding done and the folder trusted.
  writeFileSync(join(home, ".claude.json"), JSON.stringify({ hasCompletedOnboarding: true, theme: "dark", projects: { [project]: { hasTrustDialogAccepted: true, hasCompletedProjectOnboarding: true } } }));
  const env = `HOME=${home} ANTHROPIC_BASE_URL=${apiUrl} ANTHROPIC_API_KEY=sk-ant-test-dummy CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 DISABLE_AUTOUPDATER=1`;
  tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "50", `cd ${project} && env ${env} ${claudeBin} --plugin-dir ${repoRoot}`);
  // Claude Code asks once whether to use the API key from the environment.
  await waitFor(/Do you want to use this API key\?/);
  tmux("send-keys", "-t", session, "Up", "Enter");
  await waitFor(/❯\s*$/m);
  return {
    screen,
    waitFor,
    keys: (...keys) => void tmux("send-keys", "-t", session, ...keys),
    type: (text) => void tmux("send-keys", "-t", session, "-l", text),
    kill: () => {
      try {
        tmux("kill-session", "-t", session);
      } catch {
        // Already gone.
      }
    },
  };
}
