import { resolveConfigSources } from "../entries/config-loader.js";
import { createNodeIO } from "../runtime/node-io.js";
import { explain } from "./explain.js";

const USAGE = `shipshape: keeps an agent's work in good order (https://github.com/shipshape-dev/shipshape)

usage: shipshape <command> [arguments]

commands:
  explain    tell whether a path or a tool call would be blocked by the secret guard, and why`;

/** The CLI's entry: returns the exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number; text: string }> {
  const [command, ...rest] = argv;
  const io = createNodeIO(env);
  const home = env.HOME || undefined;
  const projectDir = env.CLAUDE_PROJECT_DIR || cwd;
  switch (command) {
    case "explain":
      return explain(rest, { io, cwd, projectDir, home, resolver: resolveConfigSources });
    case undefined:
    case "help":
    case "--help":
    case "-h":
      return { code: command === undefined ? 2 : 0, text: USAGE };
    default:
      return { code: 2, text: `shipshape: unknown command "${command}"\n\n${USAGE}` };
  }
}
