import { UNKNOWN, type Arg } from "../../shell/expand.js";
import { basename } from "../../runtime/paths.js";
import { PYTHON, SCRIPT_RUNNERS, SHELLS, wrapperSpec, type WrapperSpec } from "./command-rules.js";

/** xargs's options that take a value; -i and -l take theirs glued on only. */
export const XARGS: WrapperSpec = { valueOptions: ["-a", "-E", "-d", "-I", "-L", "-n", "-P", "-s", "--arg-file", "--eof", "--delimiter", "--replace", "--max-lines", "--max-args", "--max-procs", "--max-chars", "--process-slot-var"] };

/** The words that start a wrapper's running form (`run` of `uv run`), as a list. */
function subcommandsOf(spec: WrapperSpec): readonly string[] {
  return spec.subcommand === undefined ? [] : typeof spec.subcommand === "string" ? [spec.subcommand] : spec.subcommand;
}

/**
 * The command a wrapper runs: its arguments after the wrapper's own options and operands. `onValue`
 * sees each option value (separate, `--opt=value` or glued `-ovalue`), for options that name files.
 */
export function unwrap(args: Arg[], spec: WrapperSpec, onValue?: (option: string, value: Arg) => void): Arg[] {
  let i = 0;
  let passedSubcommand = false;
  while (i < args.length) {
    const arg = args[i] as Arg;
    const text = arg.text;
    if (text === "--") {
      i += 1;
      break;
    }
    if (text.startsWith("-") && text !== "-") {
      const eq = text.indexOf("=");
      const bare = eq === -1 ? text : text.slice(0, eq);
      if (spec.valueOptions.includes(bare) && eq === -1) {
        const value = args[i + 1];
        if (value) onValue?.(bare, value);
        i += 2;
        continue;
      }
      if (eq !== -1 && text.startsWith("--")) onValue?.(bare, { ...arg, text: text.slice(eq + 1) });
      else if (!text.startsWith("--") && text.length > 2 && spec.valueOptions.includes(text.slice(0, 2))) onValue?.(text.slice(0, 2), { ...arg, text: text.slice(2) });
      i += 1;
      continue;
    }
    if (spec.assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(text)) {
      i += 1;
      continue;
    }
    // `uv run --env-file x cmd`: the subcommand, then more of the wrapper's options.
    if (subcommandsOf(spec).includes(text) && !passedSubcommand) {
      passedSubcommand = true;
      i += 1;
      continue;
    }
    break;
  }
  // `poetry install` runs no command; only `poetry run …` does.
  if (spec.subcommandRequired && !passedSubcommand) return [];
  if (i > 0 && args[i - 1]?.text === "--") return args.slice(i);
  // `chamber exec app db -- cmd`, `mise exec node@20 -- cmd`: operands up to `--` are the wrapper's.
  if (spec.operandsUntilDashDash) {
    const dash = args.findIndex((a) => a.text === "--" || spec.separators?.includes(a.text));
    return dash === -1 ? [] : args.slice(dash + 1);
  }
  const rest = args.slice(i + (spec.leadingOperands ?? 0));
  // `aws-vault exec prod -- env`: a `--` after the leading operands.
  return spec.leadingOperands && rest[0]?.text === "--" ? rest.slice(1) : rest;
}

/**
 * Whether a wrapper's arguments make it run a command: a wrapper that needs a subcommand to (`poetry
 * run`) is an ordinary command without it (`poetry install`), judged on the files it names.
 */
export function runsCommand(args: Arg[], spec: WrapperSpec): boolean {
  if (!spec.subcommandRequired) return true;
  // Past the wrapper's options and their values: `uv --directory app run env` runs env.
  let i = 0;
  while (args[i]?.text.startsWith("-")) i += spec.valueOptions.includes(args[i]?.text as string) ? 2 : 1;
  return subcommandsOf(spec).includes(args[i]?.text as string);
}

/**
 * `python3 -m dotenv run -- cmd`, `python -m uv run x.py`: a wrapper's command line run as a Python
 * module (`-m coverage` is read as code: its script is a command named x.py). The words are tested
 * before the name's RegExp, which most commands never reach.
 */
export function pythonModuleWrapper(argv: Arg[]): boolean {
  const module = argv[2]?.text;
  return argv[1]?.text === "-m" && module !== undefined && module !== "coverage" && wrapperSpec(module) !== undefined && PYTHON.test(basename(argv[0]?.text ?? ""));
}

/**
 * `pnpm tsx x.ts`, `yarn turbo show`, `bun x tsx x.ts`: a binary a package manager runs by its name,
 * as a command besides any script of that name: how many words come before it, or 0. pnpm and `bun
 * run` run a name no script or file has as a command on the PATH (`pnpm printenv`, `bun run env`);
 * yarn runs its packages' binaries, judged here for the runners of code, shells and task runners.
 */
export function packageBinary(argv: Arg[]): number {
  const name = basename(argv[0]?.text ?? "");
  const verb = argv[1]?.text ?? "";
  if (name === "bun") return verb === "x" || verb === "run" ? 2 : 0;
  return (name === "pnpm" && verb !== "run") || (name === "yarn" && verb !== "node" && (SCRIPT_RUNNERS.test(verb) || SHELLS.has(verb) || " turbo nx lerna invoke nox tox ".includes(` ${verb} `))) ? 1 : 0;
}

/**
 * Steps over wrapper commands (`sudo`, `env X=1`, `timeout 5`, and xargs when asked) to the command
 * they run; empty when a wrapper runs nothing. `onValue` sees each wrapper's option values.
 */
export function innerCommand(argv: Arg[], options: { throughXargs?: boolean; onValue?: (wrapper: string, option: string, value: Arg) => void } = {}): Arg[] {
  let command = argv;
  for (;;) {
    if (pythonModuleWrapper(command)) command = command.slice(2);
    command = command.slice(packageBinary(command));
    const name = basename(command[0]?.text ?? "");
    const spec = name === "xargs" && options.throughXargs ? XARGS : wrapperSpec(name);
    if (!spec || !runsCommand(command.slice(1), spec)) return command;
    command = unwrap(command.slice(1), spec, options.onValue && ((option, value) => options.onValue?.(name, option, value)));
  }
}

/** The aliases an `alias` command defines (`alias gc='git commit'`): name and text, known ones only. */
export function aliasDefinitions(args: Arg[]): Array<[name: string, text: string]> {
  const out: Array<[string, string]> = [];
  for (const arg of args) {
    const definition = /^([^=\s]+)=(.*)$/s.exec(arg.text);
    if (definition && !arg.text.includes(UNKNOWN)) out.push([definition[1] as string, definition[2] as string]);
  }
  return out;
}
