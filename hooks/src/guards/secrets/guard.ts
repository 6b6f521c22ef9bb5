import type { CheckContext, PreToolUseCheck, ToolCall } from "../../runtime/checks.js";
import { PASS, type Verdict } from "../../runtime/decision.js";
import { dirname, onWindowsDrive, toAbsolute } from "../../runtime/paths.js";
import { CHECK_ID, refuse, type Finding } from "./refusal.js";
import { buildRules, type SecretRules } from "./rules.js";
import { factsFrom, secretFileAt, secretFileFrom, secretFileThrough } from "./secret-files.js";
import { importedSecrets, isMemoryFile, isSkillFile, referencedSecrets } from "./memory-imports.js";
import { agentFiles, preloadedSkills, skillCommands, skillFiles, withArguments } from "./skill-commands.js";
import { analyzeInlineCode, analyzePowerShell, analyzeShellCommand } from "./shell-findings.js";
import { grepToolFilter } from "./search-filters.js";
import { quoteWord } from "./analysis-types.js";
import { EVERYTHING, gitIgnored, secretsUnder } from "./tree-search.js";
import { ownEntry } from "../../runtime/own-entry.js";
import { ShellSyntaxError, parseShell } from "../../shell/parser.js";

/** Everything the guard's decisions need for one call. */
export interface GuardEnv {
  ctx: CheckContext;
  rules: SecretRules;
  cwd: string;
}

/** Tools whose input names no file on this machine: nothing to check. */
const NO_FILE_TOOLS = new Set([
  "TodoWrite", "WebFetch", "WebSearch", "ToolSearch", "AskUserQuestion", "ExitPlanMode",
  "EnterPlanMode", "SendMessage", "TaskCreate", "TaskGet", "TaskList", "TaskUpdate", "TaskStop", "TaskOutput",
  "ListAgents", "ReportFindings", "ScheduleWakeup", "Workflow", "ListMcpResourcesTool", "BashOutput", "KillShell", "Glob",
]);

/**
 * Tools that take a URL: only a `file://` one names a file here. An MCP server's resources are often
 * the files of a folder it serves (`file:///…/.env`), read through ReadMcpResourceTool.
 */
const URI_TOOLS: Record<string, string> = { ReadMcpResourceTool: "uri", WebFetch: "url" };

/** A URL on this machine (`http://localhost:8000/.env`) or a cloud's metadata service, judged as curl fetching it is. */
async function fetchFindings(uri: string, tool: string, env: GuardEnv): Promise<Finding[]> {
  const word = /^[\w:/.?#=%@+~,-]+$/.test(uri) ? uri : `'${uri.replaceAll("'", "")}'`;
  return (await analyzeShellCommand(`curl -- ${word}`, env)).map((f) => ({ ...f, how: `This ${tool} call fetches` }));
}

/** The path a `file:` URL names (`file:///a`, `file://localhost/a`, `file:/a`, `FILE:…`), decoded; undefined when it does not parse. */
function fileUrlPath(uri: string): string | undefined {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return undefined;
  }
}

async function uriToolFindings(call: ToolCall, env: GuardEnv, field: string): Promise<Finding[]> {
  const uri = stringField(call.input, field);
  if (uri !== undefined && /^https?:/i.test(uri)) return fetchFindings(uri, call.tool, env);
  if (uri === undefined || !/^file:/i.test(uri)) return [];
  const path = fileUrlPath(uri);
  if (path === undefined) return [{ kind: "unchecked", what: `names a file URL that cannot be read (${uri.slice(0, 200)})`, how: `This ${call.tool} call` }];
  const hit = await secretFileAt(env.ctx.io, env.rules, toAbsolute(path, "/", env.ctx.home), true);
  return hit ? [{ kind: "file", hit, how: `This ${call.tool} call reads` }] : [];
}

/**
 * A skill or command the model invokes, or a subagent it starts (whose definition may register hooks
 * and MCP servers): the commands they run unseen (skill-commands.ts), judged as Bash.
 */
