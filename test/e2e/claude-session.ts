/** Runs a real `claude -p` session against the mock API, in a scratch HOME and project. */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startMockApi, type MockApi, type ScriptedTurn } from "./mock-api.js";

export const repoRoot = resolve(import.meta.dirname, "../..");
export const claudeBin = join(repoRoot, "node_modules/.bin/claude");

export interface SessionResult {
  api: MockApi;
  stdout: string;
  stderr: string;
  exitCode: number | null;
  project: string;
  home: string;
}

export interface SessionOptions {
  script: ScriptedTurn[];
  prompt: string;
  /** Files to create in the project, relative path → contents. */
  files?: Record<string, string>;
  allowedTools?: string[];
  pluginDir?: string | null;
  extraArgs?: string[];
  env?: Record<string, string>;
  project?: string;
  home?: string;
  timeoutMs?: number;
  maxTurns?: number;
}

export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `shipshape-${prefix}-`));
}

export async function runClaude(options: SessionOptions): Promise<SessionResult> {
  const api = await startMockApi(options.script);
  const home = options.home ?? scratchDir("home");
  const project = options.project ?? scratchDir("project");
  for (const [path, text] of Object.entries(options.files ?? {})) {
    mkdirSync(join(project, path, ".."), { recursive: true });
    writeFileSync(join(project, path), text);
  }
  const args = ["-p", options.prompt, "--output-format", "json", "--max-turns", String(options.maxTurns ?? 40)];
  if (options.pluginDir !== null) args.push("--plugin-dir", options.pluginDir ?? repoRoot);
  if (options.allowedTools?.length) args.push("--allowedTools", options.allowedTools.join(","));
  args.push(...(options.extraArgs ?? []));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    ANTHROPIC_BASE_URL: api.url,
    ANTHROPIC_API_KEY: "sk-ant-test-dummy",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    DISABLE_AUTOUPDATER: "1",
    DISABLE_TELEMETRY: "1",
    DISABLE_ERROR_REPORTING: "1",
    TERM: "dumb",
    ...options.env,
  };
  const child = spawn(claudeBin, args, { cwd: project, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 90_000);
  const exitCode = await new Promise<number | null>((done) => child.on("close", (code) => done(code)));
  clearTimeout(timer);
  await api.close();
  return { api, stdout, stderr, exitCode, project, home };
}
