/**
 * Scripts an interpreter runs from disk (`python3 leak.py`), read for the certain ways they print a
 * secret, so that writing the code to a file first gets no further than `python3 -c` would. A
 * project's scripts that load .env, pass the environment on, or write .env still run. Scripts named in
 * package.json (`npm run show`), make's, just's and go-task's recipes (`make show`, `just show`,
 * `task show`) are read as a shell script on disk is.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { notebookCode } from "../../hooks/src/guards/secrets/commands-code.js";
import { createNodeIO } from "../../hooks/src/runtime/node-io.js";
import { memoryIO } from "../helpers/memory-io.js";

const PROJECT = "/home/dev/project";

/** Decides a Bash call in PROJECT among these files, with HOME at /home/dev. */
function decideIn(files: Record<string, string>, command: string) {
  const io = memoryIO({ files, env: { HOME: "/home/dev" } });
  const ctx = { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: PROJECT, home: "/home/dev" };
  return secretGuard.decide({ tool: "Bash", input: { command }, cwd: PROJECT, sessionId: "t" }, ctx);
}

const RUNS: Record<string, string> = { py: "python3", js: "node", mjs: "node", ts: "npx tsx", rb: "ruby", pl: "perl", php: "php", go: "go run", java: "java" };

async function run(name: string, text: string, command = `${RUNS[name.split(".").pop() ?? ""]} scripts/${name}`) {
  return decideIn({
    [`${PROJECT}/.env`]: "API_KEY=1\n",
    [`${PROJECT}/.env.local`]: "API_KEY=2\n",
    [`${PROJECT}/.env.example`]: "API_KEY=\n",
    [`${PROJECT}/README.md`]: "# app\n",
    [`${PROJECT}/scripts/${name}`]: text,
    "/home/dev/.aws/credentials": "[default]\n",
    "/home/dev/.ssh/id_ed25519": "key\n",
  }, command);
}

const LEAKS: Array<[string, string]> = [
  ["leak.py", "print(open(\".env\").read())\n"],
  ["leak.py", "with open(\".env\") as f:\n    data = f.read()\nsys.stdout.write(data)\n"],
  ["leak.py", "from pathlib import Path\nprint(Path(\".env\").read_text())\n"],
  ["leak.py", "import os\nprint(open(os.path.join(os.path.dirname(__file__), \".env\")).read())\n"],
  // A path assigned to a name first, then read through the name.
  ["leak.py", "import os\np = os.path.join(os.path.dirname(__file__), '..', '.env')\nprint(open(p).read())\n"],
  ["leak.js", "const path = require('path');\nconst envPath = path.join(__dirname, '..', '.env');\nconsole.log(require('fs').readFileSync(envPath, 'utf8'));\n"],
  ["leak.rb", "path = File.join(__dir__, '..', '.env')\nputs File.read(path)\n"],
  // A loop over a glob that takes the dot files in, each printed.
  ["leak.py", "import glob\nfor f in glob.glob('.*'):\n    print(open(f).read())\n"],
  ["leak.py", "import glob\n[print(open(f).read()) for f in glob.glob('.env*')]\n"],
  ["leak.py", "import os\nprint(os.environ[\"GITHUB_TOKEN\"])\n"],
  ["leak.py", "import os, json\nprint(json.dumps(dict(os.environ), indent=2))\n"],
  ["leak.py", "from os import environ\nprint(environ[\"AWS_SECRET_ACCESS_KEY\"])\n"],
  ["leak.py", "import subprocess\nsubprocess.run([\"cat\", \".env\"])\n"],
  ["leak.py", "from dotenv import dotenv_values\nconfig = dotenv_values(\".env\")\nprint(config)\n"],
  ["leak.js", "const dotenv = require('dotenv');\nconst parsed = dotenv.config().parsed;\nconsole.log(parsed);\n"],
  // A loop over the environment that prints each value in its body.
  ["leak.py", "import os\nfor k, v in sorted(os.environ.items()):\n    if k.startswith('APP_'):\n        print(f'{k}={v}')\n"],
  ["leak.js", "Object.entries(process.env).forEach(([k, v]) => {\n  console.log(`${k}=${v}`);\n});\n"],
  ["leak.rb", "ENV.each do |k, v|\n  puts \"#{k}=#{v}\"\nend\n"],
  ["leak.py", "import os\nos.system(\"cat ~/.aws/credentials\")\n"],
  ["leak.py", "import subprocess\nsubprocess.run(\"env\", shell=True)\n"],
  ["leak.py", "from dotenv import dotenv_values\nprint(dotenv_values(\".env\"))\n"],
  ["leak.py", "import os\nfrom dotenv import load_dotenv\nload_dotenv()\nprint(os.getenv(\"DATABASE_URL\"))\n"],
  ["leak.py", "print(open(os.path.expanduser(\"~/.ssh/id_ed25519\")).read())\n"],
  ["leak.js", "const fs = require(\"fs\");\nconsole.log(fs.readFileSync(\".env\", \"utf8\"));\n"],
  ["leak.js", "console.log(JSON.stringify(process.env, null, 2));\n"],
  ["leak.js", "const { execSync } = require(\"child_process\");\nexecSync(\"cat .env\", { stdio: \"inherit\" });\n"],
  ["leak.js", "const { spawnSync } = require(\"child_process\");\nspawnSync(\"cat\", [\".env\"], { stdio: \"inherit\" });\n"],
  ["leak.mjs", "import { createReadStream } from \"node:fs\";\ncreateReadStream(\".env\").pipe(process.stdout);\n"],
  ["leak.js", "require(\"dotenv\").config();\nconsole.log(\"key:\", process.env.STRIPE_SECRET_KEY);\n"],
  ["leak.ts", "import { readFile } from \"node:fs/promises\";\nconsole.log(await readFile(`${process.cwd()}/.env`, \"utf8\"));\n"],
  ["leak.rb", "puts File.read(\".env\")\n"],
  ["leak.rb", "puts File.read \".env\"\n"],
  ["leak.rb", "puts `cat .env`\n"],
  ["leak.rb", "puts ENV.to_h\n"],
  ["leak.pl", "open(my $f, \"<\", \".env\") or die;\nprint while <$f>;\n"],
  ["leak.pl", "open(F, \"<.env\");\nprint <F>;\n"],
  ["leak.py", "from pathlib import Path\nROOT = Path(__file__).resolve().parent.parent\nprint((ROOT / '.env').read_text())\n"],
  ["leak.py", "from pathlib import Path\nwith Path('.env').open() as f:\n    print(f.read())\n"],
  ["copy.py", "import shutil\nshutil.copy('.env', 'notes.txt')\n"],
  ["copy.js", "const fs = require('fs');\nfs.copyFileSync('.env', 'notes.txt');\n"],
  ["move.js", "require('fs').renameSync('.env', 'notes.txt');\n"],
  ["link.py", "import os\nos.symlink('.env', 'notes.txt')\n"],
  ["copy.php", "<?php copy('.env', 'notes.txt');\n"],
  ["leak.php", "<?php echo file_get_contents(\".env\");\n"],
  // A secret read into a name and printed later, as debugging scripts do.
  ["debug.py", "import os\nfrom dotenv import load_dotenv\nload_dotenv()\nkey = os.getenv(\"API_KEY\")\nprint(f\"Key: {key}\")\n"],
  ["debug.js", "require('dotenv').config();\nconst token = process.env.GITHUB_TOKEN;\nconsole.log('token is', token);\n"],
  // Readers of data files: pandas, numpy, configparser, linecache, fileinput.
  ["data.py", "import pandas as pd\nprint(pd.read_csv('.env', sep='='))\n"],
  ["ini.py", "import configparser\nc = configparser.ConfigParser()\nc.read('.env')\nprint({s: dict(c[s]) for s in c})\n"],
  ["lines.py", "import linecache\nprint(linecache.getlines('.env'))\n"],
  ["each.py", "import fileinput\nfor line in fileinput.input('.env'):\n    print(line, end='')\n"],
  ["np.py", "import numpy as np\nprint(np.loadtxt('.env', dtype=str))\n"],
  ["fd.js", "const fs = require('fs');\nconst fd = fs.openSync('.env', 'r');\nconst b = Buffer.alloc(4096);\nfs.readSync(fd, b);\nconsole.log(b.toString());\n"],
  ["bun.ts", "console.log(await Bun.file('.env').text());\n"],
  ["path.rb", "require 'pathname'\nputs Pathname.new('.env').read\n"],
  // A name for the whole environment, used later.
  ["log.py", "import logging, os\nlogging.basicConfig(level=logging.INFO)\nlog = logging.getLogger(__name__)\nlog.info(\"key %s\", os.environ[\"OPENAI_API_KEY\"])\n"],
  ["creds.py", "import boto3\ncreds = boto3.Session().get_credentials()\nprint(creds.get_frozen_credentials())\n"],
  ["alias.py", "import os\nenv = os.environ\nprint(env['GITHUB_TOKEN'])\n"],
  ["copy.py", "import os\nenvironment = dict(os.environ)\nprint(environment)\n"],
  ["spread.js", "const env = { ...process.env };\nconsole.log(env);\n"],
  // Source compiled and run at once.
  ["leak.go", "package main\nimport (\"fmt\"; \"os\")\nfunc main() { b, _ := os.ReadFile(\".env\"); fmt.Print(string(b)) }\n"],
  ["env.go", "package main\nimport (\"fmt\"; \"os\")\nfunc main() { fmt.Println(os.Environ()) }\n"],
  ["token.go", "package main\nimport (\"fmt\"; \"os\")\nfunc main() {\n\ttoken := os.Getenv(\"GITHUB_TOKEN\")\n\tfmt.Printf(\"token: %s\\n\", token)\n}\n"],
  ["Leak.java", "class Leak { public static void main(String[] a) throws Exception { System.out.print(java.nio.file.Files.readString(java.nio.file.Path.of(\".env\"))); } }\n"],
  // A comment above the code, or one that ends its line, hides nothing.
  ["commented.js", "// Print the settings.\nconsole.log(require('fs').readFileSync('.env', 'utf8'));\n"],
  ["trailing.py", "print(open('.env').read())  # debug only\n"],
];

