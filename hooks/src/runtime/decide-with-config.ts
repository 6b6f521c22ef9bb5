import { describeProblems, unreadableConfigReason } from "../config/resolve-config.js";
import type { LoadedConfig } from "../config/types.js";
import { runChecks, type CheckContext, type PreToolUseCheck, type ToolCall } from "./checks.js";
import type { Verdict } from "./decision.js";

/** What the checks decided on one call, with what is wrong with the config (file and key), if anything. */
export interface ConfiguredDecision {
  verdict: Verdict;
  notes: string[];
  notice: string | undefined;
}

/**
 * The steps both hook paths (command hook and in-process module) take once the config is loaded: a
 * config that cannot be read refuses every call, naming it; otherwise the checks run on it, defaults
 * standing in for a broken file, whose problems come back as the notice.
 */
export async function decideWithConfig(
  checks: readonly PreToolUseCheck[],
  call: ToolCall,
  loaded: LoadedConfig,
  base: Pick<CheckContext, "io" | "projectDir" | "home" | "store">,
): Promise<ConfiguredDecision> {
  const unreadable = unreadableConfigReason(loaded);
  if (unreadable) return { verdict: { action: "deny", check: "shipshape", reason: unreadable }, notes: [], notice: undefined };
  const notice = describeProblems(loaded);
  const { verdict, notes } = await runChecks(checks, call, { ...base, config: loaded.config, configDegraded: loaded.degraded, configNotice: notice });
  return { verdict, notes, notice };
}
