import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../e2e/claude-session.js";

describe("committed bundles", () => {
  it("match a fresh build", () => {
    let output = "";
    try {
      output = execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts", "--check"], { cwd: repoRoot, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      const failure = error as { stderr?: string; stdout?: string };
      throw new Error(`bundles are stale:\n${failure.stderr ?? ""}${failure.stdout ?? ""}`);
    }
    expect(output).toContain("bundles are fresh");
  });
});