const PASSES: Array<[string, string]> = [
  ["s3.py", "import boto3\ncreds = boto3.Session().get_credentials()\nprint(boto3.client(\"s3\").list_buckets()[\"Buckets\"])\n"],
  // Debug logging is off unless asked for; info, which Node's loggers print by default, counts as a print.
  ["debug.py", "import logging, os\nlogging.getLogger(__name__).debug(\"key %s\", os.environ[\"OPENAI_API_KEY\"])\n"],
  ["app.py", "import os\nfrom dotenv import load_dotenv\nload_dotenv(os.path.join(os.path.dirname(__file__), \".env\"))\nr = requests.post(URL, headers={\"Authorization\": f\"Bearer {os.environ['API_TOKEN']}\"})\nprint(r.status_code)\n"],
  ["setup.py", "import os, shutil\nif not os.path.exists(\".env\"):\n    shutil.copy(\".env.example\", \".env\")\nprint(\"wrote .env: fill in API_KEY\")\n"],
  ["setup.py", "with open(\".env\", \"a\") as f:\n    f.write(\"DEBUG=1\\n\")\nprint(\"done\")\n"],
  ["run.py", "import os, subprocess\nsubprocess.run([\"npm\", \"test\"], env={**os.environ, \"CI\": \"1\"}, check=True)\nprint(\"tests passed\")\n"],
  ["check.py", "import os\nprint(\"API_TOKEN set:\", bool(os.environ.get(\"API_TOKEN\")))\n"],
  ["names.py", "import os\nfor k, v in os.environ.items():\n    print(k)\n", ],
  ["check.py", "import os\nfor k, v in os.environ.items():\n    if '=' in k:\n        raise ValueError('illegal environment variable name')\n"],
  ["names.rb", "ENV.each do |k, v|\n  puts k\nend\n"],
  ["check.py", "import os\nfrom dotenv import load_dotenv\nload_dotenv()\nprint(\"Loaded\", len(os.environ), \"variables\")\n"],
  ["check.py", "from dotenv import dotenv_values\nconfig = dotenv_values(\".env\")\nprint(f\"{len(config)} settings\", sorted(config))\n"],
  ["readme.py", "print(open(\"README.md\").read())\nprint(os.environ.get(\"HOME\"))\n"],
  ["server.js", "require(\"dotenv\").config({ path: \".env.local\" });\nconsole.log(`listening on ${process.env.PORT}`);\n"],
  ["setup.js", "const fs = require(\"fs\");\nif (!fs.existsSync(\".env\")) fs.copyFileSync(\".env.example\", \".env\");\nfs.writeFileSync(\".env\", \"X=1\\n\", { flag: \"a\" });\nconsole.log(\"Copy .env.example to .env and fill in API_KEY\");\n"],
  ["test.js", "const { spawn } = require(\"child_process\");\nspawn(\"npm\", [\"test\"], { env: { ...process.env, CI: \"1\" }, stdio: \"inherit\" });\n"],
  ["doc.js", "console.log(`Run \\`cat .env.example\\` to see the names`);\n"],
  ["build.py", "\"\"\"Reads the cert file (.pem) given with --cert.\"\"\"\nexec(\"from helpers import *\")\nprint(\"built\")\n"],
  ["certs.py", "from importlib.resources import files\nprint(files('certifi').joinpath('cacert.pem').read_text()[:40])\nprint(open('vendor/server.key').read())\n"],
  ["config.py", "import json\nfrom pathlib import Path\nconfig = json.loads(Path('config.json').read_text())\nprint(config['name'])\n"],
  ["setup2.py", "import shutil\nshutil.copy('.env.example', '.env')\nprint('fill in .env')\n"],
  ["setup2.js", "require('fs').copyFileSync('.env.example', '.env');\n"],
  ["write.rb", "File.write(\".env\", \"X=1\")\nFile.open(\".env\", \"w\") { |f| f.puts \"Y=2\" }\nputs \"ok\"\n"],
  ["write.pl", "open(my $f, \">>\", \".env\") or die;\nprint $f \"X=1\\n\";\n"],
  ["server.go", "package main\nimport (\"fmt\"; \"log\"; \"os\")\nfunc main() {\n\ttoken := os.Getenv(\"GITHUB_TOKEN\")\n\tif token == \"\" {\n\t\tlog.Fatal(\"GITHUB_TOKEN is not set\")\n\t}\n\tfmt.Println(\"listening on\", os.Getenv(\"PORT\"))\n}\n"],
  ["Hello.java", "class Hello { public static void main(String[] a) { System.out.println(\"hello from \" + System.getenv(\"HOME\")); } }\n"],
  ["cfg.py", "import configparser\nc = configparser.ConfigParser()\nc.read('setup.cfg')\nprint(c.sections())\nprint(open('README.md').read(100))\n"],
  ["run.py", "import os, subprocess\nenv = os.environ.copy()\nenv['CI'] = '1'\nsubprocess.run(['npm', 'test'], env=env)\nprint(env['HOME'])\n"],
  ["popen.py", "import os, subprocess\nenv = os.environ.copy()\np = subprocess.Popen(['ls'], env=env)\nprint('env: started')\n"],
  ["port.js", "const env = process.env;\nconsole.log(`listening on ${env.PORT}`);\n"],
  ["setup3.py", "import os\np = os.path.join(os.path.dirname(__file__), '.env')\nwith open(p, 'w') as f:\n    f.write('X=1\\n')\nprint('wrote', p)\n"],
  ["load.js", "const envPath = require('path').join(__dirname, '..', '.env');\nrequire('dotenv').config({ path: envPath });\nconsole.log('loaded');\n"],
  ["readme2.py", "p = 'README.md'\nq = '.env.example'\nprint(open(p).read(), open(q).read())\n"],
  ["docs.py", "import glob, os\nfor f in glob.glob('*.md'):\n    print(open(f).read())\nfor name in os.listdir('.'):\n    print(name)\n"],
  ["lines.js", "const fs = require('fs');\nfor (const line of fs.readFileSync('README.md', 'utf8').split('\\n')) console.log(line);\n"],
  ["client.py", "import os\nkey = os.getenv(\"API_KEY\")\nif not key:\n    print(\"API_KEY is not set\")\nclient = Client(api_key=key)\nprint(client.models())\n"],
  // Prose in whole-line comments runs nothing (a guard's own sources describe what it looks for).
  ["doc.ts", "/**\n * Refuses `console.log(process.env)` and `fs.readFileSync('.env')`.\n */\n// for k, v in os.environ.items(): print(v)\nexport const x = 1;\nconsole.log(x);\n"],
  ["notes.py", "# print(open('.env').read()) was the old way\nprint('ready')\n"],
];

