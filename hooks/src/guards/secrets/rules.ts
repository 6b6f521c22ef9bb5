import type { ShipshapeConfig } from "../../config/types.js";
import { SECRET_CATEGORIES, type SecretCategory } from "./categories.js";
import { DEFAULT_FRAGMENTS } from "./generated/default-fragments.js";
import { globToRegExp } from "./glob.js";
import { basename, relativeTo, trimTrailingSlashes } from "../../runtime/paths.js";

/** A file the guard would refuse, and why. */
export interface SecretMatch {
  category: SecretCategory;
  pattern: string;
}

export interface SecretRules {
  /** The category whose pattern the absolute path matches, unless an exception or allow entry covers it. */
  classify(absolutePath: string): SecretMatch | undefined;
  /** Whether `secrets.allow` covers the absolute path (checks that judge a file by its contents ask this). */
  allowed(absolutePath: string): boolean;
  /** Last path segments the anchored patterns end in (`credentials`, `config`, …): a path whose folder is unknown but whose name is one of these may be a secret. */
  anchoredNames: ReadonlySet<string>;
  categories: readonly SecretCategory[];
}

interface CompiledPattern {
  source: string;
  /** What the pattern is matched against. */
  scope: "name" | "absolute" | "project";
  test(text: string): boolean;
}

/**
 * Whether text holds any of the characters. indexOf rather than a RegExp: this runs for each of ~95
 * patterns, and a RegExp run that often is compiled twice (V8 tiers it up to machine code).
 */
function hasAny(text: string, characters: string): boolean {
  for (let i = 0; i < characters.length; i++) if (text.indexOf(characters.charAt(i)) !== -1) return true;
  return false;
}

/**
 * A matcher for one glob, case-insensitive (on macOS and Windows `.ENV` opens `.env`). The shapes the
 * defaults use (exact, `prefix*`, `*suffix`, `prefix*suffix`, `dir/**`) are matched with string
 * operations: a hook runs once per process, and compiling ~90 RegExps would cost more than the check.
 */
function matcher(glob: string): (text: string) => boolean {
  const pattern = glob.toLowerCase();
  if (pattern.endsWith("/**") && !hasAny(pattern.slice(0, -3), "*?[{\\")) {
    const dir = pattern.slice(0, -2);
    return (text) => text.toLowerCase().startsWith(dir);
  }
  const stars = pattern.split("*").length - 1;
  if (!hasAny(pattern, "?[{\\") && stars <= 1) {
    if (stars === 0) return (text) => text.toLowerCase() === pattern;
    const [prefix, suffix] = pattern.split("*") as [string, string];
    return (text) => {
      const lower = text.toLowerCase();
      return (
        lower.length >= prefix.length + suffix.length &&
        lower.startsWith(prefix) &&
        lower.endsWith(suffix) &&
        !lower.slice(prefix.length, lower.length - suffix.length).includes("/")
      );
    };
  }
  let re: RegExp | undefined;
  return (text) => (re ??= globToRegExp(glob, "i")).test(text);
}

/** matcher(glob), made on its first test: a path usually stops at the first category that matches it. */
function lazyMatcher(glob: string): (text: string) => boolean {
  let test: ((text: string) => boolean) | undefined;
  return (text) => (test ??= matcher(glob))(text);
}

/**
 * Other people's home folders (`/home/ci/.aws/credentials`, a container's `/root/.ssh/id_rsa`, Windows'
 * `/C:/Users/me`, Git Bash's `/c/Users/me`, WSL's `/mnt/c/Users/me`, a WSL distribution's homes as
 * Windows reaches them, `//wsl$/Ubuntu/home/me`, and a share's, `\\server\Users\me`): `~/` patterns cover them too.
 */
const HOMES = /^\/(mnt\/[a-z]\/|[A-Za-z]:?\/|(UNC:\/)?wsl(\$|\.localhost)\/[^/]+\/|UNC:\/[^/]+\/([^/]+\/)?)?(home\/[^/]+|Users\/[^/]+|root)\//i;

