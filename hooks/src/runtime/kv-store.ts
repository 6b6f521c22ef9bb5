import { readFileSync } from "node:fs";
import { writeCacheFile } from "./cache-file.js";
import type { KeyValueStore } from "./io.js";
import { parseEntries, withEntry } from "./recent-entries.js";

/** A JSON file of recent entries (oldest dropped first), written atomically. */
export function fileStore(dir: string | undefined, name: string): KeyValueStore | undefined {
  if (!dir) return undefined;
  const file = `${dir}/${name}.json`;
  const load = (): Record<string, string> => {
    try {
      return parseEntries(readFileSync(file, "utf8"));
    } catch {
      return {};
    }
  };
  return {
    get: (key) => {
      const value = load()[key];
      return typeof value === "string" ? value : undefined;
    },
    set: (key, value) => writeCacheFile(dir, file, JSON.stringify(withEntry(load(), key, value))),
  };
}
