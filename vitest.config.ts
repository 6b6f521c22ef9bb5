import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // End-to-end sessions each start a real Claude Code; two cores, so keep them from piling up.
    maxWorkers: 2,
  },
});
