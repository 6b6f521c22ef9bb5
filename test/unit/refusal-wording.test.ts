/**
 * A refusal's first line is read by the agent: it must be a sentence that names the command, what it
 * would reach and why, without the word twice or a verb missing.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { memoryIO } from "../helpers/memory-io.js";

const PROJECT = "/home/dev/project";
const io = memoryIO({ files: { [`${PROJECT}/.env`]: "API_KEY=1\n", [`${PROJECT}/list.txt`]: "README.md\n", [`${PROJECT}/README.md`]: "# hi\n" }, env: { HOME: "/home/dev" } });

async function firstLine(command: string, tool = "Bash"): Promise<string> {
  const ctx = { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: PROJECT, home: "/home/dev" };
  const verdict = await secretGuard.decide({ tool, input: { command }, cwd: PROJECT, sessionId: "t" }, ctx);
  return verdict.action === "deny" ? (verdict.reason.split("\n").find((l) => l.startsWith("- ")) ?? "") : "pass";
}

describe("refusal wording", () => {
  it.each([
    ["grep -r KEY releases/$(date +%F)", "- `grep -r` over `releases/$(date +%F)`, which is only known when the command runs"],
    ["find . -type f | while read -r f; do cat \"$f\"; done", "- `cat` reads the files `find . -type f` lists, which would also reach `/home/dev/project/.env`"],
    ["cat list.txt | xargs cat", "- `xargs cat` reads the files named on its input, which would also reach `/home/dev/project/.env`"],
    ["cat list.txt | parallel -X cat", "- `parallel cat` reads the files named on its input, which would also reach"],
    ["ps axe", "- `ps` prints each listed process's environment (option `e`)"],
    ["cat $(date +%s).env", "- `cat` reads `$(date +%s).env`, a dotenv file"],
    // The article fits the category's title.
    ["cat ~/.ssh/id_rsa", "- `cat` reads `/home/dev/.ssh/id_rsa`, an SSH private key (category"],
    ["cat ~/.aws/credentials", "- `cat` reads `/home/dev/.aws/credentials`, a cloud or cluster credentials file (category"],
    ["cat infra/prod.tfstate", "- `cat` reads `/home/dev/project/infra/prod.tfstate`, a Terraform state or variables file (category"],
    // A file:// URL in code names the file at its path, not a folder named `file:` here.
    [`node -e "fetch('file:///home/dev/project/.env').then((r) => r.text()).then(console.log)"`, "- `node` runs inline code, names `/home/dev/project/.env`, a dotenv file"],
    // pnpm's own `run` is not a program it runs by name (as `pnpm tsx` is).
    ['pnpm run test "$X"', '- `pnpm` reads `"$X"`, which is only known when the command runs'],
  ])("%s", async (command, start) => {
    expect((await firstLine(command)).slice(0, start.length)).toBe(start);
  });

  it("says a file tool's source names the file, not that it is code the call runs", async () => {
    const ctx = { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: PROJECT, home: "/home/dev" };
    const verdict = await secretGuard.decide({ tool: "mcp__filesystem__move_file", input: { source: ".env", destination: "old.env" }, cwd: PROJECT, sessionId: "t" }, ctx);
    expect(verdict.action === "deny" ? verdict.reason : "pass").toMatch(/^- This mcp__filesystem__move_file call names `\/home\/dev\/project\/\.env`/m);
    expect(verdict.action === "deny" ? verdict.reason : "").not.toMatch(/The code this call runs/);
  });

  it("names a PowerShell variable handed to a program by its name, not as an unreadable character", async () => {
    expect(await firstLine("python $f", "PowerShell")).toBe("- `python` runs or reads `\"${f}\"`, which is only known when the command runs, so the guard cannot rule out that it reaches a secret file.");
  });
});
