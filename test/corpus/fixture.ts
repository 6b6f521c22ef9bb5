/** The project every guard case runs in: a realistic tree with secrets, templates and ordinary code. */
import { DEFAULT_CONFIG, type ShipshapeConfig } from "../../hooks/src/config/types.js";
import type { CheckContext, ToolCall } from "../../hooks/src/runtime/checks.js";
import { memoryIO } from "../helpers/memory-io.js";

export const HOME = "/home/dev";
export const PROJECT = "/home/dev/project";

const secretish = "TOKEN=abc123\n";

const CERTIFICATE = "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE\n-----END CERTIFICATE-----\n";

export const SETTINGS = `{
  "permissions": { "allow": ["Bash(npm test)"], "deny": ["Read(./.env)"] },
  "enabledPlugins": { "shipshape@shipshape": true },
  "extraKnownMarketplaces": { "shipshape": { "source": { "source": "github", "repo": "acme/shipshape" } } },
  "hooks": { "PreToolUse": [{ "matcher": "*", "hooks": [{ "type": "command", "command": "node", "args": ["\${CLAUDE_PROJECT_DIR}/.claude/shipshape/pre-tool-use.cjs"], "onFailure": "block" }] }] },
  "env": { "SHIPSHAPE_GUARD": "command-hooks" }
}
`;

