/**
 * Command substitutions whose output is a number, a date or a hash (`$(nproc)`, `$(date +%F)`,
 * `$(git rev-parse --short HEAD)`): text no one can make spell a secret's name, unlike a variable or
 * a listing. A word built of them reads only files whose names start that way.
 */

/** A revision as git takes it (`HEAD~2`, `origin/main`, `v1.2`, `@{u}`), not an option. */
const REV = String.raw`[\w~^@{}/.][\w~^@{}/.-]*`;

/** Read-only git commands that print one revision's hash or name, and no option that writes. */
const GIT_REVISION = new RegExp(String.raw`^git (rev-parse( --short(=\d+)?| --verify| -q)* ${REV}|merge-base( --fork-point)? ${REV} ${REV}|rev-list -1 ${REV}|log -1 --(format|pretty)=%[hH] ${REV}|describe( --tags| --always| --abbrev=\d+)*( ${REV})?)$`);

/**
 * The glob class of what each `$(…)` in a word prints, in order, when every one is a number, date or
 * hash printer (or `$$`, `$!`, `$?`, `$#`: numbers) and the rest of the word is plain text; undefined otherwise.
 */
export function tokenClasses(raw: string): string[] | undefined {
  const text = raw.replace(/^"(.*)"$/, "$1");
  const classes: string[] = [];
  let last = 0;
  for (const m of text.matchAll(/\$\(([^()]*)\)|\$[$!#?]|\$\{[$!#?]\}/g)) {
    if (/[$`\\]/.test(text.slice(last, m.index))) return undefined;
    last = m.index + m[0].length;
    const inner = m[1]?.trim();
    if (inner === undefined || /^(nproc( --all)?|id -[ug]r?|git rev-list --count [^$`;&|]+|[^$`;&()]+\| ?wc( -[lcwm])+|pidof( -[sxz])*( [\w.-]+)+|pgrep( -[fxnoi]+| -u [\w-]+)* ('[^'$`]*'|"[^"$`]*"|[\w.-]+))$/.test(inner)) classes.push("[0-9 ]");
    // A format of numeric fields only (`+%Y-%m-%dT%H:%M:%SZ`): `date +.env` prints its letters.
    else if (/^date( -u| --utc| (-d ?|--date=)('[^'$`]*'|"[^"$`]*"|[\w-]+))* ["']?\+["']?(%[-_0^]?[sYmdHMSFTyjNuVGeklIzCgUW]|[-:_.,+TZ0-9])*["']?$/.test(inner)) classes.push("[-0-9TZ:_.,+ ]");
    else if (GIT_REVISION.test(inner) && !inner.startsWith("git describe")) classes.push("[0-9a-f]");
    else return undefined;
  }
  return /[$`\\]/.test(text.slice(last)) ? undefined : classes;
}

/**
 * A word that is a revision git prints and text around it (`$(git merge-base HEAD main)..HEAD`): the
 * git command, to run for it, and that text.
 */
export function gitRevisionCommand(raw: string): { argv: string[]; before: string; after: string; quoted: boolean } | undefined {
  const m = /^("?)([\w~^@{}/.-]*)\$\(([^()]*)\)([\w~^@{}/.-]*)\1$/.exec(raw);
  const inner = m?.[3]?.trim() ?? "";
  return m && GIT_REVISION.test(inner) ? { argv: inner.split(/ +/), before: m[2] as string, after: m[4] as string, quoted: m[1] === '"' } : undefined;
}
