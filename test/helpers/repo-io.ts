/** A repository for commit-gate tests: git answers like a checkout with one staged change. */
import type { RunOptions, RunResult } from "../../hooks/src/runtime/io.js";
import { INDEX_ARGS, STATUS_ARGS } from "../../hooks/src/guards/commit/git-state.js";
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
      // readGitState runs git twice: the index's entries and the status.
      const args = argv.slice(1).join(" ");
      if (argv[0] === "git" && args === INDEX_ARGS.join(" ")) {
        return { exitCode: 0, stdout: "100644 e69de29bb2d1d6434b8b29ae775ad8c2e48c5391 0\tsrc/app.ts\0", stderr: "", timedOut: false };
      }
      if (argv[0] === "git" && args === STATUS_ARGS.join(" ")) {
        return { exitCode: 0, stdout: "1 M. N... 100644 100644 100644 a b src/app.ts\0", stderr: "", timedOut: false };
      }
      // The secret guard asks which files a diff, show or log would print.
      if (argv[0] === "git" && argv.includes("--name-only")) return { exitCode: 0, stdout: "src/app.ts\n", stderr: "", timedOut: false };
      return { exitCode: 1, stdout: "", stderr: `unexpected ${argv.join(" ")}`, timedOut: false };
    },
    runShell: runShell ?? (() => ({ exitCode: 0, stdout: "ok\n", stderr: "", timedOut: false })),
    env: { HOME: "/home/dev" },
  });
}

