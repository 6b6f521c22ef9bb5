import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type ShipshapeConfig } from "../../hooks/src/config/types.js";
import { checkMessage, splitMessage } from "../../hooks/src/guards/commit/convention.js";
import { detectCommands } from "../../hooks/src/guards/commit/detect.js";
import { commitGate } from "../../hooks/src/guards/commit/gate.js";
import { cleanupMessage } from "../../hooks/src/guards/commit/message.js";
import type { KeyValueStore, RunOptions, RunResult } from "../../hooks/src/runtime/io.js";
import { memoryIO } from "../helpers/memory-io.js";
import { repoIO } from "../helpers/repo-io.js";

const GOOD = `git commit -F - <<'EOF'\nAdd retry to the upload client\n\nUploads failed on the first hiccup.\nEOF`;

function commitConfig(commit: Partial<ShipshapeConfig["commit"]>, verify: Partial<ShipshapeConfig["commit"]["verify"]> = {}): ShipshapeConfig {
  return { ...DEFAULT_CONFIG, commit: { ...DEFAULT_CONFIG.commit, ...commit, verify: { ...DEFAULT_CONFIG.commit.verify, ...verify } } };
}

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, get: (k) => data.get(k), set: (k, v) => void data.set(k, v) };
}

async function gate(command: string, options: { config?: ShipshapeConfig; runShell?: (c: string, o: RunOptions) => RunResult; store?: KeyValueStore; degraded?: boolean; io?: ReturnType<typeof repoIO>; cwd?: string } = {}) {
  const io = options.io ?? repoIO({}, options.runShell);
  const verdict = await commitGate.decide(
    { tool: "Bash", input: { command }, cwd: options.cwd ?? "/repo", sessionId: "t" },
    { io, config: options.config ?? DEFAULT_CONFIG, configDegraded: options.degraded ?? false, configNotice: options.degraded ? "/repo/.claude/shipshape.yaml: commit.verify: must be object" : undefined, projectDir: "/repo", home: "/home/dev", store: options.store },
  );
  return { verdict, io };
}

describe("the message convention", () => {
  it("lists every rule broken, quoting the offending line, with the expected shape", async () => {
    const { verdict } = await gate(`git commit -m "feat: ${"x".repeat(80)}"`);
    expect(verdict.action).toBe("deny");
    const reason = verdict.action === "deny" ? verdict.reason : "";
    expect(reason).toMatch(/type prefix/);
    expect(reason).toMatch(/is 86 characters; the limit is 72/);
    expect(reason).toMatch(/no body/);
    expect(reason).toMatch(/> feat: xxxx/);
    expect(reason).toMatch(/Expected shape:/);
  });

  it("tells how to give npm version a message in the convention", async () => {
    const { verdict } = await gate("npm version patch");
    expect(verdict.action === "deny" && verdict.reason).toMatch(/there is no body[\s\S]*npm version commits with the new version as its message[\s\S]*--no-git-tag-version/);
  });

  it("lets npm version through where npm's config turns its commit off", async () => {
    const { verdict } = await gate("npm version patch", { io: repoIO({ "/repo/.npmrc": "save-exact=true\ngit-tag-version = false\n" }) });
    expect(verdict).toEqual({ action: "pass" });
  });

  it("separates trailers from the body", () => {
    const parts = splitMessage("Summary\n\nBody text.\n\nCo-Authored-By: A <a@b>\nSigned-off-by: B <b@c>");
    expect(parts.body).toEqual(["Body text."]);
    expect(parts.trailers).toHaveLength(2);
  });

  it("cleans up like git: trailing spaces and extra blank lines go", () => {
    expect(cleanupMessage("\n\nSummary  \n\n\n\nBody\n\n")).toBe("Summary\n\nBody");
  });

  it.each([
    ["feat(api): add retry\n\nBody.", []],
    ["feat!: drop v1\n\nBody.", []],
    ["Add retry\n\nBody.", ["does not follow Conventional Commits"]],
    ["feature: add retry\n\nBody.", ["is not one of"]],
    ["feat(web): add retry\n\nBody.", ["scope `web` is not one of"]],
  ])("Conventional Commits preset: %s", (message, expected) => {
    const violations = checkMessage(message, { ...DEFAULT_CONFIG.commit, convention: "conventional", scopes: ["api", "cli"] });
    expect(violations.map((v) => v.rule).join("\n")).toSatisfy((text: string) => expected.every((e) => text.includes(e)) && (expected.length > 0 || text === ""));
  });

  it("can be tuned: a longer summary and no body", async () => {
    const config = commitConfig({ summaryMaxLength: 100, requireBody: false });
    expect((await gate(`git commit -m "${"A".repeat(90)}"`, { config })).verdict.action).toBe("pass");
  });
});

