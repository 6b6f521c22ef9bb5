/**
 * Which files are shipshape's own, and whether a path is one of them. The config says what the guards
 * guard and whether commits are verified; the data folder holds the verification cache (a forged
 * entry would pass unverified work) and the config and code caches the command hooks trust.
 */
import { configPaths } from "../../config/load-config.js";
import { cacheDir } from "../../runtime/cache-dir.js";
import { basename, dirname, normalizeAbsolute, relativeTo, trimTrailingSlashes } from "../../runtime/paths.js";
import { globToRegExp } from "../secrets/glob.js";

/** How refusals name Claude Code's settings files. */
export const SETTINGS = "Claude Code's settings";
const CODE = "the plugin code (shipshape's checks) in";

export interface OwnFiles {
  configs: string[];
  /** The data folder, when one is known. */
  dataDir: string | undefined;
  /** Claude Code's settings files, whose switches can turn shipshape off (settings-switches.ts). */
  settings: string[];
  /**
   * Folders of code that decides: the hooks `init --standalone` copies into the project, and Claude
   * Code's plugin installs and their registry (shipshape's among them). A `--plugin-dir` checkout is
   * not one: that is where shipshape itself is developed.
   */
  code: string[];
}

export function ownFiles(projectDir: string, home: string | undefined, env: (name: string) => string | undefined): OwnFiles {
  const project = trimTrailingSlashes(projectDir);
  const user = userDirs(home, env("CLAUDE_CONFIG_DIR"));
  return {
    configs: configPaths({ projectDir, home }).map(normalizeAbsolute),
    dataDir: cacheDir({ CLAUDE_PLUGIN_DATA: env("CLAUDE_PLUGIN_DATA"), XDG_CACHE_HOME: env("XDG_CACHE_HOME"), HOME: home }),
    settings: [`${project}/.claude/settings.json`, `${project}/.claude/settings.local.json`, ...user.map((dir) => `${dir}/settings.json`)].map(normalizeAbsolute),
    code: [`${project}/.claude/shipshape`, ...user.map((dir) => `${dir}/plugins`)].map(normalizeAbsolute),
  };
}

/** The user's Claude Code folders: CLAUDE_CONFIG_DIR when that is set, and ~/.claude either way. */
function userDirs(home: string | undefined, configDir: string | undefined): string[] {
  const dirs = home ? [`${trimTrailingSlashes(home)}/.claude`] : [];
  if (configDir && configDir.startsWith("/")) dirs.push(trimTrailingSlashes(configDir));
  return dirs;
}

/** The Claude Code settings file an absolute path is, if it is one. */
export function settingsFileAt(own: OwnFiles, path: string): string | undefined {
  return samePath(own.settings, normalizeAbsolute(path));
}

/** Same file by name, ignoring case: on macOS and Windows `.Claude/Settings.json` opens the same file. */
function samePath(list: readonly string[], path: string): string | undefined {
  const lower = path.toLowerCase();
  return list.find((entry) => entry.toLowerCase() === lower);
}

/** What an absolute path is, when it is one of shipshape's files (or the data folder itself). */
export function ownFileAt(own: OwnFiles, path: string): string | undefined {
  const normal = normalizeAbsolute(path);
  const config = samePath(own.configs, normal);
  if (config) return `shipshape's configuration ${config}`;
  if (own.dataDir && relativeTo(own.dataDir.toLowerCase(), normal.toLowerCase()) !== undefined) return `shipshape's data folder ${normalizeAbsolute(own.dataDir)} (its verification, config, code and decision caches)`;
  const code = own.code.find((dir) => relativeTo(dir.toLowerCase(), normal.toLowerCase()) !== undefined);
  return code && `${CODE} ${code}`;
}

/** Whether text (inline code, a heredoc) names one of shipshape's files, or a Claude Code settings file. */
export function namesOwnFile(own: OwnFiles, text: string): string | undefined {
  const lower = text.toLowerCase();
  for (const config of own.configs) if (lower.includes(basename(config).toLowerCase())) return `shipshape's configuration (${basename(config)})`;
  if (own.dataDir && text.includes(normalizeAbsolute(own.dataDir))) return `shipshape's data folder ${normalizeAbsolute(own.dataDir)}`;
  // Not the bare names: settings.json is a common name (.vscode/settings.json); the folder tells.
  const named = lower.includes(".claude/settings") ? /\.claude\/settings(\.local)?\.json/i.exec(text) : null;
  if (named) return `${SETTINGS} (${named[0]})`;
  for (const dir of [".claude/shipshape/", ".claude/plugins/"]) if (lower.includes(dir)) return `${CODE} ${dir}`;
  return undefined;
}

/**
 * The own file an absolute glob may name once the shell expands it (`rm .claude/*.yaml`): one of
 * them, the data folder or a file in it, or with `folders`, a folder holding one (`rm -rf .claude/*`).
 * As in the shell, a wildcard at the start of a name does not match a leading dot.
 */
export function ownFileGlobbed(own: OwnFiles, glob: string, folders: boolean): string | undefined {
  const pattern = normalizeAbsolute(glob);
  const parent = ownFileAt(own, dirname(pattern));
  if (parent) return parent;
  const segments = pattern.split("/");
  const matches = (path: string) => {
    const names = path.split("/");
    return names.length === segments.length && globToRegExp(pattern, "i").test(path) && segments.every((seg, i) => !/^[*?[]/.test(seg) || !names[i]?.startsWith("."));
  };
  for (const file of [...own.configs, ...own.settings, ...own.code, ...(own.dataDir ? [own.dataDir] : [])]) {
    for (let path = normalizeAbsolute(file); path !== "/"; path = dirname(path)) {
      if (matches(path)) return ownFileUnder(own, path);
      if (!folders) break;
    }
  }
  return undefined;
}

/**
 * The own file a folder holds (a config, the data folder), when removing or moving the folder takes it
 * along; with `names`, only one whose name matches one of these globs (`find .claude -name '*.yaml' -delete`).
 */
export function ownFileUnder(own: OwnFiles, folder: string, names: string[] = []): string | undefined {
  const normal = normalizeAbsolute(folder);
  const inside = (path: string) => relativeTo(normal, normalizeAbsolute(path)) !== undefined && (names.length === 0 || names.some((n) => globToRegExp(n, "i").test(basename(path))));
  const config = own.configs.find(inside);
  if (config) return `shipshape's configuration ${config}`;
  const settings = own.settings.find(inside);
  if (settings) return `${SETTINGS} ${settings}`;
  if (own.dataDir && inside(own.dataDir)) return `shipshape's data folder ${normalizeAbsolute(own.dataDir)}`;
  const code = own.code.find(inside);
  return code && `${CODE} ${code}`;
}