describe("scripts run from disk", () => {
  it.each(LEAKS)("refuses running %s: %s", async (name, text) => {
    const decision = await run(name, text);
    expect(decision.action).toBe("deny");
    expect(decision.action === "deny" && decision.reason).toMatch(/script `scripts\//);
  });

  it.each(PASSES)("runs %s: %s", async (name, text) => {
    expect((await run(name, text)).action).toBe("pass");
  });

  it("expands a glob that code tells to match dot files as matching them", async () => {
    const files = { [`${PROJECT}/config/.env`]: "API_KEY=1\n", [`${PROJECT}/config/app.yaml`]: "port: 1\n" };
    for (const code of [
      `python3 -c "import glob; [print(open(f).read()) for f in glob.glob('config/*', include_hidden=True)]"`,
      `ruby -e 'Dir.glob("config/*", File::FNM_DOTMATCH).each { |f| puts File.read(f) }'`,
      `node -e "for (const f of require('glob').globSync('config/*', { dot: true })) console.log(require('fs').readFileSync(f, 'utf8'))"`,
    ]) {
      expect((await decideIn(files, code)).action, code).toBe("deny");
      expect((await decideIn(files, code.replace(/, include_hidden=True|, File::FNM_DOTMATCH|, \{ dot: true \}/, ""))).action, code).toBe("pass");
    }
  });

  it("reads the files of a Go package run by its folder, not its tests", async () => {
    const leak = "package main\nimport (\"fmt\"; \"os\")\nfunc main() { fmt.Println(os.Environ()) }\n";
    const files = (main: string) => ({ [`${PROJECT}/.env`]: "API_KEY=1\n", [`${PROJECT}/cmd/api/main.go`]: main, [`${PROJECT}/cmd/api/main_test.go`]: leak });
    for (const command of ["go run ./cmd/api", "go run -race ./cmd/api --port 8080", "cd cmd/api && go run ."]) {
      expect((await decideIn({ ...files(leak), [`${PROJECT}/cmd/api/main_test.go`]: "package main\n" }, command)).action, command).toBe("deny");
      expect((await decideIn(files("package main\nfunc main() {}\n"), command)).action, command).toBe("pass");
    }
  });

  it("reads the Rust file cargo run builds: the crate's main, a --bin or an --example", async () => {
    const leak = 'fn main() {\n    println!("{}", std::env::var("OPENAI_API_KEY").unwrap());\n}\n';
    const quiet = 'fn main() {\n    let port = std::env::var("PORT").unwrap_or_default();\n    println!("listening on {port}");\n}\n';
    const cases: Array<[string, string]> = [["cargo run", "src/main.rs"], ["cargo run --release -- --verbose", "src/main.rs"], ["cargo run --bin seed", "src/bin/seed.rs"], ["cargo run --example dump", "examples/dump.rs"]];
    for (const [command, file] of cases) {
      expect((await decideIn({ [`${PROJECT}/.env`]: "OPENAI_API_KEY=1\n", [`${PROJECT}/${file}`]: leak }, command)).action, command).toBe("deny");
      expect((await decideIn({ [`${PROJECT}/.env`]: "OPENAI_API_KEY=1\n", [`${PROJECT}/${file}`]: quiet }, command)).action, command).toBe("pass");
    }
    expect((await decideIn({ [`${PROJECT}/src/main.rs`]: leak }, "cargo test")).action).toBe("pass");
  });

  it("reads a script run by its #! line, or through uv and poetry", async () => {
    const text = "#!/usr/bin/env python3\nprint(open('.env').read())\n";
    for (const command of ["./scripts/show", "uv run python scripts/show", "poetry run python scripts/show", "deno run -A scripts/show", "bun run scripts/show"]) {
      expect((await run("show", text, command)).action, command).toBe("deny");
    }
    expect((await run("show", "#!/usr/bin/env python3\nprint('hello')\n", "./scripts/show")).action).toBe("pass");
  });

  it.each([
    "python3 < scripts/leak.py",
    "cat scripts/leak.py | python3",
    "python3 - < scripts/leak.py",
    "node < scripts/leak.js",
    "bash < scripts/leak.sh",
    "cat scripts/leak.sh | sh",
    "node -r ./scripts/leak.js -e 1",
    "node --require=./scripts/leak.js scripts/ok.js",
    "node --import ./scripts/leak.js scripts/ok.js",
    "python3 -m scripts.leak",
    "python3 -m tools",
    "node scripts/leak",
    "pytest -s scripts/test_leak.py",
    "pytest scripts/test_leak.py::test_x",
    "python3 -m pytest scripts/test_leak.py",
    "npx vitest run scripts/leak.test.ts",
    "bun test scripts/leak.test.ts",
    "go test -v scripts/leak_test.go",
    "nodemon scripts/leak.js",
    "nodemon -e js,ts scripts/leak.js",
    "ipython scripts/leak.py",
    "coverage run scripts/leak.py",
    "coverage run --source=. scripts/leak.py",
    "c8 node scripts/leak.js",
    "nyc --reporter text node scripts/leak.js",
    "xvfb-run -a python3 scripts/leak.py",
    "ls scripts/*.js | entr -r node scripts/leak.js",
    "python3 -m cProfile -s time scripts/leak.py",
    "python3 -m pdb scripts/leak.py",
    "python3 -m runpy scripts/leak.py",
    "python3 -m coverage run scripts/leak.py",
    "yarn node scripts/leak.js",
    // A package manager runs a binary by its name when no script has that name.
    "pnpm node scripts/leak.js",
    "pnpm tsx scripts/leak.js",
    "yarn ts-node scripts/leak.js",
    "bun x tsx scripts/leak.js",
    // The code a word takes whole from cat.
    'python3 -c "$(cat scripts/leak.py)"',
    "python3 <(cat scripts/leak.py)",
    'node -e "$(cat scripts/leak.js)"',
  ])("reads the script fed or preloaded in %s", async (command) => {
    const decision = await decideIn({
      [`${PROJECT}/.env`]: "API_KEY=1\n",
      [`${PROJECT}/scripts/leak.py`]: "print(open('.env').read())\n",
      [`${PROJECT}/scripts/leak.js`]: "console.log(require('fs').readFileSync('.env', 'utf8'))\n",
      [`${PROJECT}/scripts/leak.sh`]: "cat .env\n",
      [`${PROJECT}/scripts/ok.js`]: "console.log('ok')\n",
      [`${PROJECT}/tools/__main__.py`]: "print(open('.env').read())\n",
      [`${PROJECT}/scripts/test_leak.py`]: "def test_x():\n    print(open('.env').read())\n    assert False\n",
      [`${PROJECT}/scripts/leak.test.ts`]: 'import { readFileSync } from "node:fs";\ntest("x", () => console.log(readFileSync(".env", "utf8")));\n',
      [`${PROJECT}/scripts/leak_test.go`]: 'func TestX(t *testing.T) { b, _ := os.ReadFile(".env"); t.Log(string(b)) }\n',
    }, command);
    expect(decision.action).toBe("deny");
    expect(decision.action === "deny" && decision.reason).toMatch(/script `(\.\/)?(scripts|tools)\/[\w.]+`/);
  });

  it.each(["python3 < scripts/ok.py", "cat scripts/ok.py | python3", "bash < scripts/ok.sh", "node -r ./scripts/ok.js -e 1", "python3 -m http.server", "python3 -m pytest", "pytest scripts/ok.py", "pytest -k config", "npx vitest run scripts/ok.js", "nodemon -w src scripts/ok.js", "ipython scripts/ok.py", "coverage run scripts/ok.py", "coverage run -m pytest", "coverage report", "c8 node scripts/ok.js", "xvfb-run npx playwright test", "python3 -m cProfile scripts/ok.py", "yarn node scripts/ok.js", "pnpm tsx scripts/ok.js", "bun x tsx scripts/ok.js", 'python3 -c "$(cat scripts/ok.py)"', "python3 <(cat scripts/ok.py)"])("runs %s", async (command) => {
    expect((await decideIn({ [`${PROJECT}/.env`]: "API_KEY=1\n", [`${PROJECT}/scripts/ok.py`]: "print('ok')\n", [`${PROJECT}/scripts/ok.sh`]: "set -a; . ./.env; set +a\nnpm start\n", [`${PROJECT}/scripts/ok.js`]: "console.log('ok')\n" }, command)).action).toBe("pass");
  });

  it("reads a script uv runs by its name", async () => {
    expect((await run("leak.py", "print(open('.env').read())\n", "cd scripts && uv run leak.py")).action).toBe("pass");
    expect((await run("leak.py", "print(open('../.env').read())\n", "cd scripts && uv run leak.py")).action).toBe("deny");
    expect((await run("ok.py", "print('ok')\n", "uv run scripts/ok.py")).action).toBe("pass");
  });

  it("leaves a script larger than 256 KB unread", async () => {
    const text = `${"# padding\n".repeat(30000)}print(open('.env').read())\n`;
    expect((await run("big.py", text)).action).toBe("pass");
  });

  it("follows the names a large script reads through in one pass over it", async () => {
    // 5,000 names read and never assigned: looked up in one map, not a scan of the script per name.
    const lines = Array.from({ length: 5000 }, (_, i) => `x${i} = open(ENV).read() + open(p${i}).read()`);
    const text = `import os\nENV = os.path.join(os.path.dirname(__file__), '..', '.env')\n${lines.join("\n")}\n`;
    const started = performance.now();
    expect((await run("many.py", text)).action).toBe("deny");
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it("reads a script that runs itself once", async () => {
    const text = "import os\nos.system('python3 scripts/self.py')\nprint(open('.env').read())\n";
    expect((await run("self.py", text)).action).toBe("deny");
  });
});

describe("local modules that code loads", () => {
  // Code the guard refuses in a script, moved into a module the script or inline code loads.
  const FILES = {
    [`${PROJECT}/.env`]: "API_KEY=1\n",
    [`${PROJECT}/leak.py`]: "print(open('.env').read())\n",
    [`${PROJECT}/tools/__init__.py`]: "",
    [`${PROJECT}/tools/show.py`]: "import os\nprint(os.environ['API_KEY'])\n",
    [`${PROJECT}/tools/ok.py`]: "import os\nKEY = os.environ.get('API_KEY')\n",
    [`${PROJECT}/tools/via.py`]: "from . import show\n",
    [`${PROJECT}/run.py`]: "import sys\nimport leak\n",
    [`${PROJECT}/ok.py`]: "import os, json\nfrom tools import ok\nprint('ok')\n",
    [`${PROJECT}/lib/leak.cjs`]: "console.log(require('fs').readFileSync('.env', 'utf8'))\n",
    [`${PROJECT}/lib/env.ts`]: "console.log(JSON.stringify(process.env))\n",
    [`${PROJECT}/lib/config.ts`]: "export const key = process.env.API_KEY;\n",
    [`${PROJECT}/src/main.ts`]: "import { key } from '../lib/config.js';\nimport '../lib/env.js';\n",
    [`${PROJECT}/src/ok.ts`]: "import { key } from '../lib/config.js';\nimport express from 'express';\nconsole.log('up');\n",
    [`${PROJECT}/app.rb`]: "require_relative 'lib/leak'\n",
    [`${PROJECT}/lib/leak.rb`]: "puts File.read('.env')\n",
    [`${PROJECT}/index.php`]: "<?php include __DIR__ . '/lib/leak.php';\n",
    [`${PROJECT}/lib/leak.php`]: "<?php echo file_get_contents('.env');\n",
    // A script in a folder imports from its own folder (sys.path[0]), as does a module it loads.
    [`${PROJECT}/tools/main.py`]: "import helper\n",
    [`${PROJECT}/tools/helper.py`]: "import deeper\n",
    [`${PROJECT}/tools/deeper.py`]: "print(open('.env').read())\n",
    [`${PROJECT}/src/cli.mjs`]: "import './lib/run.mjs';\n",
    [`${PROJECT}/src/lib/run.mjs`]: "import '../../lib/leak.cjs';\n",
  };

  it.each([
    'python3 -c "import leak"',
    'python3 -c "from leak import *"',
    'python3 -c "from tools import show"',
    'python3 -c "import tools.via"',
    'python3 -c "__import__(\'leak\')"',
    'python3 -c "import runpy; runpy.run_path(\'leak.py\')"',
    'python3 -c "exec(open(\'leak.py\').read())"',
    "python3 run.py",
    "python3 - <<'EOF'\nimport leak\nEOF",
    "node -e \"require('./lib/leak.cjs')\"",
    "node -e \"import('./lib/leak.cjs')\"",
    "npx tsx src/main.ts",
    "ruby app.rb",
    "php index.php",
    "python3 tools/main.py",
    "node src/cli.mjs",
  ])("refuses %s", async (command) => {
    const decision = await decideIn(FILES, command);
    expect(decision.action).toBe("deny");
    expect(decision.action === "deny" && decision.reason).toMatch(/script `[\w./]+` (reads|prints)/);
  });

  it.each([
    'python3 -c "import os, json"',
    'python3 -c "from tools import ok"',
    "python3 ok.py",
    "npx tsx src/ok.ts",
    "node -e \"require('./lib/missing')\"",
    "cd tools && python3 -c 'import leak'",
  ])("runs %s", async (command) => {
    expect((await decideIn(FILES, command)).action).toBe("pass");
  });
});

const SCRIPTS = {
  show: "cat .env",
  leak: "node scripts/leak.js",
  pretest: "cat .env.local",
  test: "vitest run",
  cat: "cat",
  envs: "env | sort",
  self: "npm run self && cat .env",
  start: "node --env-file=.env server.js",
  dev: "set -a && . ./.env && set +a && next dev",
  build: "tsc -p . && cp .env dist/.env",
  lint: "eslint .",
  token: "gh auth token",
};

async function npm(command: string, packageJson = JSON.stringify({ scripts: SCRIPTS })) {
  return decideIn({
    [`${PROJECT}/.env`]: "API_KEY=1\n",
    [`${PROJECT}/.env.local`]: "API_KEY=2\n",
    [`${PROJECT}/package.json`]: packageJson,
    [`${PROJECT}/api/package.json`]: packageJson,
    [`${PROJECT}/api/.env`]: "API_KEY=3\n",
    [`${PROJECT}/scripts/leak.js`]: 'console.log(require("fs").readFileSync(".env", "utf8"));\n',
  }, command);
}

describe("package.json scripts", () => {
  it.each([
    "npm run show",
    "npm run-script show",
    "npm run --silent show",
    "npm run leak",
    "npm test",
    "npm t",
    "npm run cat -- .env",
    "yarn cat .env",
    "yarn show",
    "yarn run show",
    "pnpm show",
    "pnpm run leak",
    "bun run show",
    "bun show",
    "npm run envs",
    "npm run self",
    "npm run token",
    "npm --prefix api run show",
    "pnpm -C api show",
    "cd api && npm run show",
    "npm run show --prefix=api",
    "npm run show -w api",
    "pnpm --filter ./api show",
  ])("refuses %s", async (command) => {
    const decision = await npm(command);
    expect(decision.action).toBe("deny");
    expect(decision.action === "deny" && decision.reason).toMatch(/package script `(pre)?(show|leak|test|cat|envs|self|token)`/);
  });

  it.each(["npm start", "npm run dev", "npm run build", "npm run lint", "npm run cat README.md", "npm install", "yarn install", "pnpm add zod", "npm run missing", "npm run show --workspace web", "bun test", "bun add zod", "bun dev"])("runs %s", async (command) => {
    expect((await npm(command)).action).toBe("pass");
  });

  it("finds a workspace by the name in its package.json", async () => {
    const decide = (command: string) =>
      decideIn({
        [`${PROJECT}/.env`]: "API_KEY=1\n",
        [`${PROJECT}/package.json`]: JSON.stringify({ workspaces: ["packages/*"], scripts: { build: "tsc -b" } }),
        [`${PROJECT}/packages/api/package.json`]: JSON.stringify({ name: "@acme/api", scripts: { show: "cat ../../.env", build: "tsc" } }),
        [`${PROJECT}/packages/ui/package.json`]: JSON.stringify({ name: "@acme/ui", scripts: { build: "vite build" } }),
        [`${PROJECT}/pnpm-workspace.yaml`]: "packages:\n  - 'apps/*'\n",
        [`${PROJECT}/apps/web/package.json`]: JSON.stringify({ name: "web", scripts: { dev: "next dev", show: "env" } }),
        [`${PROJECT}/packages/broken/package.json`]: "null",
      }, command);
    for (const command of ["npm run show -w @acme/api", "npm run show --workspace=@acme/api", "yarn workspace @acme/api show", "yarn workspace @acme/api run show", "pnpm --filter web show", "pnpm -F web run show"]) {
      const decision = await decide(command);
      expect(decision.action === "deny" && decision.reason, command).toMatch(/package script `show`/);
    }
    for (const command of ["npm run build -w @acme/api", "npm run build -w @acme/ui", "yarn workspace @acme/ui build", "pnpm --filter web dev", "npm run show -w @acme/missing"]) {
      expect((await decide(command)).action, command).toBe("pass");
    }
  });

  it("reads the scripts a monorepo runner runs in every workspace", async () => {
    const decide = (command: string) =>
      decideIn({
        [`${PROJECT}/.env`]: "API_KEY=1\n",
        [`${PROJECT}/package.json`]: JSON.stringify({ workspaces: ["packages/*"] }),
        [`${PROJECT}/packages/api/package.json`]: JSON.stringify({ name: "api", scripts: { show: "cat ../../.env", build: "tsc" } }),
        [`${PROJECT}/packages/web/package.json`]: JSON.stringify({ name: "web", scripts: { build: "vite build", lint: "eslint ." } }),
      }, command);
    for (const command of ["turbo run show", "turbo show", "pnpm turbo show", "yarn turbo run show", "npx turbo run build show --filter=api", "turbo run build --filter web show", "turbo watch show", "lerna run show", "nx run api:show", "nx run-many -t show", "nx run-many --targets=build,show", "nx affected --target=show"]) {
      const decision = await decide(command);
      expect(decision.action === "deny" && decision.reason, command).toMatch(/package script `show`/);
    }
    for (const command of ["turbo run build", "pnpm turbo build", "turbo run lint --filter web", "turbo prune api", "lerna run build --scope web", "nx build api", "nx graph", "nx show projects", "nx affected -t lint"]) {
      expect((await decide(command)).action, command).toBe("pass");
    }
  });

  it("reads nx's run-commands targets in project.json", async () => {
    const decide = (command: string) =>
      decideIn({
        [`${PROJECT}/.env`]: "API_KEY=1\n",
        [`${PROJECT}/nx.json`]: "{}",
        [`${PROJECT}/apps/api/project.json`]: JSON.stringify({ name: "api", targets: { show: { executor: "nx:run-commands", options: { command: "cat .env" } }, lint: { executor: "nx:run-commands", options: { commands: ["eslint apps/api", { command: "tsc --noEmit" }] } } } }),
        [`${PROJECT}/libs/ui/project.json`]: JSON.stringify({ name: "ui", targets: { env: { executor: "nx:run-commands", options: { commands: [{ command: "printenv" }] } } } }),
      }, command);
    for (const command of ["nx run api:show", "nx run-many -t env", "nx affected --targets=lint,env"]) expect((await decide(command)).action, command).toBe("deny");
    // `nx show` is nx's own command (it shows a project), not a target.
    for (const command of ["nx run api:lint", "nx lint api", "nx run-many -t build", "nx show api"]) expect((await decide(command)).action, command).toBe("pass");
  });

  it("reads server.js for npm start when package.json names no start script", async () => {
    expect((await npm("npm start", JSON.stringify({ scripts: { x: "true" } }))).action).toBe("pass");
    const decision = await decideIn({ [`${PROJECT}/.env`]: "API_KEY=1\n", [`${PROJECT}/package.json`]: "{}", [`${PROJECT}/server.js`]: "console.log(require('fs').readFileSync('.env', 'utf8'))\n" }, "npm start");
    expect(decision.action === "deny" && decision.reason).toMatch(/script `server.js` reads/);
  });

  it("reads deno.json's tasks and composer.json's scripts", async () => {
    const decide = async (command: string) => {
      return (await decideIn({
        [`${PROJECT}/.env`]: "API_KEY=1\n",
        [`${PROJECT}/deno.json`]: JSON.stringify({ tasks: { show: "cat .env", dev: "deno run -A main.ts", peek: { command: "cat .env", description: "x" } } }),
        [`${PROJECT}/composer.json`]: JSON.stringify({ scripts: { show: ["@php -r 'echo 1;'", "cat .env"], test: "phpunit", chain: "@show", ok: ["@php artisan migrate", "App\\Setup::run"] } }),
      }, command)).action;
    };
    for (const command of ["deno task show", "deno task peek", "composer run-script show", "composer run show", "composer show", "composer chain"]) expect(await decide(command), command).toBe("deny");
    for (const command of ["deno task dev", "deno task missing", "composer test", "composer run ok", "composer install", "composer require laravel/sanctum"]) expect(await decide(command), command).toBe("pass");
    const run = async (command: string) => (await decideIn({ [`${PROJECT}/.env`]: "API_KEY=1\n", [`${PROJECT}/composer.json`]: JSON.stringify({ scripts: { "post-install-cmd": "cat .env", "post-autoload-dump": ["@php artisan package:discover --ansi"] } }), [`${PROJECT}/artisan`]: "<?php\nrequire __DIR__.'/vendor/autoload.php';\n" }, command)).action;
    expect(await run("composer install")).toBe("deny");
    expect(await run("composer update")).toBe("pass");
  });

  it("reads the install scripts npm install and npm ci run", async () => {
    for (const scripts of [{ postinstall: "cat .env" }, { preinstall: "cat .env" }, { prepare: "cat .env" }]) {
      for (const command of ["npm install", "npm i", "npm ci", "yarn install"]) {
        if (command === "yarn install" && "prepare" in scripts) continue;
        expect((await npm(command, JSON.stringify({ scripts }))).action, `${command} ${JSON.stringify(scripts)}`).toBe("deny");
      }
    }
    expect((await npm("npm ci", JSON.stringify({ scripts: { postinstall: "prisma generate", prepare: "husky" } }))).action).toBe("pass");
  });

  it("reads a bare yarn as yarn install, and skips the scripts --ignore-scripts skips", async () => {
    for (const command of ["yarn", "yarn --frozen-lockfile"]) expect((await npm(command, JSON.stringify({ scripts: { postinstall: "cat .env" } }))).action, command).toBe("deny");
    const around = JSON.stringify({ scripts: { postinstall: "cat .env", pretest: "cat .env", test: "vitest run" } });
    for (const command of ["npm install --ignore-scripts", "npm ci --ignore-scripts", "yarn --ignore-scripts", "pnpm install --ignore-scripts", "npm test --ignore-scripts"]) {
      expect((await npm(command, around)).action, command).toBe("pass");
    }
    // A script asked for by name still runs.
    expect((await npm("npm test --ignore-scripts", JSON.stringify({ scripts: { test: "cat .env" } }))).action).toBe("deny");
  });

  it("runs anything when package.json cannot be read", async () => {
    expect((await npm("npm run show", "{ not json")).action).toBe("pass");
    expect((await npm("npm run show", "null")).action).toBe("pass");
    expect((await npm("npm start", '{"scripts": "not an object"}')).action).toBe("pass");
  });
});

const MAKEFILE = [
  "include .env",
  "export",
  "CAT ?= cat",
  ".PHONY: all build show test deploy",
  "",
  "all: build",
  "",
  "build:",
  "\t@echo building",
  "\ttsc -p .",
  "",
  "show:",
  "\t@cat .env",
  "",
  "test: show",
  "\tnpm test",
  "",
  "deploy: build",
  '\t@curl -H "Authorization: Bearer $$API_KEY" https://api.example.com',
  "",
  "echoed:",
  '\tcurl -H "Authorization: Bearer $(API_KEY)" https://api.example.com',
  "",
  "quiet:",
  '\t@curl -H "Authorization: Bearer $(API_KEY)" https://api.example.com',
  "",
  "envdump:",
  "\tenv | sort",
  "",
  "long:",
  "\techo start && \\",
  "\t  cat .env.local",
  "",
  "loadit:",
  "\tset -a; . ./.env; set +a; node app.js",
  "",
  "print-%:",
  "\t@echo $* = $($*)",
  "",
  "via-var:",
  "\t$(CAT) .env",
  "",
  "cc:",
  "\t$(CC) -o app main.c",
  "",
  "ENV_FILE := .env",
  "named:",
  "\tcat $(ENV_FILE)",
  "",
  "API_TOKEN = sk-live-in-the-makefile",
  "token:",
  "\t@echo $(API_TOKEN)",
  "",
  "OUT ?= build",
  "clean:",
  "\trm -rf $(OUT)",
  "",
  "inline: ; cat .env",
  "",
  "file:",
  "\tcat $(FILE)",
  "",
].join("\n");

async function make(command: string) {
  return decideIn({
    [`${PROJECT}/.env`]: "API_KEY=1\n",
    [`${PROJECT}/.env.local`]: "API_KEY=2\n",
    [`${PROJECT}/Makefile`]: MAKEFILE,
    [`${PROJECT}/api/Makefile`]: "all:\n\tcat .env\n",
    [`${PROJECT}/api/.env`]: "API_KEY=3\n",
    [`${PROJECT}/ops.mk`]: "show:\n\tcat .env\n",
  }, command);
}

describe("make's recipes", () => {
  it("follows a long chain of prerequisites, and refuses one longer than it reads", async () => {
    const chain = (n: number) => Array.from({ length: n }, (_, i) => `t${i}: t${i + 1}\n\techo ${i}\n`).join("") + `t${n}:\n\tcat .env\n`;
    const decide = async (makefile: string) => {
      return decideIn({ [`${PROJECT}/.env`]: "API_KEY=1\n", [`${PROJECT}/Makefile`]: makefile }, "make t0");
    };
    const twenty = await decide(chain(20));
    expect(twenty.action === "deny" && twenty.reason).toMatch(/make target `t20`, `cat` reads/);
    const long = await decide(chain(100));
    expect(long.action === "deny" && long.reason).toMatch(/deeper than the guard reads/);
    expect((await decide(chain(20).replace("cat .env", "echo done"))).action).toBe("pass");
  });

  it.each(["make show", "make test", "make envdump", "make long", "make via-var", "make print-API_KEY", "make echoed", "make inline", "make -C api", "make --directory=api all", "make -f ops.mk show", "make -j4 show", "make -j 4 show", "make named", "make token"])("refuses %s", async (command) => {
    const decision = await make(command);
    expect(decision.action).toBe("deny");
    expect(decision.action === "deny" && decision.reason).toMatch(/make target `/);
  });

  it.each(["make", "make build", "make deploy", "make quiet", "make -s echoed", "make loadit", "make cc", "make print-CC", "make nonexistent", "make -f missing.mk show", "make clean"])("runs %s", async (command) => {
    expect((await make(command)).action).toBe("pass");
  });

  // make takes the environment's variables as its own (set before the command, with env, or exported),
  // and those given on its command line over the makefile's.
  it.each(["FILE=.env make file", "env FILE=.env make file", "export FILE=.env; make file", "FILE=.env.local make -s file", "make file FILE=.env", "make file FILE=$(echo .env)", "FILE=x make file FILE=.env"])("refuses %s, whose recipe reads the file the variable names", async (command) => {
    const decision = await make(command);
    expect(decision.action === "deny" && decision.reason).toMatch(/make target `file`, `cat` reads `[^`]*\.env/);
  });

  it.each(["FILE=README.md make file", "env FILE=README.md make file", "NODE_ENV=test make build", "make file FILE=README.md", "make build VERSION=$(git describe --tags)", "make build FILE=.env"])("runs %s", async (command) => {
    expect((await make(command)).action).toBe("pass");
  });
});

