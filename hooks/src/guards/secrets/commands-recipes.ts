/** Task runners' recipes: make's targets, just's recipes, go-task's and mise's tasks, walked alike. */

import { UNKNOWN, type Arg } from "../../shell/expand.js";
import { textOf, type Analyzer, type State } from "./analysis-types.js";
import { dirname, toAbsolute } from "../../runtime/paths.js";
import { scriptCode } from "./commands-code.js";

/** A recipe a task runner runs: what runs before it, its script, and a secret a line it echoes fills in. */
interface Recipe {
  deps: string[];
  script: string;
  echoed: string | undefined;
}

/**
 * Runs a task runner's goals as make, just and go-task do: each recipe once, what it depends on
 * first (to a depth of 64, past which it is refused rather than left unread), then its script,
 * judged as a shell script on disk is (one starting with `#!` as code in that language). The runner
 * echoes each line not marked quiet, so a secret filled into one is refused. `names`: the runner,
 * what it calls a recipe, its quiet flag and how a line is marked quiet.
 */
async function runRecipes(a: Analyzer, names: [string, string, string, string], goals: Array<[string, string[]]>, recipe: (name: string, given: string[]) => Recipe | undefined, dir: string, state: State): Promise<void> {
  const [tool, kind, flag, mark] = names;
  const seen = new Set<string>();
  const own = { vars: state.vars, cwd: dir };
  const visit = async (name: string, given: string[], depth: number): Promise<void> => {
    const found = seen.has(name) ? undefined : recipe(name, given);
    if (!found) return;
    if (depth > 64) return void a.unchecked("runs recipes nested deeper than the guard reads (64)", `\`${tool}\``);
    seen.add(name);
    for (const dep of found.deps) await visit(dep, [], depth + 1);
    const label = `the ${kind} \`${name}\``;
    if (found.echoed) a.leak(`the value of ${found.echoed}`, `${tool} echoes the lines of ${label} not marked ${mark}, filled in: it prints`, `run \`${tool} ${flag}\`, or add ${mark}.`);
    if (found.script.startsWith("#!")) await scriptCode(a, found.script, { text: name, raw: `${tool} ${name}` }, own);
    else if (found.script.trim() !== "") await a.shellScript(found.script, label, own, `${dir}\0${tool}\0${name}`);
  };
  for (const [goal, given] of goals) await visit(goal, given, 0);
}

/**
 * The task `mise run` runs (`mise run show`, `mise r show -- args`) and what it depends on: in the
 * nearest mise.toml, `[tasks.show]`'s `run` (a string or a list, over several lines too) and
 * `depends`, or the `[tasks]` table's `show = "…"`, read by their lines; else a file task
 * (`mise-tasks/show`, `.mise/tasks/show`) as a script. mise prints each command with its
 * `{{env.X}}` filled in.
 */