describe("verification before committing", () => {
  it("runs the detected commands and passes when they pass", async () => {
    const { verdict, io } = await gate(GOOD);
    expect(verdict).toMatchObject({ action: "pass", note: expect.stringMatching(/verification passed \(detected from package.json: npm run lint, npm test\)/) });
    expect(io.calls.filter((c) => c.startsWith("sh: "))).toEqual(["sh: npm run lint", "sh: npm test"]);
  });

  it("blocks with the command, its exit code and the tail of its output", async () => {
    const output = Array.from({ length: 100 }, (_, i) => `line ${i}`).join("\n");
    const { verdict } = await gate(GOOD, { runShell: (command) => (command === "npm test" ? { exitCode: 1, stdout: `${output}\nFAIL src/app.test.ts`, stderr: "", timedOut: false } : { exitCode: 0, stdout: "", stderr: "", timedOut: false }) });
    expect(verdict.action).toBe("deny");
    const reason = verdict.action === "deny" ? verdict.reason : "";
    expect(reason).toMatch(/1 of 2 command\(s\) did not pass/);
    expect(reason).toMatch(/test: `npm test` exited with code 1/);
    expect(reason).toMatch(/FAIL src\/app\.test\.ts/);
    expect(reason).not.toMatch(/line 10\n/);
  });

  it("says what to do when a command's program is missing, and only then", async () => {
    const missing = await gate(GOOD, { runShell: (command) => (command === "npm run lint" ? { exitCode: 127, stdout: "", stderr: "sh: 1: eslint: not found", timedOut: false } : { exitCode: 0, stdout: "", stderr: "", timedOut: false }) });
    const reason = missing.verdict.action === "deny" ? missing.verdict.reason : "";
    expect(reason).toMatch(/lint: `npm run lint` exited with code 127/);
    expect(reason).toMatch(/not installed here: install it .*commit\.verify\.commands in \.claude\/shipshape\.yaml/);
    const failing = await gate(GOOD, { runShell: () => ({ exitCode: 1, stdout: "1 problem", stderr: "", timedOut: false }) });
    expect(failing.verdict.action === "deny" ? failing.verdict.reason : "").not.toMatch(/not installed/);
  });

  it("reports a timeout", async () => {
    const { verdict } = await gate(GOOD, { runShell: () => ({ exitCode: null, stdout: "", stderr: "timed out", timedOut: true }) });
    expect(verdict.action === "deny" ? verdict.reason : "").toMatch(/timed out/);
  });

  it("does not run the same commands twice on the same content", async () => {
    const store = memoryStore();
    const first = await gate(GOOD, { store });
    expect(first.io.calls.filter((c) => c.startsWith("sh: "))).toHaveLength(2);
    const second = await gate(GOOD, { store });
    expect(second.io.calls.filter((c) => c.startsWith("sh: "))).toHaveLength(0);
    expect(second.verdict).toMatchObject({ action: "pass", note: expect.stringMatching(/already passed on this exact content/) });
  });

  it("does not cache a failure", async () => {
    const store = memoryStore();
    await gate(GOOD, { store, runShell: () => ({ exitCode: 2, stdout: "", stderr: "", timedOut: false }) });
    expect(store.data.size).toBe(0);
  });

  it("uses the config's commands, skipping those whose paths no change touches", async () => {
    const config = commitConfig({}, { commands: [{ name: "unit", command: "make unit" }, { name: "docs", command: "make docs", paths: ["docs/**"] }] });
    const { verdict, io } = await gate(GOOD, { config });
    expect(io.calls.filter((c) => c.startsWith("sh: "))).toEqual(["sh: make unit"]);
    expect(verdict).toMatchObject({ note: expect.stringMatching(/\.claude\/shipshape\.yaml/) });
  });

  it("does not let --no-verify skip verification unless the config allows it", async () => {
    const command = `git commit --no-verify -m "Add retry" -m "Because."`;
    const blocked = await gate(command, { runShell: () => ({ exitCode: 1, stdout: "boom", stderr: "", timedOut: false }) });
    expect(blocked.verdict.action === "deny" ? blocked.verdict.reason : "").toMatch(/--no-verify does not skip/);
    const allowed = await gate(command, { config: commitConfig({}, { allowNoVerify: true }), runShell: () => ({ exitCode: 1, stdout: "boom", stderr: "", timedOut: false }) });
    expect(allowed.verdict.action).toBe("pass");
  });

  it("ignores variables set in the command to skip it", async () => {
    const { verdict } = await gate(`SHIPSHAPE_SKIP=1 SKIP_VERIFY=1 HUSKY=0 ${GOOD}`, { runShell: () => ({ exitCode: 1, stdout: "", stderr: "", timedOut: false }) });
    expect(verdict.action).toBe("deny");
  });

  it("can be turned off by a person in the config", async () => {
    const { io } = await gate(GOOD, { config: commitConfig({}, { enabled: false }) });
    expect(io.calls.filter((c) => c.startsWith("sh: "))).toHaveLength(0);
  });

  it("refuses every commit while the config is broken", async () => {
    const { verdict } = await gate(GOOD, { degraded: true });
    expect(verdict.action === "deny" ? verdict.reason : "").toMatch(/configuration is broken[\s\S]*commit\.verify/);
  });

  it.each([
    ["git fails", { exitCode: 128, stdout: "", stderr: "fatal: index file corrupt", timedOut: false }, /exited with code 128: fatal: index file corrupt/],
    ["git times out", { exitCode: null, stdout: "", stderr: "", timedOut: true }, /timed out after 10 s/],
    ["git cannot start", { exitCode: null, stdout: "", stderr: "spawnSync git ENOENT", timedOut: false }, /could not run: spawnSync git ENOENT/],
  ])("blocks when the repository is there but %s to report its status", async (_name, status, why) => {
    const io = repoIO();
    const run = io.run.bind(io);
    io.run = async (argv, options) => (argv[1] === "--no-optional-locks" ? status : run(argv, options));
    const { verdict } = await gate(GOOD, { io });
    expect(verdict.action).toBe("deny");
    const reason = verdict.action === "deny" ? verdict.reason : "";
    expect(reason).toMatch(why);
    expect(reason).toMatch(/cannot tell what the commit records[\s\S]*Run `git status`/);
    expect(io.calls.filter((c) => c.startsWith("sh: "))).toEqual([]);
  });

  describe("which repository a commit is verified in", () => {
    /** The repository at /repo, and a second one at /lib, each with its own test command. */
    function twoRepos() {
      const cwds: string[] = [];
      const io = repoIO({ "/lib/.git/HEAD": "ref: refs/heads/main\n", "/lib/package.json": JSON.stringify({ scripts: { test: "node --test" } }) }, (command, options) => {
        cwds.push(`${options.cwd}: ${command}`);
        return { exitCode: 0, stdout: "ok\n", stderr: "", timedOut: false };
      });
      const run = io.run.bind(io);
      io.run = async (argv, options) => (argv.join(" ") === "git rev-parse --show-toplevel" ? { exitCode: 0, stdout: "/repo\n", stderr: "", timedOut: false } : run(argv, options));
      return { io, cwds };
    }

    it.each(['cd "$DIR"', "cd $(ls -d ../*/ | head -1)", 'cd sub && cd "$(git rev-parse --show-toplevel)"', "popd"])("refuses a commit after %s, whose folder is unknown", async (cd) => {
      const { verdict, io } = await gate(`${cd} && ${GOOD}`);
      expect(verdict.action).toBe("deny");
      expect(verdict.action === "deny" && verdict.reason).toMatch(/commits in a folder only known when the command runs[\s\S]*git -C path\/to\/repo commit/);
      expect(io.calls.filter((c) => c.startsWith("sh: "))).toEqual([]);
    });

    it("verifies the repository a cd to git's top lands in", async () => {
      const { io, cwds } = twoRepos();
      const { verdict } = await gate(`cd "$(git rev-parse --show-toplevel)" && ${GOOD}`, { io, cwd: "/repo/sub" });
      expect(verdict.action).toBe("pass");
      expect(cwds).toEqual(["/repo: npm run lint", "/repo: npm test"]);
    });

    it.each(["pushd sub && ls && popd", "cd sub && cd -"])("verifies the repository %s returns to", async (moves) => {
      const { io, cwds } = twoRepos();
      const { verdict } = await gate(`${moves} && ${GOOD}`, { io });
      expect(verdict.action).toBe("pass");
      expect(cwds).toEqual(["/repo: npm run lint", "/repo: npm test"]);
    });

    it("verifies each repository the command commits in", async () => {
      const { io, cwds } = twoRepos();
      const { verdict } = await gate(`git -C /lib commit -m "Add the parser" -m "It reads the new format." && ${GOOD}`, { io });
      expect(verdict.action).toBe("pass");
      expect(cwds).toEqual(["/lib: npm test", "/repo: npm run lint", "/repo: npm test"]);
    });
  });

  it("says when the commit leaves changes out", async () => {
    const io = repoIO();
    const run = io.run.bind(io);
    io.run = async (argv, options) =>
      argv[1] === "--no-optional-locks" ? { exitCode: 0, stdout: "1 M. N... 1 1 1 a b src/app.ts\x001 .M N... 1 1 1 a b README.md\x00? notes.txt\x00", stderr: "", timedOut: false } : run(argv, options);
    const { verdict } = await gate(GOOD, { io });
    expect(verdict).toMatchObject({ action: "pass", note: expect.stringMatching(/2 file\(s\) have changes this commit will not include \(README\.md, notes\.txt\)/) });
  });
});

