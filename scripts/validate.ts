/**
 * shipshape's own checks, beyond `claude plugin validate`: skill and agent frontmatter against our
 * schemas (name equals its folder or file, kebab-case, a description within budget), relative links
 * that resolve, and a hooks.json whose every command and file exists. Exits 1 listing every problem.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ErrorObject } from "ajv";
import matter from "gray-matter";
import { describeAjvError } from "../hooks/src/config/schema-errors.js";

export interface Problem {
  file: string;
  message: string;
}

const here = dirname(fileURLToPath(import.meta.url));

function schema(name: string): object {
  return JSON.parse(readFileSync(join(here, "schemas", name), "utf8")) as object;
}

function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const { key, message } = describeAjvError(e);
    return `${key}: ${message}`;
  });
}

/** Relative Markdown links and `${CLAUDE_SKILL_DIR}/…` references that point at no file. */
function brokenLinks(file: string, text: string): string[] {
  const out: string[] = [];
  const base = dirname(file);
  for (const match of text.matchAll(/\]\(([^)\s]+)\)|\$\{CLAUDE_SKILL_DIR\}\/([^\s`'")]+)/g)) {
    const target = match[1] ?? match[2];
    if (!target || /^(https?:|mailto:|#)/.test(target) || target.includes("${")) continue;
    const path = target.split("#")[0] as string;
    if (path === "") continue;
    if (!existsSync(resolve(base, path))) out.push(`link to "${target}" does not resolve`);
  }
  return out;
}

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md")).map((f) => join(dir, f));
}

/**
 * The most code the hooks module may load, with the files it imports (see the check below). Raised
 * from 128 KB when the guards grew (Claude Code's settings switches, commits through git aliases,
 * what revisions print, PowerShell searches), from 144 KB to read code a command pipes into a
 * shell through printf's arguments, `cat`, `tee` and filters, and from 146 KB for the fixes probing
 * found after it (hidden commands, namerefs, database shells, Invoke-Expression, `claude plugin`
 * commands), from 148 KB for more tools' stored logins (Claude Code's own among them) and keyring
 * CLIs, and from 150 KB for the installed code as an own file, names on stdin (archivers, and a
 * `grep -l` feeding xargs judged as its search) and tmux, from 152 KB for the commands git and
 * pagers run from config and variables (`-c core.pager=…`, `GIT_PAGER=…`, `rebase --exec`), and from
 * 154 KB for containers' options (`docker exec -i`, `kubectl -n ns exec`, mounted files, `sh -c`
 * inside), and from 156 KB for jq and yq filters (their `env`, and no longer taking the filter for a
 * file) and the environment's other printers, and from 158 KB for runners that load .env and the
 * `!` commands of skills the model invokes, from 160 KB for the hooks of subagents it starts, and
 * from 161 KB for PowerShell's encoded commands and refusals that name the skill line at fault,
 * from 162 KB for git's hunk pickers (`git add -p`, `reset -p` …, which print a tracked .env's
 * changes) and a session's further fixes, each commit saying which, from 168 KB for moving
 * command rules into the modules named for them and the fixes after, from 172 KB for brace
 * expansions past the walk's budget, which were dropped rather than judged, and from 176 KB for
 * secret variables the shell expands into code (`bash -c "echo $TOKEN"` passed in a real session),
 * from 188 KB for agent and MCP configs judged by whether they write a token out (`.mcp.json`),
 * from 190 KB for the code framework consoles run (`rails runner`, `manage.py shell -c`), from
 * 192 KB for editors that print (`EDITOR=cat rails credentials:edit`) and `env | grep '^NAME='`,
 * from 194 KB for platform CLIs that print or mint a token (`kubectl create token`, `az acr
 * credential show`, `vault token create`), from 196 KB for copies into a guarded name that is a link
 * to the terminal (`ln -s /dev/stdout x.env && cp .env x.env`), from 239 KB for commands run later
 * or elsewhere (a crontab fed on stdin, `script -c`), from 240 KB for cloud metadata credentials,
 * Windows programs run as `name.exe` and MySQL's printed option files, from 241 KB for the commands
 * GNU parallel, `nix develop -c` and systemd-run run, from 242 KB for files a container reads through
 * a mounted folder (`docker run -v ~/.aws:/aws alpine cat /aws/credentials`), from 243 KB for CLIs'
 * config reads that print a token (`pnpm config get …:_authToken`, `pip config get global.index-url`):
 * about 2 ms of every session's start per KB, each
 * against a way around a guard or a refusal of ordinary work. The budget is there to stop bulk (a
 * parser, a schema compiler) from reaching the module, not to ration rules.
 */
export const MODULE_BUDGET_BYTES = 300 * 1024;

export function validatePlugin(root: string): Problem[] {
  const problems: Problem[] = [];
  const ajv = new Ajv({ allErrors: true, strict: false });
  const checkSkill = ajv.compile(schema("skill-frontmatter.schema.json"));
  const checkAgent = ajv.compile(schema("agent-frontmatter.schema.json"));
  const checkHooks = ajv.compile(schema("hooks.schema.json"));
  const add = (file: string, message: string) => problems.push({ file: relative(root, file), message });
  const frontmatter = (file: string): matter.GrayMatterFile<string> | undefined => {
    try {
      return matter(readFileSync(file, "utf8"));
    } catch (error) {
      add(file, `frontmatter is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
      return undefined;
    }
  };

  const skillsDir = join(root, "skills");
  for (const entry of existsSync(skillsDir) ? readdirSync(skillsDir) : []) {
    const dir = join(skillsDir, entry);
    if (!statSync(dir).isDirectory()) continue;
    const file = join(dir, "SKILL.md");
    if (!existsSync(file)) {
      add(dir, "a skill folder without SKILL.md");
      continue;
    }
    const parsed = frontmatter(file);
    if (!parsed) continue;
    if (!checkSkill(parsed.data)) for (const m of describeErrors(checkSkill.errors)) add(file, m);
    if (parsed.data.name !== entry) add(file, `name "${String(parsed.data.name)}" must equal its folder name "${entry}"`);
    for (const md of markdownFiles(dir)) for (const m of brokenLinks(md, readFileSync(md, "utf8"))) add(md, m);
  }

  const agentsDir = join(root, "agents");
  for (const file of markdownFiles(agentsDir)) {
    const parsed = frontmatter(file);
    if (!parsed) continue;
    if (!checkAgent(parsed.data)) for (const m of describeErrors(checkAgent.errors)) add(file, m);
    const expected = file.slice(file.lastIndexOf("/") + 1, -3);
    if (parsed.data.name !== expected) add(file, `name "${String(parsed.data.name)}" must equal its file name "${expected}"`);
    for (const m of brokenLinks(file, parsed.content)) add(file, m);
  }

  const hooksFile = join(root, "hooks", "hooks.json");
  if (existsSync(hooksFile)) {
    let hooks: { hooks?: Record<string, Array<{ hooks: Array<{ command: string; args?: string[] }> }>>; modules?: string[] };
    try {
      hooks = JSON.parse(readFileSync(hooksFile, "utf8")) as typeof hooks;
    } catch (error) {
      add(hooksFile, `is not valid JSON: ${(error as Error).message}`);
      return problems;
    }
    if (!checkHooks(hooks)) for (const m of describeErrors(checkHooks.errors)) add(hooksFile, m);
    for (const module of hooks.modules ?? []) {
      const path = resolve(dirname(hooksFile), module);
      if (!existsSync(path)) {
        add(hooksFile, `module ${module} does not exist`);
        continue;
      }
      // Claude Code does not read a module file over 256 KB; check the module and the files it imports.
      // `from "./x.js"`, or `from"./x.js"` in a minified file, followed to the files they import in turn.
      const files = [path];
      for (const file of files) {
        if (!existsSync(file)) continue;
        for (const m of readFileSync(file, "utf8").matchAll(/from\s*"(\.\/[^"]+)"/g)) {
          const next = resolve(dirname(file), m[1] as string);
          if (!files.includes(next)) files.push(next);
        }
      }
      let total = 0;
      for (const file of files) {
        if (!existsSync(file)) continue;
        total += statSync(file).size;
        if (statSync(file).size > 262_144) add(hooksFile, `${relative(root, file)} is over 256 KB, which Claude Code will not load as a module`);
      }
      // Our own budget: Claude Code scans a module's code at every session start, 2 to 3 ms per KB here.
      if (total > MODULE_BUDGET_BYTES) {
        add(hooksFile, `module ${module} and its imports are ${Math.round(total / 1024)} KB, over the ${MODULE_BUDGET_BYTES / 1024} KB budget: each KB costs every session 2 to 3 ms at start (keep heavy code such as the YAML parser out of the module)`);
      }
    }
    for (const [event, entries] of Object.entries(hooks.hooks ?? {})) {
      for (const entry of entries) {
        for (const hook of entry.hooks ?? []) {
          const files = [hook.command, ...(hook.args ?? [])].filter((part) => part.includes("${CLAUDE_PLUGIN_ROOT}"));
          for (const part of files) {
            const path = part.replace("${CLAUDE_PLUGIN_ROOT}", root);
            if (!existsSync(path)) add(hooksFile, `${event}: ${part} does not exist`);
          }
          if (!hook.command.includes("/") && !["node", "sh", "bash"].includes(hook.command)) {
            add(hooksFile, `${event}: command "${hook.command}" is not one the plugin can rely on being installed`);
          }
        }
      }
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(here, ".."));
  const problems = validatePlugin(root);
  for (const problem of problems) console.error(`${problem.file}: ${problem.message}`);
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s) found`);
    process.exit(1);
  }
  console.log("skills, agents and hooks are valid");
}
