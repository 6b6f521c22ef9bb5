/** The PreToolUse payload Claude Code writes to a hook's stdin (reference §2.2). */
export interface PreToolUsePayload {
  hook_event_name: "PreToolUse";
  session_id: string;
  cwd: string;
  tool_name: string;
  tool_input: Record<string, unknown>;
  tool_use_id?: string;
  permission_mode?: string;
  agent_id?: string;
  agent_type?: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalString(record: Record<string, unknown>, key: string): string | undefined | null {
  const value = record[key];
  if (value === undefined) return undefined;
  return typeof value === "string" ? value : null;
}

/** Checks the shape of a PreToolUse payload; every problem names the field at fault. */
export function parsePreToolUse(text: string): ParseResult<PreToolUsePayload> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `stdin is not valid JSON (${(error as Error).message})` };
  }
  if (!isRecord(data)) return { ok: false, problem: "the payload is not a JSON object" };
  if (data.hook_event_name !== "PreToolUse") {
    return { ok: false, problem: `hook_event_name is ${JSON.stringify(data.hook_event_name)}, expected "PreToolUse"` };
  }
  for (const key of ["tool_name", "cwd"] as const) {
    if (typeof data[key] !== "string" || data[key] === "") {
      return { ok: false, problem: `field "${key}" is missing or not a non-empty string` };
    }
  }
  if (!isRecord(data.tool_input)) return { ok: false, problem: `field "tool_input" is missing or not an object` };
  const cwd = data.cwd as string;
  if (!cwd.startsWith("/") && !/^[A-Za-z]:[\\/]/.test(cwd)) {
    return { ok: false, problem: `field "cwd" is not an absolute path: ${JSON.stringify(cwd)}` };
  }
  const extras: Partial<PreToolUsePayload> = {};
  for (const key of ["session_id", "tool_use_id", "permission_mode", "agent_id", "agent_type"] as const) {
    const value = optionalString(data, key);
    if (value === null) return { ok: false, problem: `field "${key}" is not a string` };
    if (value !== undefined) extras[key] = value;
  }
  return {
    ok: true,
    value: {
      ...extras,
      hook_event_name: "PreToolUse",
      session_id: extras.session_id ?? "",
      cwd,
      tool_name: data.tool_name as string,
      tool_input: data.tool_input,
    },
  };
}

/** What of a payload a decision is given, but for the session id; the decision cache keys on exactly this. */
export interface DecisionFields {
  tool: string;
  input: Record<string, unknown>;
  cwd: string;
  agentType?: string;
}

export function decisionFields(payload: PreToolUsePayload): DecisionFields {
  return {
    tool: payload.tool_name,
    input: payload.tool_input,
    cwd: payload.cwd,
    ...(payload.agent_type ? { agentType: payload.agent_type } : {}),
  };
}
