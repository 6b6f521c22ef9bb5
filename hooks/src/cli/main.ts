import { resolveConfigSources } from "../entries/config-loader.js";
import { loadConfig } from "../config/load-config.js";
import { describeProblems } from "../config/resolve-config.js";
import { detectCommands } from "../guards/commit/detect.js";
import type { CheckContext } from "../runtime/checks.js";
import { cacheDir } from "../runtime/cache-dir.js";
import { fileStore } from "../runtime/kv-store.js";
import { createNodeIO } from "../runtime/node-io.js";
import { runShellCommand } from "../runtime/shell-runner.js";
import { doctor } from "./doctor.js";
import { explain } from "./explain.js";
import { installGitHooks, runGitHook, uninstallGitHooks } from "./git-hooks.js";
import type { MarketplaceSource } from "./settings/entries.js";
import { InstallError, init, uninstall, type Scope } from "./settings/install.js";
import { JsonSyntaxError } from "./settings/json-text.js";
import { SettingsShapeError } from "./settings/merge.js";
import { starterConfig } from "./starter-config.js";

const USAGE = `shipshape: keeps an agent's work in good order

usage: shipshape <command> [options]

commands:
  init [--standalone] [--user | --local] [--agent-teams] [--marketplace <owner/repo | path>] [--dry-run]
             wire shipshape into .claude/settings.json (the plugin for the team; with --standalone the
             hooks themselves), add Read deny rules for secret files, write a starter
             .claude/shipshape.yaml. --user: ~/.claude/settings.json; --local: .claude/settings.local.json
  uninstall [--user | --local] [--dry-run]
             take back exactly what init added
  doctor     check node, the plugin or hooks, the config, verification commands, folder trust, MCP servers
  explain    tell whether a path or a tool call would be blocked by the guards, and why
  git-hooks install | uninstall
             the commit gate for people: git commit-msg and pre-commit hooks, chained to existing ones`;

export interface MainEnv {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The plugin's root (hooks/dist holds the bundles). */
  pluginRoot: string;
  nodeVersion: string;
}

function flag(args: string[], name: string): boolean {
  return args.includes(name);
}

function value(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index !== -1) return args[index + 1];
  const inline = args.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

function marketplaceFrom(text: string | undefined, cwd: string): MarketplaceSource | undefined {
  if (text === undefined) return undefined;
  if (/^(https?:|git@|ssh:)/.test(text)) return { source: "git", url: text };
  if (text.startsWith(".") || text.startsWith("/")) return { source: "directory", path: text.startsWith("/") ? text : `${cwd}/${text}` };
  return { source: "github", repo: text };
}

async function context(io: ReturnType<typeof createNodeIO>, projectDir: string, home: string | undefined, env: NodeJS.ProcessEnv): Promise<CheckContext> {
  const loaded = await loadConfig(io, { projectDir, home }, () => resolveConfigSources);
  return { io, config: loaded.config, configDegraded: loaded.degraded, configNotice: describeProblems(loaded), projectDir, home, store: fileStore(cacheDir(env), "verify-cache") };
}

/** The CLI's entry: returns the exit code and the text to print. */
export async function main(argv: string[], host: MainEnv): Promise<{ code: number; text: string }> {
  const [command, ...rest] = argv;
  const { env, cwd } = host;
  const io = createNodeIO(env, () => runShellCommand);
  const home = env.HOME || undefined;
  const projectDir = env.CLAUDE_PROJECT_DIR || cwd;
  try {
    switch (command) {
      case "explain":
        return explain(rest, { io, cwd, projectDir, home, resolver: resolveConfigSources });
      case "init":
      case "uninstall": {
        if (!home) return { code: 2, text: "shipshape: HOME is not set" };
        const scope: Scope = flag(rest, "--user") ? "user" : flag(rest, "--local") ? "local" : "project";
        const dryRun = flag(rest, "--dry-run");
        if (command === "uninstall") {
          const report = uninstall({ scope, projectDir, home, dryRun });
          return { code: 0, text: report.lines.join("\n") };
        }
        const detected = await detectCommands(io, projectDir);
        const marketplace = marketplaceFrom(value(rest, "--marketplace"), cwd);
        const report = init({
          scope,
          standalone: flag(rest, "--standalone") || scope === "user",
          projectDir,
          home,
          pluginRoot: host.pluginRoot,
          agentTeams: flag(rest, "--agent-teams"),
          dryRun,
          starterConfig: starterConfig(detected),
          ...(marketplace ? { marketplace } : {}),
        });
        return { code: 0, text: report.lines.join("\n") };
      }
      case "doctor":
        return doctor({ io, projectDir, home: home ?? "", resolver: resolveConfigSources, nodeVersion: host.nodeVersion });
      case "git-hooks": {
        const action = rest[0];
        if (action === "install") return { code: 0, text: (await installGitHooks(io, cwd, `${host.pluginRoot}/hooks/dist/cli.cjs`)).join("\n") };
        if (action === "uninstall") return { code: 0, text: (await uninstallGitHooks(io, cwd)).join("\n") };
        return { code: 2, text: "usage: shipshape git-hooks install | uninstall" };
      }
      case "git-hook":
        return runGitHook(rest[0] ?? "", rest.slice(1), await context(io, cwd, home, env), cwd);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        return { code: command === undefined ? 2 : 0, text: USAGE };
      default:
        return { code: 2, text: `shipshape: unknown command "${command}"\n\n${USAGE}` };
    }
  } catch (error) {
    if (error instanceof JsonSyntaxError || error instanceof InstallError || error instanceof SettingsShapeError) return { code: 1, text: `shipshape: ${error.message}` };
    throw error;
  }
}
