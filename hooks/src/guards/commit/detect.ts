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

function packageManager(has: (name: string) => boolean): string {
  return has("pnpm-lock.yaml") ? "pnpm" : has("yarn.lock") ? "yarn" : has("bun.lock") || has("bun.lockb") ? "bun" : "npm";
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
  // One listing of the project's top folder answers which marker files are there (a cached commit
  // runs this on every call: a dozen lookups cost more than the one readdir), and only those are read.
  const entries = (await io.list(root).catch(() => undefined)) ?? [];
  const names = new Set(entries.map((entry) => entry.name));
  const has = (name: string) => names.has(name);
  const read = (name: string) => (has(name) ? io.readText(`${root}/${name}`).catch(() => undefined) : Promise.resolve(undefined));
  const pkgText = await read("package.json");
  if (pkgText !== undefined) {
    try {
      const pkg = JSON.parse(pkgText) as { scripts?: Record<string, string> };
      const scripts = pkg.scripts ?? {};
      const pm = packageManager(has);
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
  const pyproject = await read("pyproject.toml");
  if (pyproject !== undefined) {
    const before = found.length;
    // The project's own environment, where its tools are installed: uv's or Poetry's, or a .venv.
    const run = has("uv.lock") ? "uv run " : has("poetry.lock") ? "poetry run " : has(".venv") && (await io.exists(`${root}/.venv/bin/python`)) ? ".venv/bin/" : "";
    if (/\[tool\.ruff/.test(pyproject) || /\bruff\b/.test(pyproject)) found.push({ name: "ruff", command: `${run}ruff check .` });
    if (/\[tool\.pytest/.test(pyproject) || /\bpytest\b/.test(pyproject) || has("tests")) found.push({ name: "pytest", command: `${run === ".venv/bin/" ? ".venv/bin/python" : `${run}python`} -m pytest -q` });
    if (found.length > before) sources.push("pyproject.toml");
  }
  if (has("Cargo.toml")) {
    found.push({ name: "cargo test", command: "cargo test --quiet" });
    sources.push("Cargo.toml");
  }
  if (has("go.mod")) {
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
  const deno = (await read("deno.json")) ?? (await read("deno.jsonc"));
  const tasks = deno === undefined ? "" : (/"tasks"\s*:\s*\{([^}]*)\}/.exec(deno)?.[1] ?? "");
  for (const task of ["lint", "check", "test"]) if (new RegExp(`"${task}"\\s*:`).test(tasks)) add("deno.json", task, `deno task ${task}`);
  const composer = (await read("composer.json")) ?? "";
  for (const script of ["lint", "test"]) if (new RegExp(`"scripts"\\s*:\\s*\\{[^}]*"${script}"\\s*:`).test(composer)) add("composer.json", script, `composer ${script}`);
  if (has("Gemfile")) {
    if (has(".rspec") || has("spec")) add("Gemfile", "rspec", "bundle exec rspec");
    else if (has("Rakefile") && has("test")) add("Gemfile", "rake test", "bundle exec rake test");
  }
  for (const [file, name, command] of [
    ["mix.exs", "mix test", "mix test"],
    ["Package.swift", "swift test", "swift test"],
    ["build.zig", "zig build test", "zig build test"],
    ["gradlew", "gradle test", "./gradlew test -q"],
    ["pom.xml", "maven test", has("mvnw") ? "./mvnw -q test" : "mvn -q test"],
  ] as const) {
    if (has(file)) add(file, name, command);
  }
  const dotnet = entries.find((entry) => /\.(sln|csproj|fsproj)$/.test(entry.name));
  if (dotnet) add(dotnet.name, "dotnet test", "dotnet test");
  if (found.length === 0) {
    const makefile = await read("Makefile");
    const target = makefile === undefined ? undefined : ["check", "test"].find((t) => new RegExp(`^${t}\\s*:`, "m").test(makefile));
    if (target) {
      found.push({ name: `make ${target}`, command: `make ${target}` });
      sources.push("Makefile");
    }
  }
  return { commands: found, source: sources.length > 0 ? `detected from ${sources.join(", ")}` : "none found" };
}
