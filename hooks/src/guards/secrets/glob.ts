/**
 * Glob patterns → RegExp, for secret patterns and for the search filters in shell commands.
 * Supports * ? [...] [!...] {a,b} and ** (any number of path segments), and the extended globs of bash
 * and zsh (`@(a|b)`, `!(x)`, zsh's `*(D)`) read loosely: as what either shell may match. Compiled
 * patterns are cached: the same few dozen defaults are matched against every path a command names.
 */
const cache = new Map<string, RegExp>();

const SPECIAL = "\\^$.*+?()[]{}|/";

function escape(char: string): string {
  return SPECIAL.includes(char) ? `\\${char}` : char;
}

function translate(pattern: string, i: number, stopAt: string | undefined): [string, number] {
  let out = "";
  while (i < pattern.length) {
    const char = pattern[i] as string;
    if (stopAt !== undefined && stopAt.includes(char)) return [out, i];
    if ("@?+*!".includes(char) && pattern[i + 1] === "(") {
      // bash's `@(a|b)` (one of), `?(…)`, `+(…)`, `*(…)`, `!(…)`; in zsh `*(D)` is `*` with a
      // qualifier.
      // Any name for `*` and `!`, the alternatives (or the operator as a character) for the others.
      const alternatives: string[] = [];
      let j = i + 2;
      for (;;) {
        const [alt, next] = translate(pattern, j, "|)");
        alternatives.push(alt);
        j = next + 1;
        if (next >= pattern.length || pattern[next] === ")") break;
      }
      out += char === "*" || char === "!" ? "[^/]*" : `${char === "?" ? "[^/]?" : escape(char)}?(?:${alternatives.join("|")})${char === "+" ? "*" : "?"}`;
      i = j;
      continue;
    }
    if (char === "*") {
      if (pattern[i + 1] === "*") {
        const atStart = i === 0 || pattern[i - 1] === "/";
        const atEnd = i + 2 === pattern.length || pattern[i + 2] === "/";
        if (atStart && atEnd) {
          out += pattern[i + 2] === "/" ? "(?:[^/]*/)*" : ".*";
          i += pattern[i + 2] === "/" ? 3 : 2;
          continue;
        }
      }
      out += "[^/]*";
      i += 1;
    } else if (char === "?") {
      out += "[^/]";
      i += 1;
    } else if (char === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close === -1) {
        out += "\\[";
        i += 1;
        continue;
      }
      let body = pattern.slice(i + 1, close);
      if (body.startsWith("!") || body.startsWith("^")) body = `^${body.slice(1)}`;
      out += `[${body.replace(/\\/g, "\\\\")}]`;
      i = close + 1;
    } else if (char === "{") {
      const alternatives: string[] = [];
      let j = i + 1;
      for (;;) {
        const [alt, next] = translate(pattern, j, ",}");
        alternatives.push(alt);
        if (next >= pattern.length) return [`${out}\\{${alternatives.join(",")}`, next];
        j = next + 1;
        if (pattern[next] === "}") break;
      }
      out += `(?:${alternatives.join("|")})`;
      i = j;
    } else if (char === "\\" && i + 1 < pattern.length) {
      out += escape(pattern[i + 1] as string);
      i += 2;
    } else {
      out += escape(char);
      i += 1;
    }
  }
  return [out, i];
}

export function globToRegExp(pattern: string, flags = ""): RegExp {
  const key = `${flags}\u0000${pattern}`;
  let re = cache.get(key);
  if (!re) {
    try {
      re = new RegExp(`^${translate(pattern, 0, undefined)[0]}$`, flags);
    } catch {
      // A class the shell cannot match either (`[z-a]`): the glob matches nothing, as in bash.
      re = /(?!)/;
    }
    cache.set(key, re);
  }
  return re;
}

export function globMatch(pattern: string, text: string, flags = ""): boolean {
  return globToRegExp(pattern, flags).test(text);
}

/** True when the text holds an unescaped glob character (or an extended glob's parenthesis). */
export function hasGlobChars(text: string): boolean {
  return /[*?[(]/.test(text);
}
