import { mkdirSync, renameSync, writeFileSync } from "node:fs";

/**
 * Writes one cache file whole (a temporary file renamed over it), in a folder only the user can enter.
 * A cache that cannot be written only costs speed, so failures are swallowed.
 */
export function writeCacheFile(dir: string, file: string, text: string | Uint8Array): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch {
    // Only speed is lost.
  }
}
