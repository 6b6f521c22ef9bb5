/**
 * Writing a secret into a file that is itself a secret by name (`cp .env .env.backup`,
 * `echo "API_KEY=$API_KEY" >> .env`, `grep -v DEBUG .env > .env.tmp`) shows nothing and passes, unless that name is a link or pipe that
 * sends the text elsewhere (`ln -s /dev/stdout x.env`), made before or in the same command.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { memoryIO } from "../helpers/memory-io.js";

const PROJECT = "/work/app";

async function decide(command: string) {
  const io = memoryIO({
    files: { [`${PROJECT}/.env`]: "API_KEY=1\n", [`${PROJECT}/.env.backup`]: "API_KEY=0\n", [`${PROJECT}/src/app.ts`]: "export {};\n" },
    // A link whose target the stat cannot follow (the terminal), and one to a plain file elsewhere.
    links: { [`${PROJECT}/tty.env`]: "/dev/stdout", [`${PROJECT}/out.env`]: "/tmp/out.txt" },
    env: { HOME: "/home/dev" },
  });
  const ctx = { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: PROJECT, home: "/home/dev" };
  return (await secretGuard.decide({ tool: "Bash", input: { command }, cwd: PROJECT, sessionId: "t" }, ctx)).action;
}

describe("writing a secret into a guarded name", () => {
  it.each([
    "cp .env .env.backup",
    "cp .env .env.new",
    'echo "API_KEY=$API_KEY" >> .env',
    "gh auth token > token.txt",
    'echo "GH_TOKEN=$(gh auth token)" >> .env',
    "grep -v '^DEBUG=' .env > .env.tmp && mv .env.tmp .env",
    "cat .env .env.backup | grep -v '^#' > .env.merged",
    "head -5 .env >> .env.backup",
    "scp deploy@host:/srv/app/.env .env.production",
    "scp deploy@host:/srv/app/.env ./",
    "aws s3 cp s3://acme-config/.env .env.staging",
  ])("passes %s", async (command) => {
    expect(await decide(command)).toBe("pass");
  });

  it.each([
    "cp .env tty.env",
    "cp .env out.env",
    'echo "API_KEY=$API_KEY" > tty.env',
    "gh auth token > out.env",
    "ln -sf /dev/stdout x.env && cp .env x.env",
    'mkfifo p.env; echo "$GITHUB_TOKEN" > p.env',
    "cp -s /dev/stdout y.env && cp .env y.env",
    'echo "API_KEY=$API_KEY" > notes.txt',
    'echo "GH_TOKEN=$(gh auth token)" > notes.txt',
    'echo "GH_TOKEN=$(gh auth token)" >> tty.env',
    "grep -v '^DEBUG=' .env > notes.txt",
    "cat .env > tty.env",
    "cat .env | tee /dev/stderr > .env.copy",
    "cat .env > .env.copy | cat",
    "sed -n 'w /dev/stdout' .env > .env.copy",
    "cat .env > .env.copy && cat .env.copy",
    "sort -o /dev/stdout .env > .env.x",
    "uniq .env /dev/stdout > .env.x",
    "scp deploy@host:/srv/app/.env tty.env",
    "aws s3 cp s3://acme-config/.env out.env",
    "ln -s /dev/stdout z.env && scp host:/app/.env z.env",
  ])("refuses %s", async (command) => {
    expect(await decide(command)).toBe("deny");
  });
});
