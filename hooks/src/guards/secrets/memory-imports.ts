/**
 * Claude Code's memory files (CLAUDE.md, CLAUDE.local.md, .claude/rules/*.md) load the files they
 * import with `@path` into the conversation, with no tool call of their own: a nested CLAUDE.md is
 * loaded when the model first reads a file beside it (measured: `sub/CLAUDE.md` saying `@../.env`
 * put the .env in front of the model on a Read of `sub/x.txt`). Text written into one is checked for
 * imports of secret files.
 */
import type { HostIO } from "../../runtime/io.js";
import { basename, dirname, toAbsolute } from "../../runtime/paths.js";
import type { Finding } from "./refusal.js";
import type { SecretRules } from "./rules.js";
import { secretFileAt, type SecretFileHit } from "./secret-files.js";

export function isMemoryFile(path: string): boolean {
  const name = basename(path);
  return name === "CLAUDE.md" || name === "CLAUDE.local.md" || (path.includes("/.claude/rules/") && name.endsWith(".md"));
}

/**
 * A skill's or command's file, whose `@path`s Claude Code reads in from the working folder when it is
 * invoked, by the model or by a person typing it (measured with the model's Skill call).
 */
export function isSkillFile(path: string): boolean {
  return /\/\.claude\/(skills\/[^/]+\/SKILL|commands\/.+)\.md$/.test(path);
}

/**
 * The paths text imports (`@path`, or `@"a path"` in quotes, after a space or at a line's start),
 * outside code blocks and spans.
 */
export function memoryImports(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```|`[^`\n]*`/g, "");
  return [...prose.matchAll(/(?:^|\s)@(?:"([^"\n]+)"|([~./\w][^\s]*))/g)].map((m) => (m[1] ?? m[2]) as string);
}

/**
 * The secret files text's `@path`s name, read from `base`, each once. An import of a file that is not
 * there loads nothing; a sentence's last mark may or may not be taken as part of the path (`see
 * @.env.`), so both are tried.
 */
export async function referencedSecrets(io: HostIO, rules: SecretRules, text: string, base: string, home: string | undefined): Promise<Array<{ path: string; hit: SecretFileHit }>> {
  const found: Array<{ path: string; hit: SecretFileHit }> = [];
  for (const path of new Set(memoryImports(text).flatMap((p) => [p, p.replace(/[.,;:!?)]+$/, "")]))) {
    const hit = await secretFileAt(io, rules, toAbsolute(path, base, home), true);
    if (hit && !found.some((f) => f.hit.path === hit.path)) found.push({ path, hit });
  }
  return found;
}

/**
 * Secret files that text written into the memory (or skill) file at `path` would import. A skill's are
 * read from the folder it is invoked in: the one holding its `.claude`, or for the user's own skills
 * (which any project may invoke), the project's.
 */
export async function importedSecrets(io: HostIO, rules: SecretRules, path: string, text: string, home: string | undefined, projectDir?: string): Promise<Finding[]> {
  const skill = isSkillFile(path);
  if ((!skill && !isMemoryFile(path)) || !text.includes("@")) return [];
  const base = skill ? (path.startsWith(`${home}/.claude/`) && projectDir ? projectDir : path.slice(0, path.indexOf("/.claude/"))) : dirname(path);
  const how = skill ? `Referring to it in ${basename(path)} (Claude Code reads a skill's @paths into the conversation when it is invoked)` : `Importing it into ${basename(path)} (Claude Code loads a memory file's imports into the conversation)`;
  return (await referencedSecrets(io, rules, text, base, home)).map(({ hit }): Finding => ({ kind: "file", hit, how }));
}
