import type { ShipshapeConfig } from "../config/types.js";
import type { Verdict } from "./decision.js";
import type { HostIO, KeyValueStore } from "./io.js";

/** One tool call as the checks see it, whichever path (command hook or in-process module) delivered it. */
export interface ToolCall {
  tool: string;
  input: Record<string, unknown>;
  /**
   * Absolute working directory of the session when the call was made. The hooks module may pass a
   * stand-in when callUsesCwd (guards/checks.ts) says no decision on the call can depend on it.
   */
  cwd: string;
  sessionId: string;
  agentType?: string;
}

export interface CheckContext {
  io: HostIO;
  config: ShipshapeConfig;
  /** True when a config file was broken and defaults stand in; checks that need the config can refuse. */
  configDegraded: boolean;
  /** What is wrong with the config, file and key, when configDegraded. */
  configNotice?: string | undefined;
  projectDir: string;
  home: string | undefined;
  /** Where checks may remember results between runs (the verification cache); absent: remember nothing. */
  store?: KeyValueStore | undefined;
}

/** A PreToolUse check: pure apart from what it asks of ctx.io. */
export interface PreToolUseCheck {
  id: string;
  decide(call: ToolCall, ctx: CheckContext): Promise<Verdict>;
}

/** Runs checks in order and stops at the first refusal (cheap guards go first, verification last). */
export async function runChecks(checks: readonly PreToolUseCheck[], call: ToolCall, ctx: CheckContext): Promise<{ verdict: Verdict; notes: string[] }> {
  const notes: string[] = [];
  for (const check of checks) {
    const verdict = await check.decide(call, ctx);
    if (verdict.action === "deny") return { verdict, notes };
    if (verdict.note) notes.push(verdict.note);
  }
  return { verdict: { action: "pass" }, notes };
}
