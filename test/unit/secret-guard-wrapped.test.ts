/**
 * The same commands under every wrapper and in every context the guard reads: a command that leaks
 * leaks however it is run (through `bash -c`, `sudo`, a pipe, a substitution, a task runner), and an
 * ordinary one stays ordinary (none of the wrappers makes it look like a leak). Each table is crossed
 * with the other, so a wrapper added to one rule but not to another shows up here.
 */
import { describe, expect, it } from "vitest";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { call, fixtureContext } from "../corpus/fixture.js";

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

const LEAKS = [
  "cat .env",
  "printenv",
  "echo $GITHUB_TOKEN",
  "head -1 ~/.aws/credentials",
  `python3 -c 'print(open(".env").read())'`,
  "grep -r TOKEN .",
  "awk 1 ~/.ssh/id_rsa",
  "cp .env /tmp/copy.txt",
];

const ORDINARY = [
  "cat package.json",
  "printenv PATH",
  "echo $HOME",
  "head -1 src/app.ts",
  `python3 -c 'print(open("package.json").read())'`,
  "grep -rn TODO src",
  `node -e "console.log('a (b)')"`,
  "test -f .env && echo yes",
  "cp .env.example .env.test",
  "wc -l .env",
];

const WRAPPERS: Array<[name: string, wrap: (command: string) => string]> = [
  ["bash -c", (c) => `bash -c ${quote(c)}`],
  ["sh -c in double quotes", (c) => `sh -c "${c.replace(/[\\"$`]/g, "\\$&")}"`],
  ["eval", (c) => `eval ${quote(c)}`],
  ["sudo", (c) => `sudo -u root ${c}`],
  ["timeout", (c) => `timeout 10 ${c}`],
  ["env", (c) => `env FOO=1 ${c}`],
  ["a subshell", (c) => `( ${c} )`],
  ["a group", (c) => `{ ${c}; }`],
  ["if", (c) => `if true; then ${c}; fi`],
  ["a loop", (c) => `for i in 1; do ${c}; done`],
  ["a list", (c) => `echo start && ${c} && echo done`],
  ["a pipe into head", (c) => `${c} 2>&1 | head -20`],
  ["a substitution", (c) => `x=$(${c}); echo "$x"`],
  ["process substitution", (c) => `cat <(${c})`],
  ["a heredoc into bash", (c) => `bash <<'EOF'\n${c}\nEOF`],
  ["a pipe into bash", (c) => `echo ${quote(c)} | bash`],
  ["script -c", (c) => `script -qc ${quote(c)} /dev/null`],
  ["nohup", (c) => `nohup ${c} > /tmp/out.log; cat /tmp/out.log`],
  ["cross-env", (c) => `npx cross-env A=1 ${c}`],
  ["poetry run", (c) => `poetry run ${c}`],
  ["nix develop -c", (c) => `nix develop -c ${c}`],
  ["parallel :::", (c) => `parallel ::: ${quote(c)}`],
  ["a cd away and back", (c) => `cd src && cd .. && ${c}`],
  ["set -e", (c) => `set -euo pipefail; ${c}`],
];

async function decide(command: string) {
  const verdict = await secretGuard.decide(call("Bash", { command }), fixtureContext());
  return verdict.action === "deny" ? verdict.reason : "pass";
}

describe("a command under every wrapper", () => {
  const leaks = LEAKS.flatMap((core) => WRAPPERS.map(([name, wrap]) => [`${core} (${name})`, wrap(core)] as const));
  it.each(leaks)("refuses %s", async (_name, command) => {
    expect(await decide(command)).toMatch(/secret guard blocked this/);
  });

  const ordinary = ORDINARY.flatMap((core) => WRAPPERS.map(([name, wrap]) => [`${core} (${name})`, wrap(core)] as const));
  it.each(ordinary)("passes %s", async (_name, command) => {
    expect(await decide(command)).toBe("pass");
  });
});
