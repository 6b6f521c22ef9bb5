import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, readdirSync, rmdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { DEFAULT_MARKETPLACE, GUARD_ENV, PLUGIN_ID, denyRules, hookEntries, type MarketplaceSource } from "./entries.js";
import { formatJson, parseJsonFile, unifiedDiff } from "./json-text.js";
import { applyEntries, isObject, removeAdditions, type Addition, type Json, type JsonObject } from "./merge.js";

export type Scope = "project" | "local" | "user";

export interface InitOptions {
  scope: Scope;
  /** Wire the hooks themselves (a copy of the bundles) instead of enabling the plugin. */
  standalone: boolean;
  projectDir: string;
  home: string;
  /** The plugin root whose hooks/dist is copied for standalone installs. */
  pluginRoot: string;
  marketplace?: MarketplaceSource;
  agentTeams: boolean;
  dryRun: boolean;
  /** A starter .claude/shipshape.yaml (only written when none exists). */
  starterConfig?: string;
  now?: () => Date;
}

/** What init recorded, so uninstall can take back exactly that. */
/**
 * Reads init's record of what it changed. A damaged record is an error that names the file: init and
 * uninstall must not guess what to take back.
 */
function readRecord(path: string, text: string): InstallRecord {
  const data = parseJsonFile(path, text) as Partial<InstallRecord> | null;
  if (!data || typeof data !== "object" || data.version !== 1 || typeof data.written !== "string" || !Array.isArray(data.additions) || !Array.isArray(data.created)) {
    throw new Error(`${path}: not a record shipshape init wrote (version 1, with "written", "additions" and "created"); move it aside to start over, after checking the settings file by hand`);
  }
  return data as InstallRecord;
}

interface InstallRecord {
  version: 1;
  settingsFile: string;
  /** The file before the first init: null when it did not exist. */
  original: string | null;
  /** The file as init last wrote it. */
  written: string;
  additions: Addition[];
  /** Folders init created (hook copies), removed on uninstall. */
  created: string[];
  /** The starter config init wrote: removed on uninstall only if nobody has edited it since. */
  config?: { path: string; text: string };
}

export interface Report {
  lines: string[];
  changed: boolean;
}

export class InstallError extends Error {}

function settingsFile(options: Pick<InitOptions, "scope" | "projectDir" | "home">): string {
  if (options.scope === "user") return join(options.home, ".claude", "settings.json");
  return join(options.projectDir, ".claude", options.scope === "local" ? "settings.local.json" : "settings.json");
}

function recordFile(settings: string): string {
  return join(dirname(settings), `shipshape-install.${settings.endsWith("settings.local.json") ? "local" : "settings"}.json`);
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new InstallError(`${path}: cannot be read (${(error as Error).message}); nothing was written`);
  }
}

/** Writes through a temporary file and a rename, so a crash never leaves half a settings file. */
export function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const mode = existsSync(path) ? statSync(path).mode & 0o777 : 0o644;
  const temp = `${path}.shipshape-tmp-${process.pid}`;
  writeFileSync(temp, text, { mode });
  chmodSync(temp, mode);
  renameSync(temp, path);
}

function assertWritable(path: string): void {
  if (existsSync(path) && (statSync(path).mode & 0o222) === 0) {
    throw new InstallError(`${path} is read-only; nothing was written. Make it writable (chmod u+w) if you want shipshape to change it.`);
  }
}

function parseSettings(path: string, text: string | undefined): JsonObject {
  if (text === undefined) return {};
  const data = parseJsonFile(path, text);
  if (!isObject(data)) throw new InstallError(`${path}: the top level is ${Array.isArray(data) ? "an array" : typeof data}, expected an object; nothing was written`);
  return data;
}

function copyHooks(options: InitOptions, target: string): string[] {
  const created: string[] = [];
  if (!existsSync(target)) created.push(target);
  mkdirSync(target, { recursive: true });
  const source = join(options.pluginRoot, "hooks", "dist");
  for (const file of readdirSync(source)) {
    // The hook bundles only; the CLI stays with the plugin.
    if (!file.endsWith(".cjs") || file === "cli.cjs") continue;
    copyFileSync(join(source, file), join(target, file));
  }
  return created;
}

