/** An in-memory HostIO: a small file tree with links, for deciding tool calls without touching disk. */
import type { DirEntry, HostIO, PathInfo, RunOptions, RunResult } from "../../hooks/src/runtime/io.js";
import { normalizeAbsolute } from "../../hooks/src/runtime/paths.js";

export type Node = { kind: "file"; text: string } | { kind: "dir" } | { kind: "link"; target: string };

export interface MemoryIOOptions {
  files: Record<string, string>;
  dirs?: string[];
  links?: Record<string, string>;
  env?: Record<string, string>;
  /** Paths git ignores (for `git check-ignore`), absolute. */
  ignored?: string[];
  /** Paths git tracks (for `git ls-files`), absolute; undefined: not a git repository. */
  tracked?: string[];
  run?: (argv: readonly string[], options: RunOptions) => RunResult;
  runShell?: (command: string, options: RunOptions) => RunResult | Promise<RunResult>;
}

const normalize = normalizeAbsolute;

export function memoryIO(options: MemoryIOOptions): HostIO & { calls: string[] } {
  const nodes = new Map<string, Node>();
  const addDir = (path: string) => {
    let current = "";
    nodes.set("/", { kind: "dir" });
    for (const part of path.split("/").filter(Boolean)) {
      current += `/${part}`;
      if (!nodes.has(current)) nodes.set(current, { kind: "dir" });
    }
  };
  for (const dir of options.dirs ?? []) addDir(normalize(dir));
  for (const [path, text] of Object.entries(options.files)) {
    const p = normalize(path);
    addDir(p.slice(0, p.lastIndexOf("/")) || "/");
    nodes.set(p, { kind: "file", text });
  }
  for (const [path, target] of Object.entries(options.links ?? {})) {
    const p = normalize(path);
    addDir(p.slice(0, p.lastIndexOf("/")) || "/");
    nodes.set(p, { kind: "link", target });
  }
  const calls: string[] = [];
  // Each folder's entries, so that listing one does not scan the whole tree (a test may hold 40,000 files).
  const children = new Map<string, string[]>();
  for (const path of nodes.keys()) {
    if (path === "/") continue;
    const parent = path.slice(0, path.lastIndexOf("/")) || "/";
    const siblings = children.get(parent);
    if (siblings) siblings.push(path);
    else children.set(parent, [path]);
  }

  /** Resolves every link along the path; undefined when something is missing or loops. */
  const resolve = (path: string, hops = 0): string | undefined => {
    if (hops > 20) return undefined;
    // `..` is taken after the links before it, as the system takes it (`link/..` is where link leads, up one).
    const parts = path.split("/").filter((part) => part !== "" && part !== ".");
    let current = "";
    for (let i = 0; i < parts.length; i++) {
      if (parts[i] === "..") {
        current = current.slice(0, current.lastIndexOf("/"));
        continue;
      }
      current += `/${parts[i]}`;
      const node = nodes.get(current);
      if (!node) return undefined;
      if (node.kind === "link") {
        const target = node.target.startsWith("/") ? node.target : `${current.slice(0, current.lastIndexOf("/"))}/${node.target}`;
        const resolved = resolve(target, hops + 1);
        if (resolved === undefined) return undefined;
        return resolve([resolved, ...parts.slice(i + 1)].join("/"), hops + 1);
      }
    }
    return current === "" ? "/" : current;
  };

  const env = options.env ?? {};
  return {
    calls,
    async stat(path: string): Promise<PathInfo | undefined> {
      const own = nodes.get(normalize(path));
      const real = resolve(path);
      if (real === undefined) return undefined;
      const node = nodes.get(real) as Node;
      return { kind: node.kind === "file" ? "file" : "dir", isLink: own?.kind === "link", realPath: real, size: node.kind === "file" ? node.text.length : 0, mtimeMs: 1 };
    },
    async exists(path: string): Promise<boolean> {
      return nodes.has(normalize(path));
    },
    async list(dir: string): Promise<DirEntry[] | undefined> {
      const real = resolve(dir);
      if (real === undefined || nodes.get(real)?.kind !== "dir") return undefined;
      const prefix = real === "/" ? "/" : `${real}/`;
      const out: DirEntry[] = [];
      for (const path of children.get(real) ?? []) {
        const node = nodes.get(path) as Node;
        const name = path.slice(prefix.length);
        if (node.kind === "link") {
          const target = resolve(path);
          const kind = target === undefined ? "other" : nodes.get(target)?.kind === "dir" ? "dir" : "file";
          out.push({ name, kind, isLink: true });
        } else out.push({ name, kind: node.kind, isLink: false });
      }
      return out;
    },
    async readText(path: string): Promise<string | undefined> {
      const real = resolve(path);
      if (real === undefined) return undefined;
      const node = nodes.get(real);
      if (node?.kind !== "file") throw new Error(`EISDIR: ${path}`);
      return node.text;
    },
    async readBytes(path: string): Promise<Uint8Array | undefined> {
      const text = await this.readText(path);
      return text === undefined ? undefined : new TextEncoder().encode(text);
    },
    async run(argv: readonly string[], runOptions: RunOptions): Promise<RunResult> {
      calls.push(argv.join(" "));
      if (options.run) return options.run(argv, runOptions);
      if (argv[0] === "git" && options.tracked === undefined) return { exitCode: 128, stdout: "", stderr: "not a git repository", timedOut: false };
      const paths = argv.slice(argv.indexOf("--") + 1).map((p) => normalize(p.startsWith("/") ? p : `${runOptions.cwd}/${p}`));
      if (argv[1] === "check-ignore") {
        // As git: a tracked file is not reported ignored, whatever the patterns say, unless asked --no-index.
        const byPattern = argv.includes("--no-index");
        const ignored = paths.filter((p) => (options.ignored ?? []).includes(p) && (byPattern || !(options.tracked ?? []).includes(p)));
        return { exitCode: ignored.length > 0 ? 0 : 1, stdout: ignored.map((p) => `${p}\n`).join(""), stderr: "", timedOut: false };
      }
      if (argv[1] === "ls-files" && argv.includes("--ignored")) {
        // The ignored paths under cwd, a folder's with a trailing slash (--directory), as git lists them.
        const under = (options.ignored ?? []).filter((p) => p.startsWith(`${runOptions.cwd}/`));
        const sep = argv.includes("-z") ? "\0" : "\n";
        return { exitCode: 0, stdout: under.map((p) => `${p.slice(runOptions.cwd.length + 1)}${nodes.get(p)?.kind === "dir" ? "/" : ""}${sep}`).join(""), stderr: "", timedOut: false };
      }
      if (argv[1] === "ls-files" && argv.includes("--others")) {
        // The files under cwd git lists as tracked or untracked, leaving out what it ignores when asked to.
        const ignored = argv.includes("--exclude-standard") ? (options.ignored ?? []) : [];
        const listed = [...nodes].filter(([p, node]) => node.kind === "file" && p.startsWith(`${runOptions.cwd}/`) && !ignored.some((i) => p === i || p.startsWith(`${i}/`)));
        return { exitCode: 0, stdout: listed.map(([p]) => `${p.slice(runOptions.cwd.length + 1)}\0`).join(""), stderr: "", timedOut: false };
      }
      if (argv[1] === "ls-files") {
        const tracked = paths.filter((p) => (options.tracked ?? []).includes(p));
        return { exitCode: 0, stdout: tracked.map((p) => `${p.slice(runOptions.cwd.length + 1)}\n`).join(""), stderr: "", timedOut: false };
      }
      return { exitCode: 127, stdout: "", stderr: `${argv[0]}: not found`, timedOut: false };
    },
    async runShell(command: string, runOptions: RunOptions): Promise<RunResult> {
      calls.push(`sh: ${command}`);
      if (!options.runShell) return { exitCode: 127, stdout: "", stderr: `${command}: not found`, timedOut: false };
      return options.runShell(command, runOptions);
    },
    env(name: string): string | undefined {
      return env[name];
    },
  };
}
