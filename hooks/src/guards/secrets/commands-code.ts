/** Commands that run other code: shells (-c and scripts), ssh, tmux, docker and kubectl exec, interpreters, awk. */

import type { HostIO } from "../../runtime/io.js";
import { UNKNOWN, type Arg } from "../../shell/expand.js";
import { copy, hiddenCode, quoteWord, within, type Analyzer, type State } from "./analysis-types.js";
import { COMPOSE_VALUE_OPTIONS, SCRIPT_RUNNERS } from "./command-rules.js";
import { dotenvPaths, environmentAliases, environmentDump, interpolated, loadsDotenv, moduleAliases, pathTokens, PRINTS, printedSecretVariable, printedThroughName, printsLoadedValue, readsDotenv, readsListedFolder } from "./inline-code.js";
import { optionValues, parseOptions } from "./options.js";
import { dirname, toAbsolute } from "../../runtime/paths.js";
import { codeImports } from "./code-imports.js";
import { EVERYTHING } from "./tree-search.js";

/** A shell's code: `-c`, a script file, or stdin (its text, or how the command hides it: `unreadable`). */
export async function shell(a: Analyzer, name: string, args: Arg[], stdinText: string | undefined, state: State, unreadable?: string): Promise<void> {
  const parsed = parseOptions(args, { valueShort: "oO", valueLong: ["--rcfile", "--init-file"] });
  const code = parsed.options.some((o) => o.name === "-c") ? parsed.operands[0] : undefined;
  if (code) {
    if (code.text.includes(UNKNOWN)) a.dynamic(code.raw, `\`${name} -c\` runs`);
    else await a.source(code.text, copy(state), `This \`${name} -c\``);
    return;
  }
  const script = parsed.options.some((o) => o.name === "-s") ? undefined : parsed.operands[0];
  if (script) {
    await a.file(script, state, `Running as a script`);
    await a.scriptFile(script, state);
    return;
  }
  // `sh <<< "$X"`: code only known when it runs, as `sh -c "$X"` is.
  if (stdinText?.includes(UNKNOWN)) a.findings.push(hiddenCode(`\`${name}\``, "builds at run time"));
  else if (stdinText !== undefined) await a.source(stdinText, copy(state), `The script fed to \`${name}\``);
  else if (unreadable) a.findings.push(hiddenCode(`\`${name}\``, unreadable));
}

export async function ssh(a: Analyzer, args: Arg[]): Promise<void> {
  const parsed = parseOptions(args, { valueShort: "bcDEeFIiJLlmOoPpQRSWw" });
  const remote = parsed.operands.slice(1).map((w) => w.text).join(" ");
  if (remote !== "" && !remote.includes(UNKNOWN)) await a.source(remote, { vars: new Map(), cwd: undefined }, "The remote command of `ssh`");
}

/**
 * A command run on a machine the tool reaches, whose output comes back as ssh's does: `fly ssh console
 * -C`, `vagrant ssh -c`, `gcloud compute ssh --command`, `lima cmd`, `limactl shell VM cmd`, `colima
 * ssh -- cmd`. Whether it runs one.
 */
export async function remoteCommand(a: Analyzer, name: string, args: Arg[]): Promise<boolean> {
  const words = args.map((w) => w.text);
  const dashes = words.indexOf("--");
  const code =
    /^fly(ctl)?$/.test(name) && words[0] === "ssh" ? optionValues(parseOptions(args, { valueShort: "C", valueLong: ["--command"] }), "-C", "--command")[0]?.text
    : name === "vagrant" && words[0] === "ssh" ? optionValues(parseOptions(args, { valueShort: "c", valueLong: ["--command"] }), "-c", "--command")[0]?.text
    : name === "gcloud" && words.includes("ssh") ? optionValues(parseOptions(args, { valueLong: ["--command"] }), "--command")[0]?.text
    : name === "lima" ? words.join(" ")
    : name === "limactl" && words[0] === "shell" ? parseOptions(args.slice(1), { valueLong: ["--workdir", "--shell"] }).operands.slice(1).map((w) => w.text).join(" ")
    : name === "colima" && words[0] === "ssh" && dashes !== -1 ? words.slice(dashes + 1).join(" ")
    : undefined;
  if (code) await a.source(code, { vars: new Map(), cwd: undefined }, `The command \`${name}\` runs on the machine it reaches`);
  return Boolean(code);
}

/** hyperfine's options whose value is a command it runs, and those whose value is anything else. */
const HYPERFINE_COMMANDS = /^(-[spc]|--(setup|prepare|conclude|cleanup|reference))$/;
const HYPERFINE_VALUES = /^(-[wmMrDSun]|--(warmup|min-runs|max-runs|runs|parameter-step-size|shell|style|time-unit|export-\w+|output|input|command-name|sort|min-benchmarking-time))$/;

/**
 * hyperfine runs its commands through a shell, each judged as run (its output is dropped unless
 * `--show-output` shows it, as `bash -c 'cat .env' > /dev/null` drops it, and is judged the same way),
 * once for each value of a `-L name a,b` list it names (`cat {f}`), with `--input`'s file on its stdin.
 */
export async function hyperfine(a: Analyzer, args: Arg[], state: State): Promise<void> {
  const commands: string[] = [];
  const lists: Array<{ name: string; values: string[] }> = [];
  for (let i = 0; i < args.length; i++) {
    const word = (args[i] as Arg).text;
    const eq = word.startsWith("--") ? word.indexOf("=") : -1;
    const flag = eq > 0 ? word.slice(0, eq) : word;
    const value = eq > 0 ? { text: word.slice(eq + 1), raw: word } : args[i + 1];
    if (flag === "-L" || flag === "--parameter-list") {
      lists.push({ name: args[i + 1]?.text ?? "", values: (args[i + 2]?.text ?? "").split(",") });
      i += 2;
    } else if (flag === "-P" || flag === "--parameter-scan") i += 3;
    else if (HYPERFINE_COMMANDS.test(flag) || HYPERFINE_VALUES.test(flag)) {
      if (HYPERFINE_COMMANDS.test(flag)) commands.push(value?.text ?? "");
      if (flag === "--input" && value && value.text !== "null") await a.file(value, state, "`hyperfine --input` feeds its commands");
      if (eq < 0) i += 1;
    } else if (!word.startsWith("-")) commands.push(word);
  }
  for (const command of commands) {
    let variants = [command];
    for (const list of lists) variants = variants.flatMap((v) => (v.includes(`{${list.name}}`) ? list.values.map((x) => v.replaceAll(`{${list.name}}`, x)) : [v]));
    for (const variant of variants) {
      if (variant.includes(UNKNOWN)) a.dynamic(variant, "`hyperfine` runs");
      else await a.source(variant, copy(state), "The command `hyperfine` runs");
    }
  }
}

/**
 * `sops exec-env FILE 'cmd'` runs cmd with the file's secrets in its environment (judged here whole);
 * `exec-file FILE 'cmd {}'` gives cmd the decrypted file, which a reader prints (an app given it is
 * judged as run, with the rest of the command). Whether the command was judged whole.
 */
export async function sops(a: Analyzer, args: Arg[], state: State): Promise<boolean> {
  const mode = args[0]?.text ?? "";
  const code = /^exec-(env|file)$/.test(mode) ? args.filter((w) => !w.text.startsWith("-"))[2] : undefined;
  if (code && mode === "exec-env") await a.source(code.text, copy(state), "The command `sops exec-env` runs");
  else if (code && /^(cat|head|tail|less|more|bat|jq|yq|grep|awk|sed|strings|xxd|od|base64|tee)$/.test(code.text.trim().split(/\s/)[0] ?? "")) {
    a.leak("a secrets file decrypted", `\`sops exec-file\` gives \`${code.raw}\`, which prints`);
  }
  return code !== undefined && mode === "exec-env";
}

