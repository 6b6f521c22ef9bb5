/** Bundled apart as hooks/dist/shell-runner.cjs: execa is loaded only when a commit is verified. */
export { runShellCommand } from "../runtime/shell-runner.js";
