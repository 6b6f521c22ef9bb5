import type { VerifyCommandConfig } from "../../config/types.js";
import type { HostIO } from "../../runtime/io.js";

export interface DetectedCommands {
  commands: VerifyCommandConfig[];
  /** Where they came from, for the refusal: ".claude/shipshape.yaml" or "detected from package.json" … */
  source: string;
}

/** package.json scripts worth running before a commit, in the order people expect them. */
const SCRIPT_NAMES: Array<[string, string[]]> = [
  ["lint", ["lint"]],
  ["typecheck", ["typecheck", "type-check", "types", "check-types", "tsc"]],
  ["test", ["test"]],
];

async function packageManager(io: HostIO, root: string): Promise<string> {
  if (await io.exists(`${root}/pnpm-lock.yaml`)) return "pnpm";
  if (await io.exists(`${root}/yarn.lock`)) return "yarn";
  if ((await io.exists(`${root}/bun.lock`)) || (await io.exists(`${root}/bun.lockb`))) return "bun";
  return "npm";
}

/** npm's placeholder test script fails on purpose; running it would block every commit. */
function isPlaceholder(script: string): boolean {
  return /no test specified/.test(script);
}

/**
 * The project's verification commands, found from its own files when the config names none:
 * package.json scripts, pyproject (ruff, pytest), Cargo, Go, other ecosystems' runners, or a Makefile's
 * check/test target.
 */
export async function detectCommands(io: HostIO, root: string): Promise<DetectedCommands> {
  const found: VerifyCommandConfig[] = [];
  const sources: string[] = [];
  const pkgText = await io.readText(`${root}/package.json`).catch(() => undefined);
  if (pkgText !== undefined) {
    try {
      const pkg = JSON.parse(pkgText) as { scripts?: Record<string, string> };
      const scripts = pkg.scripts ?? {};
      const pm = await packageManager(io, root);
      for (const [label, names] of SCRIPT_NAMES) {
        const name = names.find((n) => typeof scripts[n] === "string" && !isPlaceholder(scripts[n] as string));
        // `bun test` is Bun's own test runner, not the script: only `bun run test` runs that.
        if (name) found.push({ name: label, command: name === "test" && pm !== "bun" ? `${pm} test` : `${pm} run ${name}` });
      }
      if (found.length > 0) sources.push("package.json");
    } catch {
      // An unreadable package.json contributes nothing; the project's own tools will complain about it.
    }
  }
  const pyproject = await io.readText(`${root}/pyproject.toml`).catch(() => undefined);
  if (pyproject !== undefined) {
    const before = found.length;
    // The project's own environment, where its tools are installed: uv's or Poetry's, or a .venv.
    const run = (await io.exists(`${root}/uv.lock`)) ? "uv run " : (await io.exists(`${root}/poetry.lock`)) ? "poetry run " : (await io.exists(`${root}/.venv/bin/python`)) ? ".venv/bin/" : "";
    if (/\[tool\.ruff/.test(pyproject) || /\bruff\b/.test(pyproject)) found.push({ name: "ruff", command: `${run}ruff check .` });
    if (/\[tool\.pytest/.test(pyproject) || /\bpytest\b/.test(pyproject) || (await io.exists(`${root}/tests`))) found.push({ name: "pytest", command: `${run === ".venv/bin/" ? ".venv/bin/python" : `${run}python`} -m pytest -q` });
    if (found.length > before) sources.push("pyproject.toml");
  }
  if (await io.exists(`${root}/Cargo.toml`)) {
    found.push({ name: "cargo test", command: "cargo test --quiet" });
    sources.push("Cargo.toml");
  }
  if (await io.exists(`${root}/go.mod`)) {
    found.push({ name: "go vet", command: "go vet ./..." }, { name: "go test", command: "go test ./..." });
    sources.push("go.mod");
  }
  // Other ecosystems' own runners, where the file that marks such a project is: Deno's and Composer's
  // tasks by the names package.json's are taken by, RSpec or Rake, mix, SwiftPM, Zig, Gradle's and
  // Maven's wrappers (or mvn), and dotnet for a solution or project file.
  const add = (source: string, name: string, command: string) => {
    found.push({ name, command });
    if (!sources.includes(source)) sources.push(source);
  };
  const deno = (await io.readText(`${root}/deno.json`).catch(() => undefined)) ?? (await io.readText(`${root}/deno.jsonc`).catch(() => undefined));
  const tasks = deno === undefined ? "" : (/"tasks"\s*:\s*\{([^}]*)\}/.exec(deno)?.[1] ?? "");
  for (const task of ["lint", "check", "test"]) if (new RegExp(`"${task}"\\s*:`).test(tasks)) add("deno.json", task, `deno task ${task}`);
  const composer = (await io.readText(`${root}/composer.json`).catch(() => undefined)) ?? "";
  for (const script of ["lint", "test"]) if (new RegExp(`"scripts"\\s*:\\s*\\{[^}]*"${script}"\\s*:`).test(composer)) add("composer.json", script, `composer ${script}`);
  const has = (file: string) => io.exists(`${root}/${file}`);
  if (await has("Gemfile")) {
    if ((await has(".rspec")) || (await has("spec"))) add("Gemfile", "rspec", "bundle exec rspec");
    else if ((await has("Rakefile")) && (await has("test"))) add("Gemfile", "rake test", "bundle exec rake test");
  }
  for (const [file, name, command] of [
    ["mix.exs", "mix test", "mix test"],
    ["Package.swift", "swift test", "swift test"],
    ["build.zig", "zig build test", "zig build test"],
    ["gradlew", "gradle test", "./gradlew test -q"],
    ["pom.xml", "maven test", (await has("mvnw")) ? "./mvnw -q test" : "mvn -q test"],
  ] as const) {
    if (await has(file)) add(file, name, command);
  }
  const dotnet = (await io.list(root))?.find((entry) => /\.(sln|csproj|fsproj)$/.test(entry.name));
  if (dotnet) add(dotnet.name, "dotnet test", "dotnet test");
  if (found.length === 0) {
    const makefile = await io.readText(`${root}/Makefile`).catch(() => undefined);
    const target = makefile === undefined ? undefined : ["check", "test"].find((t) => new RegExp(`^${t}\\s*:`, "m").test(makefile));
    if (target) {
      found.push({ name: `make ${target}`, command: `make ${target}` });
      sources.push("Makefile");
    }
  }
  return { commands: found, source: sources.length > 0 ? `detected from ${sources.join(", ")}` : "none found" };
}
