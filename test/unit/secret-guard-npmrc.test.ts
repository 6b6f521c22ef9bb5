/**
 * A project's .npmrc is a tool token file by name, but most hold settings alone (`legacy-peer-deps=true`)
 * or a token by reference (`_authToken=${NPM_TOKEN}`, which npm fills in from the environment). Those
 * pass, read or searched; one with any auth written out stays refused.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { memoryIO } from "../helpers/memory-io.js";

const PROJECT = "/work/app";
const HOME = "/home/dev";

async function decide(npmrc: string, tool: string, input: Record<string, unknown>) {
  const io = memoryIO({ files: { [`${PROJECT}/src/app.ts`]: "export {};\n", [`${PROJECT}/.npmrc`]: npmrc }, env: { HOME } });
  return (await secretGuard.decide({ tool, input, cwd: PROJECT, sessionId: "t" }, { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: PROJECT, home: HOME })).action;
}

const CALLS: Array<[string, Record<string, unknown>]> = [
  ["Read", { file_path: `${PROJECT}/.npmrc` }],
  ["Bash", { command: "cat .npmrc" }],
  ["Bash", { command: "grep -r registry ." }],
];

describe("a project's .npmrc", () => {
  it.each([
    "legacy-peer-deps=true\n",
    "engine-strict=true\nsave-exact=true\n",
    "@acme:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken=${GITHUB_TOKEN}\n",
    '//registry.npmjs.org/:_authToken="${NPM_TOKEN}"\nalways-auth=true\n',
  ])("passes when it holds no auth written out: %j", async (npmrc) => {
    for (const [tool, input] of CALLS) expect(await decide(npmrc, tool, input), `${tool} ${JSON.stringify(input)}`).toBe("pass");
  });

  it.each([
    "//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123\n",
    "_auth=dXNlcjpwYXNz\n",
    "//nexus.acme.dev/repository/npm/:username=ci\n//nexus.acme.dev/repository/npm/:_password=c2VjcmV0\n",
    "registry=https://ci:hunter22@nexus.acme.dev/repository/npm/\n",
    "legacy-peer-deps=true\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n//npm.pkg.github.com/:_authToken=ghp_abcdefghijklmnopqrstuvwxyz\n",
  ])("refuses when it writes auth out: %j", async (npmrc) => {
    for (const [tool, input] of CALLS) expect(await decide(npmrc, tool, input), `${tool} ${JSON.stringify(input)}`).toBe("deny");
  });
});