function compile(pattern: string, home: string | undefined): CompiledPattern | undefined {
  if (pattern.startsWith("~/")) {
    const own = home ? lazyMatcher(`${trimTrailingSlashes(home)}/${pattern.slice(2)}`) : () => false;
    const other = lazyMatcher(pattern.slice(2));
    return {
      source: pattern,
      scope: "absolute",
      test: (path) => {
        if (own(path)) return true;
        const at = HOMES.exec(path);
        return at !== null && other(path.slice(at[0].length));
      },
    };
  }
  if (pattern.startsWith("/")) return { source: pattern, scope: "absolute", test: lazyMatcher(pattern) };
  if (pattern.includes("/")) return { source: pattern, scope: "project", test: lazyMatcher(pattern.startsWith("./") ? pattern.slice(2) : pattern) };
  return { source: pattern, scope: "name", test: lazyMatcher(pattern) };
}

function matches(pattern: CompiledPattern, path: string, name: string, projectRelative: string | undefined): boolean {
  if (pattern.scope === "name") return pattern.test(name);
  if (pattern.scope === "absolute") return pattern.test(path);
  return projectRelative !== undefined && pattern.test(projectRelative);
}

export interface RuleOptions {
  config: ShipshapeConfig["secrets"];
  home: string | undefined;
  projectDir: string;
}

function firstMatch(patterns: CompiledPattern[], path: string, name: string, projectRelative: string | undefined): CompiledPattern | undefined {
  return patterns.find((p) => matches(p, path, name, projectRelative));
}

/**
 * The longest run of a glob with no wildcard in it, lower-cased (`~/` dropped): every path the glob
 * can match contains it. Brace alternatives and character classes count as wildcards.
 */
export function literalFragment(pattern: string): string {
  const text = pattern.startsWith("~/") ? pattern.slice(1) : pattern;
  // Literal text and `*` (every default pattern): the longest run between stars, found by index,
  // without the character loop below (3x faster run cold).
  if (!hasAny(text, "?[{\\")) {
    let best = 0;
    let bestAt = 0;
    let start = 0;
    for (;;) {
      const star = text.indexOf("*", start);
      const end = star === -1 ? text.length : star;
      if (end - start > best) {
        best = end - start;
        bestAt = start;
      }
      if (star === -1) break;
      start = star + 1;
    }
    return text.slice(bestAt, bestAt + best).toLowerCase();
  }
  let best = "";
  let current = "";
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "{" || c === "[") depth += 1;
    if (depth > 0 || c === "*" || c === "?" || c === "\\") {
      if (current.length > best.length) best = current;
      current = "";
      if (c === "}" || c === "]") depth -= 1;
      if (c === "\\") i += 1;
      continue;
    }
    current += c;
  }
  if (current.length > best.length) best = current;
  return best.toLowerCase();
}

/** The default categories less what the config disables, plus the project's own patterns. */
function customCategories(config: ShipshapeConfig["secrets"], disabled: ReadonlySet<string>): SecretCategory[] {
  const categories: SecretCategory[] = SECRET_CATEGORIES.filter(
    (category) => !disabled.has(category.id) && (config.environment || category.id !== "process-environment"),
  ).map((category) => ({ ...category, patterns: category.patterns.filter((pattern) => !disabled.has(pattern)) }));
  if (config.patterns.length > 0) {
    categories.push({
      id: "project-patterns",
      title: "secret file (project pattern)",
      why: "the project's .claude/shipshape.yaml lists it under secrets.patterns",
      patterns: config.patterns,
    });
  }
  return categories;
}

