/**
 * The command hook's decision cache. A decision is a pure function of the payload, the code, and what
 * the decision looked up through HostIO (config files, the paths a call names, folders a search
 * walks, environment variables). So a decision is remembered together with every look-up it made and
 * what each answered; the loader replays those look-ups (a few lstat calls) and, when every one
 * answers the same, writes the remembered decision without loading the decision code at all. Any
 * look-up that answers differently, or one that cannot be replayed (running a program, the commit
 * gate's verification store), and the call is decided afresh.
 *
 * Kept small and free of the decision code: the loader bundles it and runs it on every call.
 */
import type { ToolCall } from "./checks.js";
import type { DirEntry, HostIO, KeyValueStore, PathInfo } from "./io.js";
import { fnv } from "./hash.js";
import { decisionFields, parsePreToolUse } from "./payload.js";

export type Probe = "stat" | "exists" | "list" | "text" | "bytes" | "env";

/** One look-up and its answer, as text; replaying the look-up must give the same text. */
export type Fact = [probe: Probe, subject: string, answer: string];

export interface MemoSlot {
  /** The cache file this call's decision lives in (one of a fixed number, so the folder stays small). */
  file: string;
  key: string;
}

export interface Remembered {
  facts: Fact[];
  stdout: string;
  stderr: string;
  code: number;
}

/** The synchronous look-ups the loader replays with: those behind the command hooks' HostIO. */
export interface Probes {
  stat(path: string): PathInfo | undefined;
  exists(path: string): boolean;
  list(dir: string): DirEntry[] | undefined;
  readText(path: string): string | undefined;
  readBytes(path: string): Uint8Array | undefined;
  env(name: string): string | undefined;
}

/**
 * Fields of tool_input left out of the key: Claude Code's model writes them afresh on every call (a
 * Bash call's description), they pick a part of what the call names (a Read's lines), or they are
 * what an edit writes, which the guards judge by the file, not the text; so repeated calls on the
 * same command or file decide alike. A decision that reads one (the own-files guard reading an edit
 * of Claude Code's settings) is not remembered (recordLookups).
 */
export const UNKEYED_INPUT_FIELDS: readonly string[] = ["description", "timeout", "run_in_background", "offset", "limit", "pages", "content", "old_string", "new_string", "new_source"];

/**
 * A decision that looked at more than this (a recursive search over a large tree lists every folder)
 * is not kept: its entry would be large, and replaying it as slow as deciding.
 */
const MAX_FACT_TEXT = 64 * 1024;
/** Payloads are parsed for a key up to this size (a Write's content is not keyed, but is parsed). */
const MAX_PAYLOAD = 1024 * 1024;
/** Calls whose key is larger are decided afresh: this bounds the cache folder at 256 entries of about this size. */
const MAX_KEY = 16 * 1024;

/**
 * Two 32-bit multiplicative hashes (FNV-1a, and one with MurmurHash's multiplier) and the length: a
 * file that changed but matches all three by chance is out of reach. Not a defence against a crafted
 * collision: where a decision stats a file before reading it (shipshape's configs, a git config it
 * judges), a changed file also has to keep its size and mtime, and shipshape's own configs are
 * closed to the agent (the own-files guard).
 */
