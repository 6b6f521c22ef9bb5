import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig, type ConfigResolver } from "../config/load-config.js";
import { detectCommands } from "../guards/commit/detect.js";
import type { HostIO } from "../runtime/io.js";

export interface DoctorOptions {
  io: HostIO;
  projectDir: string;
  home: string;
  resolver: ConfigResolver;
  nodeVersion: string;
}

type Status = "ok" | "warn" | "fail";
interface Finding {
  status: Status;
  what: string;
  fix?: string;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Whether Claude Code's own validator (its load-time scan included) accepts an installed copy of the plugin. */
async function moduleCheck(io: HostIO, installPath: string, cwd: string): Promise<Finding> {
  if (!existsSync(join(installPath, "hooks", "dist", "module.js"))) {
    return { status: "fail", what: `${installPath} has no hooks module (hooks/dist/module.js)`, fix: "reinstall: `claude plugin install shipshape@shipshape`" };
  }
  const result = await io.run(["claude", "plugin", "validate", installPath], { cwd, timeoutMs: 60_000 }).catch(() => undefined);
  if (!result || result.exitCode === null || result.exitCode === 127) {
    return { status: "warn", what: `could not run \`claude plugin validate\` to check the hooks module in ${installPath}`, fix: "run it yourself; every prompt is stopped if Claude Code refuses the module" };
  }
  if (result.exitCode === 0) return { status: "ok", what: `the hooks module passes Claude Code's checks (${installPath})` };
  const reason = `${result.stdout}\n${result.stderr}`.split("\n").find((line) => /module|❯/.test(line))?.trim() ?? `exit ${result.exitCode}`;
  return { status: "fail", what: `Claude Code refuses the plugin in ${installPath}: ${reason}`, fix: "reinstall or update the plugin; until then every prompt is stopped (or run `shipshape init --standalone`)" };
}

/** `shipshape doctor`: what is wired, what is broken, and what to do about it. */
export async function doctor(options: DoctorOptions): Promise<{ code: number; text: string }> {
  const findings: Finding[] = [];
  const { projectDir, home } = options;

  const major = Number(options.nodeVersion.replace(/^v/, "").split(".")[0]);
  findings.push(major >= 20 ? { status: "ok", what: `node ${options.nodeVersion}` } : { status: "fail", what: `node ${options.nodeVersion} is too old`, fix: "install Node.js 20 or later: the hooks run with node" });

  // The plugin, or the standalone hooks.
  const installed = record(record(readJson(join(home, ".claude", "plugins", "installed_plugins.json"))).plugins);
  const pluginIds = Object.keys(installed).filter((id) => id.startsWith("shipshape@"));
  const settingsFiles = [join(home, ".claude", "settings.json"), join(projectDir, ".claude", "settings.json"), join(projectDir, ".claude", "settings.local.json")];
  const settings = settingsFiles.map((file) => ({ file, data: record(readJson(file)) }));
  const enabled = settings.some(({ data }) => Object.entries(record(data.enabledPlugins)).some(([id, on]) => id.startsWith("shipshape@") && on === true));
  const standalone = settings.filter(({ data }) => JSON.stringify(data.hooks ?? {}).includes("shipshape/pre-tool-use.cjs"));
  if (pluginIds.length > 0) findings.push({ status: "ok", what: `plugin installed: ${pluginIds.join(", ")}` });
  // The plugin guards through its hooks module; a module Claude Code's scan refuses stops every prompt.
  for (const id of pluginIds) {
    const installs = Array.isArray(installed[id]) ? (installed[id] as unknown[]) : [];
    for (const installPath of installs.map((entry) => record(entry).installPath).filter((path): path is string => typeof path === "string")) {
      findings.push(await moduleCheck(options.io, installPath, projectDir));
    }
  }
  if (standalone.length > 0) {
    for (const { file, data } of standalone) {
      const scripts = [...JSON.stringify(data.hooks).matchAll(/"([^"]*shipshape\/pre-tool-use\.cjs)"/g)].map((m) => (m[1] as string).replace("${CLAUDE_PROJECT_DIR}", projectDir));
      const missing = scripts.filter((script) => !existsSync(script));
      findings.push(missing.length === 0 ? { status: "ok", what: `standalone hooks wired in ${file}` } : { status: "fail", what: `${file} runs ${missing.join(", ")}, which does not exist`, fix: "run `shipshape init --standalone` again to copy the hooks" });
    }
  }
  if (pluginIds.length === 0 && standalone.length === 0) {
    findings.push({
      status: enabled ? "warn" : "fail",
      what: enabled ? "the plugin is enabled in settings but not installed for this user" : "shipshape is neither installed as a plugin nor wired into settings",
      fix: "`claude plugin install shipshape@shipshape`, or `shipshape init --standalone`",
    });
  }

  // The configuration.
  const loaded = await loadConfig(options.io, { projectDir, home }, () => options.resolver);
  if (loaded.problems.length > 0) {
    for (const problem of loaded.problems) findings.push({ status: "fail", what: `${problem.file}: ${problem.key}: ${problem.message}`, fix: "fix the file; until then the guards use their defaults and the commit gate blocks commits" });
  } else findings.push({ status: "ok", what: loaded.files.length > 0 ? `config valid: ${loaded.files.join(", ")}` : "no .claude/shipshape.yaml: defaults apply (`shipshape init` writes one)" });

  // The verification commands.
  const verify = loaded.config.commit.verify;
  const commands = verify.commands ? { commands: verify.commands, source: ".claude/shipshape.yaml" } : await detectCommands(options.io, projectDir);
  if (!verify.enabled) findings.push({ status: "warn", what: "commit verification is turned off (commit.verify.enabled: false)" });
  else if (commands.commands.length === 0) findings.push({ status: "warn", what: "no verification commands configured or detected", fix: "list them under commit.verify.commands in .claude/shipshape.yaml" });
  for (const command of commands.commands) {
    const program = command.command.trim().split(/\s+/)[0] ?? "";
    const found = await options.io.run(["sh", "-c", 'command -v "$1"', "sh", program], { cwd: projectDir, timeoutMs: 3000 }).catch(() => undefined);
    findings.push(found?.exitCode === 0 ? { status: "ok", what: `verification: ${command.name}: \`${command.command}\` (${commands.source})` } : { status: "fail", what: `verification: ${command.name}: \`${program}\` is not on PATH`, fix: "install it, or change the command in .claude/shipshape.yaml" });
  }

  // Trust: Claude Code ignores a project's settings until the folder is trusted.
  const claudeJson = record(readJson(join(home, ".claude.json")));
  const project = record(record(claudeJson.projects)[projectDir]);
  if (existsSync(join(projectDir, ".claude", "settings.json"))) {
    findings.push(project.hasTrustDialogAccepted === true ? { status: "ok", what: "this folder is trusted, so Claude Code reads .claude/settings.json" } : { status: "warn", what: "this folder is not trusted yet, so Claude Code ignores .claude/settings.json (including shipshape's entries)", fix: "start `claude` here once and accept the trust dialog" });
  }

  // MCP servers: each loads its tool descriptions into every session.
  const servers = new Set<string>();
  for (const source of [record(readJson(join(projectDir, ".mcp.json"))).mcpServers, claudeJson.mcpServers, project.mcpServers]) for (const name of Object.keys(record(source))) servers.add(name);
  if (servers.size > 5) findings.push({ status: "warn", what: `${servers.size} MCP servers are configured (${[...servers].join(", ")}); each loads its tool descriptions into every session`, fix: "disable the ones this project does not need" });
  else findings.push({ status: "ok", what: `${servers.size} MCP server(s) configured` });

  const mark: Record<Status, string> = { ok: "✔", warn: "⚠", fail: "✘" };
  const text = findings.map((f) => `${mark[f.status]} ${f.what}${f.fix ? `\n    to fix: ${f.fix}` : ""}`).join("\n");
  return { code: findings.some((f) => f.status === "fail") ? 1 : 0, text };
}
