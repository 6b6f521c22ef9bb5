import type { ShipshapeConfig } from "../config/types.js";
import type { Verdict } from "./decision.js";
import type { HostIO } from "./io.js";

/** One tool call as the checks see it, whichever path (command hook or in-process module) delivered it. */
export interface ToolCall {
  tool: string;
  input: Record<string, unknown>;
  /** Absolute working directory of the session when the call was made. */
  cwd: string;
  sessionId: string;
  agentType?: string;
}

export interface CheckContext {
  io: HostIO;
  config: ShipshapeConfig;
  /** True when a config file was broken and defaults stand in; checks that need the config can refuse. */
  configDegraded: boolean;
  projectDir: string;
  home: string | undefined;
}

/** A PreToolUse check: pure apart from what it asks of ctx.io. */
export interface PreToolUseCheck {
  id: string;
  decide(call: ToolCall, ctx: CheckContext): Promise<Verdict>;
}

/** Runs checks in order and stops at the first refusal (cheap guards go first, verification last). */
export async function runChecks(checks: readonly PreToolUseCheck[], call: ToolCall, ctx: CheckContext): Promise<Verdict> {
  for (const check of checks) {
    const verdict = await check.decide(call, ctx);
    if (verdict.action === "deny") return verdict;
  }
  return { action: "pass" };
}
