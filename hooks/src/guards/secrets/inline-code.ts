/**
 * Inline interpreter code (`python -c`, `node -e`, heredocs fed to an interpreter) cannot be run to see
 * what it opens, so its text is scanned: every string literal and path-like token is checked as a file
 * name, and the common ways to print the whole environment are recognised.
 */
const TOKEN = /(["'`])((?:\\.|(?!\1)[^\\\n])*)\1|[A-Za-z0-9_~./@+-]*[./~][A-Za-z0-9_~./@+-]*/g;

/** Candidate file names in a piece of code: string literals and path-like bare tokens. */
export function pathTokens(code: string): string[] {
  const out = new Set<string>();
  for (const match of code.matchAll(TOKEN)) {
    const token = (match[2] ?? match[0]).trim();
    if (token === "" || token.length > 1024 || /\s/.test(token)) continue;
    out.add(token);
    // `open(home + '/.ssh/id_rsa')` or `'.e' 'nv'`-free forms: also try the last path segment alone.
    const last = token.slice(token.lastIndexOf("/") + 1);
    if (last !== token && last !== "") out.add(last);
  }
  return [...out];
}

const ENV_DUMPS: Array<[RegExp, string]> = [
  [/\bos\.environ\b(?!\s*(\[|\.get\b|\.setdefault\b|\.pop\b))/, "os.environ"],
  [/\bprocess\.env\b(?!\s*(\.|\[|\?\.))/, "process.env"],
  [/\bENV\s*\.(to_h|to_a|each|inspect|keys|values|map)\b|\bp\s+ENV\b|\bputs\s+ENV\b|\bpp\s+ENV\b/, "ENV"],
  [/%ENV\b/, "%ENV"],
  [/\bDeno\.env\.toObject\b/, "Deno.env.toObject()"],
  [/\bgetenv\(\s*\)/, "getenv()"],
  [/\bENVIRON\b/, "awk's ENVIRON"],
];

/** Describes a whole-environment dump in the code, if there is one. */
export function environmentDump(code: string): string | undefined {
  for (const [pattern, what] of ENV_DUMPS) if (pattern.test(code)) return what;
  return undefined;
}

/** dotenv libraries read `.env` without naming it; these calls return its values to the code. */
export function readsDotenv(code: string): boolean {
  return /\bdotenv_values\s*\(|\bdotenv\.parse\s*\(|\.config\s*\([^)]*\)\s*\.parsed\b|\bDotenv\.(parse|load)\b|\bDotenv::/.test(code);
}
