/**
 * Reads git's index file (.git/index) into exactly what `git ls-files -s -z` prints, so that the
 * commit gate can name the staged content without starting a git process (about 5 ms each). Only the
 * common formats are read: versions 2 to 4 with SHA-1 ids and no split or sparse index. Anything else,
 * or anything that does not add up, answers undefined, and the caller asks git instead.
 */
import { utf8Text } from "../../runtime/buffer-text.js";

const HEADER = 12;
const STAT_FIELDS = 40;
const SHA1 = 20;

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] as number) * 0x1000000 + (((bytes[at + 1] as number) << 16) | ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number))) >>> 0;
}

function u16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] as number) << 8) | (bytes[at + 1] as number);
}

function hex(bytes: Uint8Array, from: number, to: number): string {
  let out = "";
  for (let i = from; i < to; i++) out += (bytes[i] as number).toString(16).padStart(2, "0");
  return out;
}

/** git's offset varint (version 4 path compression): 7 bits a byte, each continuation adding one. */
function varint(bytes: Uint8Array, at: number): { value: number; next: number } | undefined {
  let i = at;
  let byte = bytes[i++];
  if (byte === undefined) return undefined;
  let value = byte & 0x7f;
  while (byte & 0x80) {
    byte = bytes[i++];
    if (byte === undefined || value > 0xffffff) return undefined;
    value = ((value + 1) << 7) | (byte & 0x7f);
  }
  return { value, next: i };
}

/** The index's entries as `git ls-files -s -z` prints them, or undefined when this reader cannot be sure. */
export function lsFilesFromIndex(bytes: Uint8Array): string | undefined {
  if (bytes.length < HEADER + SHA1 || utf8Text(bytes.subarray(0, 4)) !== "DIRC") return undefined;
  const version = u32(bytes, 4);
  if (version < 2 || version > 4) return undefined;
  const count = u32(bytes, 8);
  const end = bytes.length - SHA1;
  let at = HEADER;
  let previous: Uint8Array = new Uint8Array(0);
  let out = "";
  for (let n = 0; n < count; n++) {
    const start = at;
    if (at + STAT_FIELDS + SHA1 + 2 > end) return undefined;
    const mode = u32(bytes, at + 24);
    const oid = hex(bytes, at + STAT_FIELDS, at + STAT_FIELDS + SHA1);
    const flags = u16(bytes, at + STAT_FIELDS + SHA1);
    at += STAT_FIELDS + SHA1 + 2;
    if (flags & 0x4000) {
      if (version < 3) return undefined;
      // Extended flags: skip-worktree or intent-to-add; a sparse directory entry is not a file.
      at += 2;
    }
    let path: Uint8Array;
    if (version === 4) {
      const strip = varint(bytes, at);
      if (!strip || strip.value > previous.length) return undefined;
      const nul = bytes.indexOf(0, strip.next);
      if (nul < 0 || nul >= end) return undefined;
      path = new Uint8Array(previous.length - strip.value + (nul - strip.next));
      path.set(previous.subarray(0, previous.length - strip.value));
      path.set(bytes.subarray(strip.next, nul), previous.length - strip.value);
      at = nul + 1;
    } else {
      const nul = bytes.indexOf(0, at);
      if (nul < 0 || nul >= end) return undefined;
      path = bytes.subarray(at, nul);
      // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
      at = start + ((nul - start + 8) & ~7);
    }
    if ((mode & 0o170000) === 0o040000) return undefined;
    previous = path;
    out += `${mode.toString(8)} ${oid} ${(flags >> 12) & 3}\t${utf8Text(path)}\u0000`;
  }
  // Then extensions (a signature and a size each), then the checksum. A split index ("link") or a
  // sparse one ("sdir") keeps entries elsewhere: leave those to git.
  while (at < end) {
    if (at + 8 > end) return undefined;
    const signature = utf8Text(bytes.subarray(at, at + 4));
    if (signature === "link" || signature === "sdir") return undefined;
    at += 8 + u32(bytes, at + 4);
  }
  return at === end ? out : undefined;
}
