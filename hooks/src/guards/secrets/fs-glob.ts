import type { HostIO } from "../../runtime/io.js";
import { UNKNOWN } from "../../shell/expand.js";
import { globMatch, hasGlobChars } from "./glob.js";

const MAX_MATCHES = 2000;

function unescapeGlob(segment: string): string {
  return segment.replace(/\\(.)/g, "$1");
}

/**
 * Expands a shell glob against the files that exist, as bash does (without dotglob: a leading `.`
 * must be matched literally; `dotfiles` lifts that, as PowerShell's wildcards on Windows do).
 * `pattern` is absolute. Returns [] when nothing matches.
 */
export async function expandGlob(io: HostIO, pattern: string, dotfiles = false): Promise<string[]> {
  const segments = pattern.split("/").filter((s, i) => s !== "" || i === 0);
  let bases = [""];
  for (const segment of segments.slice(1)) {
    const next: string[] = [];
    if (segment === "**") {
      // Any depth of folders, as zsh (and bash with globstar) reads it; not into hidden ones, which
      // neither enters without dot files. Past the limit an unknown path stands for the rest.
      for (const base of bases) {
        const dirs = [base];
        for (let i = 0; i < dirs.length; i++) {
          next.push(dirs[i] as string);
          if (dirs.length > MAX_MATCHES) return [`${base}/${UNKNOWN}`];
          for (const entry of (await io.list(dirs[i] || "/")) ?? []) if (entry.kind === "dir" && (dotfiles || !entry.name.startsWith("."))) dirs.push(`${dirs[i]}/${entry.name}`);
        }
      }
    } else if (!hasGlobChars(segment.replace(/\\./g, ""))) {
      for (const base of bases) next.push(`${base}/${unescapeGlob(segment)}`);
    } else {
      for (const base of bases) {
        const entries = await io.list(base === "" ? "/" : base);
        for (const entry of entries ?? []) {
          // zsh's `(D)` qualifier takes dot files too (`*(D)`), and so does an extended glob's
          // alternative that starts with a dot (`@(.env|x)`).
          if (!dotfiles && entry.name.startsWith(".") && !segment.startsWith(".") && !segment.startsWith("\\.") && !/\([^)]*D|^[@?+]\((?:[^)]*\|)?\./.test(segment)) continue;
          if (globMatch(segment, entry.name)) next.push(`${base}/${entry.name}`);
          // Past the limit the rest are not looked at: an unknown path stands for them, which callers refuse.
          if (next.length >= MAX_MATCHES) return [...next.slice(0, MAX_MATCHES), `${base}/${UNKNOWN}`];
        }
      }
    }
    bases = next;
    if (bases.length === 0) return [];
  }
  const existing: string[] = [];
  for (const path of bases) if (await io.exists(path)) existing.push(path);
  return existing;
}
