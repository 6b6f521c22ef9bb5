/**
 * The hooks module resolves config files in a node process. Whatever goes wrong there is a problem
 * with every file given (named, with the reason), and the defaults stand in, as for a broken file.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import type { RunResult } from "../../hooks/src/runtime/io.js";
import { resolverThroughNode } from "../../hooks/src/module/config-through-node.js";
import { memoryIO } from "../helpers/memory-io.js";

const sources = [{ path: "/p/.claude/shipshape.yaml", text: "secrets:\n  allow: [.env]\n" }];
const resolved = { config: { ...DEFAULT_CONFIG, secrets: { ...DEFAULT_CONFIG.secrets, allow: [".env"] } }, files: ["/p/.claude/shipshape.yaml"], problems: [], degraded: false };

function resolverFor(run: () => RunResult | Promise<RunResult>, script: string | null = "/plugin/hooks/dist/resolve-config.cjs") {
  const seen: Array<{ argv: readonly string[]; stdin?: string }> = [];
  const io = memoryIO({ files: {}, run: (argv, options) => (seen.push({ argv, ...(options.stdin !== undefined ? { stdin: options.stdin } : {}) }), run() as RunResult) });
  return { resolve: resolverThroughNode(io, script ?? undefined, "/p"), seen };
}

describe("resolverThroughNode", () => {
  it("hands the files to node and takes the resolved config back", async () => {
    const { resolve, seen } = resolverFor(() => ({ exitCode: 0, stdout: JSON.stringify(resolved), stderr: "", timedOut: false }));
    expect(await resolve(sources)).toEqual(resolved);
    expect(seen).toEqual([{ argv: ["node", "/plugin/hooks/dist/resolve-config.cjs"], stdin: JSON.stringify(sources) }]);
  });

  it.each([
    ["node is missing", () => ({ exitCode: 127, stdout: "", stderr: "sh: node: not found", timedOut: false }), /exited with 127: sh: node: not found/],
    ["it timed out", () => ({ exitCode: null, stdout: "", stderr: "", timedOut: true }), /timed out after 10 s/],
    ["it crashed", () => ({ exitCode: 1, stdout: "", stderr: "shipshape resolve-config: boom\nat x", timedOut: false }), /exited with 1: shipshape resolve-config: boom$/],
    ["it printed no JSON", () => ({ exitCode: 0, stdout: "hello", stderr: "", timedOut: false }), /printed something other than a resolved config/],
    ["it printed another shape", () => ({ exitCode: 0, stdout: '{"config":{}}', stderr: "", timedOut: false }), /printed something other than a resolved config/],
    ["running it threw", () => Promise.reject(new Error("spawn refused")), /node could not be run \(spawn refused\)/],
  ] as const)("falls back to the defaults, and says so, when %s", async (_name, run, message) => {
    const { resolve } = resolverFor(run);
    const loaded = await resolve(sources);
    expect(loaded.config).toEqual(DEFAULT_CONFIG);
    expect(loaded.degraded).toBe(true);
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]?.file).toBe("/p/.claude/shipshape.yaml");
    expect(loaded.problems[0]?.message).toMatch(/^could not be read in-process: /);
    expect(loaded.problems[0]?.message).toMatch(message);
  });

  it("says so when the plugin's folder is unknown", async () => {
    const { resolve, seen } = resolverFor(() => ({ exitCode: 0, stdout: "", stderr: "", timedOut: false }), null);
    const loaded = await resolve(sources);
    expect(seen).toEqual([]);
    expect(loaded.problems[0]?.message).toMatch(/CLAUDE_PLUGIN_ROOT is not set/);
  });
});
