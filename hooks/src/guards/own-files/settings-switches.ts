/**
 * Claude Code's settings files hold the switches that turn shipshape off: `disableAllHooks`,
 * `allowManagedHooksOnly`, the plugin's entry in `enabledPlugins`, the hooks `shipshape init
 * --standalone` writes, shipshape's own `SHIPSHAPE_*` variables and those that decide how a hook's
 * process starts (PATH, NODE_OPTIONS) or where its caches are. An agent may edit these files
 * (permission rules, a model), but not flip those switches: these pure functions tell which of them a
 * change would flip, and what an Edit, MultiEdit or Write would leave in the file.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The file's settings: an object, `undefined` for a missing or empty file, `null` when it does not parse as one. */
export function parseSettings(text: string | undefined): Json | undefined | null {
  if (text === undefined || text.trim() === "") return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

function field(settings: Json | undefined, key: string): Json {
  const value = settings?.[key];
  return isObject(value) ? value : {};
}

/** Every hook entry that runs shipshape, as text, so that removals show. */
function shipshapeHooks(settings: Json | undefined): string[] {
  const found: string[] = [];
  for (const groups of Object.values(field(settings, "hooks"))) {
    if (!Array.isArray(groups)) continue;
    for (const group of groups) {
      const hooks = isObject(group) && Array.isArray(group.hooks) ? group.hooks : [];
      for (const hook of hooks) {
        const text = JSON.stringify(hook);
        if (/shipshape/i.test(text)) found.push(text);
      }
    }
  }
  return found;
}

/** The shell commands of a settings file's command hooks (a command, and its exec-form args quoted). */
export function hookCommands(settings: Json | undefined | null): string[] {
  const commands: string[] = [];
  for (const groups of Object.values(field(settings ?? undefined, "hooks"))) {
    for (const group of Array.isArray(groups) ? groups : []) {
      for (const hook of isObject(group) && Array.isArray(group.hooks) ? group.hooks : []) {
        const args = isObject(hook) && Array.isArray(hook.args) ? hook.args.map((a) => `'${String(a).replace(/'/g, "'\\''")}'`) : [];
        if (isObject(hook) && typeof hook.command === "string") commands.push([hook.command, ...args].join(" "));
      }
    }
  }
  return commands;
}

/**
 * What a change from `before` to `after` switches off, described for a refusal, or undefined when it
 * leaves shipshape as it was. `after === null`: the new text is not a JSON object, which Claude Code
 * would not load, so the hooks and plugins the file sets would go with it.
 */
export function switchedOff(before: Json | undefined | null, after: Json | undefined | null): string | undefined {
  if (after === null) return before === null ? undefined : "leaves the file unreadable as settings (not a JSON object), so Claude Code would drop the hooks and plugins it sets";
  const old = before ?? undefined;
  for (const key of ["disableAllHooks", "allowManagedHooksOnly"]) {
    if (after?.[key] === true && old?.[key] !== true) return `sets ${key}, which switches off every hook, shipshape's guards included`;
  }
  const oldPlugins = field(old, "enabledPlugins");
  const newPlugins = field(after, "enabledPlugins");
  for (const key of new Set([...Object.keys(oldPlugins), ...Object.keys(newPlugins)])) {
    if (!/^shipshape@/i.test(key)) continue;
    if (newPlugins[key] === false && oldPlugins[key] !== false) return `disables the ${key} plugin in enabledPlugins`;
    if (oldPlugins[key] !== undefined && oldPlugins[key] !== false && !(key in newPlugins)) return `removes the ${key} plugin from enabledPlugins`;
  }
  // Where the plugin is installed from: removed, or pointed at another repository (which the next
  // install or update would run as shipshape), here or in a file that overrides another.
  const oldMarkets = field(old, "extraKnownMarketplaces");
  const marketplaces = field(after, "extraKnownMarketplaces");
  for (const key of new Set([...Object.keys(oldMarkets), ...Object.keys(marketplaces)])) {
    if (/^shipshape$/i.test(key) && JSON.stringify(oldMarkets[key]) !== JSON.stringify(marketplaces[key])) return `adds, removes or changes the ${key} marketplace the plugin is installed from`;
  }
  const kept = shipshapeHooks(after);
  for (const hook of shipshapeHooks(old)) {
    const at = kept.indexOf(hook);
    if (at === -1) return `removes or changes a hook that runs shipshape (${hook.slice(0, 160)})`;
    kept.splice(at, 1);
  }
  const oldEnv = field(old, "env");
  const newEnv = field(after, "env");
  for (const key of new Set([...Object.keys(oldEnv), ...Object.keys(newEnv)])) {
    // Beside shipshape's own: what decides which `node` or `sh` runs a hook and what it loads first
    // (PATH, NODE_OPTIONS, preloads), what wraps every Bash command the guards judged (the shell and
    // its prefix), and where shipshape keeps its caches (a forged decision replays).
    if (/^(SHIPSHAPE_.*|CLAUDE_CODE_SAFE_MODE|NODE_OPTIONS|PATH|LD_PRELOAD|LD_LIBRARY_PATH|DYLD_.*|BASH_ENV|ENV|SHELL|CLAUDE_CODE_SHELL(_PREFIX)?|HOME|XDG_CACHE_HOME|CLAUDE_PLUGIN_DATA|CLAUDE_CONFIG_DIR)$/i.test(key) && JSON.stringify(oldEnv[key]) !== JSON.stringify(newEnv[key])) {
      return `changes ${key} in env, which decides how shipshape's hooks run`;
    }
  }
  return undefined;
}

/** An Edit's or MultiEdit's replacements applied to the text, or undefined when one would fail (the tool fails then too). */
export function applyEdits(text: string, edits: ReadonlyArray<{ old_string: string; new_string: string; replace_all?: boolean }>): string | undefined {
  let result = text;
  for (const edit of edits) {
    if (edit.old_string === "") return undefined;
    const at = result.indexOf(edit.old_string);
    if (at === -1) return undefined;
    result = edit.replace_all ? result.split(edit.old_string).join(edit.new_string) : result.slice(0, at) + edit.new_string + result.slice(at + edit.old_string.length);
  }
  return result;
}

/** The edits in an Edit or MultiEdit input, or undefined when the input is not that shape. */
export function editsIn(tool: string, input: Record<string, unknown>): Array<{ old_string: string; new_string: string; replace_all?: boolean }> | undefined {
  const one = (value: unknown) =>
    isObject(value) && typeof value.old_string === "string" && typeof value.new_string === "string"
      ? { old_string: value.old_string, new_string: value.new_string, replace_all: value.replace_all === true }
      : undefined;
  if (tool === "Edit") {
    const edit = one(input);
    return edit ? [edit] : undefined;
  }
  if (tool === "MultiEdit" && Array.isArray(input.edits)) {
    const edits = input.edits.map(one);
    return edits.every((e) => e !== undefined) ? (edits as Array<{ old_string: string; new_string: string; replace_all?: boolean }>) : undefined;
  }
  return undefined;
}