export async function miseTasks(a: Analyzer, args: Arg[], state: State): Promise<void> {
  const at = args.findIndex((w) => /^(run|r)$/.test(w.text));
  const goal = at === -1 ? undefined : args.slice(at + 1).find((w) => !w.text.startsWith("-"))?.text;
  if (!goal || goal.includes(UNKNOWN) || state.cwd === undefined) return;
  const [text = "", dir = state.cwd] = (await nearest(a, state.cwd, ["mise.toml", ".mise.toml", "mise/config.toml", ".config/mise.toml", ".mise/config.toml"])) ?? [];
  const tasks = tomlTasks(text, "tasks");
  if (!tasks.has(goal)) {
    for (const folder of ["mise-tasks", ".mise-tasks", ".mise/tasks", "mise/tasks", ".config/mise/tasks"]) await a.scriptFile({ text: `${dir}/${folder}/${goal}`, raw: `${folder}/${goal}` }, { ...state, cwd: dir });
    return;
  }
  const recipe = (name: string): Recipe | undefined => {
    const task = tasks.get(name);
    const script = task?.run.join("\n") ?? "";
    return task && { deps: task.deps, echoed: [...script.matchAll(/\{\{\s*env\.(\w+)/g)].map((m) => m[1] as string).find((n) => a.secret(n)), script: script.replace(/\{\{\s*env\.(\w+)\s*\}\}/g, "${$1}") };
  };
  await runRecipes(a, ["mise", "task", "--quiet", "`quiet = true`"], [[goal, []]], recipe, dir, state);
}

/**
 * The tasks a TOML table holds, read by their lines: `[base]`'s `name = …` and `[base.name]`'s keys.
 * A value is a command, a list of them, or a table whose `run`, `cmd`, `shell`, `composite` or
 * `sequence` holds them (mise's `depends` names the tasks run first); strings over several lines
 * (`"""`, a list) are gathered up to their end.
 */
function tomlTasks(text: string, base: string): Map<string, { deps: string[]; run: string[] }> {
  const tasks = new Map<string, { deps: string[]; run: string[] }>();
  const strings = (value: string) => [...value.matchAll(/"""([\s\S]*?)"""|"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
  let table = "";
  let pending = "";
  for (const line of text.split("\n")) {
    pending += `${line}\n`;
    if ((pending.match(/[[{]/g)?.length ?? 0) > (pending.match(/[\]}]/g)?.length ?? 0) || (pending.match(/"""/g)?.length ?? 0) % 2 === 1) continue;
    const entry = pending;
    pending = "";
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(entry);
    if (header) table = (header[1] as string).replace(/["\s]/g, "");
    const pair = /^\s*"?([\w:.-]+)"?\s*=\s*([\s\S]*)$/.exec(entry);
    if (header || !pair || (table !== base && !table.startsWith(`${base}.`))) continue;
    const [, key = "", value = ""] = pair;
    const name = table === base ? key : table.slice(base.length + 1);
    const task = tasks.get(name) ?? { deps: [], run: [] };
    tasks.set(name, task);
    if (table !== base && key === "depends") task.deps.push(...strings(value));
    else if (table !== base ? /^(run|cmd|shell|composite|sequence)$/.test(key) : !value.trimStart().startsWith("{")) task.run.push(...strings(value));
    // An inline table (`show = { cmd = "…", help = "…" }`): its command keys only.
    else if (table === base) for (const m of value.matchAll(/\b(run|cmd|shell|composite|sequence)\s*=\s*(\[[^\]]*\]|"""[\s\S]*?"""|"(?:[^"\\]|\\.)*"|'[^']*')/g)) task.run.push(...strings(m[2] as string));
  }
  return tasks;
}

/**
 * The tasks of Python's task runners, kept in the nearest pyproject.toml: `pdm run show` (pdm's
 * scripts), `poe show` (poethepoet's tasks), `hatch run show` or `hatch run test:show` (an
 * environment's scripts), `task show` (taskipy's tasks), read as make's recipes are.
 */
export async function pyprojectTasks(a: Analyzer, name: string, args: Arg[], state: State): Promise<void> {
  const words = args.map((w) => w.text);
  const at = name === "pdm" || name === "hatch" ? words.indexOf("run") + 1 : 0;
  const goal = at === 0 && (name === "pdm" || name === "hatch") ? undefined : words.slice(at).find((w) => !w.startsWith("-"));
  if (!goal || goal.includes(UNKNOWN) || state.cwd === undefined) return;
  const [env, task] = name === "hatch" && goal.includes(":") ? goal.split(":", 2) : ["default", goal];
  // hatch reads hatch.toml first, where its tables have no `tool.hatch.` in front.
  const found = await nearest(a, state.cwd, name === "hatch" ? ["hatch.toml", "pyproject.toml"] : ["pyproject.toml"]);
  if (!found || !task) return;
  const tasks = tomlTasks(found[0].replaceAll("[envs.", "[tool.hatch.envs."), name === "pdm" ? "tool.pdm.scripts" : name === "poe" ? "tool.poe.tasks" : name === "hatch" ? `tool.hatch.envs.${env}.scripts` : "tool.taskipy.tasks");
  const recipe = (each: string): Recipe | undefined => {
    const entry = tasks.get(each);
    return entry && { deps: entry.deps, echoed: undefined, script: entry.run.join("\n") };
  };
  await runRecipes(a, [name, "task", "", ""], [[task, []]], recipe, found[1], state);
}

/** A Python function's text, from its `def` to the next line that starts at the left margin. */
function pythonFunction(code: string, name: string): string | undefined {
  const start = new RegExp(`^(?:async\\s+)?def\\s+${name}\\s*\\(`, "m").exec(code);
  if (!start) return undefined;
  const rest = code.slice(start.index);
  const end = rest.slice(1).search(/\n(?=[^\s#])/);
  return end === -1 ? rest : rest.slice(0, end + 1);
}

/**
 * pre-commit's local hooks (`repo: local` in the repository's .pre-commit-config.yaml), which `pre-commit
 * run` (and prek's) and a commit through its git hook run: each `entry:` is a command line, judged as
 * run from the repository's top; a hook from another repository names no entry there.
 */
export async function preCommitHooks(a: Analyzer, root: string): Promise<void> {
  const config = await a.env.ctx.io.readText(`${root}/.pre-commit-config.yaml`);
  for (const m of (config ?? "").matchAll(/^\s*(?:-\s+)?entry:\s*(.+?)\s*$/gm)) {
    await a.shellScript((m[1] as string).replace(/^(["'])(.*)\1$/, "$2"), "a pre-commit hook's entry", { vars: new Map(), cwd: root });
  }
}

/**
 * The tasks of the task runners whose tasks are code or an ini file: invoke's and fabric's tasks.py
 * and fabfile.py (`invoke show` runs `def show(c)`, its `c.run("…")` a shell command), nox's
 * sessions (`nox -s show`; every one without -s), rake's Rakefile (read whole, as Ruby: `sh "…"`)
 * and tox's `[testenv:show]` commands (`tox -e show`; the `[testenv]` ones for an env without its
 * own section), each from the nearest folder that has the file.
 */
export async function codeTasks(a: Analyzer, name: string, args: Arg[], state: State): Promise<void> {
  const words = args.map((w) => w.text);
  if (state.cwd === undefined || words.some((w) => /^(-l|--list|-T|--tasks|-h|--help|--version)$/.test(w))) return;
  const tox = name === "tox";
  const file = tox ? ["tox.ini"] : name === "rake" ? ["Rakefile", "rakefile", "Rakefile.rb"] : name === "nox" ? ["noxfile.py"] : ["tasks.py", "fabfile.py"];
  const found = await nearest(a, state.cwd, file);
  if (!found) return;
  const [text, dir] = found;
  const own = { vars: state.vars, cwd: dir };
  const script = { text: `${dir}/${name === "rake" ? "Rakefile.rb" : "tasks.py"}`, raw: `${name} ${words.join(" ")}`.trim() };
  const picked = words.filter((w, i) => (tox || name === "nox" ? /^(-e|-s|--sessions?|--envs?)$/.test(words[i - 1] ?? "") : !w.startsWith("-"))).flatMap((w) => w.split(","));
  if (tox) {
    // Each section's `commands`, with the lines that continue it (indented).
    const sections = new Map<string, string>();
    for (const m of text.matchAll(/^\[([^\]]+)\][^\n]*\n((?:(?!\[)[^\n]*\n?)*)/gm)) {
      const commands = /^commands\s*=([^\n]*(?:\n[ \t]+[^\n]*)*)/m.exec(m[2] as string)?.[1];
      if (commands !== undefined) sections.set((m[1] as string).trim(), commands.replace(/^[ \t]+/gm, ""));
    }
    // With no -e, the envs `envlist` names (a list over one or more lines).
    const listed = /^env_?list\s*=([^\n]*(?:\n[ \t]+[^\n]*)*)/m.exec(text)?.[1]?.split(/[\s,]+/).filter((env) => env !== "") ?? [];
    for (const env of picked.length > 0 ? picked : listed.length > 0 ? listed : ["testenv"]) {
      const commands = sections.get(`testenv:${env}`) ?? sections.get("testenv");
      if (commands) await a.shellScript(commands, `tox's \`${env}\` commands`, own, `${dir}\0tox\0${env}`);
    }
    return;
  }
  // Every task or session when none is named, and for rake, whose tasks are read whole.
  const code = name === "rake" || picked.length === 0 ? text : picked.map((task) => (/^[\w-]+$/.test(task) ? (pythonFunction(text, task.replaceAll("-", "_")) ?? "") : text)).join("\n");
  if (code.trim() !== "") await scriptCode(a, code, script, own);
}

/** make's options that take a value as the next word. */
const MAKE_VALUES = /^(-[CfIoWljE]|--(directory|file|makefile|include-dir|jobs|eval))$/;

/**
 * The recipes `make` runs for the targets it is given (the first target when none is), with the
 * prerequisites' before them, read as a shell script on disk is: a recipe added to the Makefile is no
 * way around the guard. make's `$(NAME)` becomes the shell's `${NAME}` (the value of a variable,
 * maybe one `include .env` set), `$$` the shell's `$`, and a pattern rule's `$*` its stem
 * (`make print-API_KEY` with `print-%: ; @echo $($*)`). make echoes each line not marked `@` with
 * its variables filled in.
 */
export async function makeTargets(a: Analyzer, args: Arg[], state: State, stdin?: string): Promise<void> {
  let dir = state.cwd;
  let file: string | undefined;
  const goals: string[] = [];
  // `make --eval='all: ; cat .env'`: more makefile, read before the makefiles (its first target is the default).
  const evals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = (args[i] as Arg).text;
    const attached = /^(-C|-f|-E|--directory=|--file=|--makefile=|--eval=)(.+)$/.exec(word);
    const value = attached ? attached[2] : MAKE_VALUES.test(word) ? args[++i]?.text : undefined;
    if (value?.includes(UNKNOWN) || dir === undefined) return;
    if (attached || MAKE_VALUES.test(word)) {
      if (value === undefined) return;
      if (/^(-C|--directory)/.test(word)) dir = toAbsolute(value, dir, a.env.ctx.home);
      else if (/^(-f|--file|--makefile)/.test(word)) file = value;
      else if (/^(-E|--eval)/.test(word)) evals.push(value);
    } else if (!word.startsWith("-") && !word.includes("=")) goals.push(word);
  }
  if (dir === undefined) return;
  const paths = file ? [toAbsolute(file, dir, a.env.ctx.home)] : ["GNUmakefile", "makefile", "Makefile"].map((n) => `${dir}/${n}`);
  // `make -f - <<'EOF'`, `-f /dev/stdin`: the makefile is the command's input.
  let text = file === "-" || file === "/dev/stdin" ? (stdin ?? "") : undefined;
  for (const path of paths) text ??= await textOf(a, path);
  if (evals.length > 0) text = `${evals.join("\n")}\n${text ?? ""}`;
  if (text === undefined || text.length > 256 * 1024) return;
  const silent = /^\.SILENT:/m.test(text) || args.some((w) => /^(-[a-zA-Z]*s[a-zA-Z]*|--silent|--quiet)$/.test(w.text));
  // Each target's prerequisites and recipe: `name other: deps` then tab-indented lines, `\` joining lines.
  const rules = new Map<string, { deps: string[]; recipe: string[] }>();
  const values = new Map<string, string>();
  let current: Array<{ deps: string[]; recipe: string[] }> = [];
  let first: string | undefined;
  for (const line of text.replace(/\\\n[\t ]*/g, " ").split("\n")) {
    if (line.startsWith("\t")) {
      for (const rule of current) rule.recipe.push(line.slice(1));
      continue;
    }
    const head = /^([^:=#\s][^:=#]*?)\s*::?(?!=)\s*([^=;#]*?)\s*(?:;\s*(.*))?$/.exec(line);
    // `ENV_FILE := .env`: a variable with a plain value, put in where a recipe names it.
    const assigned = /^(?:export\s+|override\s+)?([A-Za-z_]\w*)\s*[:?]*=\s*([^$#]*?)\s*$/.exec(line);
    if (assigned) values.set(assigned[1] as string, assigned[2] as string);
    if (!head) {
      if (line.trim() !== "" && !line.trimStart().startsWith("#")) current = [];
      continue;
    }
    current = [];
    for (const target of (head[1] as string).split(/\s+/)) {
      const rule = rules.get(target) ?? { deps: [], recipe: [] };
      rule.deps.push(...(head[2] as string).split(/\s+/).filter(Boolean));
      if (head[3]) rule.recipe.push(head[3]);
      rules.set(target, rule);
      current.push(rule);
      if (first === undefined && !target.startsWith(".") && !target.includes("%")) first = target;
    }
  }
  // `make show FILE=.env`: a variable given on the command line, over the makefile's (one only known
  // when it runs is left to the shell, as an unset one is).
  for (const w of args) {
    const set = /^(\w+)=(.*)$/s.exec(w.text);
    if (set) values.set(set[1] as string, set[2]?.includes(UNKNOWN) ? `\${${set[1]}}` : (set[2] as string));
  }
  const recipe = (target: string): Recipe | undefined => {
    let stem = "";
    let rule = rules.get(target);
    // A pattern rule (`print-%`) when no rule names the target itself.
    for (const [pattern, each] of rule ? [] : rules) {
      const [prefix, suffix, more] = pattern.split("%");
      if (suffix !== undefined && more === undefined && target.startsWith(prefix as string) && target.endsWith(suffix) && target.length > pattern.length - 1) {
        stem = target.slice((prefix as string).length, target.length - suffix.length);
        rule = each;
      }
    }
    if (!rule) return undefined;
    const lines = rule.recipe.map((line) => line.replace(/\$\*|\$\(\*\)/g, stem).replace(/\$@|\$\(@\)/g, target));
    return {
      deps: rule.deps.map((dep) => dep.replace("%", stem)),
      echoed: silent ? undefined : lines.flatMap((line) => (/^[\s+-]*@/.test(line) ? [] : [...line.matchAll(/\$[({]([A-Za-z_]\w*)[)}]/g)])).find((m) => a.secret(m[1] as string))?.[0],
      script: lines.map((line) => line.replace(/^[\s@+-]+/, "").replace(/\$[({]([A-Za-z_]\w*)[)}]/g, (_, name: string) => (a.secret(name) ? undefined : values.get(name)) ?? `\${${name}}`).replace(/\$\$/g, "$")).join("\n"),
    };
  };
  await runRecipes(a, ["make", "make target", "-s", "`@`"], (goals.length > 0 ? goals : first ? [first] : []).map((g) => [g, []]), recipe, dir, state);
}

/** The text and folder of a file by one of these names here or, as just and task look, in the nearest folder above. */
async function nearest(a: Analyzer, from: string, names: string[]): Promise<[string, string] | undefined> {
  for (let dir = from; ; dir = dirname(dir)) {
    for (const name of names) {
      const path = `${dir === "/" ? "" : dir}/${name}`;
      const text = await textOf(a, path);
      if (text !== undefined) return [text, dir];
    }
    if (dir === "/") return undefined;
  }
}

/**
 * The recipes `just` runs (the one named, with its arguments, or the first; its dependencies before
 * it), read as make's are: `{{name}}` is the variable's or parameter's value, `{{env_var('X')}}` the
 * shell's `${X}`, and a recipe whose body starts with `#!` is code in that language. just echoes each
 * line not marked `@` (in a recipe not marked `@`) with its `{{…}}` filled in.
 */
export async function justRecipes(a: Analyzer, args: Arg[], state: State): Promise<void> {
  const cwd = state.cwd;
  let dir: string | undefined;
  let file: string | undefined;
  let quiet = false;
  const goals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = (args[i] as Arg).text;
    if (/^(-f|--justfile|-d|--working-directory)$/.test(word)) {
      const value = args[++i]?.text;
      if (value === undefined || value.includes(UNKNOWN) || cwd === undefined) return;
      // Recipes run in the justfile's folder, unless -d names another.
      if (/^-(f|-j)/.test(word)) file = toAbsolute(value, cwd, a.env.ctx.home);
      else dir = toAbsolute(value, cwd, a.env.ctx.home);
    } else if (/^(-l|--list|--summary|--show|--dump|--fmt|--init|--choose|--variables)$/.test(word)) return;
    else if (/^(-q|--quiet)$/.test(word)) quiet = true;
    else if (!word.startsWith("-")) goals.push(word);
  }
  if (cwd === undefined) return;
  const [text, found] = file ? [await textOf(a, file), dirname(file)] : ((await nearest(a, cwd, ["justfile", "Justfile", ".justfile"])) ?? []);
  dir ??= found;
  if (text === undefined || dir === undefined || text.length > 256 * 1024) return;
  const recipes = new Map<string, { quiet: boolean; params: string[]; deps: string[]; body: string[] }>();
  const values = new Map<string, string>();
  let current: { body: string[] } | undefined;
  let first: string | undefined;
  let windows = false;
  for (const line of text.split("\n")) {
    if (current && /^[ \t]+\S/.test(line)) {
      current.body.push(line.trim());
      continue;
    }
    current = undefined;
    // `[windows]` before a recipe: the one for Windows, in PowerShell, beside the Unix one.
    if (line.startsWith("[")) {
      windows ||= /\bwindows\b/.test(line);
      continue;
    }
    const assigned = /^(?:export\s+)?([A-Za-z_][\w-]*)\s*:=\s*(["']?)([^"'{}$]*)\2\s*$/.exec(line);
    if (assigned) values.set(assigned[1] as string, assigned[3] as string);
    const head = /^(@?)([A-Za-z_][\w-]*)([^:=]*):(?!=)\s*([^#]*)/.exec(line);
    const skip = windows;
    windows = false;
    if (!head || assigned || skip) continue;
    const recipe = { quiet: head[1] === "@", params: (head[3] as string).trim().split(/\s+/).filter(Boolean), deps: (head[4] as string).replace(/[()"']/g, " ").split(/\s+/).filter(Boolean), body: [] };
    recipes.set(head[2] as string, recipe);
    current = recipe;
    first ??= head[2];
  }
  const recipe = (name: string, given: string[]): Recipe | undefined => {
    const found = recipes.get(name);
    if (!found) return undefined;
    const own = new Map(values);
    found.params.forEach((param, k) => {
      const [key, fallback] = param.replace(/^[+*$]/, "").split("=");
      own.set(key as string, given[k] ?? fallback?.replace(/["']/g, "") ?? UNKNOWN);
    });
    const filled = (line: string) => line.replace(/\{\{\s*(?:env_var(?:_or_default)?\(\s*["'](\w+)["'][^}]*|([\w-]+))\s*\}\}/g, (_, env?: string, key?: string) => (env ? `\${${env}}` : (own.get(key ?? "") ?? `\${${key}}`))).replace(/\{\{[^}]*\}\}/g, "${JUST}");
    return {
      deps: found.deps,
      echoed: quiet || found.quiet ? undefined : found.body.map((line) => (line.startsWith("@") ? undefined : /env_var(?:_or_default)?\(\s*["'](\w+)/.exec(line)?.[1])).find((n) => n !== undefined && a.secret(n)),
      script: found.body.map((line) => filled(line).replace(/^[@-]+/, "")).join("\n"),
    };
  };
  const goal = goals[0] ?? first;
  if (goal !== undefined) await runRecipes(a, ["just", "just recipe", "-q", "`@`"], [[goal, goals.slice(1)]], recipe, dir, state);
}

/**
 * The commands go-task runs (`task show`: Taskfile.yml's task, or `default`), its `deps` and the
 * tasks its commands call first, read as make's recipes are. The YAML is read by its lines, as
 * Taskfiles are written: `cmds` items (`- cat .env`, `- cmd: …`, `- |` blocks, `- task: other`), a
 * task given as a string, and `{{.NAME}}` as the shell's `${NAME}`.
 */
export async function taskfile(a: Analyzer, args: Arg[], state: State): Promise<void> {
  let dir = state.cwd;
  let file: string | undefined;
  let silent = false;
  const goals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = (args[i] as Arg).text;
    silent ||= /^(-s|--silent)$/.test(word);
    if (/^(-d|--dir|-t|--taskfile)$/.test(word)) {
      const value = args[++i]?.text;
      if (value === undefined || value.includes(UNKNOWN) || dir === undefined) return;
      if (/^-(d|-dir)$/.test(word)) dir = toAbsolute(value, dir, a.env.ctx.home);
      else file = value;
    } else if (/^(-l|--list|--list-all|--summary|--init|--version)$/.test(word) || word === "--") break;
    else if (!word.startsWith("-") && !word.includes("=")) goals.push(word);
  }
  if (dir === undefined) return;
  const path = file && toAbsolute(file, dir, a.env.ctx.home);
  const [text, found] = path ? [await textOf(a, path), dir] : ((await nearest(a, dir, ["Taskfile.yml", "taskfile.yml", "Taskfile.yaml", "taskfile.yaml"])) ?? []);
  dir = found;
  if (text === undefined || dir === undefined || text.length > 256 * 1024) return;
  const tasks = new Map<string, { deps: string[]; cmds: string[]; silent?: boolean }>();
  let current: { deps: string[]; cmds: string[]; silent?: boolean } | undefined;
  let indent = -1;
  let block: number | undefined;
  let inTasks = false;
  // `includes: { docs: ./docs }`: `task docs:show` runs the show task of that Taskfile.
  const includes = new Map<string, string>();
  let section = "";
  let include = "";
  let includeDepth = -1;
  for (const line of text.split("\n")) {
    const depth = line.length - line.trimStart().length;
    const body = line.trim();
    if (block !== undefined && (depth > block || body === "")) {
      current?.cmds.push(body);
      continue;
    }
    block = undefined;
    if (depth === 0 && body !== "" && !body.startsWith("#")) {
      inTasks = /^tasks:\s*$/.test(line);
      section = body;
    }
    // An include's name at the section's first level; its `taskfile:` (or its value) the file.
    const entry = section === "includes:" && depth > 0 ? /^([\w.-]+):\s*["']?([^"'#]*)/.exec(body) : null;
    if (entry && (includeDepth < 0 || depth === includeDepth)) {
      includeDepth = depth;
      includes.set((include = entry[1] as string), (entry[2] as string).trim());
    } else if (entry?.[1] === "taskfile") includes.set(include, (entry[2] as string).trim());
    if (body === "silent: true") (depth === 0 ? (silent = true) : current && (current.silent = true));
    if (!inTasks || depth === 0 || body === "" || body.startsWith("#")) continue;
    if (indent < 0) indent = depth;
    const key = /^([\w:.-]+):\s*(.*)$/.exec(body);
    if (depth === indent && key) {
      current = { deps: [], cmds: key[2] ? [key[2]] : [] };
      tasks.set(key[1] as string, current);
    } else if (current && depth > indent) {
      const item = /^(?:-\s*)?(?:(cmd|task|deps):)?\s*(.*)$/.exec(body);
      const value = (item?.[2] ?? "").replace(/^["']|["']$/g, "");
      if (item?.[1] === "deps") current.deps.push(...value.replace(/[[\]]/g, "").split(/[\s,]+/).filter(Boolean));
      else if (item?.[1] === "task") current.deps.push(value);
      else if (body.startsWith("-") && /^\|[-+]?$|^>[-+]?$/.test(value)) block = depth;
      else if (body.startsWith("-") && !/^\w+:/.test(value)) current.cmds.push(value);
      else if (item?.[1] === "cmd") current.cmds.push(value);
    }
  }
  const recipe = (name: string): Recipe | undefined => {
    const task = tasks.get(name);
    return task && {
      deps: task.deps,
      // task echoes each command, its {{.NAME}} filled in, unless silent.
      echoed: silent || task.silent ? undefined : [...task.cmds.join(" ").matchAll(/\{\{\s*\.(\w+)/g)].map((m) => m[1] as string).find((n) => a.secret(n)),
      script: task.cmds.map((c) => c.replace(/\{\{\s*\.([A-Za-z_]\w*)\s*\}\}/g, "${$1}").replace(/\{\{[^}]*\}\}/g, "${TASK}")).join("\n"),
    };
  };
  await runRecipes(a, ["task", "task", "-s", "`silent: true`"], (goals.length > 0 ? goals : ["default"]).map((g) => [g, []]), recipe, dir, state);
  for (const goal of goals) {
    const at = goal.indexOf(":");
    const path = at > 0 ? includes.get(goal.slice(0, at)) : undefined;
    if (!path) continue;
    const file = /\.ya?ml$/.test(path) ? path : `${path}/Taskfile.yml`;
    await taskfile(a, [{ text: "-t", raw: "-t" }, { text: file, raw: file }, { text: goal.slice(at + 1), raw: goal }], { ...state, cwd: dir });
  }
}