describe("scripts, Makefiles and package.json written earlier in the same command", () => {
  it.each([
    "cat > Makefile.leak <<'EOF'\nx:\n\tcat .env\nEOF\nmake -f Makefile.leak x",
    `echo '{"scripts":{"x":"cat .env"}}' > package.json && npm run x`,
    "cat > t.rb <<'EOF'\n#!/usr/bin/env ruby\nputs File.read('.env')\nEOF\nchmod +x t.rb && ./t.rb",
    "echo \"print(open('.env').read())\" > t.py && python3 -m t",
  ])("refuses %s", async (command) => {
    expect((await npm(command)).action).toBe("deny");
  });

  it.each([
    "cat > Makefile.ok <<'EOF'\nx:\n\techo ok\nEOF\nmake -f Makefile.ok x",
    `echo '{"scripts":{"x":"echo ok"}}' > package.json && npm run x`,
    "cat > t.rb <<'EOF'\n#!/usr/bin/env ruby\nputs 'ok'\nEOF\nchmod +x t.rb && ./t.rb",
  ])("runs %s", async (command) => {
    expect((await npm(command)).action).toBe("pass");
  });
});

const JUSTFILE = [
  "set dotenv-load",
  'env_file := ".env"',
  "",
  "default: build",
  "",
  "build:",
  "    cargo build --release",
  "",
  "show:",
  "    cat .env",
  "",
  "@quiet-show:",
  "    cat {{env_file}}",
  "",
  "test: show",
  "    cargo test",
  "",
  'deploy target="prod": build',
  '    @curl -H "Authorization: Bearer $API_KEY" https://{{target}}.example.com',
  "",
  "echoed:",
  "    curl -H \"Authorization: Bearer {{env_var('API_KEY')}}\" https://api.example.com",
  "",
  "silent:",
  "    @curl -H \"Authorization: Bearer {{env_var('API_KEY')}}\" https://api.example.com",
  "",
  "py:",
  "    #!/usr/bin/env python3",
  "    print(open('.env').read())",
  "",
  "py-ok:",
  "    #!/usr/bin/env python3",
  "    print('ok')",
  "",
  "cat-file file:",
  "    cat {{file}}",
  "",
  "loadit:",
  "    set -a; . ./.env; set +a; npm start",
  "",
  "where:",
  "    {{ justfile_directory() }}/scripts/where.sh",
  "",
  "[unix]",
  "install:",
  "    cargo fetch",
  "",
  "[windows]",
  "install:",
  "    #!powershell.exe -File",
  "    Get-Content .env",
  "",
].join("\n");