/** `shipshape init`: merges shipshape's entries into a settings file without losing anything. */
export function init(options: InitOptions): Report {
  const file = settingsFile(options);
  const lines: string[] = [];
  const before = readText(file);
  const settings = parseSettings(file, before);
  const recordPath = recordFile(file);
  const previous = readText(recordPath);
  const record: InstallRecord | undefined = previous ? readRecord(recordPath, previous) : undefined;

  const hooksDir = options.scope === "user" ? join(options.home, ".claude", "shipshape") : join(options.projectDir, ".claude", "shipshape");
  const hookScript = options.scope === "user" ? join(hooksDir, "pre-tool-use.cjs") : "${CLAUDE_PROJECT_DIR}/.claude/shipshape/pre-tool-use.cjs";
  const keys: Array<{ path: string[]; value: Json }> = [];
  const items: Array<{ path: string[]; value: Json }> = [];
  if (!options.standalone) {
    const marketplace = options.marketplace ?? DEFAULT_MARKETPLACE;
    keys.push({ path: ["extraKnownMarketplaces", "shipshape"], value: { source: marketplace as unknown as Json } });
    keys.push({ path: ["enabledPlugins", PLUGIN_ID], value: true });
  } else {
    for (const entry of hookEntries(hookScript)) items.push({ path: ["hooks", "PreToolUse"], value: entry });
    // Tells the plugin's once-per-prompt check (hooks/prompt-gate.sh) that these hooks guard the session
    // where Claude Code does not load the hooks module.
    keys.push({ path: ["env", GUARD_ENV.name], value: GUARD_ENV.value });
  }
  for (const rule of denyRules()) items.push({ path: ["permissions", "deny"], value: rule });
  if (options.agentTeams) keys.push({ path: ["env", "CLAUDE_CODE_EXPERIMENTAL_AGENT_TEAMS"], value: "1" });

  const { added, kept } = applyEntries(settings, { keys, items }, file);
  const after = formatJson(settings);
  const changed = added.length > 0;
  for (const note of kept) lines.push(`kept: ${note}`);

  const configPath = join(options.projectDir, ".claude", "shipshape.yaml");
  const writeConfig = options.scope !== "user" && options.starterConfig !== undefined && !existsSync(configPath);

  if (options.dryRun) {
    lines.push(changed ? unifiedDiff(relative(options.projectDir, file) || file, before, after) : `${file}: already up to date`);
    if (options.standalone) lines.push(`would copy the hooks to ${hooksDir}/`);
    if (writeConfig) lines.push(`would write ${configPath}:\n${options.starterConfig}`);
    return { lines, changed };
  }

  const created: string[] = [];
  if (options.standalone) created.push(...copyHooks(options, hooksDir).filter((p) => !(record?.created ?? []).includes(p)));
  if (writeConfig) {
    writeAtomic(configPath, options.starterConfig as string);
    lines.push(`wrote ${configPath} (verification commands detected from the project; edit to taste)`);
  }
  if (changed) {
    assertWritable(file);
    if (before !== undefined) {
      const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, "-");
      const backup = `${file}.shipshape-backup-${stamp}`;
      writeAtomic(backup, before);
      lines.push(`backed up ${file} to ${backup}`);
    }
    writeAtomic(file, after);
    lines.push(`updated ${file}: ${added.filter((a) => a.kind !== "container").length} entr${added.length === 1 ? "y" : "ies"} added, nothing removed`);
  } else lines.push(`${file}: already up to date`);
  const next: InstallRecord = {
    version: 1,
    settingsFile: file,
    original: record ? record.original : before ?? null,
    written: changed ? after : record?.written ?? before ?? after,
    additions: [...(record?.additions ?? []), ...added],
    created: [...(record?.created ?? []), ...created],
    ...(writeConfig ? { config: { path: configPath, text: options.starterConfig as string } } : record?.config ? { config: record.config } : {}),
  };
  if (changed || created.length > 0 || writeConfig || !record) writeAtomic(recordPath, formatJson(next));
  if (options.scope === "local") lines.push(...ensureIgnored(options.projectDir));
  return { lines, changed: changed || created.length > 0 || writeConfig };
}

/** settings.local.json is a person's own layer: make sure git never commits it. */
export function ensureIgnored(projectDir: string): string[] {
  const gitignore = join(projectDir, ".gitignore");
  const text = readText(gitignore) ?? "";
  const patterns = text.split("\n").map((l) => l.trim());
  if (patterns.some((p) => [".claude/settings.local.json", "/.claude/settings.local.json", "settings.local.json", ".claude/", ".claude", "/.claude/", ".claude/*"].includes(p))) return [];
  writeAtomic(gitignore, `${text}${text === "" || text.endsWith("\n") ? "" : "\n"}.claude/settings.local.json\n.claude/shipshape-install.local.json\n`);
  return [`added .claude/settings.local.json to ${gitignore}`];
}

/** `shipshape uninstall`: takes back exactly what init added; an untouched file is restored byte for byte. */
export function uninstall(options: Pick<InitOptions, "scope" | "projectDir" | "home" | "dryRun">): Report {
  const file = settingsFile(options);
  const recordPath = recordFile(file);
  const recordText = readText(recordPath);
  if (recordText === undefined) return { lines: [`${file}: shipshape init has not changed it (no ${recordPath}); nothing to undo`], changed: false };
  const record = readRecord(recordPath, recordText);
  const current = readText(file);
  let next: string | undefined;
  const lines: string[] = [];
  if (current === record.written) {
    next = record.original ?? undefined;
    lines.push(record.original === null ? `removing ${file} (init created it)` : `restoring ${file} to exactly what it was before init`);
  } else {
    const settings = parseSettings(file, current);
    removeAdditions(settings, record.additions);
    next = formatJson(settings);
    lines.push(`removing shipshape's entries from ${file}; your own changes since init are kept`);
  }
  if (options.dryRun) return { lines: [...lines, unifiedDiff(relative(options.projectDir, file) || file, current, next)], changed: true };
  if (current !== undefined) assertWritable(file);
  if (next === undefined) {
    if (current !== undefined) unlinkSync(file);
  } else writeAtomic(file, next);
  for (const path of [...record.created].reverse()) {
    if (!existsSync(path)) continue;
    rmSync(path, { recursive: true, force: true });
    lines.push(`removed ${path}`);
  }
  if (record.config) {
    if (readText(record.config.path) === record.config.text) {
      unlinkSync(record.config.path);
      lines.push(`removed ${record.config.path}`);
    } else if (existsSync(record.config.path)) lines.push(`kept ${record.config.path}: it was edited after init`);
  }
  unlinkSync(recordPath);
  const dir = dirname(file);
  try {
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  } catch {
    // A folder that is not empty, or already gone, stays as it is.
  }
  return { lines, changed: true };
}
