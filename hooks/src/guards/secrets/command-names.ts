/**
 * Tests for command names (`python3.11`, `perl5`, `gawk`) without RegExps: every Bash command's name
 * goes through the interpreter table, and a hook process compiles each RegExp it runs (about 20 µs
 * apiece, a dozen of them before a plain `npm test` was decided).
 */
export interface NameTest {
  test(name: string): boolean;
}

/** How a name may go on after its base: nothing, digits (`perl5`), or a version (`python3`, `python3.11`). */
export type VersionTail = "none" | "digits" | "version";

function isDigits(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function tailMatches(tail: string, kind: VersionTail): boolean {
  if (tail === "") return true;
  if (kind === "digits") return isDigits(tail, 0, tail.length);
  if (kind === "version") {
    const dot = tail.indexOf(".");
    return dot === -1 ? isDigits(tail, 0, tail.length) : isDigits(tail, 0, dot) && isDigits(tail, dot + 1, tail.length);
  }
  return false;
}

/** Matches any of `names` exactly, or followed by the version tail allowed. Case-sensitive, as commands are. */
export function commandNames(names: readonly string[], tail: VersionTail = "none"): NameTest {
  const exact = new Set(names);
  return {
    test(name: string): boolean {
      if (exact.has(name)) return true;
      if (tail === "none") return false;
      for (const base of names) if (name.startsWith(base) && tailMatches(name.slice(base.length), tail)) return true;
      return false;
    },
  };
}

/** Matches what either test matches. */
export function orTest(a: NameTest, b: NameTest): NameTest {
  return { test: (name) => a.test(name) || b.test(name) };
}