async function skillFindings(call: ToolCall, env: GuardEnv): Promise<Finding[]> {
  const agent = stringField(call.input, "subagent_type");
  const command = stringField(call.input, "command");
  const name = stringField(call.input, "skill") ?? command?.split(/\s/)[0] ?? "";
  const args = stringField(call.input, "args") ?? command?.replace(/^\S+\s*/, "") ?? "";
  const dirs = [...new Set([env.ctx.projectDir, env.cwd, env.ctx.home ?? env.ctx.projectDir])].map((dir) => `${dir}/.claude`);
  const findings: Finding[] = [];
  // A skill's or command's `@path` is read into the conversation when it is invoked, from the working
  // folder, as a Read no hook sees (measured: `Here it is: @.env` put .env in front of the model), and so
  // is one in the arguments, which go into the skill's text, or after it, of any skill (a plugin's too).
  const seen = new Set<string>();
  const references = async (text: string, how: (path: string) => string) => {
    for (const { path, hit } of await referencedSecrets(env.ctx.io, env.rules, text, env.cwd, env.ctx.home)) {
      if (!seen.has(hit.path)) findings.push({ kind: "file", hit, how: how(path) });
      seen.add(hit.path);
    }
  };
  // The commands a skill's (or agent's) text runs, judged as Bash.
  const runs = async (text: string, how: (command: string) => string) => {
    for (const command of skillCommands(text)) findings.push(...(await analyzeShellCommand(command, env, how(command.trim().slice(0, 60)))));
  };
  if (agent === undefined && args.includes("@")) await references(args, (path) => `The skill's arguments read in, through \`@${path}\` when it is invoked,`);
  for (const file of agent === undefined ? skillFiles(name, dirs) : agentFiles(agent, dirs)) {
    const read = await env.ctx.io.readText(file).catch(() => undefined);
    if (read === undefined) continue;
    const text = agent !== undefined ? read : withArguments(read, args, dirname(file), env.ctx.projectDir);
    await runs(text, (command) => `${file} runs \`${command}\` when invoked (take it out of the file)`);
    if (agent === undefined && text.includes("@")) await references(text, (path) => `${file} reads in, through \`@${path}\` when invoked (take the reference out of the file),`);
    // A subagent starts with the full text of the skills its definition preloads, their commands run.
    for (const skill of agent === undefined ? [] : preloadedSkills(text)) {
      for (const skillFile of skillFiles(skill, dirs)) {
        const body = await env.ctx.io.readText(skillFile).catch(() => undefined);
        if (body !== undefined) await runs(withArguments(body, "", dirname(skillFile), env.ctx.projectDir), (command) => `${file} preloads ${skillFile}, which runs \`${command}\` (take it out of the file)`);
      }
    }
  }
  return findings;
}

/** File tools: which input field names the file, and how the tool exposes it. */
const FILE_TOOLS: Record<string, { field: string; how: string }> = {
  Read: { field: "file_path", how: "Reading" },
  Edit: { field: "file_path", how: "Editing (which shows the file's contents)" },
  Write: { field: "file_path", how: "Overwriting (which returns the old contents)" },
  NotebookEdit: { field: "notebook_path", how: "Editing" },
  LSP: { field: "filePath", how: "Asking the language server about" },
};

const SHELL_TOOLS = new Set(["Bash", "Monitor"]);

function stringField(input: Record<string, unknown>, field: string): string | undefined {
  const value = input[field];
  return typeof value === "string" ? value : undefined;
}

async function fileToolFindings(call: ToolCall, env: GuardEnv, field: string, how: string): Promise<Finding[]> {
  // Claude Code trims a tool's path before using it: `.env ` reads .env.
  const raw = stringField(call.input, field)?.trim();
  if (raw === undefined || raw === "") {
    return [{ kind: "unchecked", what: `has no "${field}" string in its input`, how: `This ${call.tool} call` }];
  }
  const path = toAbsolute(raw, env.cwd, env.ctx.home);
  // Only a Write of a new file leaks nothing. A read of a secret not there yet is refused as `cat .env`
  // is: it may be there by the time the tool runs. (An Edit is judged by name too: its old_string is
  // not part of the decision cache's key, so `""`, which creates a file, cannot be told apart.)
  // Read alone may look inside a .pem (a certificate chain passes): nothing can swap the file between.
  const hit = (await secretFileAt(env.ctx.io, env.rules, path, call.tool === "Write", call.tool === "Read")) ?? (await secretFileThrough(env.ctx.io, env.rules, raw, env.cwd, path, call.tool === "Write"));
  // The text written is read only for a memory file: reading it makes the decision one the cache
  // cannot replay (decision-memo.ts leaves it out of the key).
  const written = isMemoryFile(path) || isSkillFile(path) ? (stringField(call.input, "content") ?? stringField(call.input, "new_string")) : undefined;
  const imports = written === undefined ? [] : await importedSecrets(env.ctx.io, env.rules, path, written, env.ctx.home, env.ctx.projectDir);
  // The way to change a setting that shows nothing: sed in place, or an appended line.
  const instead = call.tool !== "Read" && hit?.match.category.id === "dotenv" ? `set a value unseen, in Bash: \`sed -i 's/^NAME=.*/NAME=value/' ${raw}\`, or add one: \`echo 'NAME=value' >> ${raw}\`.` : undefined;
  return hit ? [{ kind: "file", hit, how, ...(instead ? { instead } : {}) }, ...imports] : imports;
}

