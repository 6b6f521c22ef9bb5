import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { ConfigCache } from "../config/load-config.js";
import type { LoadedConfig } from "../config/types.js";

/** FNV-1a: a file name for a key; node:crypto would cost more to load than the whole lookup. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/**
 * Caches resolved configs as JSON files, keyed by path, size and mtime of the config files, so the YAML
 * parser (tens of milliseconds to load) runs only when a config changes. A damaged or foreign entry is
 * ignored; the key is stored inside the entry to rule out hash collisions.
 */
export function fileConfigCache(base: string | undefined): ConfigCache | undefined {
  if (!base) return undefined;
  const file = (key: string) => `${base}/config-${hash(key)}.json`;
  return {
    get(key) {
      try {
        const entry = JSON.parse(readFileSync(file(key), "utf8")) as { key?: unknown; value?: LoadedConfig };
        return entry.key === key && entry.value ? entry.value : undefined;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      try {
        mkdirSync(base, { recursive: true, mode: 0o700 });
        const target = file(key);
        const temp = `${target}.${process.pid}.tmp`;
        writeFileSync(temp, JSON.stringify({ key, value }));
        renameSync(temp, target);
      } catch {
        // A cache that cannot be written only costs speed.
      }
    },
  };
}
