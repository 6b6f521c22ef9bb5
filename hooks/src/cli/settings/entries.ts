import { SECRET_CATEGORIES } from "../../guards/secrets/categories.js";
import type { Json } from "./merge.js";

/** Where the plugin's marketplace lives, as settings' extraKnownMarketplaces wants it. */
export type MarketplaceSource = { source: "github"; repo: string } | { source: "directory"; path: string } | { source: "git"; url: string };

export const PLUGIN_ID = "shipshape@shipshape";
export const DEFAULT_MARKETPLACE: MarketplaceSource = { source: "github", repo: "shipshape-dev/shipshape" };

/** dotenv files a Read rule can name without catching templates (`.env.*` would deny `.env.example`). */
const DOTENV_NAMES = [".env", ".env.local", ".env.*.local", ".env.development", ".env.test", ".env.production", ".env.staging", "*.env"];

/**
 * Read deny rules generated from the guard's categories: Claude Code's own second layer, which also
 * stops the Read tool before any hook runs. Rules are gitignore-style; templates are left readable.
 */
export function denyRules(): string[] {
  const rules = new Set<string>();
  for (const category of SECRET_CATEGORIES) {
    if (category.id === "process-environment") continue;
    const patterns = category.id === "dotenv" ? DOTENV_NAMES : category.patterns;
    for (const pattern of patterns) {
      if (pattern === "~/.ssh/**") {
        for (const key of ["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk"]) rules.add(`Read(~/.ssh/${key})`);
      } else if (pattern.startsWith("~/")) rules.add(`Read(${pattern})`);
      else if (!pattern.includes("/")) rules.add(`Read(./**/${pattern})`);
    }
  }
  return [...rules];
}

export interface HookPaths {
  /** The command line's first word and its arguments for the PreToolUse entry point. */
  args: string[];
}

/** Set beside the standalone hooks: the plugin's once-per-prompt check lets such sessions go on. */
export const GUARD_ENV = { name: "SHIPSHAPE_GUARD", value: "command-hooks" } as const;

/**
 * The command hooks, pointing at a copy of the bundles: the same checks as the hooks module, in one
 * node process per tool call, for where Claude Code does not load hooks modules.
 */
export function hookEntries(script: string): Json[] {
  const entry = (matcher: string, timeout: number): Json => ({
    matcher,
    hooks: [{ type: "command", command: "node", args: [script], timeout, onFailure: "block" }],
  });
  return [entry("^(?!Bash$)", 10), entry("Bash", 600)];
}
