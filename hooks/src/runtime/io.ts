/**
 * The one door through which decision code reaches the outside world.
 *
 * Decisions never import `node:fs` or `node:child_process` themselves: the command hooks give them a
 * Node implementation (node-io.ts), tests give them an in-memory one, and the in-process Claude Code
 * hooks module gives them one built on its `$` capabilities. Every method is async because the
 * in-process capabilities are.
 */

export type EntryKind = "file" | "dir" | "other";

export interface PathInfo {
  /** Kind of what the path finally points at (links followed). */
  kind: EntryKind;
  /** True when the path itself is a symbolic link. */
  isLink: boolean;
  /** The path with every link resolved. */
  realPath: string;
  size: number;
  mtimeMs: number;
}

export interface DirEntry {
  name: string;
  kind: EntryKind;
  isLink: boolean;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
  stdin?: string;
  timeoutMs: number;
}

export interface RunResult {
  /** null when the process was killed or could not start. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Claude Code cut stdout short (in-process, a large output): what is there is not all of it. */
  truncated?: boolean;
}

/** A small persistent store for the hooks' own caches (verification results). */
export interface KeyValueStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

export interface HostIO {
  /** Information about a path, or undefined when nothing is there (a dangling link counts as nothing). */
  stat(path: string): Promise<PathInfo | undefined>;
  /** Whether something (even a dangling link) sits at this path. */
  exists(path: string): Promise<boolean>;
  /** Entries of a directory, or undefined when it cannot be listed. */
  list(dir: string): Promise<DirEntry[] | undefined>;
  /** A text file's contents, or undefined when it does not exist. Throws when it exists but cannot be read. */
  readText(path: string): Promise<string | undefined>;
  /** A file's bytes, or undefined when it does not exist or this host cannot read bytes. */
  readBytes(path: string): Promise<Uint8Array | undefined>;
  run(argv: readonly string[], options: RunOptions): Promise<RunResult>;
  /** Runs a shell command line (a project's verification command); may run alongside others. */
  runShell(command: string, options: RunOptions): Promise<RunResult>;
  env(name: string): string | undefined;
}