async function grepToolFindings(call: ToolCall, env: GuardEnv, how = "This Grep"): Promise<Finding[]> {
  const rawPath = stringField(call.input, "path")?.trim();
  const root = toAbsolute(rawPath && rawPath !== "" ? rawPath : ".", env.cwd, env.ctx.home);
  const info = await env.ctx.io.stat(root);
  // A file, or a Windows path, which cannot be looked at from here (paths.ts): judged by name.
  if (info ? info.kind !== "dir" : onWindowsDrive(root)) {
    // By its contents too, as a Read's is (an MCP config with a token, a ~/.zshrc that exports one).
    const hit = info ? await secretFileAt(env.ctx.io, env.rules, root, true) : secretFileFrom(env.rules, root, factsFrom(root, info), true);
    return hit ? [{ kind: "file", hit, how: "Searching" }] : [];
  }
  if (!info) return [];
  // Refused in every output mode: files_with_matches and count print no line, but match by match they
  // still tell what a secret file holds, and the Grep tool (absent from native builds' main session,
  // where searches go through Bash) is rare enough that strictness costs little.
  const filter = grepToolFilter(call.input);
  const result = await secretsUnder(env.ctx.io, env.rules, root, filter);
  if (result.kind === "too-large") {
    return [{ kind: "unchecked", what: `searches ${root}, which is too large to check for secret files (over ${result.visited} entries)`, how }];
  }
  // Claude Code runs ripgrep with --hidden but not --no-ignore: a gitignored .env is not searched,
  // unless the input's glob matches it (tree-search.ts: includePaths).
  const ignored = result.hits.length > 0 && filter.includePaths.length === 0 ? await gitIgnored(env.ctx.io, result.hits.map((hit) => hit.path), root) : undefined;
  return result.hits.filter((hit) => !ignored?.has(hit.path)).map((hit) => ({ kind: "search" as const, hit, how }));
}

/** Bounds for walking an unknown tool's input; past them the input cannot be checked and is refused. */
const MAX_INPUT_DEPTH = 12;
const MAX_PATH_CANDIDATES = 500;

function looksLikePath(value: string): boolean {
  if (value === "" || value.length > 4096 || value.includes("\n")) return false;
  // An anchored path may hold spaces (`/home/me/my project/.env`); other text with spaces is prose.
  if (/^(~?\/|\.\.?\/|file:\/\/)/.test(value)) return true;
  return !/\s/.test(value) && (value.startsWith(".") || value.includes("/") || /^[\w.-]+$/.test(value));
}

/**
 * Any other tool (MCP tools, new tools): string values that look like paths are checked as files, and
 * a command or code it is given to run (an MCP server's `execute_command`, `run_python`) as Bash's
 * command or inline code.
 */
