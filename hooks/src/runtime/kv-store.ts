import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
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
    set: (key, value) => {
      try {
        const data = withEntry(load(), key, value);
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, JSON.stringify(data));
        renameSync(temp, file);
      } catch {
        // A cache that cannot be written only costs time.
      }
    },
  };
}