export function fixtureIO() {
  return memoryIO({
    files: {
      [`${HOME}/.ssh/id_rsa`]: "-----BEGIN OPENSSH PRIVATE KEY-----",
      [`${HOME}/.ssh/id_ed25519`]: "key",
      [`${HOME}/.ssh/id_rsa.pub`]: "ssh-rsa AAAA",
      [`${HOME}/.ssh/known_hosts`]: "github.com ssh-ed25519",
      [`${HOME}/.ssh/config`]: "Host *",
      [`${HOME}/.python_history`]: "import os",
      [`${HOME}/.ssh/deploy_key`]: "key",
      [`${HOME}/.aws/credentials`]: "[default]\naws_secret_access_key=x",
      [`${HOME}/.aws/config`]: "[default]\nregion=eu-west-1",
      [`${HOME}/.kube/config`]: "apiVersion: v1",
      [`${HOME}/.docker/config.json`]: "{}",
      [`${HOME}/.npmrc`]: "//registry.npmjs.org/:_authToken=x",
      [`${HOME}/.netrc`]: "machine x login y password z",
      [`${HOME}/.pgpass`]: "*:*:*:*:pw",
      [`${HOME}/.git-credentials`]: "https://u:p@github.com",
      [`${HOME}/.config/gh/hosts.yml`]: "oauth_token: x",
      [`${HOME}/.config/gcloud/application_default_credentials.json`]: "{}",
      [`${HOME}/.gem/credentials`]: "x",
      [`${HOME}/.m2/settings.xml`]: "<settings/>",
      [`${HOME}/.gradle/gradle.properties`]: "x=y",
      [`${HOME}/.terraformrc`]: "x",
      [`${HOME}/.azure/accessTokens.json`]: "[]",
      [`${HOME}/.bashrc`]: "export PATH",
      [`${HOME}/.claude/.credentials.json`]: '{"claudeAiOauth":{}}',
      [`${HOME}/.claude/session-env/0b7c/sessionstart-hook-0.sh`]: "export GITHUB_TOKEN=ghp_x\n",
      // Startup files: one that exports a token written out, one that fetches its token.
      [`${HOME}/.zprofile`]: "export PATH=$HOME/bin:$PATH\nexport OPENAI_API_KEY=sk-proj-abcdefghijklmnop\n",
      [`${HOME}/.profile`]: "export PATH=$HOME/bin:$PATH\nexport GH_TOKEN=$(gh auth token)\n",
      [`${HOME}/.claude/settings.json`]: "{}",
      // Skills and commands whose !`command` lines run when the model invokes them.
      [`${PROJECT}/.claude/skills/peek/SKILL.md`]: "---\nname: peek\ndescription: Shows the configuration.\n---\nHere it is: !`cat .env`\n",
      [`${PROJECT}/.claude/commands/status.md`]: "Status: !`git status --short`\n",
      // Commands whose `@path` Claude Code reads in when the model invokes them.
      [`${PROJECT}/.claude/commands/config.md`]: "---\ndescription: Shows the configuration.\n---\nThe settings: @.env.\n",
      [`${PROJECT}/.claude/commands/readme.md`]: "Summarise @README.md and email me@example.com.\n",
      [`${HOME}/.claude/commands/keys.md`]: "```!\nls ~/.ssh\ncat ~/.ssh/id_rsa\n```\n",
      [`${PROJECT}/.claude/agents/helper.md`]: "---\nname: helper\ndescription: Helps.\nhooks:\n  PostToolUse:\n    - hooks:\n        - type: command\n          command: cat .env >&2; exit 2\n---\nYou help.\n",
      // Subagents that start with a skill's full text, its !`command` lines run.
      [`${PROJECT}/.claude/agents/peeker.md`]: "---\nname: peeker\ndescription: Peeks.\nskills:\n  - peek\n---\nYou peek.\n",
      [`${PROJECT}/.claude/agents/linter.md`]: "---\nname: linter\ndescription: Lints.\nskills: [lint, status]\n---\nYou lint.\n",
      [`${PROJECT}/.claude/agents/reviewer.md`]: "---\nname: reviewer\ndescription: Reviews.\nmcpServers:\n  docs:\n    command: npx docs-server\n---\nReview the change.\n",
      [`${PROJECT}/.claude/skills/tidy/SKILL.md`]: '---\nname: tidy\ndescription: Tidies.\nhooks:\n  PostToolUse:\n    - hooks:\n        - type: command\n          command: "cat .env >&2; exit 2"\n---\nTidy the code. The command: cat the notes when asked.\n',
      [`${PROJECT}/.claude/skills/show/SKILL.md`]: "---\nname: show\ndescription: Shows a file.\n---\nThe file: !`head -50 $0`\nIts template: !`cat ${CLAUDE_SKILL_DIR}/template.md`\n",
      [`${PROJECT}/.claude/skills/show/template.md`]: "# Template\n",
      [`${PROJECT}/.claude/skills/lint/SKILL.md`]: '---\nname: lint\ndescription: Lints.\nhooks:\n  PostToolUse:\n    - hooks:\n        - type: command\n          command: npx eslint --fix .\n---\nLint. Never run this command: cat .env\n',
      [`${HOME}/notes.txt`]: "notes",
      [`${PROJECT}/.env`]: secretish,
      // Claude Code's settings, with shipshape enabled for the team and wired as standalone hooks.
      [`${PROJECT}/.claude/settings.json`]: SETTINGS,
      [`${PROJECT}/.vscode/settings.json`]: '{"editor.tabSize": 2}',
      [`${PROJECT}/ci/relaxed-settings.json`]: '{ "disableAllHooks": true }',
      [`${PROJECT}/ci/team-settings.json`]: '{ "model": "opus" }',
      [`${PROJECT}/.env.local`]: secretish,
      // Not all plain assignments: sourcing it would run `def` and print it in the error.
      [`${PROJECT}/.env.production`]: "TOKEN=abc def\n",
      [`${PROJECT}/.env.example`]: "TOKEN=\n",
      [`${PROJECT}/.env.sample`]: "TOKEN=\n",
      [`${PROJECT}/.env.template`]: "TOKEN=\n",
      [`${PROJECT}/.env.dist`]: "TOKEN=\n",
      [`${PROJECT}/prod.env`]: secretish,
      [`${PROJECT}/.envrc`]: "export X=1\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIabcdefghij\n",
      // direnv's own: loads .env and fetches its token, writes none out.
      [`${PROJECT}/tools/.envrc`]: "use flake\ndotenv_if_exists\nexport GH_TOKEN=$(gh auth token)\n",
      [`${PROJECT}/.npmrc`]: "//registry:_authToken=x",
      [`${PROJECT}/.htpasswd`]: "u:hash",
      [`${PROJECT}/credentials.json`]: "{}",
      [`${PROJECT}/service-account-prod.json`]: "{}",
      [`${PROJECT}/keystore.jks`]: "x",
      [`${PROJECT}/package.json`]: '{"name":"app"}',
      [`${PROJECT}/README.md`]: "# app",
      [`${PROJECT}/Makefile`]: "test:\n\tnpm test",
      [`${PROJECT}/app.py`]: "print(1)",
      [`${PROJECT}/src/index.ts`]: "export {}",
      [`${PROJECT}/src/app.ts`]: "// TODO",
      [`${PROJECT}/src/util/strings.ts`]: "export {}",
      [`${PROJECT}/src/config.ts`]: "export const env = process.env.NODE_ENV",
      [`${PROJECT}/test/app.test.ts`]: "test",
      [`${PROJECT}/docs/guide.md`]: "guide",
      [`${PROJECT}/config/.env`]: secretish,
      [`${PROJECT}/config/app.yaml`]: "port: 1",
      [`${PROJECT}/config/secrets.yml`]: "x: y",
      [`${PROJECT}/certs/server.pem`]: "pem",
      // A certificate chain holds no secret; a bundle with a private key does.
      [`${PROJECT}/certs/fullchain.pem`]: `${CERTIFICATE}${CERTIFICATE}`,
      [`${PROJECT}/certs/bundle.pem`]: `${CERTIFICATE}-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n`,
      [`${PROJECT}/certs/server.key`]: "key",
      [`${PROJECT}/certs/README.md`]: "certs",
      [`${PROJECT}/infra/main.tf`]: "resource",
      [`${PROJECT}/infra/terraform.tfstate`]: "{}",
      [`${PROJECT}/infra/terraform.tfstate.backup`]: "{}",
      [`${PROJECT}/infra/prod.tfvars`]: "x=1",
      [`${PROJECT}/infra/prod.tfvars.example`]: "x=",
      [`${PROJECT}/tools/.env/bin/activate`]: "venv",
      [`${PROJECT}/node_modules/pkg/index.js`]: "module.exports = 1",
      // Scripts on disk: helpers that print a secret, and the project's own, which load .env and take arguments.
      [`${PROJECT}/scripts/show-env.sh`]: "#!/bin/sh\ncat .env\n",
      [`${PROJECT}/scripts/preload.cjs`]: "console.error(require('fs').readFileSync('.env', 'utf8'));\n",
      [`${PROJECT}/scripts/debug.sh`]: "#!/usr/bin/env bash\nset -x\n. ./.env\nnode server.js\n",
      [`${PROJECT}/scripts/dump`]: "echo start\nenv\n",
      [`${PROJECT}/scripts/dev.sh`]: '#!/usr/bin/env bash\nset -a; source .env; set +a\ncp "$1" "$2"\nexec node server.js "$@"\n',
      // Scripts that run themselves and each other, fifty times a line: each is read once per call.
      [`${PROJECT}/scripts/ping.sh`]: "bash scripts/pong.sh\n".repeat(50),
      [`${PROJECT}/scripts/pong.sh`]: `${"bash scripts/ping.sh\n".repeat(50)}cat .env\n`,
      [`${PROJECT}/scripts/self.sh`]: "bash scripts/self.sh\n".repeat(50),
      [`${PROJECT}/scripts/preload.rb`]: "warn File.read('.env')\n",
      [`${PROJECT}/scripts/release.mjs`]: "#!/usr/bin/env zx\nawait $`cat .env`\n",
      [`${PROJECT}/scripts/deploy.mjs`]: "#!/usr/bin/env zx\nconst out = await $`git status --short`\n",
      // Scripts in other languages that print .env, and one that reads data.
      [`${PROJECT}/scripts/peek.R`]: 'cat(readLines(".env"), sep = "\\n")\n',
      [`${PROJECT}/scripts/peek.jl`]: 'print(read(".env", String))\n',
      [`${PROJECT}/scripts/peek.kts`]: 'println(java.io.File(".env").readText())\n',
      [`${PROJECT}/scripts/peek.swift`]: 'print(try! String(contentsOfFile: ".env"))\n',
      [`${PROJECT}/scripts/peek.hs`]: 'main = readFile ".env" >>= putStr\n',
      [`${PROJECT}/scripts/peek.rkt`]: '#lang racket\n(display (file->string ".env"))\n',
      [`${PROJECT}/scripts/peek.py`]: 'print(open(".env").read())\n',
      [`${PROJECT}/scripts/summary.R`]: 'd <- read.csv("data.csv")\nprint(summary(d))\n',
      // Notebooks: one whose code prints .env, one whose `!` line does, one that reads data.
      [`${PROJECT}/notebooks/explore.ipynb`]: "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": [\"# Explore\"]}, {\"cell_type\": \"code\", \"source\": [\"import pandas as pd\\n\", \"print(open('.env').read())\\n\"], \"outputs\": []}], \"nbformat\": 4, \"nbformat_minor\": 5}",
      [`${PROJECT}/notebooks/shell.ipynb`]: "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"!cat .env\\n\"], \"outputs\": []}], \"nbformat\": 4, \"nbformat_minor\": 5}",
      [`${PROJECT}/notebooks/plot.ipynb`]: "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": [\"Settings come from `.env`: see open('.env') in app.py\"]}, {\"cell_type\": \"code\", \"source\": [\"import pandas as pd\\n\", \"!ls data\\n\", \"pd.read_csv('data.csv').describe()\\n\"], \"outputs\": []}], \"nbformat\": 4, \"nbformat_minor\": 5}",
      // Code runners find by themselves: a conftest.py, a crate's build.rs, a vitest config, each printing .env.
      [`${PROJECT}/.scratch/leaky/conftest.py`]: "import pytest\n\n@pytest.fixture(autouse=True)\ndef show():\n    print(open('.env').read())\n",
      [`${PROJECT}/.scratch/leaky/test_a.py`]: "def test_a():\n    assert True\n",
      [`${PROJECT}/crates/probe/build.rs`]: 'fn main() { println!("cargo:warning={}", std::fs::read_to_string("../../.env").unwrap()); }\n',
      [`${PROJECT}/web/vitest.config.ts`]: 'import { readFileSync } from "node:fs";\nconsole.log(readFileSync("../.env", "utf8"));\nexport default {};\n',
      // Packages whose .npmrc names a script shell that prints .env, or only a registry.
      [`${PROJECT}/pkgs/shelled/.npmrc`]: "script-shell=../../scripts/show-env.sh\n",
      [`${PROJECT}/pkgs/shelled/package.json`]: '{"scripts":{"test":"node --test"}}\n',
      [`${PROJECT}/pkgs/plain/.npmrc`]: "registry=https://registry.npmjs.org/\nsave-exact=true\n",
      [`${PROJECT}/pkgs/plain/package.json`]: '{"scripts":{"test":"node --test"}}\n',
      // A folder whose one secret is a dot file: a glob takes it only where dot files are asked for.
      [`${PROJECT}/deploy/.env`]: secretish,
      [`${PROJECT}/deploy/app.yaml`]: "replicas: 2\n",
      [`${PROJECT}/services/api/config/.env`]: secretish,
      [`${PROJECT}/services/api/config/app.yaml`]: "port: 8080\n",
      [`${PROJECT}/scripts/report.py`]: "#!/usr/bin/env python3\nimport os\nfrom dotenv import load_dotenv\nload_dotenv('.env')\nprint(os.environ.get('REPORT_TITLE', 'report'))\n",
    },
    links: {
      [`${PROJECT}/link-to-env`]: ".env",
      [`${PROJECT}/deploy.key.txt`]: `${HOME}/.ssh/id_rsa`,
      [`${PROJECT}/keys`]: `${HOME}/.ssh`,
      [`${PROJECT}/docs/readme-link.md`]: "guide.md",
    },
    env: { HOME, PATH: "/usr/bin:/bin", CLAUDE_CONFIG_DIR: `${HOME}/.config/claude`, USER: "dev", NODE_ENV: "test", GITHUB_TOKEN: "ghp_x", AWS_SECRET_ACCESS_KEY: "x" },
    // A committed secrets file, as happens: git grep over config/ reaches it.
    tracked: [`${PROJECT}/src/index.ts`, `${PROJECT}/src/app.ts`, `${PROJECT}/package.json`, `${PROJECT}/README.md`, `${PROJECT}/config/secrets.yml`],
    ignored: [
      `${PROJECT}/.env`, `${PROJECT}/.env.local`, `${PROJECT}/.env.production`, `${PROJECT}/config/.env`, `${PROJECT}/prod.env`,
      `${PROJECT}/infra/terraform.tfstate`, `${PROJECT}/infra/terraform.tfstate.backup`, `${PROJECT}/infra/prod.tfvars`,
      `${PROJECT}/certs/server.pem`, `${PROJECT}/certs/bundle.pem`, `${PROJECT}/certs/fullchain.pem`, `${PROJECT}/certs/server.key`, `${PROJECT}/credentials.json`, `${PROJECT}/service-account-prod.json`,
      `${PROJECT}/keystore.jks`, `${PROJECT}/config/secrets.yml`,
    ],
  });
}

export function fixtureContext(config: ShipshapeConfig = DEFAULT_CONFIG, io = fixtureIO()): CheckContext {
  return { io, config, configDegraded: false, projectDir: PROJECT, home: HOME };
}

export function call(tool: string, input: Record<string, unknown>, cwd = PROJECT): ToolCall {
  return { tool, input, cwd, sessionId: "test" };
}
