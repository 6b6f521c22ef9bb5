import { loadConfig } from "../config/load-config.js";
import { describeProblems, unreadableConfigReason } from "../config/resolve-config.js";
import type { ConfigResolver } from "../config/load-config.js";
import { buildRules } from "../guards/secrets/rules.js";
import { ownFilesGuard } from "../guards/own-files/guard.js";
import { secretGuard } from "../guards/secrets/guard.js";
import { commitGate } from "../guards/commit/gate.js";
import { findCommits } from "../guards/commit/find-commits.js";
import { runChecks } from "../runtime/checks.js";
import { failClosed } from "../runtime/decision.js";
import { factsOf, secretFileAt } from "../guards/secrets/secret-files.js";
import { isWindows, relativeTo, toAbsolute } from "../runtime/paths.js";
import type { CheckContext } from "../runtime/checks.js";
import type { HostIO } from "../runtime/io.js";

export interface ExplainOptions {
  io: HostIO;
  cwd: string;
  projectDir: string;
  home: string | undefined;
  resolver: ConfigResolver;
}

export const EXPLAIN_USAGE = `usage:
  shipshape explain <path>...                  is each path a secret file, and why
  shipshape explain --bash '<command>'         would the guard block this Bash command
  shipshape explain --tool <Tool> '<json>'     would the guard block this tool call (e.g. Read '{"file_path":"x"}')`;

async function context(options: ExplainOptions): Promise<{ ctx: CheckContext; notes: string[] }> {
  const loaded = await loadConfig(options.io, { projectDir: options.projectDir, home: options.home }, () => options.resolver);
  const notes: string[] = [];
  notes.push(loaded.files.length > 0 ? `config: ${loaded.files.join(", ")}` : "config: none (defaults)");
  const problems = describeProblems(loaded);
  if (problems) notes.push(problems);
  if (unreadableConfigReason(loaded)) notes.push("while a config file cannot be read, the hooks block every tool call, whatever is explained below");
  return { ctx: { io: options.io, config: loaded.config, configDegraded: loaded.degraded, projectDir: options.projectDir, home: options.home }, notes };
}

/** Explains, for people tuning their config, what the guard thinks of paths or of one tool call. */
export async function explain(args: string[], options: ExplainOptions): Promise<{ code: number; text: string }> {
  if (args.length === 0 || args[0] === "--help" || args[0] === "-h") return { code: args.length === 0 ? 2 : 0, text: EXPLAIN_USAGE };
  const { ctx, notes } = await context(options);
  const lines = [...notes, ""];
  if (args[0] === "--bash" || args[0] === "--tool") {
    const tool = args[0] === "--bash" ? "Bash" : args[1];
    const raw = args[0] === "--bash" ? args.slice(1).join(" ") : args[2];
    if (!tool || raw === undefined) return { code: 2, text: EXPLAIN_USAGE };
    let input: Record<string, unknown>;
    try {
      input = args[0] === "--bash" ? { command: raw } : (JSON.parse(raw) as Record<string, unknown>);
    } catch (error) {
      return { code: 2, text: `the tool input is not valid JSON: ${(error as Error).message}` };
    }
    if (!ctx.config.secrets.enabled) lines.push("the secret guard is off (secrets.enabled: false)");
    // The commit gate checks the message, but explaining a commit must not run the project's tests.
    const gate = ctx.config.commit;
    const quiet = { ...ctx, config: { ...ctx.config, commit: { ...gate, verify: { ...gate.verify, enabled: false } } } };
    // A check that throws is a refusal, worded as the hook words it (decision.ts: failClosed).
    const verdict = await runChecks([secretGuard, ownFilesGuard, commitGate], { tool, input, cwd: options.cwd, sessionId: "explain" }, quiet).then(
      (outcome) => outcome.verdict,
      (error: unknown) => failClosed(`internal error (${error instanceof Error ? error.message : String(error)})`),
    );
    lines.push(verdict.action === "deny" ? `BLOCKED\n${verdict.reason}` : `allowed: the guards find nothing in this ${tool} call that would expose a secret or change shipshape's own files`);
    let commits = false;
    try {
      commits = tool === "Bash" && gate.enabled && findCommits(raw, options.cwd, options.home, (name) => options.io.env(name)).length > 0;
    } catch {
      // A command that does not parse is refused above.
    }
    if (commits && verdict.action !== "deny") lines.push(`the commit message follows the convention${gate.verify.enabled ? "; the verification commands run only when the agent commits (`shipshape doctor` lists them)" : ""}`);
    return { code: verdict.action === "deny" ? 1 : 0, text: lines.join("\n") };
  }
  const rules = buildRules({ config: ctx.config.secrets, home: options.home, projectDir: options.projectDir });
  let anySecret = false;
  for (const raw of args) {
    const path = toAbsolute(raw, options.cwd, options.home);
    const facts = await factsOf(options.io, path);
    // The guard's own question, asked of a path that need not exist: by its name, where it links, or
    // (a git config) what it holds.
    const hit = await secretFileAt(options.io, rules, path, false);
    const match = hit?.match;
    if (facts.isDir) {
      lines.push(`${raw}: a folder, not a secret file itself (recursive searches over it are checked file by file)`);
    } else if (match) {
      anySecret = true;
      const link = hit.realPath ? ` (a link to ${hit.realPath})` : "";
      lines.push(
        `${raw}: SECRET${link}: ${match.category.title} (category "${match.category.id}", rule \`${match.pattern}\`)`,
        `  why: ${match.category.why}`,
        // A Windows path is matched as the guard reads it (`/C:/…`, or relative to the project).
        `  to allow it: add "${isWindows(raw) ? (relativeTo(options.projectDir, path) ?? path) : raw}" under secrets.allow in .claude/shipshape.yaml` +
          (match.category.id === "project-patterns"
            ? ""
            : match.category.patterns.includes(match.pattern)
              ? `, or drop the rule with secrets.disable: ["${match.pattern}"] (or the whole category "${match.category.id}")`
              : `, or drop the category with secrets.disable: ["${match.category.id}"]`),
      );
    } else {
      lines.push(`${raw}: not a secret file${facts.exists ? "" : " (and nothing exists there)"}`);
    }
  }
  return { code: anySecret ? 1 : 0, text: lines.join("\n") };
}