/** Builds the secret rules for one project: defaults, less what the config disables, plus its patterns. */
export function buildRules({ config, home, projectDir }: RuleOptions): SecretRules {
  const disabled = new Set(config.disable);
  // The config keeps the defaults as they are (the usual case): nothing to filter or copy.
  const defaults = disabled.size === 0 && config.environment && config.patterns.length === 0;
  const categories: readonly SecretCategory[] = defaults ? SECRET_CATEGORIES : customCategories(config, disabled);
  // A path that contains none of the patterns' literal fragments cannot match any of them: most paths
  // a hook sees are like that, and they are answered without compiling a single pattern.
  // Built on the first path asked about (many shell commands never name one); for the defaults,
  // taken from the build's list (scripts/build.ts).
  let fragments: string[] | undefined;
  // Past a few dozen paths (a tree being walked, 120,000 in a monorepo's listing), one RegExp of all the
  // fragments answers about 20 times faster than the includes; a call that asks about a few paths does
  // not pay to compile it.
  let asked = 0;
  let anyFragment: RegExp | undefined;
  const mayMatch = (path: string) => {
    const lower = path.toLowerCase();
    // (The hooks module is built without the generated list: there it is undefined.)
    const generated: string | undefined = DEFAULT_FRAGMENTS;
    fragments ??= defaults && generated !== undefined ? generated.split("\n") : categories.flatMap((category) => category.patterns.map(literalFragment));
    if (++asked > 64) return (anyFragment ??= new RegExp(fragments.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"))).test(lower);
    return fragments.some((fragment) => fragment === "" || lower.includes(fragment));
  };
  const compileAll = (list: string[]) => list.map((p) => compile(p, home)).filter((p): p is CompiledPattern => p !== undefined);
  // Each category's patterns are compiled when a path first reaches it: most paths stop at the first
  // category that matches them (dotenv comes first).
  const compiledPatterns = new Map<SecretCategory, { patterns: CompiledPattern[]; except: CompiledPattern[] }>();
  const compiledCategory = (category: SecretCategory) => {
    let entry = compiledPatterns.get(category);
    if (!entry) compiledPatterns.set(category, (entry = { patterns: compileAll(category.patterns), except: compileAll(category.except ?? []) }));
    return entry;
  };
  // Allow entries use the same forms as patterns: a bare name or glob matches by file name anywhere.
  let allow: CompiledPattern[] | undefined;
  let anchoredNames: Set<string> | undefined;

  return {
    categories,
    get anchoredNames() {
      if (anchoredNames) return anchoredNames;
      anchoredNames = new Set<string>();
      for (const category of categories) {
        for (const pattern of category.patterns) {
          const slash = pattern.lastIndexOf("/");
          if (slash === -1) continue;
          const last = pattern.slice(slash + 1);
          if (literalFragment(last) === last.toLowerCase()) anchoredNames.add(last.toLowerCase());
        }
      }
      return anchoredNames;
    },
    allowed(absolutePath: string): boolean {
      allow ??= compileAll(config.allow);
      return firstMatch(allow, absolutePath, basename(absolutePath), relativeTo(projectDir, absolutePath)) !== undefined;
    },
    classify(original: string): SecretMatch | undefined {
      if (!mayMatch(original)) return undefined;
      allow ??= compileAll(config.allow);
      if (firstMatch(allow, original, basename(original), relativeTo(projectDir, original))) return undefined;
      // A backup or editor copy is judged as what it copies (`id_rsa.bak`, `.env~`, `#.env#`; `.env.example.bak` is a template's).
      let absolutePath = original;
      // Looked at by its last character and extension first: a cold process compiles a RegExp on first use.
      const copy = original.endsWith("~") || original.endsWith("#") || " bak backup old orig save sav swp swo tmp copy prev ".includes(` ${original.slice(original.lastIndexOf(".") + 1).toLowerCase()} `);
      for (let i = 0; copy && i < 3; i++) absolutePath = absolutePath.replace(/(?<=\/|^)#([^/]+)#$|(?<=[^/])(~|\.~\d+~|\.(bak|backup|old|orig|save|sav|swp|swo|tmp|copy|prev))$/i, "$1");
      const name = basename(absolutePath);
      const projectRelative = relativeTo(projectDir, absolutePath);
      for (const category of categories) {
        const entry = compiledCategory(category);
        const hit = firstMatch(entry.patterns, absolutePath, name, projectRelative);
        if (!hit) continue;
        if (firstMatch(entry.except, absolutePath, name, projectRelative)) continue;
        return { category, pattern: hit.source };
      }
      return undefined;
    },
  };
}
