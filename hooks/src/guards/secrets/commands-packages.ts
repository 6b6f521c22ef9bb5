/** Scripts a package manager runs by name: package.json's (npm, yarn, pnpm, bun), deno.json's tasks, composer.json's. */

import { UNKNOWN, type Arg } from "../../shell/expand.js";
import { textOf, type Analyzer, type State } from "./analysis-types.js";
import { toAbsolute } from "../../runtime/paths.js";

/** bun's own commands, which a script's name does not stand for (`bun test`, `bun add`). */
const BUN_OWN = " test add a remove rm update upgrade x build init create pm link unlink publish outdated patch exec repl audit info why ";

/** npm's lifecycle scripts, which it runs without `run` (`npm test`, `npm t`, `npm ci`). */
const LIFECYCLE = " test t tst start stop restart install i ci ";

/**
 * A script package.json names (`npm run show`, `npm test`, `yarn show`, `pnpm show`, `bun run show`),
 * with the `pre` and `post` scripts npm runs around it, read as a shell script on disk is: a line
 * added to package.json is no way around the guard. Arguments go on the end of the line.
 */
export async function packageScript(a: Analyzer, name: string, args: Arg[], state: State): Promise<void> {
  const words = args.map((w) => w.text);
  // npm reads its own options after the name too (`npm run show --prefix api`), up to a `--`.
  const end = name === "npm" ? (words.indexOf("--") + 1 || words.length + 1) - 1 : words.length;
  let dir = state.cwd;
  let run = false;
  let at: number | undefined;
  for (let i = words[0] === "npm" ? 1 : 0; i < end; i++) {
    const word = words[i] as string;
    // `npm --prefix api run show`, `pnpm -C api show`, `npm run show -w api`: that folder's package.json.
    // `yarn workspace api show`: the workspace, then the script.
    const option = /^(--prefix|-C|--dir|--cwd|-w|--workspace|--filter|-F)(?:=(.*))?$/.exec(word) ?? (name === "yarn" && i === 0 ? /^workspace$/.exec(word) : null);
    if (option) {
      const value = option[2] ?? words[++i];
      if (value === undefined || value.includes(UNKNOWN) || dir === undefined) return;
      const folder = toAbsolute(value, dir, a.env.ctx.home);
      // A workspace given by its folder, or by the name in its package.json (`-w @acme/api`).
      const named = /^(--prefix|-C|--dir|--cwd)/.test(word) || (await a.env.ctx.io.exists(`${folder}/package.json`)) ? folder : await workspace(a, dir, value);
      if (named === undefined) return;
      dir = named;
    } else if (at === undefined && !run && /^(run(-script)?|rum|urn|task)$/.test(word)) run = true;
    else if (at === undefined && !word.startsWith("-")) {
      at = i;
      if (name !== "npm") break;
    }
  }
  // A bare `yarn` (options aside) is `yarn install`.
  const script = at === undefined ? (name === "yarn" && !run ? "install" : undefined) : words[at];
  // npm and bun run a script by name only after `run`, but for npm's lifecycle ones (`npm test`);
  // deno only after `task`, from deno.json's tasks; composer from composer.json's scripts.
  // bun runs a script by its name alone (`bun dev`) unless the name is one of its own commands
  // (`bun test` is its test runner, not the test script); `bun install` runs the install scripts.
  if (!script || script.includes(UNKNOWN) || dir === undefined || (!run && (name === "npm" || name === "deno") && !LIFECYCLE.includes(` ${script} `)) || (name === "bun" && !run && BUN_OWN.includes(` ${script} `))) return;
  const file = `${dir}/${name === "deno" ? "deno" : name === "composer" ? "composer" : "package"}.json`;
  const json = await jsonObject(a, file);
  // No package.json the package manager can read: it runs nothing.
  if (!json) return;
  const scripts = ((name === "deno" ? json.tasks : json.scripts) ?? {}) as Record<string, unknown>;
  const key = script === "t" || script === "tst" ? "test" : script === "i" || script === "ci" ? "install" : script;
  // The words after the name, but npm's own options before a `--`.
  const rest = args.slice(at === undefined ? args.length : at + 1).map((w) => w.raw);
  const dashes = rest.indexOf("--");
  const extra = rest.filter((w, k) => w !== "--" && (name !== "npm" || !w.startsWith("-") || (dashes >= 0 && k > dashes)));
  // npm install runs the package's own install scripts, and prepare, after the dependencies;
  // composer install and update their events' scripts, and post-autoload-dump.
  const events = name === "composer" ? (/^(install|update|i|u)$/.test(key) ? [`pre-${key}-cmd`, `post-${key}-cmd`, "post-autoload-dump"] : []) : [`pre${key}`, `post${key}`, ...(key === "install" ? ["prepare"] : [])];
  // --ignore-scripts skips the pre, post and install scripts; a script asked for by name still runs.
  const ignored = words.includes("--ignore-scripts");
  for (const each of ignored ? (key === "install" ? [] : [key]) : [key, ...events]) {
    // With no start script, npm start runs `node server.js`.
    let line = Object.hasOwn(scripts, each) ? scripts[each] : each === "start" ? "node server.js" : undefined;
    // deno's `{ "command": … }`; composer's lists of commands, with `@php …` and `@other` (a script).
    if (typeof line === "object" && line !== null && !Array.isArray(line)) line = (line as { command?: unknown }).command;
    const text = (Array.isArray(line) ? line : [line]).map((c) => (typeof c !== "string" ? "" : name === "composer" ? c.replace(/^@(?!php |composer )/, "composer run ").replace(/^@/, "") : c)).join("\n");
    if (text.trim() !== "") await a.shellScript(each === key ? [text, ...extra].join(" ") : text, `the package script \`${each}\``, { vars: state.vars, cwd: dir }, `${file}\0${each}`);
  }
}

