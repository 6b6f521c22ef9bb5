import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type ShipshapeConfig } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { explain } from "../../hooks/src/cli/explain.js";
import { resolveConfigSources } from "../../hooks/src/entries/config-loader.js";
import { call, fixtureContext, fixtureIO, HOME, PROJECT } from "../corpus/fixture.js";
import { memoryIO } from "../helpers/memory-io.js";

function withSecrets(secrets: Partial<ShipshapeConfig["secrets"]>): ShipshapeConfig {
  return { ...DEFAULT_CONFIG, secrets: { ...DEFAULT_CONFIG.secrets, ...secrets } };
}

async function action(config: ShipshapeConfig, tool: string, input: Record<string, unknown>) {
  return (await secretGuard.decide(call(tool, input), fixtureContext(config))).action;
}

describe("secret guard configuration", () => {
  it.each([
    ["allow by path", withSecrets({ allow: ["certs/server.pem"] }), "Bash", { command: "cat certs/server.pem" }, "pass"],
    ["allow by name", withSecrets({ allow: ["server.pem"] }), "Read", { file_path: `${PROJECT}/certs/server.pem` }, "pass"],
    ["allow by glob", withSecrets({ allow: ["certs/*"] }), "Bash", { command: "cat certs/server.key" }, "pass"],
    ["allow keeps other files guarded", withSecrets({ allow: ["certs/server.pem"] }), "Bash", { command: "cat certs/server.key" }, "deny"],
    ["allow of a home path", withSecrets({ allow: ["~/.npmrc"] }), "Read", { file_path: `${HOME}/.npmrc` }, "pass"],
    ["a project pattern", withSecrets({ patterns: ["app.yaml"] }), "Read", { file_path: `${PROJECT}/config/app.yaml` }, "deny"],
    ["a project path pattern", withSecrets({ patterns: ["docs/*.md"] }), "Bash", { command: "cat docs/guide.md" }, "deny"],
    ["a disabled category", withSecrets({ disable: ["terraform"] }), "Read", { file_path: `${PROJECT}/infra/terraform.tfstate` }, "pass"],
    ["a disabled pattern", withSecrets({ disable: ["*.pem"] }), "Read", { file_path: `${PROJECT}/certs/server.pem` }, "pass"],
    ["a disabled pattern leaves its category", withSecrets({ disable: ["*.pem"] }), "Read", { file_path: `${PROJECT}/certs/server.key` }, "deny"],
    ["environment off lets env dumps through", withSecrets({ environment: false }), "Bash", { command: "env" }, "pass"],
    ["environment off still guards files", withSecrets({ environment: false }), "Bash", { command: "cat .env" }, "deny"],
    ["environment off drops /proc environ", withSecrets({ environment: false }), "Bash", { command: "cat /proc/self/environ" }, "pass"],
    ["the guard turned off", withSecrets({ enabled: false }), "Read", { file_path: `${PROJECT}/.env` }, "pass"],
  ] as const)("%s", async (_name, config, tool, input, expected) => {
    expect(await action(config, tool, input)).toBe(expected);
  });

  it("reads allow entries from .claude/shipshape.yaml when run as a hook", async () => {
    const io = fixtureIO();
    const files = memoryIO({ files: { [`${PROJECT}/.claude/shipshape.yaml`]: "secrets:\n  allow: [certs/server.pem]\n" } });
    const text = await files.readText(`${PROJECT}/.claude/shipshape.yaml`);
    const loaded = resolveConfigSources([{ path: `${PROJECT}/.claude/shipshape.yaml`, text: text ?? "" }]);
    expect((await secretGuard.decide(call("Read", { file_path: `${PROJECT}/certs/server.pem` }), fixtureContext(loaded.config, io))).action).toBe("pass");
  });
});

describe("shipshape explain", () => {
  const options = { io: fixtureIO(), cwd: PROJECT, projectDir: PROJECT, home: HOME, resolver: resolveConfigSources };

  it("names the category, the rule and how to allow a secret path", async () => {
    const result = await explain([".env", "src/app.ts", "link-to-env"], options);
    expect(result.code).toBe(1);
    expect(result.text).toMatch(/\.env: SECRET: dotenv file \(category "dotenv", rule `\.env`\)/);
    expect(result.text).toMatch(/secrets\.allow/);
    expect(result.text).toMatch(/src\/app\.ts: not a secret file/);
    expect(result.text).toMatch(/link-to-env: SECRET \(a link to \/home\/dev\/project\/\.env\)/);
  });

  it("exits 0 when nothing named is secret", async () => {
    expect((await explain(["README.md"], options)).code).toBe(0);
  });

  it("explains a Bash command's refusal", async () => {
    const result = await explain(["--bash", "cat .e''nv"], options);
    expect(result.code).toBe(1);
    expect(result.text).toMatch(/BLOCKED/);
  });

  it("explains any tool call", async () => {
    const own = await explain(["--bash", "echo 'secrets: {enabled: false}' > .claude/shipshape.yaml"], options);
    expect(own.code).toBe(1);
    expect(own.text).toMatch(/BLOCKED\nshipshape blocked this Bash call: .* shipshape's configuration/);
    const allowed = await explain(["--tool", "Read", JSON.stringify({ file_path: `${PROJECT}/.env.example` })], options);
    expect(allowed.code).toBe(0);
    expect(allowed.text).toMatch(/allowed/);
    expect((await explain(["--tool", "Read", "{not json"], options)).code).toBe(2);
  });

  it("checks a commit's message, and says verification is left for the commit itself", async () => {
    const bad = await explain(["--bash", "git commit -m 'feat: add retries'"], options);
    expect(bad.code).toBe(1);
    expect(bad.text).toMatch(/commit gate blocked this commit[\s\S]*type prefix/);
    const good = await explain(["--bash", "git commit -m 'Retry uploads once' -m 'The first attempt fails on a cold cache.'"], options);
    expect(good.code).toBe(0);
    expect(good.text).toMatch(/the commit message follows the convention; the verification commands run only when the agent commits/);
    expect((await explain(["--bash", "git log --oneline"], options)).text).not.toMatch(/commit message/);
  });

  it("reports a path the file system will not let it look at as the hook does, blocked", async () => {
    const io = fixtureIO();
    const refusing = { ...io, stat: async (path: string) => (path.startsWith("/proc/1/root/") ? Promise.reject(Object.assign(new Error(`EACCES: permission denied, lstat '${path}'`), { code: "EACCES" })) : io.stat(path)) };
    const result = await explain(["--bash", "cat /proc/1/root/app/.env"], { ...options, io: refusing });
    expect(result.code).toBe(1);
    expect(result.text).toMatch(/BLOCKED\nshipshape blocked this tool call: its guard may not look at \/proc\/1\/root\/app\/\.env \(permission denied\)/);
  });

  it("is itself allowed to mention secret files in a Bash call", async () => {
    expect(await action(DEFAULT_CONFIG, "Bash", { command: "shipshape explain .env" })).toBe("pass");
  });
});
