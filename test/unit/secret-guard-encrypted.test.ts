/**
 * A .env or secrets file whose every value is encrypted (dotenvx's `encrypted:…`, sops' `ENC[…]`) is
 * made to be committed and read: nothing shows without the key, which lives elsewhere (`.env.keys`,
 * an age or KMS key). Those pass; the key file, and a file with one plain value, stay refused.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { encryptedOnly } from "../../hooks/src/guards/secrets/secret-files.js";
import { memoryIO } from "../helpers/memory-io.js";

const PROJECT = "/work/app";
const HOME = "/home/dev";

const DOTENVX = `#/-------------------[DOTENV_PUBLIC_KEY]--------------------/
#/            public-key encryption for .env files          /
DOTENV_PUBLIC_KEY="034af93e93708b994c10f236c96ef88e47291066946cce2e8d98c9e02c741ced45"

# .env
HELLO="encrypted:BDqDBibm4wsYqMpCjTQ6BsDHmMadg9K3dAt+Z9HPMfLEIRVz50hmLXPXRuDBXaJi/LwWYEVUNiq0HISrslzQPaoyS8Lotg3gFWJTsNCdOWnqpjF2xNUX2RQiP05E7VaWAnxs=="
`;
const SOPS_YAML = `db:
    password: ENC[AES256_GCM,data:p673w==,iv:Yl8=,tag:xY6Q==,type:str]
    users:
        - ENC[AES256_GCM,data:abc=,iv:x=,tag:y=,type:str]
sops:
    age:
        - recipient: age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw
          enc: |
            -----BEGIN AGE ENCRYPTED FILE-----
            YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBabGJ
            -----END AGE ENCRYPTED FILE-----
    lastmodified: "2026-01-01T00:00:00Z"
    mac: ENC[AES256_GCM,data:x=,iv:y=,tag:z=,type:str]
    version: 3.8.1
`;
const SOPS_JSON = `{
\t"api_key": "ENC[AES256_GCM,data:abc=,iv:x=,tag:y=,type:str]",
\t"nested": {
\t\t"token": "ENC[AES256_GCM,data:def=,iv:x=,tag:y=,type:str]"
\t},
\t"sops": {
\t\t"mac": "ENC[AES256_GCM,data:x=,type:str]",
\t\t"version": "3.8.1"
\t}
}
`;
const SOPS_DOTENV = "API_KEY=ENC[AES256_GCM,data:abc=,iv:x=,tag:y=,type:str]\nsops_version=3.8.1\nsops_mac=ENC[AES256_GCM,data:x=,type:str]\n";

async function decide(files: Record<string, string>, command: string) {
  const io = memoryIO({ files: { [`${PROJECT}/src/app.ts`]: "export {};\n", ...files }, env: { HOME } });
  return (await secretGuard.decide({ tool: "Bash", input: { command }, cwd: PROJECT, sessionId: "t" }, { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: PROJECT, home: HOME })).action;
}

describe("secret files whose every value is encrypted", () => {
  it.each<[string, string, string]>([
    ["dotenvx's .env", ".env", DOTENVX],
    ["sops' secrets.yaml", "secrets.yaml", SOPS_YAML],
    ["sops' secrets.json", "secrets.json", SOPS_JSON],
    ["sops' dotenv", ".env.production", SOPS_DOTENV],
  ])("passes %s, read or searched", async (_name, file, text) => {
    expect(await decide({ [`${PROJECT}/${file}`]: text }, `cat ${file}`)).toBe("pass");
    expect(await decide({ [`${PROJECT}/${file}`]: text }, "grep -r HELLO .")).toBe("pass");
  });

  it.each<[string, string, string]>([
    ["dotenvx's private key", ".env.keys", 'DOTENV_PRIVATE_KEY="81dac4d2c42e67a2c6542d3b943a4674a05c4be5e7e5a40a689be7a3bd49a07e"\n'],
    ["a .env with one value left plain", ".env", `${DOTENVX}DEBUG_TOKEN=abc123\n`],
    ["a sops file with a value it leaves plain", "secrets.yaml", SOPS_YAML.replace("    users:", "    host_unencrypted: db.internal\n    users:")],
    ["a .env with nothing encrypted", ".env", "API_KEY=abc123\n"],
  ])("refuses %s", async (_name, file, text) => {
    expect(await decide({ [`${PROJECT}/${file}`]: text }, `cat ${file}`)).toBe("deny");
  });
});

describe("encryptedOnly", () => {
  it.each([DOTENVX, SOPS_YAML, SOPS_JSON, SOPS_DOTENV])("finds every value encrypted in %j", (text) => {
    expect(encryptedOnly(text)).toBe(true);
  });

  it.each(["", "# just a comment\n", 'DOTENV_PUBLIC_KEY="03ab"\n', "A=ENC[x]\nB=plain\n", 'k: "encrypted:abc"\nv: 1\n', "sops:\n    mac: ENC[x]\n"])("does not in %j", (text) => {
    expect(encryptedOnly(text)).toBe(false);
  });
});

describe("a pipe, socket or device by a secret or config name", () => {
  // Reading a named pipe waits for a writer: a look at its contents would hang the hook until its timeout.
  function withPipes(pipes: string[]) {
    const io = memoryIO({ files: { [`${PROJECT}/src/app.ts`]: "export {};\n", ...Object.fromEntries(pipes.map((p) => [p, ""])) }, env: { HOME } });
    const stat = io.stat.bind(io);
    return Object.assign(io, {
      async stat(path: string) {
        const info = await stat(path);
        return info && pipes.includes(path) ? { ...info, kind: "other" as const } : info;
      },
      readText: (path: string) => (pipes.includes(path) ? new Promise<string>(() => {}) : Promise.resolve(undefined)),
    });
  }

  it.each<[string, "pass" | "deny"]>([
    [".env", "deny"],
    [".mcp.json", "pass"],
    [".npmrc", "deny"],
  ])("decides `cat %s` without reading it", async (name, action) => {
    const io = withPipes([`${PROJECT}/${name}`]);
    const verdict = await secretGuard.decide({ tool: "Bash", input: { command: `cat ${name}` }, cwd: PROJECT, sessionId: "t" }, { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: PROJECT, home: HOME });
    expect(verdict.action).toBe(action);
  }, 2000);
});
