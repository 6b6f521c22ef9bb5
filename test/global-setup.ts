/**
 * Every temporary folder the tests make (mkdtemp under os.tmpdir(), and those of the processes they
 * start: hooks, git, Claude Code) goes into one folder for the run, removed when it ends: a full run
 * makes a few hundred, which piled up in the system's temporary folder run after run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "shipshape-tests-"));
  const before = process.env.TMPDIR;
  // Workers and the processes they start inherit it; os.tmpdir() reads it on every call.
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
