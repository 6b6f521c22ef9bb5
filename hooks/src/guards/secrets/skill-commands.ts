/**
 * What Claude Code runs, with no tool call of its own for a hook to see, when the model invokes a
 * skill or command (the Skill tool): its `` !`command` `` lines and ```` ```! ```` blocks, whose output
 * becomes the skill's text (measured: a project skill's `!`cat .env`` reached the model), and the
 * commands of the hooks its frontmatter registers while it runs.
 */

/** The shell commands a skill's or command's file runs when invoked. */
export function skillCommands(text: string): string[] {
  const commands = [...text.matchAll(/!`([^`\n]+)`|^```!\n([\s\S]*?)^```/gm)].map((m) => m[1] ?? m[2] ?? "");
  const end = text.startsWith("---") ? text.indexOf("\n---", 3) : -1;
  for (const m of text.slice(0, Math.max(end, 0)).matchAll(/^\s*-?\s*command:\s*["']?(.+?)["']?\s*$/gm)) commands.push(m[1] ?? "");
  return commands;
}

/** The files a skill or command invoked by name (`peek`, `/peek`, `frontend:build`) may come from, in each `.claude` folder. */
export function skillFiles(name: string, claudeDirs: readonly string[]): string[] {
  const path = name.replace(/^\//, "").replace(/:/g, "/");
  return path ? claudeDirs.flatMap((dir) => [`${dir}/skills/${path}/SKILL.md`, `${dir}/commands/${path}.md`]) : [];
}

/**
 * The skills a subagent's definition preloads (`skills: [a, b]`, a list, or a comma string): their
 * text goes into the subagent's start, `` !`command` `` lines run (measured: a preloaded skill's
 * `` !`cat .env` `` reached the model with no Skill call).
 */
export function preloadedSkills(text: string): string[] {
  const end = text.startsWith("---") ? text.indexOf("\n---", 3) : -1;
  const m = /^skills:[ \t]*(.*)((?:\n[ \t]*-[^\n]*)*)/m.exec(text.slice(0, Math.max(end, 0)));
  if (!m) return [];
  const items = [...(m[1] ?? "").replace(/^\[|\]$/g, "").split(","), ...(m[2] ?? "").split("\n").map((l) => l.replace(/^[ \t]*-/, ""))];
  return items.map((s) => s.trim().replace(/^["']|["']$/g, "")).filter(Boolean);
}

/** The files a subagent type (`reviewer`, `team:reviewer`) may be defined in, in each `.claude` folder. */
export function agentFiles(type: string, claudeDirs: readonly string[]): string[] {
  return claudeDirs.map((dir) => `${dir}/agents/${type.replace(/:/g, "/")}.md`);
}

/**
 * A skill's text as Claude Code runs it: `$ARGUMENTS`, `$ARGUMENTS[N]` and `$N` (0-based, words split
 * as the shell splits them) replaced by the arguments, and the placeholders for its folder and the
 * project, so `` !`head $0` `` is judged on the file it is given rather than refused as unknown.
 */
export function withArguments(text: string, args: string, skillDir: string, projectDir: string): string {
  const words = [...args.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
  return text.replace(/\\\$|\$ARGUMENTS\[(\d+)\]|\$ARGUMENTS\b|\$(\d+)|\$\{CLAUDE_(SKILL|PROJECT)_DIR\}/g, (m, index?: string, n?: string, dir?: string) =>
    m === "\\$" ? m : dir ? (dir === "SKILL" ? skillDir : projectDir) : m === "$ARGUMENTS" ? args : (words[Number(index ?? n)] ?? ""),
  );
}