/** A JSON file's object as the command leaves it (`{}` when there is no file); undefined when it cannot be read, is not JSON, or holds no object. */
async function jsonObject(a: Analyzer, file: string): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse((await textOf(a, file)) ?? "{}");
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The workspace folders the root's package.json (`"workspaces": ["packages/*"]`) or pnpm-workspace.yaml
 * (`- 'apps/*'`) lists: folders, or a folder's subfolders (`/*`, `/**` taken as one level).
 */
async function workspaceFolders(a: Analyzer, root: string): Promise<string[]> {
  const listed = (await jsonObject(a, `${root}/package.json`))?.workspaces;
  const pnpm = (await a.env.ctx.io.readText(`${root}/pnpm-workspace.yaml`)) ?? "";
  const globs = [...(Array.isArray(listed) ? listed : ((listed as { packages?: unknown } | undefined)?.packages as unknown[] | undefined) ?? []), ...[...pnpm.matchAll(/^\s*-\s*["']?([^"'#\s]+)/gm)].map((m) => m[1])];
  const out: string[] = [];
  for (const glob of globs) {
    if (typeof glob !== "string" || glob.includes(UNKNOWN)) continue;
    const base = glob.replace(/\/\*\*?$/, "");
    const folders = base === glob ? [base] : ((await a.env.ctx.io.list(`${root}/${base}`)) ?? []).filter((e) => e.kind === "dir").map((e) => `${base}/${e.name}`);
    out.push(...folders.map((folder) => toAbsolute(folder, root, undefined)));
  }
  return out;
}

/** The folder of the workspace whose package.json is named `name`. */
async function workspace(a: Analyzer, root: string, name: string): Promise<string | undefined> {
  for (const folder of await workspaceFolders(a, root)) if ((await jsonObject(a, `${folder}/package.json`))?.name === name) return folder;
  return undefined;
}

/** nx's and turbo's own commands, which name no task (`nx graph`, `turbo prune`). */
const NX_OWN = " add affected connect daemon exec format format:check format:write g generate graph import init list migrate release repair report reset run run-many show sync view-logs watch login logout ";
const TURBO_OWN = " run watch login logout link unlink prune gen generate ls query info scan telemetry bin boundaries devtools daemon ";

/**
 * The package scripts a monorepo runner runs in its workspaces: `turbo run show` (`turbo show`),
 * `lerna run show`, `nx run api:show`, `nx run-many -t show`, `nx show api` as `nx <target> <project>`:
 * the script by each task's name in every workspace package that has one (at most 64), read as
 * `npm run` reads one.
 */
export async function workspaceScripts(a: Analyzer, name: string, args: Arg[], state: State): Promise<void> {
  const words = args.map((w) => w.text);
  const first = words.find((w) => !w.startsWith("-")) ?? "";
  const tasks: string[] = [];
  if (name === "nx") {
    for (const [i, word] of words.entries()) {
      const option = /^--?(t|targets?)(?:=(.*))?$/.exec(word);
      if (option) tasks.push(...(option[2] ?? words[i + 1] ?? "").split(","));
    }
    if (first === "run") tasks.push(words[words.indexOf("run") + 1]?.split(":")[1] ?? "");
    else if (!NX_OWN.includes(` ${first} `)) tasks.push(first);
  } else {
    const at = words.findIndex((w) => w === "run" || (name === "turbo" && w === "watch"));
    if (name === "lerna" ? at === -1 : at === -1 && TURBO_OWN.includes(` ${first} `)) return;
    for (const [i, word] of words.slice(at + 1).entries()) if (!word.startsWith("-") && !/^(--filter|-F|--scope|--ignore|--concurrency|--cache-dir|--output-logs|--log-order|--env-mode)$/.test(words[at + i] ?? "")) tasks.push(word);
    if (name === "lerna") tasks.splice(1);
  }
  const root = state.cwd;
  if (root === undefined) return;
  let folders = await workspaceFolders(a, root);
  // nx finds projects by their project.json too, where a target's run-commands are its command lines.
  if (name === "nx") for (const base of ["apps", "libs", "packages"]) for (const e of (await a.env.ctx.io.list(`${root}/${base}`)) ?? []) if (e.kind === "dir") folders.push(`${root}/${base}/${e.name}`);
  folders = [...new Set(folders)].slice(0, 64);
  for (const task of tasks) {
    if (task === "" || task.includes(UNKNOWN)) continue;
    for (const folder of folders) {
      await packageScript(a, "npm", [{ text: "run", raw: "run" }, { text: task, raw: task }], { ...state, cwd: folder });
      const options = ((((await jsonObject(a, `${folder}/project.json`))?.targets as Record<string, { options?: { command?: unknown; commands?: unknown } }> | undefined) ?? {})[task] ?? {}).options;
      const lines = [options?.command, ...(Array.isArray(options?.commands) ? options.commands : [])].map((c) => (typeof c === "string" ? c : (c as { command?: unknown } | undefined)?.command)).filter((c): c is string => typeof c === "string");
      if (lines.length > 0) await a.shellScript(lines.join("\n"), `nx's target \`${task}\``, { vars: state.vars, cwd: root }, `${folder}\0nx\0${task}`);
    }
  }
}
