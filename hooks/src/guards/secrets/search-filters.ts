import { onFirstUse } from "../../runtime/on-first-use.js";
import { EVERYTHING, type SearchFilter } from "./tree-search.js";
import { ownEntry } from "../../runtime/own-entry.js";

/** ripgrep --type names → file globs, for the types people search by; an unknown type filters nothing. */
const rgTypes = onFirstUse((): Record<string, string[]> => ({
  js: ["*.js", "*.jsx", "*.mjs", "*.cjs", "*.vue"],
  ts: ["*.ts", "*.tsx", "*.mts", "*.cts"],
  py: ["*.py", "*.pyi"],
  rust: ["*.rs"],
  go: ["*.go"],
  java: ["*.java", "*.jsp"],
  c: ["*.c", "*.h"],
  cpp: ["*.cpp", "*.cc", "*.cxx", "*.hpp", "*.hh", "*.h"],
  md: ["*.md", "*.markdown"],
  markdown: ["*.md", "*.markdown"],
  css: ["*.css", "*.scss", "*.sass", "*.less"],
  html: ["*.html", "*.htm"],
  sh: ["*.sh", "*.bash", "*.zsh"],
  rb: ["*.rb"],
  ruby: ["*.rb"],
  php: ["*.php"],
  kotlin: ["*.kt", "*.kts"],
  swift: ["*.swift"],
  cs: ["*.cs"],
  sql: ["*.sql"],
}));

export function typeGlobs(type: string): string[] | undefined {
  return ownEntry(rgTypes(), type.toLowerCase());
}

/** The Grep tool runs ripgrep with the input's `glob` and `type`, and `--hidden` (what git ignores is left to the caller). */
export function grepToolFilter(input: Record<string, unknown>): SearchFilter {
  const filter: SearchFilter = { ...EVERYTHING, include: [], includePaths: [], rules: [], rulePaths: true };
  if (typeof input.glob === "string" && input.glob !== "") {
    for (const glob of splitBraceList(input.glob)) {
      filter.rules.push(glob.startsWith("!") ? [false, glob.slice(1)] : [true, glob]);
      if (!glob.startsWith("!")) filter.includePaths.push(glob);
    }
  }
  // As ripgrep: with any glob that picks files, a file none matches is not searched.
  filter.fallback = filter.includePaths.length === 0;
  // Claude Code adds `!.git` and the like before the input's globs (a later glob could take them back).
  if (filter.fallback) filter.excludeDirs = [".git", ".svn", ".hg", ".bzr", ".jj", ".sl"];
  // Claude Code's ripgrep skips what git ignores (a folder a glob names aside).
  filter.skipIgnored = true;
  if (typeof input.type === "string") {
    const globs = typeGlobs(input.type);
    if (globs) filter.include.push(...globs);
  }
  return filter;
}

/** The Grep tool accepts several globs separated by spaces or commas outside braces. */
function splitBraceList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "{") depth += 1;
    if (char === "}") depth -= 1;
    if ((char === "," || char === " ") && depth === 0) {
      if (current) out.push(current);
      current = "";
    } else current += char;
  }
  if (current) out.push(current);
  return out;
}
