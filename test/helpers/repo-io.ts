/** A repository for commit-gate tests: git answers like a checkout with one staged change. */
import type { RunOptions, RunResult } from "../../hooks/src/runtime/io.js";
import { memoryIO } from "./memory-io.js";

export const ROOT = "/repo";

/** A repository where git answers like a clean checkout and every verification command passes. */
export function repoIO(extraFiles: Record<string, string> = {}, runShell?: (command: string, options: RunOptions) => RunResult) {
  return memoryIO({
    files: {
      [`${ROOT}/package.json`]: JSON.stringify({ scripts: { test: "vitest run", lint: "eslint ." } }),
      [`${ROOT}/src/app.ts`]: "export {}",
      [`${ROOT}/.git/HEAD`]: "ref: refs/heads/main\n",
      [`${ROOT}/sub/x.ts`]: "x",
      [`${ROOT}/good-message.txt`]: "Add retry to the upload client\n\nUploads failed on the first hiccup.\n",
      [`${ROOT}/bad-message.txt`]: "wip\n",
      ...extraFiles,
    },
    run: (argv) => {
      // readGitState asks one shell for the root, the index tree and the status.
      if (argv[0] === "sh" && argv[2]?.includes("status --porcelain")) {
        return { exitCode: 0, stdout: `4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\n1 M. N... 100644 100644 100644 a b src/app.ts\0`, stderr: "", timedOut: false };
      }
      const args = argv.slice(1).join(" ");
      if (args.startsWith("rev-parse --show-toplevel")) return { exitCode: 0, stdout: `${ROOT}\n`, stderr: "", timedOut: false };
      if (args.startsWith("status")) return { exitCode: 0, stdout: "1 M. N... 100644 100644 100644 a b src/app.ts\0", stderr: "", timedOut: false };
      if (args.startsWith("write-tree")) return { exitCode: 0, stdout: "4b825dc642cb6eb9a060e54bf8d69288fbee4904\n", stderr: "", timedOut: false };
      if (args.startsWith("diff")) return { exitCode: 0, stdout: "", stderr: "", timedOut: false };
      return { exitCode: 1, stdout: "", stderr: `unexpected git ${args}`, timedOut: false };
    },
    runShell: runShell ?? (() => ({ exitCode: 0, stdout: "ok\n", stderr: "", timedOut: false })),
    env: { HOME: "/home/dev" },
  });
}