async function just(command: string) {
  return decideIn({
    [`${PROJECT}/.env`]: "API_KEY=1\n",
    [`${PROJECT}/justfile`]: JUSTFILE,
    [`${PROJECT}/api/justfile`]: "all:\n    cat .env\n",
    [`${PROJECT}/api/.env`]: "API_KEY=3\n",
    [`${PROJECT}/web/index.html`]: "<p>hi</p>\n",
  }, command);
}

describe("just's recipes", () => {
  it.each(["cd web && just show", "cd web && just test", "just quiet-show", "just test", "just echoed", "just py", "just cat-file .env", "just -f api/justfile", "just --justfile api/justfile all", "just -d api -f api/justfile all"])("refuses %s", async (command) => {
    const decision = await just(command);
    expect(decision.action).toBe("deny");
    expect(decision.action === "deny" && decision.reason).toMatch(/just recipe `|script `just |recipe `echoed`/);
  });

  it.each(["just", "just build", "just deploy", "just deploy staging", "just -q echoed", "just silent", "just py-ok", "just cat-file README.md", "just loadit", "just where", "just install", "just --list", "just --show show", "just nonexistent", "cd web && just build"])("runs %s", async (command) => {
    expect((await just(command)).action).toBe("pass");
  });
});

const TASKFILE = `version: '3'

dotenv: ['.env']

vars:
  OUT: bin/app

tasks:
  default:
    cmds:
      - task: build

  build:
    desc: Build the app
    deps: [lint]
    cmds:
      - go build -o {{.OUT}} ./...

  lint:
    cmds:
      - golangci-lint run

  show:
    cmds:
      - cat .env

  multi:
    cmds:
      - echo start
      - |
        echo a
        cat .env

  via-cmd:
    cmds:
      - cmd: cat .env
        silent: true

  calls:
    cmds:
      - task: show

  short: cat .env

  envdump:
    cmds:
      - env

  deploy:
    env:
      API_KEY: '{{.API_KEY}}'
    cmds:
      - curl -H "Authorization: Bearer $API_KEY" https://api.example.com

  migrate:
    cmds:
    - migrate -path db -database {{.OUT}} {{.DATABASE_URL}} up

  quiet-migrate:
    silent: true
    cmds:
      - migrate -database {{.DATABASE_URL}} up
`;