/**
 * `cmd /c type .env` (Windows; `cmd //c` from Git Bash): read as the shell line it matches, with
 * `type` and `more` as cat, `%NAME%` as `$NAME`, and a bare `set` printing the environment as bash's does.
 */
export async function cmd(a: Analyzer, args: Arg[], state: State): Promise<void> {
  const at = args.findIndex((w) => /^\/\/?[ck]$/i.test(w.text));
  const line = at === -1 ? "" : args.slice(at + 1).map((w) => w.text).join(" ");
  if (line.includes(UNKNOWN)) a.dynamic(line, "`cmd /c` runs");
  else if (line) await a.source(line.replace(/%(\w+)%/g, "$$$1").replace(/(^|[&|(]\s*)(type|more)\b/gi, "$1cat").replace(/(^|[&|(]\s*)set(?=\s*($|[&|)]))/gi, "$1env"), copy(state), "The command `cmd /c` runs");
}

/** A command tmux runs in a new pane, or types into one (`send-keys 'cat .env' Enter`, read back with capture-pane). */
export async function tmux(a: Analyzer, args: Arg[], state: State): Promise<void> {
  const sub = args.findIndex((w) => /^(new|split|respawn|run|send|display-p|popup)/.test(w.text));
  const rest = sub === -1 ? [] : parseOptions(args.slice(sub + 1), { valueShort: "bcefFhlnNstTwxy" }).operands;
  const text = rest.map((w) => w.text).join(" ");
  if (text.includes(UNKNOWN)) a.dynamic(rest.map((w) => w.raw).join(" "), "`tmux` runs");
  else if (text) await a.source(text, copy(state), "The command `tmux` runs");
}

/**
 * jq and yq: the first operand is a filter, not a file (`jq .env package.json` reads the key env), in
 * which `env` and `$ENV` (yq: `env(NAME)`) read the environment (`env | keys` its names alone); the other operands are files.
 */
export async function jq(a: Analyzer, name: string, args: Arg[], state: State): Promise<void> {
  // Files given with options (--rawfile, --slurpfile, -f), and operands: the filter, then input files.
  const files: Arg[] = [];
  const operands: Arg[] = [];
  let program = false;
  for (let i = 0; i < args.length; i++) {
    const text = (args[i] as Arg).text;
    if (text === "--args" || text === "--jsonargs") break;
    if (/^--(arg|argjson|slurpfile|rawfile)$/.test(text)) {
      i += 2;
      if (text.endsWith("file") && args[i]) files.push(args[i] as Arg);
    } else if (text === "-L" || text === "--indent") i += 1;
    else if (text === "-f" || text === "--from-file") {
      // The filter comes from a file: every operand is input.
      program = true;
      if (args[++i]) files.push(args[i] as Arg);
    } else if (!text.startsWith("-") || text === "-") operands.push(args[i] as Arg);
  }
  // yq's eval subcommand comes before its expression.
  if (name === "yq" && /^(e|eval|ea|eval-all)$/.test(operands[0]?.text ?? "")) operands.shift();
  // String literals are text (`"node --env-file=.env"`), unless they interpolate (`"\(env.TOKEN)"`).
  const filter = program ? "" : (operands.shift()?.text ?? "").replace(/"(?:[^"\\]|\\[^(])*"/g, '""');
  if (/(?:\$ENV\b(?!\s*\.)|(^|[^.\w$])env\b(?!\s*[.([]))(?!\s*\|\s*(keys|keys_unsorted|length)\b)/.test(filter)) a.leak("the whole environment", `The \`${name}\` filter prints`);
  for (const m of filter.matchAll(/(?:\$ENV|(?<![.\w$])env)\.(\w+)|(?<![.\w$])(?:str)?env\(\s*(\w+)/g)) {
    const variable = m[1] ?? m[2] ?? "";
    if (a.secret(variable)) a.leak(`the secret variable ${variable}`, `The \`${name}\` filter prints`);
  }
  for (const file of [...files, ...operands]) await a.file(file, state, `\`${name}\` reads`);
}

/** Whether `docker inspect`'s output can hold the environment: with no --format, or one that asks for it. */
function inspectPrintsEnvironment(args: Arg[]): boolean {
  const formats: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const text = (args[i] as Arg).text;
    if (text === "-f" || text === "--format") formats.push(args[i + 1]?.text ?? "");
    else if (text.startsWith("--format=")) formats.push(text.slice("--format=".length));
    else if (/^-f./.test(text)) formats.push(text.slice(2));
  }
  if (formats.length === 0) return true;
  // `{{json .}}`, `{{.Config}}` and `{{json .Config}}` print the Env list along with the rest.
  return formats.some((format) => format.includes(UNKNOWN) || /\bEnv\b|\{\{\s*(json\s+)?\.(Config)?\s*\}\}|^json$/.test(format));
}

/** A .dockerignore line as a RegExp over a path from the context's root (a folder's line takes what is below it). */
function dockerPattern(line: string): RegExp {
  const clean = line.replace(/^(\.?\/)+/, "").replace(/\/+$/, "");
  let re = "";
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i] as string;
    if (c === "*" && clean[i + 1] === "*") {
      re += clean[i + 2] === "/" ? "(.*/)?" : ".*";
      i += clean[i + 2] === "/" ? 2 : 1;
    } else re += c === "*" ? "[^/]*" : c === "?" ? "[^/]" : /[.+^${}()|[\]\\]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${re}(/.*)?$`);
}

/**
 * `docker build .` sends the context to the daemon, and the Dockerfile's `COPY . .` (or `ADD`) puts
 * its files into the image, which is pushed on: a secret among them that .dockerignore does not leave
 * out goes with it, as with `COPY .env .`.
 */
async function dockerBuild(a: Analyzer, name: string, args: Arg[], state: State): Promise<void> {
  const parsed = parseOptions(args, { valueShort: "ftom", valueLong: ["--file", "--tag", "--target", "--build-arg", "--platform", "--label", "--output", "--cache-from", "--cache-to", "--secret", "--ssh", "--network", "--progress", "--iidfile", "--metadata-file", "--build-context", "--builder", "--add-host", "--shm-size", "--memory"] });
  const context = parsed.operands[0];
  const io = a.env.ctx.io;
  if (!context || state.cwd === undefined || context.text === "-" || context.text.includes(UNKNOWN) || context.text.includes("://")) return;
  const root = toAbsolute(context.text, state.cwd, a.env.ctx.home);
  const file = optionValues(parsed, "-f", "--file")[0];
  const dockerfile = await io.readText(file && file.text !== "-" ? toAbsolute(file.text, state.cwd, a.env.ctx.home) : `${root}/Dockerfile`).catch(() => undefined);
  const ignores = ((await io.readText(`${root}/.dockerignore`).catch(() => undefined)) ?? "").split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
  const lines = ignores.map((l) => ({ back: l.startsWith("!"), pattern: dockerPattern(l.replace(/^!/, "")) }));
  // The last line that matches decides, a `!` line taking a path back.
  const ignored = (rel: string) => lines.reduce((out, l) => (l.pattern.test(rel) ? !l.back : out), false);
  for (const m of (dockerfile ?? "").matchAll(/^\s*(?:COPY|ADD)\s+(?![^\n]*--from)([^\n]+)/gim)) {
    const words = (m[1] as string).split(/\s+/).filter((w) => w !== "" && !w.startsWith("--"));
    for (const source of words.slice(0, -1)) {
      const whole = /^(\.\/?|\*)$/.test(source);
      const how = `\`${name} build ${context.raw}\` copies \`${source}\` into the image, and with it`;
      const before = a.findings.length;
      await a.tree({ text: whole ? root : `${root}/${source}`, raw: source }, state, EVERYTHING, how, async (found) =>
        found.flatMap((f) => (f.kind !== "search" ? [f] : ignored(f.hit.path.slice(root.length + 1)) ? [] : [{ kind: "file" as const, hit: f.hit, how }])),
      );
      for (const f of a.findings.slice(before)) if (f.kind === "file") f.instead = "leave it out of the image: add it to .dockerignore, or copy only the paths the image needs.";
    }
  }
}

