/**
 * Runs a program to completion, as child_process.spawnSync does, without loading node:child_process
 * when it can. That module pulls in net, dgram and the stream machinery: about 4.5 ms to load on a
 * hook run, more than the `git status` a cached commit starts (measured: 4.2 to 5.0 ms to load,
 * and spawnSync's own argument handling costs about 1 ms more than the call below). So the
 * spawn goes straight to `spawn_sync`, the binding that child_process.spawnSync itself ends in,
 * with the same options child_process builds for it. Whenever that binding is missing, would
 * print a deprecation warning, refuses the options or answers in a shape this does not know,
 * child_process does the work instead.
 */

import { utf8Text } from "./buffer-text.js";

declare const require: ((id: string) => unknown) | undefined;

export interface SpawnRequest {
  file: string;
  args: readonly string[];
  cwd: string;
  env: Record<string, string | undefined>;
  input?: string;
  timeoutMs: number;
  maxBuffer: number;
}

export interface SpawnOutcome {
  /** null when the process was killed or could not start. */
  status: number | null;
  stdout: string;
  stderr: string;
  /** An error code (ENOENT, ETIMEDOUT, ENOBUFS …) when the run did not end normally. */
  errorCode?: string;
}

interface BindingResult {
  status: number | null;
  error?: number;
  output: Array<Uint8Array | null> | null;
}

type Binding = { spawn(options: object): unknown };

const SIGTERM = 15;

/** What the binding answered, or undefined when its answer is not the known shape. */
export function readBindingResult(value: unknown): BindingResult | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { status, error, output } = value as Record<string, unknown>;
  if (status !== null && typeof status !== "number") return undefined;
  if (error !== undefined && typeof error !== "number") return undefined;
  if (output !== null && output !== undefined && !(Array.isArray(output) && output.every((o) => o === null || o instanceof Uint8Array))) return undefined;
  return { status, ...(error !== undefined ? { error } : {}), output: (output as BindingResult["output"] | undefined) ?? null };
}

/** Whether touching process.binding would print DEP0111 (it is only documented as deprecated otherwise). */
export function bindingWouldWarn(nodeOptions: string | undefined, execArgv: readonly string[], pendingEnv: string | undefined): boolean {
  return pendingEnv === "1" || /--pending-deprecation\b/.test(`${nodeOptions ?? ""} ${execArgv.join(" ")}`);
}

let binding: Binding | null | undefined;

function spawnBinding(): Binding | null {
  if (binding !== undefined) return binding;
  binding = null;
  if (bindingWouldWarn(process.env.NODE_OPTIONS, process.execArgv, process.env.NODE_PENDING_DEPRECATION)) return binding;
  try {
    const candidate = (process as unknown as { binding?: (name: string) => unknown }).binding?.("spawn_sync") as Partial<Binding> | undefined;
    if (candidate && typeof candidate.spawn === "function") binding = candidate as Binding;
  } catch {
    // A Node without it: child_process below.
  }
  return binding;
}

/**
 * A Node built-in, loaded on first use. Not `import()`: the bundle runs inside vm.Script (for its code
 * cache), where dynamic import is unavailable.
 */
function builtin<T>(id: string): T | undefined {
  const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  return (typeof getBuiltin === "function" ? getBuiltin(id) : typeof require === "function" ? require(id) : undefined) as T | undefined;
}

function errorName(code: number): string {
  try {
    return builtin<typeof import("node:util")>("node:util")?.getSystemErrorName(code) ?? `error ${code}`;
  } catch {
    return `error ${code}`;
  }
}

function viaBinding(spawn: Binding, request: SpawnRequest): SpawnOutcome | undefined {
  const envPairs: string[] = [];
  for (const [name, value] of Object.entries(request.env)) if (value !== undefined) envPairs.push(`${name}=${value}`);
  const stdin: Record<string, unknown> = { type: "pipe", readable: true, writable: false };
  if (request.input !== undefined) stdin.input = Buffer.from(request.input, "utf8");
  let answer: unknown;
  try {
    answer = spawn.spawn({
      file: request.file,
      args: [request.file, ...request.args],
      cwd: request.cwd,
      envPairs,
      stdio: [stdin, { type: "pipe", readable: false, writable: true }, { type: "pipe", readable: false, writable: true }],
      timeout: request.timeoutMs,
      maxBuffer: request.maxBuffer,
      killSignal: SIGTERM,
      detached: false,
      windowsHide: true,
      windowsVerbatimArguments: false,
    });
  } catch {
    // Options this Node's binding does not take: nothing ran.
    return undefined;
  }
  const result = readBindingResult(answer);
  if (!result) return { status: null, stdout: "", stderr: `${request.file} ran, but Node answered in a form shipshape does not know`, errorCode: "EUNKNOWN" };
  const [, out, err] = result.output ?? [];
  const errorCode = result.error !== undefined ? errorName(result.error) : undefined;
  const stderr = err ? utf8Text(err) : "";
  return {
    status: result.status,
    stdout: out ? utf8Text(out) : "",
    // As child_process reports it: a run that did not start has no output of its own.
    stderr: stderr || (errorCode ? `spawnSync ${request.file} ${errorCode}` : ""),
    ...(errorCode ? { errorCode } : {}),
  };
}

function viaChildProcess(request: SpawnRequest): SpawnOutcome {
  const childProcess = builtin<typeof import("node:child_process")>("node:child_process");
  if (!childProcess) throw new Error("node:child_process cannot be loaded here");
  const result = childProcess.spawnSync(request.file, request.args, {
    cwd: request.cwd,
    env: request.env,
    ...(request.input !== undefined ? { input: request.input } : {}),
    timeout: request.timeoutMs,
    encoding: "utf8",
    maxBuffer: request.maxBuffer,
    windowsHide: true,
  });
  const errorCode = (result.error as NodeJS.ErrnoException | undefined)?.code;
  return {
    status: result.status,
    stdout: result.stdout ?? "",
    stderr: result.stderr ?? (result.error ? String(result.error.message) : ""),
    ...(result.error ? { errorCode: errorCode ?? "EUNKNOWN" } : {}),
  };
}

export function spawnSync(request: SpawnRequest, options: { useBinding?: boolean } = {}): SpawnOutcome {
  const spawn = options.useBinding === false ? null : spawnBinding();
  return (spawn && viaBinding(spawn, request)) ?? viaChildProcess(request);
}
