/**
 * UTF-8 text of bytes, through `utf8Slice`, the per-encoding method Buffer#toString ends in. On a
 * hook's start-up, toString and includes on a Buffer first compile Node's encoding dispatch and
 * search helpers: about 1.2M instructions (0.3 ms) under callgrind, for a call that then searches
 * the text with V8's own string methods anyway. Plain Uint8Arrays (a process's output, the git
 * index) are viewed as Buffers where Node has them; elsewhere (another runtime) toString or a
 * TextDecoder, made on first use, does the work.
 */
type SliceMethods = { utf8Slice?: (start: number, end: number) => string };

let decoder: { decode(bytes: Uint8Array): string } | undefined;

export function utf8Text(bytes: Uint8Array): string {
  const slice = (bytes as SliceMethods).utf8Slice;
  if (typeof slice === "function") return slice.call(bytes, 0, bytes.length);
  const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
  if (bytes instanceof Uint8Array && NodeBuffer && !NodeBuffer.isBuffer(bytes)) return utf8Text(NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (bytes instanceof Uint8Array && !NodeBuffer) return (decoder ??= new TextDecoder("utf-8")).decode(bytes);
  return (bytes as Buffer).toString("utf8");
}