async function task(command: string) {
  return decideIn({ [`${PROJECT}/.env`]: "API_KEY=1\n", [`${PROJECT}/Taskfile.yml`]: TASKFILE, [`${PROJECT}/ops/Taskfile.yaml`]: "tasks:\n  default:\n    cmds:\n      - cat ../.env\n", [`${PROJECT}/web/index.html`]: "<p>hi</p>\n" }, command);
}

describe("go-task's tasks", () => {
  it.each(["task show", "task multi", "task via-cmd", "task calls", "task short", "task envdump", "task -d ops", "task --dir ops default", "task migrate", "cd web && task show"])("refuses %s", async (command) => {
    const decision = await task(command);
    expect(decision.action).toBe("deny");
    expect(decision.action === "deny" && decision.reason).toMatch(/In the task `|of the task `migrate`/);
  });

  it.each(["task", "task build", "task lint", "task deploy", "task --list", "task nonexistent", "task quiet-migrate", "task -s migrate", "cd web && task build"])("runs %s", async (command) => {
    expect((await task(command)).action).toBe("pass");
  });
  it("reads the tasks of the Taskfiles it includes", async () => {
    const files = {
      [`${PROJECT}/.env`]: "API_KEY=1\n",
      [`${PROJECT}/Taskfile.yml`]: "version: '3'\nincludes:\n  docs: ./docs\n  ops:\n    taskfile: ./ops/Tasks.yml\n    dir: ./ops\n    optional: true\ntasks:\n  build:\n    cmds:\n      - echo build\n",
      [`${PROJECT}/docs/Taskfile.yml`]: "version: '3'\ntasks:\n  show:\n    cmds:\n      - cat ../.env\n  gen:\n    cmds:\n      - mkdocs build\n",
      [`${PROJECT}/ops/Tasks.yml`]: "version: '3'\ntasks:\n  leak:\n    cmds:\n      - printenv\n  ok:\n    cmds:\n      - echo ok\n",
    };
    for (const command of ["task docs:show", "task ops:leak", "task build docs:show"]) expect((await decideIn(files, command)).action, command).toBe("deny");
    for (const command of ["task docs:gen", "task ops:ok", "task build", "task dir:x"]) expect((await decideIn(files, command)).action, command).toBe("pass");
  });
});

const MISE = `[env]
_.file = ".env"

[tasks.build]
run = "npm run build"
depends = ["lint"]

[tasks.lint]
run = "eslint ."

[tasks.release]
run = "npm publish"
depends = ["show"]

[tasks.show]
description = "Shows the settings"
run = [
  "echo start",
  "cat .env",
]

[tasks."db:url"]
run = "psql {{env.DB_PASSWORD}}"

[tasks.deploy]
run = """
echo deploying
printenv
"""

[tasks]
quick = "cat .env"
ok = "echo ok"
`;

async function mise(command: string) {
  return decideIn({
    [`${PROJECT}/.env`]: "API_KEY=1\n",
    [`${PROJECT}/mise.toml`]: MISE,
    [`${PROJECT}/mise-tasks/leak`]: "#!/usr/bin/env bash\ncat .env\n",
    [`${PROJECT}/mise-tasks/hello`]: "#!/usr/bin/env bash\necho hello\n",
    [`${PROJECT}/web/index.html`]: "<p>hi</p>\n",
  }, command);
}

describe("pyproject.toml's task runners", () => {
  const PYPROJECT = [
    "[tool.pdm.scripts]",
    'lint = "ruff check ."',
    'show = {cmd = "cat .env", help = "x"}',
    'both = {composite = ["lint", "cat .env"]}',
    'ok = {shell = "echo hi", help = "cat .env to see the names"}',
    "[tool.poe.tasks]",
    'test = "pytest"',
    "[tool.poe.tasks.show]",
    'shell = """',
    "echo start",
    "cat .env",
    '"""',
    "[tool.hatch.envs.default.scripts]",
    'cov = ["pytest --cov", "coverage report"]',
    'show = "cat .env"',
    "[tool.hatch.envs.docs.scripts]",
    'show = "cat .env"',
    'build = "mkdocs build"',
    "[tool.taskipy.tasks]",
    'show = { cmd = "cat .env", help = "x" }',
    'fmt = "ruff format ."',
  ].join("\n");
  const decide = (command: string) => decideIn({ [`${PROJECT}/.env`]: "API_KEY=1\n", [`${PROJECT}/pyproject.toml`]: PYPROJECT }, command);

  it.each(["pdm run show", "pdm run both", "poe show", "uv run poe show", "hatch run show", "hatch run docs:show", "task show", "poetry run task show", "cd sub 2>/dev/null; pdm run show"])("refuses %s", async (command) => {
    expect((await decide(command)).action).toBe("deny");
  });

  it.each(["pdm run lint", "pdm run ok", "pdm run pytest -x", "poe test", "hatch run cov", "hatch run docs:build", "task fmt", "pdm install", "hatch env create"])("runs %s", async (command) => {
    expect((await decide(command)).action).toBe("pass");
  });

  it("reads hatch's scripts in hatch.toml, where its tables have no tool.hatch prefix", async () => {
    const files = { [`${PROJECT}/.env`]: "API_KEY=1\n", [`${PROJECT}/hatch.toml`]: '[envs.default.scripts]\nshow = "cat .env"\ncov = "pytest --cov"\n[envs.docs.scripts]\nleak = ["echo x", "printenv"]\n' };
    for (const command of ["hatch run show", "hatch run docs:leak"]) expect((await decideIn(files, command)).action, command).toBe("deny");
    expect((await decideIn(files, "hatch run cov")).action).toBe("pass");
  });
});

describe("task runners whose tasks are code or an ini file", () => {
  const files = {
    [`${PROJECT}/.env`]: "API_KEY=1\n",
    [`${PROJECT}/tasks.py`]: 'from invoke import task\n\n@task\ndef show(c):\n    c.run("cat .env")\n\n@task\ndef build(c):\n    c.run("python -m build")\n\n@task\ndef test_all(c):\n    c.run("pytest")\n',
    [`${PROJECT}/noxfile.py`]: 'import nox\n\n@nox.session\ndef show(session):\n    session.run("cat", ".env", external=True)\n\n@nox.session\ndef tests(session):\n    session.install("pytest")\n    session.run("pytest", "-q")\n',
    [`${PROJECT}/Rakefile`]: 'task :show do\n  sh "cat .env"\nend\n',
    [`${PROJECT}/tox.ini`]: "[tox]\nenvlist =\n    py311\n    show\n[testenv]\ndeps = pytest\ncommands =\n    pytest {posargs}\n[testenv:show]\ncommands = cat .env\n[testenv:lint]\ncommands = ruff check .\n",
  };

  it.each(["invoke show", "inv show", "nox -s show", "nox --session show", "nox", "rake show", "tox -e show", "tox -e lint,show", "tox run -e show", "tox", "cd sub 2>/dev/null; invoke show"])("refuses %s", async (command) => {
    expect((await decideIn(files, command)).action).toBe("deny");
  });

  it.each(["invoke build", "invoke test-all", "invoke --list", "nox -s tests", "nox -l", "rake -T", "tox -e lint", "tox -e py311"])("runs %s", async (command) => {
    expect((await decideIn(files, command)).action).toBe("pass");
  });

  it("reads fabric's and invoke's c.run, and nox's session.run, in scripts run directly too", async () => {
    for (const name of ["tasks.py", "noxfile.py"]) expect((await decideIn(files, `python3 ${name}`)).action, name).toBe("deny");
  });
});

describe("mise's tasks", () => {
  it.each(["mise run show", "mise r show", "mise tasks run show", "mise run release", "mise run db:url", "mise run deploy", "mise run quick", "mise run leak", "cd web && mise run show"])("refuses %s", async (command) => {
    const decision = await mise(command);
    expect(decision.action).toBe("deny");
    expect(decision.action === "deny" && decision.reason).toMatch(/task `|mise-tasks\/leak/);
  });

  it.each(["mise run build", "mise run lint", "mise run ok", "mise run hello", "mise run missing", "mise run build -- --watch", "mise tasks ls", "mise install"])("runs %s", async (command) => {
    expect((await mise(command)).action).toBe("pass");
  });
});

