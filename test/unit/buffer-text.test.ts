/** buffer-text.ts decodes as Buffer#toString does, with or without the per-encoding methods. */
import { describe, expect, it } from "vitest";
import { utf8Text } from "../../hooks/src/runtime/buffer-text.js";
import { stdinFrom } from "../../hooks/src/runtime/stdin.js";

const samples = [Buffer.from('{"tool_name":"Read"}'), Buffer.from("héllo ✓ 😀"), Buffer.from([0xc0, 0x80, 0xff, 0x41]), Buffer.alloc(0), Buffer.from([0x41, 0x00, 0x42])];

describe("buffer text", () => {
  it.each(samples.map((b) => [b.toString("hex"), b]))("decodes %s as toString does", (_, bytes) => {
    expect(utf8Text(bytes)).toBe(bytes.toString("utf8"));
  });

  it("falls back to toString where the slice methods are missing", () => {
    const other = { length: 2, toString: (encoding: string) => `text as ${encoding}` } as unknown as Buffer;
    expect(utf8Text(other)).toBe("text as utf8");
  });

  it("refuses stdin with a NUL byte, but not an overlong encoding of one", () => {
    expect(stdinFrom(Buffer.from([0x7b, 0x00, 0x7d]))).toMatchObject({ ok: false, problem: expect.stringMatching(/NUL/) });
    expect(stdinFrom(Buffer.from([0x7b, 0xc0, 0x80, 0x7d]))).toEqual({ ok: true, text: "{\ufffd\ufffd}" });
  });
});
