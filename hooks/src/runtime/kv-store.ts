import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { KeyValueStore } from "./io.js";

const MAX_ENTRIES = 200;

/** A JSON file of recent entries (oldest dropped first), written atomically. */
export function fileStore(dir: string | undefined, name: string): KeyValueStore | undefined {
  if (!dir) return undefined;
  const file = `${dir}/${name}.json`;
  const load = (): Record<string, string> => {
    try {
      const data = JSON.parse(readFileSync(file, "utf8")) as unknown;
      return data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, string>) : {};
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
        const entries = Object.entries(load()).filter(([k]) => k !== key);
        entries.push([key, value]);
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, JSON.stringify(Object.fromEntries(entries.slice(-MAX_ENTRIES))));
        renameSync(temp, file);
      } catch {
        // A cache that cannot be written only costs time.
      }
    },
  };
}