describe("detecting verification commands", () => {
  it.each([
    [{ "/p/package.json": JSON.stringify({ scripts: { test: "vitest", typecheck: "tsc --noEmit" } }), "/p/pnpm-lock.yaml": "" }, ["pnpm run typecheck", "pnpm test"]],
    [{ "/p/package.json": JSON.stringify({ scripts: { test: "vitest", lint: "eslint ." } }), "/p/yarn.lock": "" }, ["yarn run lint", "yarn test"]],
    // \`bun test\` would run Bun's own test runner instead of the script.
    [{ "/p/package.json": JSON.stringify({ scripts: { test: "vitest", typecheck: "tsc --noEmit" } }), "/p/bun.lock": "" }, ["bun run typecheck", "bun run test"]],
    [{ "/p/package.json": JSON.stringify({ scripts: { test: "jest" } }), "/p/bun.lockb": "" }, ["bun run test"]],
    [{ "/p/package.json": JSON.stringify({ scripts: { test: 'echo "Error: no test specified" && exit 1' } }) }, []],
    [{ "/p/pyproject.toml": "[tool.ruff]\n[tool.pytest.ini_options]\n" }, ["ruff check .", "python -m pytest -q"]],
    [{ "/p/pyproject.toml": "[tool.ruff]\n[tool.pytest.ini_options]\n", "/p/uv.lock": "" }, ["uv run ruff check .", "uv run python -m pytest -q"]],
    [{ "/p/pyproject.toml": "[tool.pytest.ini_options]\n", "/p/poetry.lock": "" }, ["poetry run python -m pytest -q"]],
    [{ "/p/pyproject.toml": "[tool.ruff]\n[tool.pytest.ini_options]\n", "/p/.venv/bin/python": "" }, [".venv/bin/ruff check .", ".venv/bin/python -m pytest -q"]],
    [{ "/p/Cargo.toml": "[package]" }, ["cargo test --quiet"]],
    [{ "/p/go.mod": "module x" }, ["go vet ./...", "go test ./..."]],
    [{ "/p/Makefile": "build:\n\ttrue\ncheck:\n\ttrue\n" }, ["make check"]],
    [{ "/p/Makefile": "test:\n\ttrue\n" }, ["make test"]],
    [{ "/p/README.md": "" }, []],
    [{ "/p/deno.json": '{ "tasks": { "dev": "deno run -A main.ts", "test": "deno test -A", "lint": "deno lint" } }' }, ["deno task lint", "deno task test"]],
    [{ "/p/deno.json": '{ "imports": {} }' }, []],
    [{ "/p/composer.json": JSON.stringify({ scripts: { test: "phpunit", "post-install-cmd": "x" } }) }, ["composer test"]],
    [{ "/p/Gemfile": "", "/p/.rspec": "--require spec_helper", "/p/Rakefile": "", "/p/test/x_test.rb": "" }, ["bundle exec rspec"]],
    [{ "/p/Gemfile": "", "/p/Rakefile": "", "/p/test/x_test.rb": "" }, ["bundle exec rake test"]],
    [{ "/p/Gemfile": "" }, []],
    [{ "/p/mix.exs": "" }, ["mix test"]],
    [{ "/p/Package.swift": "" }, ["swift test"]],
    [{ "/p/build.zig": "" }, ["zig build test"]],
    [{ "/p/gradlew": "", "/p/build.gradle.kts": "" }, ["./gradlew test -q"]],
    [{ "/p/pom.xml": "", "/p/mvnw": "" }, ["./mvnw -q test"]],
    [{ "/p/pom.xml": "" }, ["mvn -q test"]],
    [{ "/p/App.sln": "", "/p/src/App/App.csproj": "" }, ["dotnet test"]],
    // A project's own runner goes beside the others it has, and a Makefile is no longer the fallback.
    [{ "/p/package.json": JSON.stringify({ scripts: { test: "vitest" } }), "/p/mix.exs": "", "/p/Makefile": "test:\n\ttrue\n" }, ["npm test", "mix test"]],
  ])("%j", async (files, expected) => {
    const detected = await detectCommands(memoryIO({ files }), "/p");
    expect(detected.commands.map((c) => c.command)).toEqual(expected);
  });
});

