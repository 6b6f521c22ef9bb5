/**
 * The same commits under every wrapper the gate reads: a message that breaks the convention is
 * refused however the commit is run, and a good one passes however it is run (verification passes in
 * this repository). Each table is crossed with the other, so a wrapper the walk does not follow shows.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { commitGate } from "../../hooks/src/guards/commit/gate.js";
import { repoIO, ROOT } from "../helpers/repo-io.js";

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

const BAD = [`git commit -m wip`, `git commit -am "fix: retry uploads"`, `git -C . commit -m 'feat: y' -m 'Body.'`, `git commit -F - <<'EOF'\nwip\nEOF`];
const GOOD = [
  `git commit -m "Add retry to the upload client" -m "Uploads failed on the first hiccup."`,
  `git commit -F - <<'EOF'\nAdd retry to the upload client\n\nUploads failed on the first hiccup.\nEOF`,
];

const WRAPPERS: Array<[name: string, wrap: (command: string) => string]> = [
  ["as is", (c) => c],
  ["bash -c", (c) => `bash -c ${quote(c)}`],
  ["eval", (c) => `eval ${quote(c)}`],
  ["a subshell", (c) => `(${c}\n)`],
  ["a group", (c) => `{ ${c}\n}`],
  ["after the tests", (c) => `npm test && ${c}`],
  ["after git add", (c) => `git add -A && ${c}`],
  ["a variable prefix", (c) => `GIT_AUTHOR_NAME=x ${c}`],
  ["env", (c) => `env GIT_COMMITTER_NAME=x ${c}`],
  ["sudo", (c) => `sudo ${c}`],
  ["timeout", (c) => `timeout 60 ${c}`],
  ["if", (c) => `if true; then ${c}\nfi`],
  ["a cd", (c) => `cd sub && ${c}`],
  ["a heredoc into bash", (c) => `bash <<'X'\n${c}\nX`],
  ["a pipe into bash", (c) => `echo ${quote(c)} | bash`],
  ["script -c", (c) => `script -qc ${quote(c)} /dev/null`],
  ["nohup", (c) => `nohup ${c}`],
  ["poetry run", (c) => `poetry run ${c}`],
  ["cross-env", (c) => `npx cross-env A=1 ${c}`],
];

async function decide(command: string) {
  const verdict = await commitGate.decide({ tool: "Bash", input: { command }, cwd: ROOT, sessionId: "t" }, { io: repoIO(), config: DEFAULT_CONFIG, configDegraded: false, projectDir: ROOT, home: "/home/dev" });
  return verdict.action === "deny" ? verdict.reason : "pass";
}

describe("a commit under every wrapper", () => {
  it.each(BAD.flatMap((c) => WRAPPERS.map(([name, wrap]) => [`${c.split("\n")[0]} (${name})`, wrap(c)] as const)))("refuses %s", async (_name, command) => {
    expect(await decide(command)).toMatch(/commit gate blocked this commit/);
  });
  it.each(GOOD.flatMap((c) => WRAPPERS.map(([name, wrap]) => [`${c.split("\n")[0]} (${name})`, wrap(c)] as const)))("passes %s", async (_name, command) => {
    expect(await decide(command)).toBe("pass");
  });
});
