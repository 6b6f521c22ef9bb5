/** The `shipshape` command (bin/shipshape runs this bundle). */
import { join } from "node:path";
import { main } from "../cli/main.js";

main(process.argv.slice(2), { env: process.env, cwd: process.cwd(), pluginRoot: join(__dirname, "..", ".."), nodeVersion: process.version }).then(
  ({ code, text }) => {
    if (text) (code === 0 ? process.stdout : process.stderr).write(`${text}\n`);
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`shipshape: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
