import { readFileSync } from "node:fs";
import { writeCacheFile } from "./cache-file.js";
import type { ConfigCache } from "../config/load-config.js";
import type { LoadedConfig } from "../config/types.js";
import { fnv } from "./hash.js";

/**
 * Caches resolved configs as JSON files, keyed by path, size and mtime of the config files and by the
 * version of the code that resolved them (`code`: an update may resolve the same file differently),
 * so the YAML parser (tens of milliseconds to load) runs only when a config or the plugin changes. A
 * damaged or foreign entry is ignored; the key is stored inside the entry to rule out hash collisions.
 */
export function fileConfigCache(base: string | undefined, code = ""): ConfigCache | undefined {
  if (!base) return undefined;
  const versioned = (key: string) => `${code}\u0002${key}`;
  const file = (key: string) => `${base}/config-${fnv(versioned(key))}.json`;
  return {
    get(key) {
      try {
        const entry = JSON.parse(readFileSync(file(key), "utf8")) as { key?: unknown; value?: LoadedConfig };
        return entry.key === versioned(key) && entry.value ? entry.value : undefined;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      writeCacheFile(base, file(key), JSON.stringify({ key: versioned(key), value }));
    },
  };
}
