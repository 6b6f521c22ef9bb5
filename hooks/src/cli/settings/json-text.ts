/** JSON reading and writing for settings files: errors name the line and column; output is stable. */

export class JsonSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    detail: string,
  ) {
    super(`${file}:${line}:${column}: invalid JSON: ${detail}`);
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/**
 * Where JSON text goes wrong, for the message: Node 20's JSON.parse does not always say. A small
 * scanner walks the grammar and returns the offset of the first character that breaks it.
 */
function errorOffset(text: string): { offset: number; detail: string } {
  let i = 0;
  const fail = (detail: string): never => {
    throw { offset: i, detail };
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i] as string)) i += 1;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i += 1;
      ws();
      if (text[i] === "}") {
        i += 1;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(text[i] === "}" ? "a trailing comma before }" : "expected a quoted key");
        string();
        ws();
        if (text[i] !== ":") fail("expected : after the key");
        i += 1;
        value();
        ws();
        if (text[i] === ",") {
          i += 1;
          continue;
        }
        if (text[i] === "}") {
          i += 1;
          return;
        }
        fail("expected , or } after a value");
      }
    }
    if (c === "[") {
      i += 1;
      ws();
      if (text[i] === "]") {
        i += 1;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === "]") fail("a trailing comma before ]");
        value();
        ws();
        if (text[i] === ",") {
          i += 1;
          continue;
        }
        if (text[i] === "]") {
          i += 1;
          return;
        }
        fail("expected , or ] after an item");
      }
    }
    if (c === '"') return string();
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (literal) {
      i += literal[0].length;
      return;
    }
    fail(c === undefined ? "the text ends too early" : `unexpected ${JSON.stringify(c)}`);
  };
  const string = () => {
    i += 1;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") i += 1;
      else if ((text[i] as string) < " ") fail("a control character inside a string");
      i += 1;
    }
    if (i >= text.length) fail("a string that never closes");
    i += 1;
  };
  try {
    value();
    ws();
    if (i < text.length) fail("more text after the JSON value");
  } catch (error) {
    if (error && typeof error === "object" && "offset" in error) return error as { offset: number; detail: string };
  }
  return { offset: text.length, detail: "not valid JSON" };
}

/** Parses a settings file; an empty file counts as `{}`. Throws JsonSyntaxError with the position. */
export function parseJsonFile(file: string, text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    const { offset, detail } = errorOffset(text);
    const { line, column } = lineColumn(text, offset);
    throw new JsonSyntaxError(file, line, column, detail);
  }
}

/** Two-space JSON with a final newline, the way Claude Code writes settings. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A unified diff of two texts (line-based, LCS), for --dry-run. */
export function unifiedDiff(path: string, before: string | undefined, after: string | undefined): string {
  const a = before === undefined || before === "" ? [] : before.replace(/\n$/, "").split("\n");
  const b = after === undefined || after === "" ? [] : after.replace(/\n$/, "").split("\n");
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      (lcs[i] as number[])[j] = a[i] === b[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, lcs[i]?.[j + 1] ?? 0);
    }
  }
  const lines: string[] = [`--- ${before === undefined ? "/dev/null" : `a/${path}`}`, `+++ ${after === undefined ? "/dev/null" : `b/${path}`}`];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      lines.push(` ${a[i]}`);
      i += 1;
      j += 1;
    } else if (j < m && (i >= n || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) {
      lines.push(`+${b[j]}`);
      j += 1;
    } else {
      lines.push(`-${a[i]}`);
      i += 1;
    }
  }
  return lines.join("\n");
}