async function unknownToolFindings(call: ToolCall, env: GuardEnv): Promise<Finding[]> {
  const candidates: string[] = [];
  const runs: Array<Promise<Finding[]>> = [];
  let tooDeep = false;
  const visit = (value: unknown, depth: number, key = "") => {
    if (depth > MAX_INPUT_DEPTH) {
      tooDeep = true;
      return;
    }
    if (typeof value === "string") {
      // `command`, `cmd`, `commandLine`, `shell_command`, `terminalCommand`, a step's `run`, `exec`, `shell`.
      if (COMMAND_KEY.test(key)) runs.push(analyzeShellCommand(value, env));
      // A `script` is a shell's or a browser's (Puppeteer's puppeteer_evaluate): JavaScript that no
      // shell would run is judged as code.
      else if (/^script$/i.test(key)) runs.push(parsesAsShell(value) ? analyzeShellCommand(value, env) : analyzeInlineCode(value, env));
      // `code`, and Jupyter servers' `cell_source` (a cell shows its last value), mcp-run-python's `python_code`.
      // A bare `source` path (a file tool's move or copy) is judged below, as a file.
      // A database server's `query` is SQL, which reads files by name (DuckDB's read_text('.env')); a
      // search tool's query is words.
      else if ((/(code|source)$|^(python|javascript|sql|expression)$/i.test(key) || (/^query$/i.test(key) && /sql|duck|postgres|mysql|maria|clickhouse|bigquery|snowflake|database|(^|_)db(_|$)/i.test(call.tool))) && !(/^source$/i.test(key) && looksLikePath(value.trim()))) runs.push(analyzeInlineCode(value, env, /cell|jupyter|notebook|ipython/i.test(key + call.tool)));
      // What a tool types into a running process (Desktop Commander's interact_with_process, a tmux
      // pane's keys): a REPL runs it as code and shows its value, a shell as a command line.
      else if (/^(input|stdin|keys|text)$/i.test(key) && /process|repl|terminal|shell|console|tmux|send[-_]?keys/i.test(call.tool)) {
        runs.push(analyzeInlineCode(value, env, true), analyzeShellCommand(value, env).then((found) => found.filter((f) => f.kind !== "unchecked")));
      }
      // An MCP fetch server's `url`, fetched from this machine.
      else if (/^https?:\/\//i.test(value)) runs.push(fetchFindings(value, call.tool, env));
      const path = value.trim();
      if (/^file:/i.test(path)) candidates.push(fileUrlPath(path) ?? path.slice(5));
      else if (looksLikePath(path)) candidates.push(path);
      // `"revision": "HEAD:.env"`: a git object, read from the path after the revision.
      const object = /^[\w./~^@{}-]+:([^\s:/][^\s:]*)$/.exec(path)?.[1];
      if (object) candidates.push(object);
    } else if (Array.isArray(value)) {
      // `"command": ["cat", "/app/.env"]` (a container's exec): the words of one command.
      if (/^(command|cmd|argv)$/i.test(key) && value.length > 0 && value.every((item) => typeof item === "string")) runs.push(analyzeShellCommand(value.map(quoteWord).join(" "), env));
      // `"commands": ["cat .env", "ls"]`: command lines, each run.
      if (/^(commands|cmds)$/i.test(key)) for (const item of value) if (typeof item === "string") runs.push(analyzeShellCommand(item, env));
      for (const item of value) visit(item, depth + 1);
    } else if (value && typeof value === "object") {
      const entries = Object.entries(value);
      // `{"command": "bash", "args": ["-c", "cat .env"]}` (a process an MCP server starts): the program and its words, run together.
      const program = entries.find(([k, v]) => typeof v === "string" && /^(command|cmd|program|executable)$/i.test(k))?.[1] as string | undefined;
      const words = entries.find(([k, v]) => Array.isArray(v) && v.every((w) => typeof w === "string") && /^(args|argv|arguments)$/i.test(k))?.[1] as string[] | undefined;
      if (program !== undefined && words !== undefined) runs.push(analyzeShellCommand([program, ...words].map(quoteWord).join(" "), env));
      for (const [name, item] of entries) visit(item, depth + 1, name);
    }
  };
  visit(call.input, 0);
  if (tooDeep) return [{ kind: "unchecked", what: `has an input nested deeper than ${MAX_INPUT_DEPTH} levels, too deep to check for file paths`, how: `This ${call.tool} call` }];
  if (candidates.length > MAX_PATH_CANDIDATES) {
    return [{ kind: "unchecked", what: `names more than ${MAX_PATH_CANDIDATES} possible file paths, too many to check`, how: `This ${call.tool} call` }];
  }
  const findings: Finding[] = (await Promise.all(runs)).flat();
  for (const candidate of new Set(candidates)) {
    const path = toAbsolute(candidate, env.cwd, env.ctx.home);
    const hit = await secretFileAt(env.ctx.io, env.rules, path, true);
    if (hit) findings.push({ kind: "file", hit, how: `This ${call.tool} call names` });
    // A search tool's folder (`mcp__serena__search_for_pattern`, Desktop Commander's `search_code`) is
    // searched as the Grep tool's is; one that searches for files (`search_files`) prints names alone.
    else if (/search|grep/i.test(call.tool) && !/search_?files?$/i.test(call.tool) && (await env.ctx.io.stat(path))?.kind === "dir") findings.push(...(await grepToolFindings({ ...call, input: { path } }, env, `This ${call.tool} call`)));
    // A tool that packs, reads or sends a whole folder (repomix's pack_codebase, a read_directory, a
    // folder upload) takes every file in it.
    else if (FOLDER_READER.test(call.tool) && (await env.ctx.io.stat(path))?.kind === "dir") {
      const result = await secretsUnder(env.ctx.io, env.rules, path, EVERYTHING);
      const how = `This ${call.tool} call takes every file of \`${candidate}\`, and with them`;
      findings.push(...(result.kind === "too-large" ? [{ kind: "unchecked" as const, what: `takes every file of ${path}, too many to check for secret files`, how: `This ${call.tool} call` }] : result.hits.map((hit) => ({ kind: "search" as const, hit, how }))));
    }
  }
  return findings;
}

/** Tool names that take a folder's contents (not its names: list_directory, directory_tree pass). */
const FOLDER_READER = /pack|bundle|concat|dump|zip|archive|upload|copy|read_?(dir|directory|folder|codebase|repo|project|all)|(directory|folder|codebase|repo|project)_?(contents?|files)/i;

/** Input keys whose string is a command line. */
const COMMAND_KEY = /^(run|exec|shell|bash|sh|cmdline)$|^(\w+_)?(command|cmd)(_?line)?$|^[a-z]+(Command|Cmd)(Line)?$/i;

function parsesAsShell(text: string): boolean {
  try {
    parseShell(text);
    return true;
  } catch (error) {
    if (error instanceof ShellSyntaxError) return false;
    throw error;
  }
}

export async function secretFindings(call: ToolCall, env: GuardEnv): Promise<Finding[]> {
  const fileTool = ownEntry(FILE_TOOLS, call.tool);
  if (fileTool) return fileToolFindings(call, env, fileTool.field, fileTool.how);
  if (call.tool === "Grep") return grepToolFindings(call, env);
  const uriField = ownEntry(URI_TOOLS, call.tool);
  if (uriField) return uriToolFindings(call, env, uriField);
  if (SHELL_TOOLS.has(call.tool) || call.tool === "PowerShell") {
    const command = stringField(call.input, "command");
    if (command === undefined) {
      return [{ kind: "unchecked", what: 'has no "command" string in its input', how: `This ${call.tool} call` }];
    }
    return call.tool === "PowerShell" ? analyzePowerShell(command, env) : analyzeShellCommand(command, env);
  }
  if (call.tool === "Skill" || call.tool === "SlashCommand" || call.tool === "Agent" || call.tool === "Task") return skillFindings(call, env);
  if (NO_FILE_TOOLS.has(call.tool)) return [];
  // Claude Code's IDE integration runs Python in the notebook's Jupyter kernel.
  const code = call.tool === "mcp__ide__executeCode" ? stringField(call.input, "code") : undefined;
  return code === undefined ? unknownToolFindings(call, env) : analyzeInlineCode(code, env, true);
}

/**
 * Whether the decision on this call can depend on the session's working directory. False only when
 * every path the call names is absolute (or under `~`), so the in-process module can skip asking for
 * the working directory, which costs a round trip through Claude Code on every call.
 */
export function secretGuardUsesCwd(call: Pick<ToolCall, "tool" | "input">): boolean {
  const fileTool = ownEntry(FILE_TOOLS, call.tool);
  if (fileTool) return !isRooted(stringField(call.input, fileTool.field));
  if (call.tool === "Grep") return !isRooted(stringField(call.input, "path"));
  return !NO_FILE_TOOLS.has(call.tool) && ownEntry(URI_TOOLS, call.tool) === undefined;
}

function isRooted(path: string | undefined): boolean {
  return path !== undefined && (path.startsWith("/") || path === "~" || path.startsWith("~/"));
}

/**
 * Rules by config (the same object while its files are unchanged), home and project: the hooks module
 * lives for the session, and builds each pattern's RegExp and the fragments once rather than on every
 * call (about 0.2 ms a call; a command hook's process lives for one call, where this changes nothing).
 */
const RULES = new WeakMap<object, Map<string, SecretRules>>();

export function guardEnv(call: ToolCall, ctx: CheckContext): GuardEnv {
  const config = ctx.config.secrets;
  const byPlace = RULES.get(config) ?? new Map<string, SecretRules>();
  RULES.set(config, byPlace);
  const place = `${ctx.home}\0${ctx.projectDir}`;
  let rules = byPlace.get(place);
  if (!rules) byPlace.set(place, (rules = buildRules({ config, home: ctx.home, projectDir: ctx.projectDir })));
  return { ctx, cwd: call.cwd, rules };
}

export const secretGuard: PreToolUseCheck = {
  id: CHECK_ID,
  async decide(call: ToolCall, ctx: CheckContext): Promise<Verdict> {
    if (!ctx.config.secrets.enabled) return PASS;
    const findings = await secretFindings(call, guardEnv(call, ctx));
    return findings.length > 0 ? refuse(call.tool, findings) : PASS;
  },
};