it("names the files the commands were detected from", async () => {
  const detected = await detectCommands(memoryIO({ files: { "/p/package.json": JSON.stringify({ scripts: { test: "vitest" } }), "/p/mix.exs": "", "/p/App.csproj": "" } }), "/p");
  expect(detected.source).toBe("detected from package.json, mix.exs, App.csproj");
});

describe("commits through other tools that run commands", () => {
  const decide = (tool: string, command: string) =>
    commitGate.decide({ tool, input: { command }, cwd: "/repo", sessionId: "t" }, { io: repoIO(), config: DEFAULT_CONFIG, configDegraded: false, projectDir: "/repo", home: "/home/dev" });

  it.each<[string, string]>([
    ["PowerShell", 'git commit -m "wip"'],
    ["PowerShell", "& git.exe -C api commit -m x"],
    ["PowerShell", "Start-Process git -ArgumentList 'commit','-m','x'"],
    ["PowerShell", "g`it co`mmit -m x"],
    ["Monitor", "git commit -m x"],
  ])("refuses a %s call that commits, pointing to Bash", async (tool, command) => {
    const verdict = await decide(tool, command);
    expect(verdict.action).toBe("deny");
    expect(verdict.action === "deny" && verdict.reason).toMatch(new RegExp(`This ${tool} call runs \`git commit\`.*Run the commit with the Bash tool`));
  });

  it.each<[string, string]>([
    ["PowerShell", "Write-Output 'git commit'"],
    ["PowerShell", 'echo "run git commit later"'],
    ["PowerShell", "git status; git log --oneline"],
    ["PowerShell", "git add -A"],
    ["Monitor", "tail -f build.log | grep commit"],
    ["Monitor", "git log -f"],
  ])("lets a %s call that does not commit through: %s", async (tool, command) => {
    expect((await decide(tool, command)).action).toBe("pass");
  });
});
