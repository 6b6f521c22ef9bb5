/**
 * A stand-in for the Anthropic Messages API on 127.0.0.1, for end-to-end tests that drive a real
 * `claude -p` session. Each model turn of the main conversation is answered by the next scripted
 * step; every request is recorded so a test can read what the tools returned to the model.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type ScriptedTurn =
  | { toolUse: { name: string; input: Record<string, unknown> } }
  | { toolUses: Array<{ name: string; input: Record<string, unknown> }> }
  | { text: string };

export interface RecordedRequest {
  path: string;
  body: MessagesRequest;
  /** When the request arrived (performance.now()). */
  at: number;
}

export interface ContentBlock {
  type: string;
  text?: string;
  content?: unknown;
  is_error?: boolean;
  tool_use_id?: string;
  name?: string;
  input?: unknown;
  id?: string;
}

export interface MessagesRequest {
  model?: string;
  system?: unknown;
  tools?: Array<{ name: string }>;
  messages?: Array<{ role: string; content: string | ContentBlock[] }>;
  stream?: boolean;
}

export interface MockApi {
  url: string;
  requests: RecordedRequest[];
  /** The conversation requests (those that carry tools), in order. */
  conversation(): MessagesRequest[];
  /** Milliseconds from the first conversation request to the last: the time the tool calls took. */
  toolSpan(): number;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function sse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

let idCounter = 0;

function streamTurn(turn: ScriptedTurn, model: string): string {
  const id = `msg_mock_${++idCounter}`;
  const uses = "toolUse" in turn ? [turn.toolUse] : "toolUses" in turn ? turn.toolUses : [];
  let out = sse("message_start", {
    type: "message_start",
    message: { id, type: "message", role: "assistant", model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } },
  });
  if ("text" in turn) {
    out += sse("content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } });
    out += sse("content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: turn.text } });
    out += sse("content_block_stop", { type: "content_block_stop", index: 0 });
  }
  uses.forEach((use, index) => {
    const toolId = `toolu_mock_${idCounter}_${index}`;
    out += sse("content_block_start", { type: "content_block_start", index, content_block: { type: "tool_use", id: toolId, name: use.name, input: {} } });
    out += sse("content_block_delta", { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: JSON.stringify(use.input) } });
    out += sse("content_block_stop", { type: "content_block_stop", index });
  });
  out += sse("message_delta", { type: "message_delta", delta: { stop_reason: uses.length > 0 ? "tool_use" : "end_turn", stop_sequence: null }, usage: { output_tokens: 5 } });
  out += sse("message_stop", { type: "message_stop" });
  return out;
}

/** Side requests (titles, summaries, classifiers) carry no tools; answer them with a short text. */
function isConversation(body: MessagesRequest): boolean {
  return Array.isArray(body.tools) && body.tools.length > 0;
}

export async function startMockApi(script: ScriptedTurn[]): Promise<MockApi> {
  const requests: RecordedRequest[] = [];
  const queue = [...script];
  const server: Server = createServer(async (request, response) => {
    const raw = await readBody(request);
    let body: MessagesRequest = {};
    try {
      body = JSON.parse(raw) as MessagesRequest;
    } catch {
      // count_tokens and other calls may carry no JSON body worth recording.
    }
    const path = request.url ?? "";
    requests.push({ path, body, at: performance.now() });
    if (!path.startsWith("/v1/messages") || path.includes("count_tokens")) {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ input_tokens: 10 }));
      return;
    }
    const turn: ScriptedTurn = isConversation(body) ? queue.shift() ?? { text: "done" } : { text: "ok" };
    const model = body.model ?? "claude-mock";
    if (body.stream) {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      response.end(streamTurn(turn, model));
      return;
    }
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({
      id: `msg_mock_${++idCounter}`, type: "message", role: "assistant", model,
      content: "text" in turn ? [{ type: "text", text: turn.text }] : [{ type: "text", text: "ok" }],
      stop_reason: "end_turn", stop_sequence: null, usage: { input_tokens: 10, output_tokens: 5 },
    }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    conversation: () => requests.filter((r) => r.path.startsWith("/v1/messages") && isConversation(r.body)).map((r) => r.body),
    toolSpan: () => {
      const times = requests.filter((r) => r.path.startsWith("/v1/messages") && isConversation(r.body)).map((r) => r.at);
      return times.length < 2 ? 0 : (times[times.length - 1] as number) - (times[0] as number);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every tool_result block the model was sent, in order, with its text flattened. */
export function toolResults(api: MockApi): Array<{ toolUseId: string; isError: boolean; text: string }> {
  const last = api.conversation().at(-1);
  const out: Array<{ toolUseId: string; isError: boolean; text: string }> = [];
  for (const message of last?.messages ?? []) {
    if (typeof message.content === "string") continue;
    for (const block of message.content) {
      if (block.type !== "tool_result") continue;
      const text = typeof block.content === "string"
        ? block.content
        : Array.isArray(block.content) ? (block.content as ContentBlock[]).map((c) => c.text ?? "").join("") : "";
      out.push({ toolUseId: block.tool_use_id ?? "", isError: block.is_error === true, text });
    }
  }
  return out;
}
