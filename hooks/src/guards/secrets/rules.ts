import type { ShipshapeConfig } from "../../config/types.js";
import { SECRET_CATEGORIES, type SecretCategory } from "./categories.js";
import { globToRegExp } from "./glob.js";
import { basename, relativeTo } from "./paths.js";

/** A file the guard would refuse, and why. */
export interface SecretMatch {
  category: SecretCategory;
  pattern: string;
}

interface CompiledPattern {
  source: string;
  /** What the pattern is matched against. */
  scope: "name" | "absolute" | "project";
  re: RegExp;
}

export interface SecretRules {
  /** The category whose pattern the absolute path matches, unless an exception or allow entry covers it. */
  classify(absolutePath: string): SecretMatch | undefined;
  /** Last path segments the anchored patterns end in (`credentials`, `config`, …): a path whose folder is unknown but whose name is one of these may be a secret. */
  anchoredNames: ReadonlySet<string>;
  categories: readonly SecretCategory[];
}

function compile(pattern: string, home: string | undefined): CompiledPattern | undefined {
  // Case-insensitive: on macOS and Windows `.ENV` opens `.env`.
  if (pattern.startsWith("~/")) {
    if (!home) return undefined;
    return { source: pattern, scope: "absolute", re: globToRegExp(`${home.replace(/\/+$/, "")}/${pattern.slice(2)}`, "i") };
  }
  if (pattern.startsWith("/")) return { source: pattern, scope: "absolute", re: globToRegExp(pattern, "i") };
  if (pattern.includes("/")) return { source: pattern, scope: "project", re: globToRegExp(pattern.replace(/^\.\//, ""), "i") };
  return { source: pattern, scope: "name", re: globToRegExp(pattern, "i") };
}

function matches(pattern: CompiledPattern, path: string, name: string, projectRelative: string | undefined): boolean {
  if (pattern.scope === "name") return pattern.re.test(name);
  if (pattern.scope === "absolute") return pattern.re.test(path);
  return projectRelative !== undefined && pattern.re.test(projectRelative);
}

export interface RuleOptions {
  config: ShipshapeConfig["secrets"];
  home: string | undefined;
  projectDir: string;
}

/** Builds the secret rules for one project: defaults, less what the config disables, plus its patterns. */
export function buildRules({ config, home, projectDir }: RuleOptions): SecretRules {
  const disabled = new Set(config.disable);
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
  const compiled = categories.map((category) => ({
    category,
    patterns: category.patterns.map((p) => compile(p, home)).filter((p): p is CompiledPattern => p !== undefined),
    except: (category.except ?? []).map((p) => compile(p, home)).filter((p): p is CompiledPattern => p !== undefined),
  }));
  // Allow entries use the same forms as patterns: a bare name or glob matches by file name anywhere.
  const allow = config.allow.map((p) => compile(p, home)).filter((p): p is CompiledPattern => p !== undefined);
  const anchoredNames = new Set<string>();
  for (const category of categories) {
    for (const pattern of category.patterns) {
      if (pattern.includes("/")) {
        const last = pattern.slice(pattern.lastIndexOf("/") + 1);
        if (!/[*?[{]/.test(last)) anchoredNames.add(last.toLowerCase());
      }
    }
  }

  return {
    categories,
    anchoredNames,
    classify(absolutePath: string): SecretMatch | undefined {
      const name = basename(absolutePath);
      const projectRelative = relativeTo(projectDir, absolutePath);
      if (allow.some((p) => matches(p, absolutePath, name, projectRelative))) return undefined;
      for (const entry of compiled) {
        const hit = entry.patterns.find((p) => matches(p, absolutePath, name, projectRelative));
        if (!hit) continue;
        if (entry.except.some((p) => matches(p, absolutePath, name, projectRelative))) continue;
        return { category: entry.category, pattern: hit.source };
      }
      return undefined;
    },
  };
}
