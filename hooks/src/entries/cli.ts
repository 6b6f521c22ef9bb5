/** The `shipshape` command (bin/shipshape). */
import { main } from "../cli/main.js";

main(process.argv.slice(2), process.env, process.cwd()).then(
  ({ code, text }) => {
    (code === 2 ? process.stderr : process.stdout).write(`${text}\n`);
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`shipshape: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
