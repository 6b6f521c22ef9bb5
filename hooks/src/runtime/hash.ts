/** FNV-1a over a string, as hex: cache keys and file names, not a security boundary. node:crypto would cost more to load than the hashing. */
export function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}
