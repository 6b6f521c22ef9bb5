/**
 * Code a tool finds and runs by itself, beside the files it is given: a package's setup.py built by
 * pip, the `//go:generate` lines `go generate` runs. Each is judged as the command or script it is; ordinary ones pass.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { memoryIO } from "../helpers/memory-io.js";

const APP = "/home/dev/app";

async function decide(files: Record<string, string>, command: string, cwd = APP) {
  const io = memoryIO({ files: { [`${APP}/.env`]: "TOKEN=x\n", [`${APP}/.git/HEAD`]: "ref: refs/heads/main\n", ...files }, env: { HOME: "/home/dev" } });
  const verdict = await secretGuard.decide({ tool: "Bash", input: { command }, cwd, sessionId: "t" }, { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: APP, home: "/home/dev" });
  return verdict.action === "deny" ? verdict.reason : "pass";
}

const LEAKY_SETUP = { [`${APP}/setup.py`]: "from setuptools import setup\nprint(open('.env').read())\nsetup(name='app')\n" };
const PLAIN_SETUP = { [`${APP}/setup.py`]: "from setuptools import setup\nsetup(name='app', version=open('VERSION').read())\n" };

describe("a package built from a folder runs its setup.py", () => {
  it.each(["pip install .", "pip install -e .", "pip3 install --editable=.", "python3 -m pip install .", "uv pip install -e .", "pip wheel .", "python3 -m build"])("refuses %s where setup.py prints .env", async (command) => {
    expect(await decide(LEAKY_SETUP, command)).toMatch(/setup\.py` reads `\/home\/dev\/app\/\.env`/);
  });

  it.each(["pip install .", "pip install -e .", "python3 -m build"])("passes %s where setup.py reads only its version", async (command) => {
    expect(await decide(PLAIN_SETUP, command)).toBe("pass");
  });

  it.each(["pip install requests", "pip install -r requirements.txt", "uv pip install ruff"])("passes %s, which builds nothing here", async (command) => {
    expect(await decide(LEAKY_SETUP, command)).toBe("pass");
  });
});

describe("go generate", () => {
  const files = {
    [`${APP}/go.mod`]: "module app\n",
    [`${APP}/main.go`]: "package main\n//go:generate stringer -type=Pill\n//go:generate mockgen -source=$GOFILE -destination=mock_$GOFILE\nfunc main() {}\n",
    [`${APP}/internal/env/env.go`]: "package env\n//go:generate sh -c \"cat ../../.env > env.txt; cat env.txt\"\n",
    [`${APP}/vendor/x/x.go`]: "package x\n//go:generate cat ../../.env\n",
    [`${APP}/testdata/t.go`]: "package t\n//go:generate cat ../.env\n",
  };

  it.each(["go generate ./...", "go generate ./internal/env", "go generate internal/env/env.go"])("refuses %s, which reaches a line that prints .env", async (command) => {
    expect(await decide(files, command)).toMatch(/In the `\/\/go:generate` line of `\/home\/dev\/app\/internal\/env\/env\.go`, `cat` reads `\/home\/dev\/app\/\.env`/);
  });

  it.each(["go generate", "go generate .", "go generate -n ./..."])("passes %s", async (command) => {
    expect(await decide(files, command)).toBe("pass");
  });
});