/** An image built from a context, as `docker build` builds it (buildah, nerdctl, depot and finch take its arguments). */
export async function imageBuild(a: Analyzer, name: string, args: Arg[], state: State, compose = false): Promise<void> {
  // `docker build -f .env .`: the Dockerfile's lines come back in its parse errors (`unknown instruction: API_KEY=…`).
  for (const [i, w] of args.entries()) {
    const file = /^(-f|--file)$/.test(w.text) ? args[i + 1] : /^(-f|--file)=/.test(w.text) ? { ...w, text: w.text.replace(/^[^=]*=/, "") } : undefined;
    if (file) await a.file(file, state, `\`${name} build -f\` reads, and its parse errors print the lines of,`);
  }
  if (!compose) await dockerBuild(a, name, args, state);
}

/**
 * Deploys that build the folder's Dockerfile elsewhere and ship the image: `fly deploy` (unless
 * --image), `railway up`, `gcloud run deploy --source .`, `gcloud builds submit --tag …`; judged as
 * `docker build` of that folder (their first operand, or the current folder).
 */
export async function deployBuild(a: Analyzer, name: string, args: Arg[], state: State): Promise<void> {
  const words = args.map((w) => w.text);
  const at = (option: string) => words.findIndex((w) => w === option || w.startsWith(`${option}=`));
  const value = (option: string) => {
    const w = args[at(option)];
    return w?.text.includes("=") ? { ...w, text: w.text.slice(option.length + 1) } : w && args[at(option) + 1];
  };
  const skip = name === "gcloud" ? 2 : 1;
  const operand = args.slice(skip).find((w, i, rest) => !w.text.startsWith("-") && !/^-/.test(rest[i - 1]?.text ?? "")) ?? { text: ".", raw: "." };
  const context =
    /^fly(ctl)?$/.test(name) ? (words[0] === "deploy" && at("--image") === -1 ? operand : undefined)
    : name === "railway" ? (words[0] === "up" ? operand : undefined)
    : words[0] === "run" && words[1] === "deploy" ? value("--source")
    : words[0] === "builds" && words[1] === "submit" && at("--tag") !== -1 ? operand
    : undefined;
  const dockerfile = /^fly/.test(name) ? value("--dockerfile") : undefined;
  if (context) await dockerBuild(a, name, [...(dockerfile ? [{ text: "-f", raw: "-f" }, dockerfile] : []), context], state);
}

/**
 * `docker compose build [SERVICE…]`, `up --build`, `run --build`: each service's image built as `docker
 * build` builds it, from the `build:` its compose file gives (a context, or `context:` and `dockerfile:`
 * below it), relative to the file's folder. The file is the first `-f`, else compose.yaml and its other
 * names; its lines are read by their indentation, which is how compose files are written.
 */
