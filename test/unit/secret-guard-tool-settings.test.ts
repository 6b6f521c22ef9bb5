/**
 * A project's .npmrc, .yarnrc.yml and .sentryclirc are tool token files by name, but most hold settings
 * alone (`legacy-peer-deps=true`, `nodeLinker: node-modules`, `[defaults] org=acme`) or a token by
 * reference (`_authToken=${NPM_TOKEN}`, which the tool fills in from the environment). Those pass, read
 * or searched; one with any auth written out stays refused.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { memoryIO } from "../helpers/memory-io.js";

const PROJECT = "/work/app";
const HOME = "/home/dev";

async function decide(name: string, text: string, tool: string, input: Record<string, unknown>) {
  const io = memoryIO({ files: { [`${PROJECT}/src/app.ts`]: "export {};\n", [`${PROJECT}/${name}`]: text }, env: { HOME } });
  return (await secretGuard.decide({ tool, input, cwd: PROJECT, sessionId: "t" }, { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: PROJECT, home: HOME })).action;
}

const calls = (name: string): Array<[string, Record<string, unknown>]> => [
  ["Read", { file_path: `${PROJECT}/${name}` }],
  ["Bash", { command: `cat ${name}` }],
  ["Bash", { command: "grep -r registry ." }],
];

const FILES: Array<{ name: string; settings: string[]; auth: string[] }> = [
  {
    name: ".npmrc",
    settings: [
      "legacy-peer-deps=true\n",
      "engine-strict=true\nsave-exact=true\n",
      "@acme:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken=${GITHUB_TOKEN}\n",
      '//registry.npmjs.org/:_authToken="${NPM_TOKEN}"\nalways-auth=true\n',
    ],
    auth: [
      "//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123\n",
      "_auth=dXNlcjpwYXNz\n",
      "//nexus.acme.dev/repository/npm/:username=ci\n//nexus.acme.dev/repository/npm/:_password=c2VjcmV0\n",
      "registry=https://ci:hunter22@nexus.acme.dev/repository/npm/\n",
      "legacy-peer-deps=true\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n//npm.pkg.github.com/:_authToken=ghp_abcdefghijklmnopqrstuvwxyz\n",
    ],
  },
  {
    name: ".yarnrc.yml",
    settings: [
      "nodeLinker: node-modules\nyarnPath: .yarn/releases/yarn-4.5.0.cjs\n",
      'npmScopes:\n  acme:\n    npmRegistryServer: "https://npm.pkg.github.com"\n    npmAuthToken: "${GITHUB_TOKEN}"\n',
      "npmAlwaysAuth: true\nnpmAuthToken: ${NPM_TOKEN-}\n",
    ],
    auth: [
      "npmAuthToken: npm_abcdefghijklmnopqrstuvwxyz0123\n",
      'npmScopes:\n  acme:\n    npmAuthToken: "ghp_abcdefghijklmnopqrstuvwxyz"\n',
      "npmAuthIdent: ci:hunter22\n",
      'npmRegistryServer: "https://ci:hunter22@nexus.acme.dev/repository/npm/"\n',
    ],
  },
  {
    name: ".sentryclirc",
    settings: ["[defaults]\norg=acme\nproject=web\n", "[defaults]\nurl=https://sentry.acme.dev/\n"],
    auth: ["[auth]\ntoken=sntrys_abcdefghijklmnopqrstuvwxyz\n", "[defaults]\norg=acme\n\n[auth]\n  token = 0123456789abcdef0123456789abcdef\n"],
  },
];

describe.each(FILES)("a project's $name", ({ name, settings, auth }) => {
  it.each(settings)("passes when it holds no auth written out: %j", async (text) => {
    for (const [tool, input] of calls(name)) expect(await decide(name, text, tool, input), `${tool} ${JSON.stringify(input)}`).toBe("pass");
  });

  it.each(auth)("refuses when it writes auth out: %j", async (text) => {
    for (const [tool, input] of calls(name)) expect(await decide(name, text, tool, input), `${tool} ${JSON.stringify(input)}`).toBe("deny");
  });
});
