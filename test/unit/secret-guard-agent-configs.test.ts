/**
 * Claude Code's settings and MCP configs that write a token out (`"env": {"GITHUB_TOKEN": "ghp_…"}`):
 * a secret by contents, not by name. Reading one is refused; the same calls over a config that refers
 * to its tokens (`"${GITHUB_TOKEN}"`) or holds none pass, so the agent can still read and edit its
 * settings.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type ShipshapeConfig } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { hasCredentialedUrl, hasWrittenSecret, isAgentConfigPath } from "../../hooks/src/guards/secrets/secret-files.js";
import { memoryIO } from "../helpers/memory-io.js";

const PROJECT = "/work/app";
const HOME = "/home/dev";
const mcp = (env: string) => `{"mcpServers":{"github":{"command":"npx","args":["-y","@modelcontextprotocol/server-github"],"env":{${env}}}}}\n`;
const WRITTEN = mcp('"GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_abcdefghijklmnopqrstuvwxyz0123456789"');
const REFERRED = mcp('"GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_TOKEN}"');
const SETTINGS_CLEAN = JSON.stringify({ permissions: { allow: ["Bash(npm test)"] }, apiKeyHelper: "~/bin/anthropic-key.sh", env: { NODE_ENV: "development", MAX_TOKENS: "4096" } }, null, 2);
const SETTINGS_KEY = JSON.stringify({ env: { ANTHROPIC_API_KEY: "sk-ant-api03-abcdefghijklmnopqrstuvwxyz" } }, null, 2);

function project(files: Record<string, string>) {
  return memoryIO({ files: { [`${PROJECT}/src/app.ts`]: "export {};\n", ...files }, env: { HOME } });
}

async function decide(io: ReturnType<typeof memoryIO>, tool: string, input: Record<string, unknown>, config: ShipshapeConfig = DEFAULT_CONFIG) {
  return secretGuard.decide({ tool, input, cwd: PROJECT, sessionId: "t" }, { io, config, configDegraded: false, projectDir: PROJECT, home: HOME });
}

const places: Array<[string, string]> = [
  ["the project's .mcp.json", `${PROJECT}/.mcp.json`],
  ["Cursor's mcp.json", `${PROJECT}/.cursor/mcp.json`],
  ["VS Code's mcp.json", `${PROJECT}/.vscode/mcp.json`],
  ["Claude Desktop's config", `${HOME}/.config/Claude/claude_desktop_config.json`],
  ["Windsurf's mcp_config.json", `${HOME}/.codeium/windsurf/mcp_config.json`],
  ["Gemini CLI's settings", `${HOME}/.gemini/settings.json`],
  ["a project's Gemini CLI settings", `${PROJECT}/.gemini/settings.json`],
  ["Zed's settings", `${HOME}/.config/zed/settings.json`],
];

describe("agent and MCP configs with a token written out", () => {
  it.each(places)("refuses reading %s that writes a token out, and passes one that refers to it", async (_name, path) => {
    for (const [tool, input] of [
      ["Read", { file_path: path }],
      ["Bash", { command: `cat '${path}'` }],
      ["Bash", { command: `jq .mcpServers '${path}'` }],
      ["Grep", { pattern: "token", path }],
    ] as const) {
      const dirty = await decide(project({ [path]: WRITTEN }), tool, input);
      expect(dirty.action, `${tool} ${JSON.stringify(input)}`).toBe("deny");
      if (dirty.action === "deny") expect(dirty.reason).toContain('category "agent-config-credentials"');
      expect((await decide(project({ [path]: REFERRED }), tool, input)).action, `${tool} ${JSON.stringify(input)}`).toBe("pass");
    }
  });

  it("judges Claude Code's settings by their env, so settings without a key stay readable and editable", async () => {
    for (const name of ["settings.json", "settings.local.json"]) {
      const path = `${PROJECT}/.claude/${name}`;
      expect((await decide(project({ [path]: SETTINGS_KEY }), "Read", { file_path: path })).action).toBe("deny");
      expect((await decide(project({ [path]: SETTINGS_KEY }), "Edit", { file_path: path, old_string: "a", new_string: "b" })).action).toBe("deny");
      expect((await decide(project({ [path]: SETTINGS_CLEAN }), "Read", { file_path: path })).action).toBe("pass");
      expect((await decide(project({ [path]: SETTINGS_CLEAN }), "Edit", { file_path: path, old_string: "a", new_string: "b" })).action).toBe("pass");
    }
  });

  it("refuses a recursive search that reaches one, and passes one that leaves it out", async () => {
    const io = project({ [`${PROJECT}/.mcp.json`]: WRITTEN });
    expect((await decide(io, "Bash", { command: "grep -rn github ." })).action).toBe("deny");
    expect((await decide(io, "Bash", { command: "grep -rn github --include='*.ts' ." })).action).toBe("pass");
    expect((await decide(project({ [`${PROJECT}/.mcp.json`]: REFERRED }), "Bash", { command: "grep -rn github ." })).action).toBe("pass");
  });

  it("reads Codex's config.toml, whose MCP servers' env is TOML", async () => {
    const path = `${HOME}/.codex/config.toml`;
    const written = '[mcp_servers.github]\ncommand = "npx"\n\n[mcp_servers.github.env]\nGITHUB_PERSONAL_ACCESS_TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"\n';
    const header = '[mcp_servers.api]\nurl = "https://mcp.example.com/mcp"\nhttp_headers = { "Authorization" = "Bearer abcdefghijklmnop" }\n';
    const clean = 'model = "gpt-5-codex"\n\n[mcp_servers.github]\ncommand = "npx"\nbearer_token_env_var = "GITHUB_TOKEN"\nenv_vars = ["GITHUB_TOKEN"]\n';
    for (const [text, expected] of [[written, "deny"], [header, "deny"], [clean, "pass"]] as const) {
      expect((await decide(project({ [path]: text }), "Read", { file_path: path })).action, text).toBe(expected);
      expect((await decide(project({ [path]: text }), "Bash", { command: `cat ${path}` })).action, text).toBe(expected);
    }
  });

  it("can be turned off by category or allowed by path", async () => {
    const io = project({ [`${PROJECT}/.mcp.json`]: WRITTEN });
    const off = { ...DEFAULT_CONFIG, secrets: { ...DEFAULT_CONFIG.secrets, disable: ["agent-config-credentials"] } };
    expect((await decide(io, "Read", { file_path: `${PROJECT}/.mcp.json` }, off)).action).toBe("pass");
    const allowed = { ...DEFAULT_CONFIG, secrets: { ...DEFAULT_CONFIG.secrets, allow: [".mcp.json"] } };
    expect((await decide(io, "Read", { file_path: `${PROJECT}/.mcp.json` }, allowed)).action).toBe("pass");
  });
});

describe("hasWrittenSecret and isAgentConfigPath", () => {
  it.each([
    ['"GITHUB_TOKEN": "ghp_abcdefghijklmnopqrstuvwxyz0123"', true],
    ['"apiKey": "sk-abcdefghijklmnop"', true],
    ['"clientSecret": "abcdefghijklmnop"', true],
    ['"Authorization": "Bearer abcdefghijklmnop"', true],
    ['"X-API-Key": "abcdefghijklmnop"', true],
    ['"DATABASE_URL": "postgres://app:hunter22@db/app"', true],
    ['"GITHUB_TOKEN": "${GITHUB_TOKEN}"', false],
    ['"Authorization": "Bearer ${API_TOKEN}"', false],
    ['"GITHUB_TOKEN": "$GITHUB_TOKEN"', false],
    ['"API_KEY": "<your key here>"', false],
    ['"apiKeyHelper": "~/bin/anthropic-key.sh"', false],
    ['"passwordFile": "secrets/db-password.txt"', false],
    ['"MAX_TOKENS": "4096"', false],
    ['"max_tokens": 4096', false],
    ['"GITHUB_TOKEN": ""', false],
    ['"NODE_ENV": "development"', false],
    ['"DATABASE_URL": "postgres://db/app"', false],
    ['"url": "https://mcp.example.com/sse"', false],
    ['"awsCredentialExport": "aws sts get-session-token --profile dev"', false],
    ['"MAX_THINKING_TOKENS": "31999"', false],
    ['"GITHUB_TOKEN": "your-github-token-here"', false],
    ['"API_KEY": "REPLACE_WITH_YOUR_KEY"', false],
    ['"apiKey": "sk-xxxxxxxxxxxxxxxx"', false],
    ['"ANTHROPIC_AUTH_TOKEN": "sk-ant-abcdefghijklmnop"', true],
    ['"Authorization": "token ghp_abcdefghijklmnop"', true],
    ['GITHUB_TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123"', true],
    ["OPENAI_API_KEY = 'sk-abcdefghijklmnop'", true],
    ['GITHUB_TOKEN = "${GITHUB_TOKEN}"', false],
    ['bearer_token_env_var = "GITHUB_TOKEN_VALUE"', false],
    ['model = "gpt-5-codex-high"', false],
  ])("%s: %s", (pair, expected) => {
    const text = `{"env": {${pair}}}`;
    expect(hasWrittenSecret(text) || hasCredentialedUrl(text)).toBe(expected);
  });

  it.each([
    ["/p/.mcp.json", true],
    ["/p/.cursor/mcp.json", true],
    ["/home/dev/Library/Application Support/Claude/claude_desktop_config.json", true],
    ["/home/dev/.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json", true],
    ["/p/.claude/settings.json", true],
    ["/home/dev/.claude/settings.local.json", true],
    ["/p/settings.json", false],
    ["/p/.vscode/settings.json", false],
    ["/p/.gemini/settings.json", true],
    ["/p/.zed/settings.json", true],
    ["/home/dev/.config/zed/settings.json", true],
    ["/p/zed/settings.json.bak", false],
    ["/p/src/gemini/settings.json", false],
    ["/home/dev/.codex/config.toml", true],
    ["/p/config.toml", false],
    ["/p/package.json", false],
  ])("%s: %s", (path, expected) => {
    expect(isAgentConfigPath(path)).toBe(expected);
  });
});

describe("Kubernetes Secret manifests, judged by contents", () => {
  const SECRET = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: aHVudGVyMg==\n";
  const TEMPLATE = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  password: {{ .Values.password | b64enc }}\n";
  const SEALED = "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nspec:\n  encryptedData:\n    password: AgBy3i4OJSWK+PiTySYZZA==\n";

  it.each<[string, string, string, Record<string, unknown>, "deny" | "pass"]>([
    ["a Secret with its data", `${PROJECT}/k8s/db-secret.yaml`, SECRET, { command: "cat k8s/db-secret.yaml" }, "deny"],
    ["a search that reaches one", `${PROJECT}/k8s/db-secret.yaml`, SECRET, { command: "grep -rn password k8s" }, "deny"],
    ["a chart's template", `${PROJECT}/chart/templates/secret.yaml`, TEMPLATE, { command: "cat chart/templates/secret.yaml" }, "pass"],
    ["a SealedSecret (encrypted for the cluster)", `${PROJECT}/k8s/sealed-secret.yaml`, SEALED, { command: "cat k8s/sealed-secret.yaml" }, "pass"],
    ["applying one (kubectl prints its name)", `${PROJECT}/k8s/db-secret.yaml`, SECRET, { command: "kubectl apply -f k8s/db-secret.yaml" }, "pass"],
  ])("%s", async (_name, path, text, input, expected) => {
    expect((await decide(project({ [path]: text }), "Bash", input)).action).toBe(expected);
  });
});