async function composeBuild(a: Analyzer, name: string, options: Arg[], rest: Arg[], state: State): Promise<void> {
  if (state.cwd === undefined) return;
  const given = optionValues(parseOptions(options, { valueShort: "fp", valueLong: ["--file", "--project-name", "--env-file", "--profile", "--project-directory"] }), "-f", "--file")[0];
  const names = given ? [toAbsolute(given.text, state.cwd, a.env.ctx.home)] : ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"].map((n) => `${state.cwd}/${n}`);
  let file = "";
  let text: string | undefined;
  for (const n of names) if (text === undefined) [file, text] = [n, await a.env.ctx.io.readText(n)];
  const services = rest.filter((w) => !w.text.startsWith("-")).map((w) => w.text);
  let service = "";
  let serviceIndent = -1;
  let build: { indent: number; context?: string; dockerfile?: string } | undefined;
  const contexts: Array<{ context: string; dockerfile?: string }> = [];
  const done = () => {
    if (build?.context !== undefined && (services.length === 0 || services.includes(service))) contexts.push({ context: build.context, ...(build.dockerfile ? { dockerfile: build.dockerfile } : {}) });
    build = undefined;
  };
  for (const line of `${text ?? ""}\n`.split("\n")) {
    const m = /^(\s*)([\w.-]+):\s*["']?([^"'#]*?)["']?\s*(#.*)?$/.exec(line);
    if (!m) continue;
    const indent = (m[1] as string).length;
    if (build && indent <= build.indent) done();
    if (build && m[2] === "context") build.context = m[3];
    else if (build && m[2] === "dockerfile") build.dockerfile = m[3];
    else if (m[2] === "build" && serviceIndent >= 0 && indent > serviceIndent) build = { indent, ...(m[3] ? { context: m[3] } : {}) };
    else if (indent > 0 && (serviceIndent === -1 || indent === serviceIndent) && m[3] === "") [service, serviceIndent] = [m[2] as string, indent];
  }
  done();
  for (const { context, dockerfile } of contexts) {
    const root = toAbsolute(context || ".", dirname(file), a.env.ctx.home);
    await dockerBuild(a, `${name} compose`, [...(dockerfile ? [{ text: "-f", raw: "-f" }, { text: toAbsolute(dockerfile, root, a.env.ctx.home), raw: dockerfile }] : []), { text: root, raw: context }], state);
  }
}

export async function container(a: Analyzer, name: string, args: Arg[], state: State): Promise<void> {
  // `docker exec CONTAINER cmd …` / `kubectl exec POD -- cmd …`: the command runs elsewhere, but its
  // output comes back here, so it is checked like a local one (with an unknown directory).
  // Past the global options and their values (`docker -H host exec`, `kubectl -n prod exec`).
  const globals = name === "kubectl" ? ["-n", "--namespace", "--context", "--kubeconfig", "--cluster", "--user", "-s", "--server"] : ["-H", "--host", "-c", "--context", "--config", "-l", "--log-level"];
  let sub = 0;
  while (args[sub]?.text.startsWith("-")) sub += globals.includes((args[sub] as Arg).text) ? 2 : 1;
  if (sub >= args.length) sub = -1;
  if (args[sub]?.text === "compose" || name === "docker-compose" || name === "podman-compose") {
    // `docker compose [-f file] exec SERVICE cmd`: the subcommand after compose's own options.
    for (let i = args[sub]?.text === "compose" ? sub + 1 : 0; i <= args.length; i++) {
      const text = args[i]?.text;
      if (text === undefined || !text.startsWith("-")) {
        sub = text === undefined ? -1 : i;
        break;
      }
      if (COMPOSE_VALUE_OPTIONS.includes(text)) i += 1;
    }
  }
  if (name !== "kubectl" && (args[sub]?.text === "inspect" || (["container", "image"].includes(args[sub]?.text ?? "") && args[sub + 1]?.text === "inspect"))) {
    if (inspectPrintsEnvironment(args)) {
      a.findings.push({
        kind: "environment",
        what: "a container's environment variables (in its configuration)",
        how: `\`${name} inspect\` prints`,
        instead: `ask only for the fields you need with --format (e.g. \`${name} inspect -f '{{.State.Status}}' NAME\`), or ask the user.`,
      });
    }
    return;
  }
  if (args[sub]?.text === "cp") {
    // `docker cp SRC DEST`: a local source (no `container:` or `ns/pod:` prefix) is copied out of
    // reach of the guard; a local destination is written, not read.
    const rest = args.slice(sub + 1);
    const operands = rest.filter((w, i) => !w.text.startsWith("-") && !/^(-c|--container|-n|--namespace|--context|--kubeconfig|--retries)$/.test(rest[i - 1]?.text ?? ""));
    for (const operand of operands.length === 2 ? operands.slice(0, 1) : operands) {
      if (!/^([\w.-]+\/)?[^/:]+:/.test(operand.text)) await a.tree(operand, state, EVERYTHING, `\`${name} cp\` copies`);
    }
    return;
  }
  // `docker build`, `docker buildx build`, `docker image build`, `docker builder build`.
  const build = name === "kubectl" ? 0 : args[sub]?.text === "build" ? 1 : args[sub]?.text === "buildx" || (/^(image|builder)$/.test(args[sub]?.text ?? "") && args[sub + 1]?.text === "build") ? 2 : 0;
  // Compose's build, and an `up` or `run` that builds, take their contexts from the compose file.
  const compose = args.slice(0, sub).some((w) => w.text === "compose") || name.endsWith("compose");
  if (build > 0) await imageBuild(a, name, args.slice(sub + build), state, compose);
  if (compose && (build === 1 || (/^(up|run|create)$/.test(args[sub]?.text ?? "") && args.some((w) => w.text === "--build")))) await composeBuild(a, name, args.slice(0, sub), build === 1 ? args.slice(sub + 1) : [], state);
  if (sub === -1 || !["exec", "run", "debug"].includes(args[sub]?.text ?? "")) {
    // Options only, a file source's value joined to it (`--from-env-file .env` as `--from-env-file=.env`).
    const options = args.flatMap((w, i) => (!w.text.startsWith("-") ? [] : /^--from(-env)?-file$/.test(w.text) && args[i + 1] ? [{ ...w, text: `${w.text}=${args[i + 1]?.text}` }] : [w]));
    // A ConfigMap keeps the values it loads in plain view, unlike a Secret; a server named on the command
    // line need not be the user's.
    const elsewhere = args.some((w) => /^(-s|--server|--kubeconfig)(=|$)/.test(w.text));
    await a.readsAll(options, state, `\`${name}\` reads`, undefined, elsewhere ? /^--/ : args.some((w) => w.text === "configmap" || w.text === "cm") ? /^--from(-env)?-file$/ : undefined);
    return;
  }
  // The options of exec or run, up to the container, image or pod; the command follows it (or `--`).
  let i = sub + 1;
  const mounts: Array<[string, string]> = [];
  for (; args[i]?.text.startsWith("-") && args[i]?.text !== "--"; i++) {
    const arg = args[i] as Arg;
    // `--volume=./:/src` and `-v./:/src` carry their value.
    const joined = /^(--volume=|--mount=|-v)(.+)$/.exec(arg.text);
    const option = joined ? (joined[1] === "-v" ? "-v" : (joined[1] as string).slice(0, -1)) : arg.text;
    if (!joined && !/^-(-(env|user|workdir|volume|name|env-file|publish|namespace|container|network|entrypoint|mount|label|platform|memory|hostname)|[ceuwvpnlmh])$/.test(option)) continue;
    if (!joined) i += 1;
    // A file mounted into the container (`-v "$PWD/.env:/e"`) is readable there; a mounted folder
    // is judged by the paths the command then names, written back as the host's (`cat /aws/credentials`
    // or `grep -r KEY /aws` with `-v ~/.aws:/aws`, or `--mount type=bind,src=…,dst=…`).
    const volume = joined ? { ...arg, text: joined[2] as string } : args[i];
    if (!volume || !/^(-v|--volume|--mount)$/.test(option)) continue;
    const [from, to] = option === "--mount" ? [/(?:^|,)(?:src|source)=([^,]+)/.exec(volume.text)?.[1], /(?:^|,)(?:dst|destination|target)=([^,]+)/.exec(volume.text)?.[1]] : volume.text.split(":");
    if (from && /^[./~]/.test(from)) {
      await a.file({ ...volume, text: from }, state, `\`${name}\` mounts`);
      if (to) mounts.push([to, from]);
    }
  }
  const command = args.slice(args[i]?.text === "--" ? i + 1 : args[i + 1]?.text === "--" ? i + 2 : i + 1);
  // Each word quoted as it was given: joined bare, `sh -c 'cat /w/.env'` would run `cat` alone.
  let text = command.map((w) => quoteWord(w.text)).join(" ");
  for (const [to, from] of mounts) {
    const inside = to.replace(/\/+$/, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    text = text.replace(new RegExp(`(?<=')${inside}(?=/|')`, "g"), toAbsolute(from, state.cwd ?? "/", a.env.ctx.home).replace(/\$/g, "$$$$"));
  }
  if (text !== "" && !text.includes(UNKNOWN)) await a.source(text, { vars: new Map(), cwd: undefined }, `The command \`${name}\` runs`);
}

/** A shell command line in a string the code runs (`os.system('cat .env')`, `execSync("…")`, perl's backticks). */
const SHELL_STRING = /\b(?:system|popen|exec|execSync|getoutput|check_output|check_call|shell_exec|passthru|subprocess\.(?:run|call|Popen)|do shell script|(?:c|ctx|conn|context)\.(?:run|sudo|local)|sh)\s*\(?\s*(["'])((?:\\.|(?!\1)[^\\])*)\1|`([^`$]*)`/g;

/** A preload that loads `.env` into the environment (`node -r dotenv/config`). */
const DOTENV_PRELOAD = /^dotenv\/config(\.js)?$/;
const DOTENV: Arg = { text: ".env", raw: ".env (loaded by dotenv)" };

/** The file a word takes whole from `cat` (`"$(cat x.py)"`, `<(cat x.py)`), named literally. */
function catOf(raw: string): Arg | undefined {
  const name = /^"?(?:\$|<)\(\s*cat\s+([\w./~-]+)\s*\)"?$/.exec(raw)?.[1];
  return name === undefined ? undefined : { text: name, raw: name };
}

export async function interpreter(
  a: Analyzer,
  name: string,
  args: Arg[],
  codeOptions: string[],
  stdinText: string | undefined,
  state: State,
  valueOptions: string[] = [],
  unreadable?: string,
): Promise<void> {
  const how = `\`${name}\``;
  // Files loaded into the environment before the code runs (`--env-file=.env`, `-r dotenv/config`).
  const loaded: Arg[] = [];
  const fromStdin = async () => {
    if (stdinText !== undefined) await inlineCode(a, stdinText, "<<heredoc", state, `The code fed to ${how}`, false, loaded);
    else if (unreadable) a.findings.push(hiddenCode(how, unreadable));
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as Arg;
    const eq = arg.text.indexOf("=");
    if (/^--(require|import)=/.test(arg.text) && DOTENV_PRELOAD.test(arg.text.slice(eq + 1))) loaded.push(DOTENV);
    if (/^--env-file(-if-exists)?=/.test(arg.text)) loaded.push({ ...arg, text: arg.text.slice(eq + 1) });
    // `node -r ./.env`, `ruby -r ./x` (or `-r./x`): a preloaded file runs as code, and an error shows
    // its line.
    const preload = /^(-r|--require|--import|--loader|--experimental-loader)(=|$)/.test(arg.text) ? (eq > 0 ? { text: arg.text.slice(eq + 1), raw: arg.raw.slice(arg.raw.indexOf("=") + 1) } : args[i + 1]) : /^-r[./~]/.test(arg.text) ? { text: arg.text.slice(2), raw: arg.raw } : undefined;
    if (preload && /^[./~]/.test(preload.text)) {
      await a.file(preload, state, `${how} preloads and runs`);
      await a.scriptFile(preload, state, true);
    }
    // `python3 -m tools.show`: the module's file under the working directory, first on sys.path.
    const module = /^(python|pypy)/.test(name) && arg.text === "-m" ? args[i + 1] : undefined;
    if (module && !module.text.includes(UNKNOWN)) {
      const path = module.text.replace(/\./g, "/");
      for (const file of [`${path}.py`, `${path}/__main__.py`]) await a.scriptFile({ text: file, raw: file }, state, true);
      // `python3 -m pytest tests/test_x.py`: the test files, as pytest's own are read.
      if (module.text === "pytest" || module.text === "unittest") for (const test of args.slice(i + 2)) if (/\.py(::.*)?$/.test(test.text)) await a.scriptFile({ text: test.text.replace(/::.*$/, ""), raw: test.raw }, state, true);
      if (module.text === "pytest") await foundCode(a, "pytest", args.slice(i + 2), state);
      // `python3 -m cProfile leak.py`, `-m pdb`, `-m coverage run`, `-m runpy`: modules that run the script given them.
      const run = /^(pdb|cProfile|profile|trace|coverage|debugpy|memory_profiler|runpy)$/.test(module.text) ? args.slice(i + 2).find((w) => w.text.endsWith(".py")) : undefined;
      if (run) await a.scriptFile(run, state, true);
    }
    if (valueOptions.includes(arg.text)) {
      if (["-r", "--require", "--import"].includes(arg.text) && DOTENV_PRELOAD.test(args[i + 1]?.text ?? "")) loaded.push(DOTENV);
      i += 1;
      continue;
    }
    // Flags run together, the code's last (`perl -lne 'print' x`, `ruby -pe …`, `node -pe …`).
    const last = `-${arg.text.slice(-1)}`;
    const bundled = arg.text !== last && codeOptions.includes(last) && /^-[A-Za-z]+$/.test(arg.text) ? last : undefined;
    const option = bundled ?? codeOptions.find((o) => arg.text === o || (o.length === 2 && arg.text.startsWith(o) && arg.text.length > 2 && !arg.text.startsWith("--")));
    if (option) {
      const code = arg.text === option || bundled ? args[i + 1] : { ...arg, text: arg.text.slice(option.length) };
      // `python3 -c "$(cat x.py)"`: the code is the file's, read as a script's.
      const file = code && catOf(code.raw);
      if (file) return a.scriptFile(file, state, true);
      if (code) {
        // `node -p` and `--print` print the code's value; so do R and ghc, at the top level.
        await inlineCode(a, code.text, code.raw, state, `${how} runs inline code,`, option === "-p" || option === "--print" || (/^(node|bun)/.test(name) && /^-\w*p/.test(arg.text)) || /^(Rscript|ghci?)$/.test(name), loaded);
        // Arguments after the code are sys.argv / process.argv and may be file names the code opens.
        // `node -e "console.log(process.argv[1])" "$TOKEN"`: a secret handed to code that reads its arguments.
        const readsArguments = /argv/i.test(code.text);
        for (const rest of args.slice(i + (arg.text === option || bundled ? 2 : 1))) {
          await a.file(rest, state, `${how} is given`);
          const secret = readsArguments ? /^\$\{?([A-Za-z_]\w*)\}?$/.exec(rest.text)?.[1] : undefined;
          if (secret && a.secret(secret)) a.leak(`the value of $${secret} as an argument`, `${how} runs code that reads its arguments, and is given`);
        }
      }
      return;
    }
    if (arg.text === "--env-file" || arg.text === "--env-file-if-exists") {
      const file = args[i + 1];
      if (file) loaded.push(file);
      i += 1;
      continue;
    }
    // `deno run -A x.ts`, `bun run x.ts`, `dart run x.dart`: the script follows the subcommand.
    if (arg.text === "run" && i === 0 && /^(deno|bun|crystal|dart)$/.test(name)) continue;
    if (!arg.text.startsWith("-") || arg.text === "-") {
      if (arg.text !== "-") {
        // `python3 <(cat x.py)`: the script is the file's.
        if (SCRIPT_RUNNERS.test(name)) await a.scriptFile(catOf(arg.raw) ?? arg, state, true);
        // `node leak` runs leak.js.
        if (/^(node|bun|tsx)/.test(name) && !/\.\w+$/.test(arg.text)) for (const ext of [".js", ".mjs", ".cjs", ".ts", "/index.js"]) await a.scriptFile({ ...arg, text: arg.text + ext }, state, true);
        return a.readsAll(args.slice(i), state, `${how} runs or reads`);
      }
      await fromStdin();
      // `python3 - .env <<'EOF'`: the arguments after `-` are the code's argv, files it may open.
      for (const rest of args.slice(i + 1)) await a.file(rest, state, `${how} is given`);
      return;
    }
  }
  await fromStdin();
}

/** Credentials a cloud SDK, keyring or netrc library loads from their files or the environment. */
const CREDENTIAL_LOADS = /\b(?:get_(?:frozen_)?credentials|from(?:Ini|Env|NodeProviderChain)|defaultProvider|google\.auth\.default|get_password|netrc\.netrc|getAccessToken)\s*\(/;

/** Scans inline code for secret file names and environment dumps. */
export async function inlineCode(a: Analyzer, code: string, raw: string, state: State, how: string, printsResult = false, loaded: Arg[] = []): Promise<void> {
  if (code.includes(UNKNOWN)) {
    a.dynamic(raw, how);
    return;
  }
  const env = moduleAliases(code);
  const dump = a.env.ctx.config.secrets.environment ? environmentDump(env) : undefined;
  if (dump) a.leak(`the whole environment (${dump})`, `${how} prints`);
  // A variable the command's prefix set to plain text prints that text, already in the command.
  const variable = a.env.ctx.config.secrets.environment && !dump ? printedSecretVariable(env, (n) => a.secret(n) && !a.prefixedPlain(n, state), printsResult) : undefined;
  if (variable) a.leak(variable, `${how} prints`);
  // `python3 -c "print('$TOKEN')"`: the shell writes the value into the code (kept as `$TOKEN` here).
  const given = variable || !a.env.ctx.config.secrets.environment ? undefined : [...code.matchAll(/\$\{?([A-Za-z_]\w*)/g)].find((m) => a.secret(m[1] as string));
  if (given) a.leak(`the value of $${given[1]}, which the shell writes into the code`, `${how} is given`);
  // `exec(base64.b64decode('…'))`, `eval(atob('…'))`: code decoded at run time, then run, is unreadable
  // here; so is a file whose name is decoded where it is opened (`open(bytes.fromhex('2e656e76'))`,
  // `File.read(".vne".reverse)`).
  if (/b64decode|decodebytes|base64|atob\s*\(|fromhex|unhexlify|codecs\.decode|decompress|inflate|decode64|\b(?:un)?pack\s*\(|\[::-1\]|\.reverse\b|\breversed\(/.test(code)) {
    if (/\b(?:exec|eval|compile|Function|instance_eval|execSync|system|runIn\w*Context)\s*\(|\beval\s+[$@\w]/.test(code)) a.findings.push(hiddenCode(how, "decodes at run time"));
    else if (/\b(?:open|readFileSync|readFile|createReadStream|read_text|file_get_contents|fopen|read)\s*\((?:[^()]|\([^()]*\))*?(?:b64decode|atob|fromhex|unhexlify|base64|Buffer\.from|codecs\.decode|\[::-1\]|\.reverse\b|reversed\()/.test(code)) a.findings.push(hiddenCode(how, "decodes at run time", "opens a file whose name"));
  }
  if ((printsResult || PRINTS.test(code)) && CREDENTIAL_LOADS.test(code)) a.leak("credentials a library loads", `${how} prints`);
  if (readsDotenv(env)) await a.file({ text: ".env", raw: ".env (read by a dotenv library)" }, state, `${how} loads and returns the values of`);
  // Once .env is in the environment, a connection string the code prints is one of its values too.
  // A file a dotenv call names goes into the environment, judged as loaded, not as read.
  const loads = loadsDotenv(env);
  const named = loads ? dotenvPaths(env) : [];
  const envFiles = loaded.length > 0 ? loaded : named.length > 0 ? named.map((p) => ({ text: p, raw: p })) : loads ? [DOTENV] : [];
  if (envFiles.length > 0 && printsLoadedValue(env, (n) => a.secret(n), printsResult)) {
    for (const file of envFiles) await a.file(file, state, `${how} loads into the environment, and prints values of,`);
  }
  const folder = readsListedFolder(code);
  if (folder !== undefined) await a.tree({ text: folder, raw: folder }, state, EVERYTHING, `${how} lists \`${folder}\` and reads the files in it, among them`);
  for (const token of pathTokens(code)) {
    // `select('*')`, `COUNT(*)`, a CORS origin of '*': a lone * is a glob only where the code globs.
    if (/^\*+$/.test(token) && !/glob|Dir\s*\[|fnmatch/i.test(code)) continue;
    if (named.some((p) => p === token || p.endsWith(`/${token}`)) && code.split(token).length === 2) continue;
    const before = a.findings.length;
    // `fetch('file:///app/.env')`: the URL names the file at its path.
    const text = token.replace(/^~(?=\/|$)/, a.env.ctx.home ?? "~").replace(/^file:\/\/(?=\/)/i, "");
    // A glob the code expands (`glob.glob('.e*')`, `Dir.glob(".*")`) names the files it matches.
    await a.file({ text, raw: token, ...(/[*?[]/.test(token) ? { glob: text } : {}) }, state, `${how} names`);
    // Tokens from code are names, not certain reads: a computed-looking token is not a finding.
    a.findings.splice(before, a.findings.length - before, ...a.findings.slice(before).filter((f) => f.kind !== "dynamic"));
  }
  // Shell command lines the code runs (`os.system('cat .env')`, `exec("…")`, perl's backticks). Python's
  // exec runs Python and a JavaScript template literal is text, which seldom parse as shell: text that
  // does not parse is not a finding.
  for (const m of code.matchAll(SHELL_STRING)) {
    const before = a.findings.length;
    await a.source(m[2] ?? m[3] ?? "", copy(state), `${how} runs the shell command`);
    a.findings.splice(before, a.findings.length - before, ...a.findings.slice(before).filter((f) => f.kind !== "unchecked"));
  }
  await argvCommands(a, code, state, how);
  await imports(a, code, state.cwd, state);
}

/** Commands the code runs from a list of literal words (`subprocess.run(['cat', '.env'])`), judged as Bash's. */
async function argvCommands(a: Analyzer, code: string, state: State, how: string): Promise<void> {
  for (const m of code.matchAll(ARGV_CALL)) {
    const words = [m[2] ? `'${m[2]}'` : "", ...(m[3] ?? "").split(",")].map((w) => w.trim()).filter((w) => w !== "");
    if (words.every((w) => /^(["'])[^"'\\$]*\1$/.test(w))) await a.source(words.map((w) => `'${w.slice(1, -1)}'`).join(" "), copy(state), `${how} runs the command`);
  }
}

/**
 * The local modules code loads (`import leak`, `require('./leak')`), read as the scripts they are,
 * from the loading code's folder; no more once the call has read 64 scripts (a project's import
 * graph can be large, and each file is read whole).
 */
async function imports(a: Analyzer, code: string, folder: string | undefined, state: State): Promise<void> {
  if (folder === undefined) return;
  for (const file of codeImports(code)) if (a.scripts.size < 64) await a.scriptFile({ text: toAbsolute(file, folder, undefined), raw: file }, state, true);
}

/**
 * Calls that read a file named in their arguments (`open('.env')`, `fs.readFileSync(join(d, '.env'))`,
 * `File.read`, Kotlin's `File(x).readText()`, Swift's `contentsOfFile:`, Haskell's `readFile x`,
 * Scheme's `(call-with-input-file x …)`), or copy, move or link the one named first (group 1), written
 * as calls: "a cert file (.pem)" in a docstring is prose.
 */
const READ_CALL = /\b(?:File|IO)\.(?:read|readlines|foreach|binread|open)\b\s*\(?|\b(?:open|readFileSync|readFile|createReadStream|read_to_string|ReadFile|readAllBytes|readAllLines|readString|FileReader|FileInputStream|file_get_contents|fopen|slurp|readTextFile(?:Sync)?|openSync|Bun\.file|read|getlines|getline|fileinput\.input|read_csv|read_table|read_json|read_fwf|loadtxt|genfromtxt|readLines|(copy(?:file|2|FileSync|File|Sync)?|cp(?:Sync)?|move|rename(?:Sync)?|(?:sym)?link(?:Sync)?))\(|\b(?:Path(?:name)?|File)(?:\.new)?\((?=[^()]*\)\.(?:open|read\w*|each_line)\b)|\bcontentsOfFile:|\b(?:readFile|openFile)\s+(?=")|\((?:call-with-input-file|with-input-from-file|file->string|file->lines|open-input-file)\s/g;
/** Commands run from a list of words (`subprocess.run(['cat', '.env'])`, `spawnSync('cat', ['.env'])`). */
const ARGV_CALL = /\b(?:run|call|check_output|check_call|Popen|spawnSync|spawn|execFileSync|execFile|execa|execaSync|system|exec)\s*\(\s*(?:(["'])([\w./-]+)\1\s*,\s*)?\[([^\]]*)\]/g;

/**
 * `go run main.go`, `go run .`, `go run ./cmd/api`: the files Go compiles and runs at once, read as
 * scripts (a package's, not its tests; within the 64 scripts a call reads).
 */
export async function goRun(a: Analyzer, args: Arg[], state: State): Promise<void> {
  const at = args.findIndex((arg, i) => !arg.text.startsWith("-") && !/^-(C|tags|ldflags|gcflags|mod|modfile|exec|overlay|p|pkgdir|toolexec)$/.test(args[i - 1]?.text ?? ""));
  const named = args.slice(at).filter((arg) => arg.text.endsWith(".go"));
  const pkg = args[at]?.text;
  let files = named;
  if (named.length === 0 && pkg !== undefined && /^\.\.?(\/|$)/.test(pkg) && state.cwd !== undefined) {
    const dir = toAbsolute(pkg, state.cwd, a.env.ctx.home);
    files = ((await a.env.ctx.io.list(dir)) ?? []).filter((e) => e.kind === "file" && /(?<!_test)\.go$/.test(e.name)).map((e) => ({ text: `${dir}/${e.name}`, raw: `${pkg}/${e.name}` }));
  }
  for (const file of files) if (a.scripts.size < 64) await a.scriptFile(file, state, true);
}

/**
 * `go generate [./... | ./pkg | x.go]`: the `//go:generate` lines of the package's files (of every
 * package below, for `./...`; not vendor, testdata or a folder starting with `.` or `_`), each a command
 * go runs in the file's folder with $GOFILE and $GOPACKAGE set. More than the guard reads is refused.
 */
export async function goGenerate(a: Analyzer, args: Arg[], state: State): Promise<void> {
  const { io, home } = a.env.ctx;
  if (state.cwd === undefined || args.some((w) => w.text === "-n")) return;
  const targets = args.filter((w, i) => !w.text.startsWith("-") && !/^-(run|skip|tags|C)$/.test(args[i - 1]?.text ?? ""));
  const files: string[] = [];
  let more = false;
  for (const target of targets.length > 0 ? targets.map((w) => w.text) : ["."]) {
    const path = toAbsolute(target.replace(/\/\.\.\.$/, ""), state.cwd, home);
    if (path.endsWith(".go")) files.push(path);
    else {
      const walked = await foldersBelow(io, path, target.endsWith("...") ? /^[._]|^(vendor|testdata|node_modules)$/ : /^/, 400);
      more ||= walked.more;
      for (const { dir, names } of walked.folders) for (const name of names) if (name.endsWith(".go")) files.push(`${dir}/${name}`);
    }
  }
  if (more || files.length > 2000) return a.unchecked("runs the `//go:generate` lines of more packages than the guard reads; name the package", "`go generate`");
  for (const file of files) {
    const text = (await io.readText(file)) ?? "";
    if (!text.includes("//go:generate ")) continue;
    const vars = new Map([["GOFILE", [file.slice(file.lastIndexOf("/") + 1)]], ["GOPACKAGE", [/^package\s+(\w+)/m.exec(text)?.[1] ?? ""]], ["DOLLAR", ["$"]]]);
    for (const m of text.matchAll(/^\/\/go:generate (?!-command\b)(.+)$/gm)) await a.shellScript(m[1] as string, `the \`//go:generate\` line of \`${file}\``, { vars, cwd: dirname(file) });
  }
}

/**
 * Code a test runner or build tool finds and runs by itself, beside what it is given: pytest's
 * conftest.py files (conftests), vitest's (or vite's) and jest's config, cargo's build.rs. Read as
 * scripts are; one that is not there adds nothing.
 */
export async function foundCode(a: Analyzer, tool: string, args: Arg[], state: State): Promise<void> {
  const names =
    tool === "cargo" ? ["build.rs"]
    : tool === "pytest" ? await conftests(a, args, state)
    : (tool === "jest" ? ["jest"] : ["vitest", "vite"]).flatMap((t) => ["ts", "js", "mts", "mjs", "cjs"].map((ext) => `${t}.config.${ext}`));
  for (const name of names) await a.scriptFile({ text: name, raw: name }, state, true);
}

/**
 * The conftest.py files pytest loads for the paths it is given (the working folder for none): each
 * one's own folder and those above it, up to the working folder, and every folder below a folder
 * given but those pytest does not recurse into (hidden ones, venv, node_modules, build, dist …; 300
 * folders at most).
 */
async function conftests(a: Analyzer, args: Arg[], state: State): Promise<string[]> {
  const { io, home } = a.env.ctx;
  const cwd = state.cwd;
  if (cwd === undefined) return ["conftest.py"];
  const out = new Set<string>();
  const below: string[] = [];
  const paths = args.filter((w) => !w.text.startsWith("-") && !w.text.includes(UNKNOWN)).map((w) => w.text.replace(/::.*$/, ""));
  for (const path of paths.length > 0 ? paths : ["."]) {
    const abs = toAbsolute(path, cwd, home);
    const dir = (await io.stat(abs))?.kind === "dir";
    if (dir) below.push(abs);
    for (let d = dir ? abs : dirname(abs); d.startsWith(cwd); d = dirname(d)) {
      out.add(`${d}/conftest.py`);
      if (d === cwd) break;
    }
  }
  for (const root of below) {
    const walked = await foldersBelow(io, root, /^\.|\.egg$|^(_darcs|CVS|\{arch\}|node_modules|venv|site-packages|build|dist)$/, 300);
    for (const { dir, names } of walked.folders) if (names.includes("conftest.py")) out.add(`${dir}/conftest.py`);
  }
  return [...out];
}

/**
 * The folders at and below `root` and the files each holds, from one listing of each, as a tool that
 * walks them finds them: not into folders whose names `skip` matches; `max` folders at most, `more`
 * saying there were others.
 */
async function foldersBelow(io: HostIO, root: string, skip: RegExp, max: number): Promise<{ folders: Array<{ dir: string; names: string[] }>; more: boolean }> {
  const queue = [root];
  const folders: Array<{ dir: string; names: string[] }> = [];
  while (folders.length < max && folders.length < queue.length) {
    const dir = queue[folders.length] as string;
    const names: string[] = [];
    for (const entry of (await io.list(dir)) ?? []) {
      if (entry.kind === "dir") {
        if (!skip.test(entry.name)) queue.push(`${dir}/${entry.name}`);
      } else names.push(entry.name);
    }
    folders.push({ dir, names });
  }
  return { folders, more: queue.length > folders.length };
}

/** `cargo run [--bin NAME | --example NAME]`: the crate's main file for it, read as a script is. */
export async function cargoRun(a: Analyzer, args: Arg[], state: State): Promise<void> {
  const option = args.findIndex((arg) => arg.text === "--bin" || arg.text === "--example");
  const name = args[option + 1]?.text;
  const file = option === -1 ? "src/main.rs" : args[option]?.text === "--bin" ? `src/bin/${name}.rs` : `examples/${name}.rs`;
  if (state.cwd !== undefined && !file.includes(UNKNOWN)) await a.scriptFile({ text: toAbsolute(file, state.cwd, a.env.ctx.home), raw: file }, state, true);
}

/** The arguments of a call, from just after its `(`, split at top-level commas: as far as its `)`. */
function callArguments(code: string, from: number): string[] {
  // Ruby's `File.read ".env"`: arguments without parentheses, as far as the line's end.
  const bare = code[from - 1] !== "(";
  const out: string[] = [];
  let depth = 0;
  let quote = "";
  let start = from;
  for (let i = from; i < code.length && i < from + 400; i++) {
    const c = code[i] as string;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if ("([{".includes(c)) depth++;
    else if ((")]}".includes(c) && depth-- === 0) || (bare && depth === 0 && (c === "\n" || c === ";"))) return [...out, code.slice(start, i)];
    else if (c === "," && depth === 0) {
      out.push(code.slice(start, i));
      start = i + 1;
    }
  }
  return out;
}

/**
 * A script an interpreter runs from disk (`python3 show.py`, `./show.js`), so that code written to a
 * file first is no way around the guard. A project's scripts name env files for their loaders, pass
 * os.environ to children and print as they work, so only the certain ways count: a secret file here
 * that a read call opens (or a copy moves), the environment or a secret variable on a printing line,
 * and the commands the code runs. A file name reached through a variable is not followed.
 */
/**
 * A script's assignments (`p = …`, `const p = …`, `$p = …`, `p := …`) and loop variables (`for f in
 * glob.glob('.*'):`, `for (const f of …)`: each name takes what the loop goes over), each name's values in order.
 */
function assignments(code: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of code.matchAll(/(?:^|[\s;(])(?:const |let |var |my )?\$?([A-Za-z_]\w*)\s*:?=(?!=)\s*([^\n;]+)|\bfor\s*\(?\s*(?:const |let |var )?([A-Za-z_]\w*)\s+(?:in|of)\s+([^\n]+)/g)) {
    const name = (m[1] ?? m[3]) as string;
    const values = out.get(name) ?? [];
    values.push((m[2] ?? m[4]) as string);
    out.set(name, values);
  }
  return out;
}

/**
 * A Jupyter notebook's code cells, as the script they run together, and its shell: `!cmd` lines and
 * `%%bash`/`%%sh` cells. Undefined for text that is no notebook.
 */
export function notebookCode(text: string): { code: string; shell: string } | undefined {
  let cells: Array<{ cell_type?: string; source?: string | string[] }>;
  try {
    cells = (JSON.parse(text) as { cells?: typeof cells }).cells ?? [];
  } catch {
    return undefined;
  }
  const code: string[] = [];
  const shell: string[] = [];
  for (const cell of Array.isArray(cells) ? cells : []) {
    const source = Array.isArray(cell.source) ? cell.source.join("") : String(cell.source ?? "");
    if (cell.cell_type !== "code") continue;
    if (/^%%(bash|sh|script (ba)?sh)\b/.test(source)) shell.push(source.replace(/^.*\n?/, ""));
    else for (const line of source.split("\n")) (/^\s*!/.test(line) ? shell : code).push(line.replace(/^\s*!/, ""));
  }
  return { code: code.join("\n"), shell: shell.join("\n") };
}

/**
 * A script's text less its whole-line comments: `//` lines and block comments opened at a line's
 * start in JavaScript and TypeScript, `#` lines in Python, Ruby, Perl and shell. Prose about `os.environ`
 * or `open('.env')` in them runs nothing; a comment that ends a line of code is kept, as is any line a
 * string could hold (what such a string holds would be a comment too, if evaluated).
 */
function withoutComments(text: string, path: string): string {
  if (/\.[cm]?[jt]sx?$/.test(path)) return text.replace(/^[ \t]*\/\*[\s\S]*?\*\/[ \t]*$|^[ \t]*\/\/.*$/gm, "");
  return /\.(py|rb|pl|sh|bash)$/.test(path) ? text.replace(/^[ \t]*#(?!!).*$/gm, "") : text;
}

export async function scriptCode(a: Analyzer, text: string, script: Arg, state: State): Promise<void> {
  const how = `The script \`${script.raw}\``;
  const code = environmentAliases(moduleAliases(withoutComments(text, script.text)));
  const before = a.findings.length;
  // A name in code is relative to where the code looks (a package's own `cacert.pem`): a file here
  // counts. Perl's two-argument open(F, "<.env") reads what follows the `<`.
  const reads = async (token: string) => {
    const path = token.replace(/^\+?<\s*/, "").replace(/^~(?=\/|$)/, a.env.ctx.home ?? "~");
    // A glob (`glob.glob('.*')`) is matched against the files here, as the shell's would be.
    const glob = /[*?[]/.test(path);
    if (glob || state.cwd === undefined || (await a.env.ctx.io.exists(toAbsolute(path, state.cwd, a.env.ctx.home)))) await a.file({ text: path, raw: token, ...(glob ? { glob: path } : {}) }, state, `${how} reads`);
  };
  let assigned: Map<string, string[]> | undefined;
  for (const m of code.matchAll(READ_CALL)) {
    let args = callArguments(code, (m.index ?? 0) + m[0].length);
    // open('.env', 'w'), fopen(…, "a") and Perl's open(F, '>', …) write, and show nothing.
    if (args.some((arg) => /^\s*["'](w|a|x|\+?>)/.test(arg))) continue;
    // A copy, move or link (`shutil.copy('.env', 'notes.txt')`) exposes its source, not its target.
    if (m[1]) args = args.slice(0, 1);
    for (const token of args.flatMap((arg) => pathTokens(arg))) await reads(token);
    // `p = os.path.join(os.path.dirname(__file__), '.env')` then `open(p)`: a name read is what was assigned
    // to it. The assignments are gathered in one pass, and each name's followed once.
    for (const arg of args) {
      const name = /^\s*\$?([A-Za-z_][\w]*)\s*$/.exec(arg)?.[1];
      if (name === undefined) continue;
      assigned ??= assignments(code);
      for (const value of assigned.get(name) ?? []) for (const token of pathTokens(value)) await reads(token);
      assigned.delete(name);
    }
  }
  const environment = a.env.ctx.config.secrets.environment;
  const lines = code.split("\n");
  for (const [i, line] of lines.entries()) {
    // pathlib's `(ROOT / ".env").read_text()`: the path is built before the call, on its line.
    if (/\.read_(text|bytes)\(/.test(line)) for (const token of pathTokens(line)) await reads(token);
    if (!PRINTS.test(line)) {
      // `for k, v in os.environ.items():` and a print of the value in the loop's body (its lines indented further).
      const loop = environment && /([:{]|\bdo\s*\|[^|]*\|)\s*$/.test(line) ? /^\s*for\s*\(?\s*(?:const|let|var|my)?\s*\[?([\w\s,$]+?)\]?\s+(?:in|of)\b|\.(?:forEach|each\w*)\b.*?(?:\(\s*\[?([\w\s,]+)\]?\s*\)\s*=>|\|([\w\s,]+)\|)/.exec(line) : null;
      const dump = loop ? environmentDump(line) : undefined;
      if (!dump) continue;
      const names = (loop?.[1] ?? loop?.[2] ?? loop?.[3] ?? "").split(",").map((n) => n.trim());
      const values = new RegExp(`(?<![\\w.])(${names.slice(names.length > 1 ? 1 : 0).join("|").replace(/\$/g, "\\$")})\\b`);
      const indent = /^\s*/.exec(line)?.[0].length ?? 0;
      const body = lines.slice(i + 1, i + 20);
      const end = body.findIndex((l) => l.trim() !== "" && (/^\s*/.exec(l)?.[0].length ?? 0) <= indent);
      if (body.slice(0, end === -1 ? undefined : end).some((l) => PRINTS.test(l) && values.test(interpolated(l)))) a.leak(`the whole environment (${dump})`, `${how} prints`);
      continue;
    }
    const dump = environment ? environmentDump(line) : undefined;
    const variable = environment && !dump ? printedSecretVariable(line, (n) => a.secret(n)) : undefined;
    if (dump || variable) a.leak(variable ?? `the whole environment (${dump})`, `${how} prints`);
    if (CREDENTIAL_LOADS.test(line)) a.leak("credentials a library loads", `${how} prints`);
    if (readsDotenv(line) || (loadsDotenv(code) && printsLoadedValue(line, (n) => a.secret(n)))) await a.file(DOTENV, state, `${how} loads and prints values of`);
  }
  const through = environment ? printedThroughName(code, (n) => a.secret(n)) : undefined;
  if (through) a.leak(through, `${how} prints`);
  await argvCommands(a, code, state, how);
  // nox's `session.run("cat", ".env")`: a command given as its words.
  for (const m of code.matchAll(/\bsession\.run\w*\(((?:\s*(["'])[^"'\\\n]*\2\s*,)*\s*(["'])[^"'\\\n]*\3)/g)) {
    await a.source([...(m[1] as string).matchAll(/["']([^"']*)["']/g)].map((w) => `'${w[1]}'`).join(" "), copy(state), `${how} runs the command`);
  }
  // Command lines in strings (`os.system('cat .env')`), as inline code's are read; backticks run
  // one in Ruby, Perl and PHP (in Python and JavaScript they quote text), and in JavaScript tagged
  // `$` (zx's, Bun Shell's and execa's $`cat .env`). The language is told by the file's extension and
  // its `#!` line.
  const language = `${/\.(\w+)$/.exec(script.text)?.[1] ?? ""} ${/^#!.*/.exec(text)?.[0] ?? ""}`;
  const backticks = /^(rb|pl|pm|php) |ruby|perl|php/.test(language);
  const python = /^(py|ipynb) |python/.test(language);
  // Python's exec() runs Python.
  for (const m of code.matchAll(SHELL_STRING)) if ((m[2] !== undefined && !(python && m[0].startsWith("exec"))) || (m[3] !== undefined && (backticks || code[(m.index ?? 0) - 1] === "$"))) await a.source(m[2] ?? m[3] ?? "", copy(state), `${how} runs the shell command`);
  await imports(a, text, state.cwd && dirname(toAbsolute(script.text, state.cwd, a.env.ctx.home)), state);
  // Names that only look like paths, and text that does not parse as shell, are no findings here.
  const found = a.findings.splice(before).filter((f) => f.kind !== "dynamic" && f.kind !== "unchecked");
  a.findings.push(...found.map((f) => ("how" in f && !f.how.startsWith(how) ? { ...f, how: within(`the script \`${script.raw}\``, f.how) } : f)));
}

/** Database shells: their SQL and dot-commands read files named inside a word (`.import .env t`, `read_csv('.env')`). */
export async function database(a: Analyzer, name: string, args: Arg[], stdinText: string | undefined, state: State): Promise<void> {
  const codes = args.filter((arg) => /\s/.test(arg.text)).map((arg) => arg.text);
  for (const code of stdinText ? [...codes, stdinText] : codes) await inlineCode(a, code, code, state, `The code \`${name}\` runs`);
  // Their operands are databases, hosts and users (`psql "$DATABASE_URL"`): only a script file given
  // by a variable (`-f "$F"`) is a file name only known at run time.
  await a.readsAll(args.filter((arg, i) => !arg.text.includes(UNKNOWN) || /^(-f|--file|-i|-init|--init)$/.test(args[i - 1]?.text ?? "")), state, `\`${name}\` reads`);
}

export async function awk(a: Analyzer, args: Arg[], state: State): Promise<void> {
  const parsed = parseOptions(args, { valueShort: "Fvf", valueLong: ["--field-separator", "--assign", "--file"] });
  const programFiles = optionValues(parsed, "-f", "--file");
  for (const file of programFiles) await a.file(file, state, "`awk -f` reads");
  const operands = programFiles.length > 0 ? parsed.operands : parsed.operands.slice(1);
  const program = programFiles.length > 0 ? undefined : parsed.operands[0];
  if (program) await inlineCode(a, program.text, program.raw, state, "The awk program");
  for (const operand of operands) {
    if (/^[A-Za-z_]\w*=/.test(operand.text)) continue;
    await a.file(operand, state, "`awk` reads");
  }
}