function hash64(length: number, at: (i: number) => number): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < length; i++) {
    const c = at(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return `${a.toString(16)}.${b.toString(16)}.${length}`;
}

function textHash(text: string): string {
  return hash64(text.length, (i) => text.charCodeAt(i));
}

function bytesHash(bytes: Uint8Array): string {
  return hash64(bytes.length, (i) => bytes[i] as number);
}

/** The answer of a look-up as remembered: whole for small answers, hashed for file contents. */
export function answerText(probe: Probe, result: unknown): string {
  if (result === undefined) return "-";
  if (probe === "text") return textHash(result as string);
  if (probe === "bytes") return bytesHash(result as Uint8Array);
  if (probe === "exists") return result ? "1" : "0";
  if (probe === "env") return `=${result as string}`;
  return JSON.stringify(result);
}

function ask(probes: Probes, probe: Probe, subject: string): unknown {
  switch (probe) {
    case "stat":
      return probes.stat(subject);
    case "exists":
      return probes.exists(subject);
    case "list":
      return probes.list(subject);
    case "text":
      return probes.readText(subject);
    case "bytes":
      return probes.readBytes(subject);
    case "env":
      return probes.env(subject);
  }
}

/**
 * The key and cache file for a call, or undefined when it is not one to remember (too large, or a
 * payload the hook will refuse). The key holds what a decision is given of the payload (decisionFields,
 * the very function the hook uses), so the session, the prompt, the tool-use id and the permission
 * mode do not part calls that decide alike; `context` holds what else the decision depends on: the
 * code's version, node's, the process's working directory.
 */
export function memoSlot(dir: string, context: string, payloadText: string): MemoSlot | undefined {
  if (payloadText.length > MAX_PAYLOAD) return undefined;
  const parsed = parsePreToolUse(payloadText);
  if (!parsed.ok) return undefined;
  const fields = decisionFields(parsed.value);
  // Serialized as parsed, dropping the unkeyed input fields on the way: an object rebuilt by
  // assignment would lose a "__proto__" field (assigning it sets the prototype), and two calls that
  // differ there would share a key.
  const key = JSON.stringify([context, fields], function (this: unknown, name: string, value: unknown) {
    return this === fields.input && UNKEYED_INPUT_FIELDS.includes(name) ? undefined : value;
  });
  if (key.length > MAX_KEY) return undefined;
  // The hash's last two hex digits: one of 256 slots.
  return { file: `${dir}/decision-${fnv(key).slice(-2)}.json`, key };
}

function isFact(value: unknown): value is Fact {
  return Array.isArray(value) && value.length === 3 && value.every((part) => typeof part === "string");
}

/** Parses a cache file's text; anything damaged, or another call's entry, reads as nothing. */
export function parseRemembered(text: string, key: string): Remembered | undefined {
  let entry: unknown;
  try {
    entry = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof entry !== "object" || entry === null) return undefined;
  const { key: storedKey, facts, stdout, stderr, code } = entry as Record<string, unknown>;
  if (storedKey !== key || !Array.isArray(facts) || !facts.every(isFact)) return undefined;
  if (typeof stdout !== "string" || typeof stderr !== "string" || (code !== 0 && code !== 2)) return undefined;
  return { facts, stdout, stderr, code };
}

export function rememberedText(key: string, remembered: Remembered): string {
  return JSON.stringify({ key, ...remembered });
}

/** Whether every look-up the decision made still answers the same. A look-up that throws does not. */
export function stillHolds(facts: readonly Fact[], probes: Probes): boolean {
  for (const [probe, subject, answer] of facts) {
    try {
      const live = ask(probes, probe, subject);
      // A stat is remembered with only the fields the decision read (statAnswer), so it is compared on those.
      const now = probe === "stat" && live !== undefined && answer !== "-" ? statAnswer(live as PathInfo, Object.keys(JSON.parse(answer) as object)) : answerText(probe, live);
      if (now !== answer) return false;
    } catch {
      return false;
    }
  }
  return true;
}

const STAT_FIELDS: ReadonlyArray<keyof PathInfo> = ["kind", "isLink", "realPath", "size", "mtimeMs"];

/**
 * A stat's answer as remembered: only the fields the decision read, in a fixed order. Most decisions
 * read a file's kind and real path, not its size or mtime, so an edit that changes those alone (the
 * agent's last Edit of the file) leaves the decision to replay.
 */
function statAnswer(info: PathInfo, read: Iterable<string>): string {
  const wanted = new Set(read);
  const projected: Record<string, unknown> = {};
  for (const field of STAT_FIELDS) if (wanted.has(field)) projected[field] = info[field];
  return JSON.stringify(projected);
}

export interface Recording {
  io: HostIO;
  store: KeyValueStore | undefined;
  /**
   * Wraps the call a decision is given so that reading what the key leaves out (the session id, the
   * unkeyed input fields) makes the decision unrememberable.
   */
  watch(call: ToolCall): ToolCall;
  /** The look-ups and their answers once the decision is made, or undefined when a replay could not repeat it. */
  result(): Fact[] | undefined;
}

/**
 * A view of `target` that tells `onRead` each field read or tested; listing its fields (a spread,
 * JSON.stringify) counts as reading each of `listed`.
 */
function noting<T extends object>(target: T, listed: readonly string[], onRead: (field: string) => void): T {
  const note = (field: string | symbol) => {
    if (typeof field === "string") onRead(field);
  };
  return new Proxy(target, {
    get(object, field, receiver) {
      note(field);
      return Reflect.get(object, field, receiver);
    },
    has(object, field) {
      note(field);
      return Reflect.has(object, field);
    },
    getOwnPropertyDescriptor(object, field) {
      note(field);
      return Reflect.getOwnPropertyDescriptor(object, field);
    },
    ownKeys(object) {
      listed.forEach(onRead);
      return Reflect.ownKeys(object);
    },
  });
}

/** HostIO (and store) that note every look-up and its answer, for a decision to be remembered. */
export function recordLookups(io: HostIO, store: KeyValueStore | undefined): Recording {
  // Each fact is written out when the decision is over: a stat's answer depends on what was read of it.
  const facts: Array<() => Fact> = [];
  let replayable = true;
  const noted =
    <T>(probe: Probe, lookUp: (subject: string) => Promise<T>) =>
    async (subject: string): Promise<T> => {
      try {
        const result = await lookUp(subject);
        facts.push(() => [probe, subject, answerText(probe, result)]);
        return result;
      } catch (error) {
        replayable = false;
        throw error;
      }
    };
  const stat = async (path: string): Promise<PathInfo | undefined> => {
    let info: PathInfo | undefined;
    try {
      info = await io.stat(path);
    } catch (error) {
      replayable = false;
      throw error;
    }
    if (info === undefined) {
      facts.push(() => ["stat", path, "-"]);
      return undefined;
    }
    const read = new Set<string>();
    const seen = info;
    facts.push(() => ["stat", path, statAnswer(seen, read)]);
    return noting(info, STAT_FIELDS, (field) => read.add(field));
  };
  const unrepeatable =
    <A extends unknown[], R>(action: (...args: A) => R) =>
    (...args: A): R => {
      replayable = false;
      return action(...args);
    };
  return {
    io: {
      stat,
      exists: noted("exists", (path) => io.exists(path)),
      list: noted("list", (dir) => io.list(dir)),
      readText: noted("text", (path) => io.readText(path)),
      readBytes: noted("bytes", (path) => io.readBytes(path)),
      run: unrepeatable((argv, options) => io.run(argv, options)),
      runShell: unrepeatable((command, options) => io.runShell(command, options)),
      env(name) {
        const value = io.env(name);
        facts.push(() => ["env", name, answerText("env", value)]);
        return value;
      },
    },
    store: store && { get: unrepeatable((key) => store.get(key)), set: unrepeatable((key, value) => store.set(key, value)) },
    watch(call) {
      const watched = <T extends object>(target: T, unkeyed: readonly string[]): T =>
        noting(target, unkeyed, (field) => {
          if (unkeyed.includes(field) && Object.hasOwn(target, field)) replayable = false;
        });
      return watched({ ...call, input: watched(call.input, UNKEYED_INPUT_FIELDS) }, ["sessionId"]);
    },
    result() {
      if (!replayable) return undefined;
      const written = facts.map((fact) => fact());
      let size = 0;
      for (const [, subject, answer] of written) size += subject.length + answer.length;
      return size > MAX_FACT_TEXT ? undefined : written;
    },
  };
}
