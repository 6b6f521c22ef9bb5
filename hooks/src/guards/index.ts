import type { PreToolUseCheck } from "../runtime/checks.js";
import { commitGate } from "./commit/gate.js";
import { secretGuard } from "./secrets/guard.js";

/** Every PreToolUse check, cheapest first: the first refusal ends the run. */
export const PRE_TOOL_USE_CHECKS: readonly PreToolUseCheck[] = [secretGuard, commitGate];
