/**
 * buildRules answers the first few dozen paths with one includes per literal fragment, and the rest
 * with one RegExp of them all (a tree being walked): both must judge every path the same way.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { buildRules } from "../../hooks/src/guards/secrets/rules.js";

const HOME = "/home/dev";
const PROJECT = "/home/dev/project";
const PATHS = [
  ".env", ".env.local", ".env.example", "config/.env.production", "prod.env", "example.env", "id_rsa", "id_ed25519.pub", "server.key", "certs/tls.crt",
  "secrets.yaml", "secrets.sample.yaml", "service-account.json", "service-account.example.json", "terraform.tfstate", "prod.tfvars", "prod.tfvars.example",
  ".npmrc", ".git-credentials", "src/index.ts", "README.md", "package.json", "src/secrets.ts", "docs/keys.md", "a(b).txt", "x+y.env", "q[1].pem", "$HOME.txt", "notes+keys.txt", "(secret).txt",
].map((p) => `${PROJECT}/${p}`).concat([`${HOME}/.aws/credentials`, `${HOME}/.aws/config`, `${HOME}/.ssh/known_hosts`, `${HOME}/.ssh/deploy`, `${HOME}/.kube/config`, "/etc/shadow", "/etc/hosts"]);

const judge = (rules: ReturnType<typeof buildRules>, path: string) => rules.classify(path)?.category.id ?? "none";

describe("the fragment prefilter, before and after it becomes one RegExp", () => {
  it.each([
    ["defaults", DEFAULT_CONFIG.secrets],
    ["custom patterns", { ...DEFAULT_CONFIG.secrets, patterns: ["*.secret", "private/**", "notes+keys.txt", "(secret).txt"], disable: ["terraform"] }],
  ])("judges every path alike with %s", (_name, config) => {
    const cold = buildRules({ config, home: HOME, projectDir: PROJECT });
    const expected = PATHS.map((p) => judge(cold, p));
    const warm = buildRules({ config, home: HOME, projectDir: PROJECT });
    for (let i = 0; i < 100; i++) warm.classify(`${PROJECT}/src/file${i}.ts`);
    expect(PATHS.map((p) => judge(warm, p))).toEqual(expected);
    expect(expected.filter((c) => c !== "none").length).toBeGreaterThan(10);
  });
});