describe("export $(… .env | xargs), the way many load a dotenv file", () => {
  const load = (env: string, command: string) => decideIn({ [`${PROJECT}/.env`]: env, [`${PROJECT}/.env.example`]: "DB=\n" }, command);
  const PLAIN = "# local database\nDB=postgres://u:p@h/db\nexport MODE='dev'\nTOKEN=\"abc\"\n";

  it.each([
    "export $(grep -v '^#' .env | xargs) && npm start",
    'export $(grep -v "^#" .env | xargs)',
    "export $(grep -Ev '^(#|$)' .env | xargs) && npm test",
    "export $(grep -v '^#' .env)",
    "env $(grep -v '^#' .env | xargs) npm start",
  ])("passes %s over a file of one-word NAME=value lines", async (command) => {
    expect((await load(PLAIN, command)).action).toBe("pass");
  });

  it.each([
    ["export $(cat .env | xargs)", "a comment's words are no names"],
    ["export $(grep -v '^#' .env | xargs) && echo $DB", "DB holds a secret now"],
    ["echo $(grep -v '^#' .env | xargs)", "echo prints its words"],
    ['export "$(grep -v \'^#\' .env | xargs)"', "one word, no name"],
    ["export $(grep -v '^#' .env | xargs cat)", "xargs runs a command"],
    ["export $(grep -v '^#' .env | xargs) $(cat .env)", "the second one prints the comment"],
    ["set -x; export $(grep -v '^#' .env | xargs)", "xtrace prints every word"],
    ["env $(grep -v '^#' .env | xargs) printenv", "the command env runs prints them"],
    ["env $(grep -v '^#' .env | xargs)", "env with no command prints the environment"],
  ])("denies %s (%s)", async (command) => {
    expect((await load(PLAIN, command)).action).toBe("deny");
  });

  it.each(["export $(cat .env | xargs)", "export $(grep -v '^#' .env | xargs)", "env $(grep -v '^#' .env | xargs) npm start"])("denies %s when a value splits, naming a sourcing that passes", async (command) => {
    const env = "DB=postgres://u:p@h/db\nNAME='two words'\n";
    const refused = await load(env, command);
    expect(refused.action).toBe("deny");
    const advised = /`(set -a; \. [^`]+; set \+a)`/.exec(refused.action === "deny" ? refused.reason : "")?.[1];
    expect(advised).toBe(`set -a; . ${PROJECT}/.env; set +a`);
    expect((await load(env, advised as string)).action).toBe("pass");
  });
});

describe("a notebook's code, as the script its cells run", () => {
  const notebook = (...cells: Array<[string, string | string[]]>) => JSON.stringify({ cells: cells.map(([cell_type, source]) => ({ cell_type, source })), nbformat: 4 });

  it("joins the code cells, and takes `!` lines and %%bash cells as shell", () => {
    const text = notebook(["markdown", "open('.env')"], ["code", ["import os\n", "!cat .env\n", "x = 1"]], ["code", "%%bash\nls\ncat .env.local\n"], ["raw", "cat .env"]);
    expect(notebookCode(text)).toEqual({ code: "import os\nx = 1", shell: "cat .env\nls\ncat .env.local\n" });
  });

  it.each(["print(1)", "{not json", "[]", '{"cells": 3}'])("reads %j as no notebook, or one without cells", (text) => {
    const cells = notebookCode(text);
    expect(cells === undefined || (cells.code === "" && cells.shell === "")).toBe(true);
  });
});

describe("this repository's own tests, run as a session would run them", () => {
  // Their imports reach the guard's sources, whose comments describe what it refuses.
  it.each(["npx vitest run test/unit/glob-limits.test.ts", "npx vitest run test/unit/archive-excludes.test.ts"])("passes %s", async (command) => {
    const root = process.cwd();
    const ctx = { io: createNodeIO({ PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: "/nonexistent" }), config: DEFAULT_CONFIG, configDegraded: false, projectDir: root, home: "/nonexistent" };
    const verdict = await secretGuard.decide({ tool: "Bash", input: { command }, cwd: root, sessionId: "t" }, ctx);
    expect(verdict.action === "deny" ? verdict.reason : "pass").toBe("pass");
  });
});
