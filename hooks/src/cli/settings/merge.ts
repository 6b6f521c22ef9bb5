/**
 * Pure merging of shipshape's entries into a Claude Code settings object, and their exact removal.
 * Nothing the user had is dropped or reordered: objects gain keys, arrays gain items they lack.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** One thing init added, precise enough to take back: a key set, or an item appended to an array. */
export type Addition =
  | { kind: "key"; path: string[]; value: Json }
  | { kind: "item"; path: string[]; value: Json }
  /** An object or array init had to create to hold its entries: removed again only if left empty. */
  | { kind: "container"; path: string[] };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function equal(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class SettingsShapeError extends Error {}

/** Walks to the object at `path`, creating objects that are missing; refuses to replace a non-object. */
function container(root: JsonObject, path: string[], file: string, added: Addition[]): JsonObject {
  let node = root;
  for (const [index, key] of path.entries()) {
    const next = node[key];
    if (next === undefined) {
      const created: JsonObject = {};
      node[key] = created;
      added.push({ kind: "container", path: path.slice(0, index + 1) });
      node = created;
    } else if (isObject(next)) node = next;
    else throw new SettingsShapeError(`${file}: "${path.slice(0, index + 1).join(".")}" is ${Array.isArray(next) ? "an array" : typeof next}, expected an object; nothing was written`);
  }
  return node;
}

/**
 * Applies the wanted entries: `keys` are set only where absent (a user's own value wins and is
 * reported as kept), `items` are appended to arrays that lack them. Returns what was really added.
 */
export function applyEntries(settings: JsonObject, wanted: { keys: Array<{ path: string[]; value: Json }>; items: Array<{ path: string[]; value: Json }> }, file: string): { added: Addition[]; kept: string[] } {
  const added: Addition[] = [];
  const kept: string[] = [];
  for (const { path, value } of wanted.keys) {
    const parent = container(settings, path.slice(0, -1), file, added);
    const key = path[path.length - 1] as string;
    if (parent[key] === undefined) {
      parent[key] = value;
      added.push({ kind: "key", path, value });
    } else if (!equal(parent[key], value)) kept.push(`${path.join(".")} (kept your value ${JSON.stringify(parent[key])})`);
  }
  for (const { path, value } of wanted.items) {
    const parent = container(settings, path.slice(0, -1), file, added);
    const key = path[path.length - 1] as string;
    const list = parent[key];
    if (list === undefined) {
      parent[key] = [];
      added.push({ kind: "container", path });
    }
    else if (!Array.isArray(list)) throw new SettingsShapeError(`${file}: "${path.join(".")}" is ${typeof list}, expected an array; nothing was written`);
    const array = parent[key] as Json[];
    if (!array.some((item) => equal(item, value))) {
      array.push(value);
      added.push({ kind: "item", path, value });
    }
  }
  return { added, kept };
}

function lookup(settings: JsonObject, path: string[]): { parent: JsonObject; key: string } | undefined {
  let node: Json | undefined = settings;
  for (const key of path.slice(0, -1)) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return isObject(node) ? { parent: node, key: path[path.length - 1] as string } : undefined;
}

/** Removes exactly the recorded additions, then the containers init created if they are now empty. */
export function removeAdditions(settings: JsonObject, additions: Addition[]): void {
  for (const addition of [...additions].reverse()) {
    const found = lookup(settings, addition.path);
    if (!found) continue;
    const { parent, key } = found;
    if (addition.kind === "key") {
      if (equal(parent[key], addition.value)) delete parent[key];
    } else if (addition.kind === "item") {
      const list = parent[key];
      if (Array.isArray(list)) {
        const index = list.findIndex((item) => equal(item, addition.value));
        if (index !== -1) list.splice(index, 1);
      }
    } else {
      const value = parent[key];
      if ((Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0)) delete parent[key];
    }
  }
}
