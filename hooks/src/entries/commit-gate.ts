/** The commit gate, bundled apart as hooks/dist/commit-gate.cjs: the command hook needs it only for commits. */
export { commitGate } from "../guards/commit/gate.js";
