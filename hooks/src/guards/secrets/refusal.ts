import type { Verdict } from "../../runtime/decision.js";
import { ENVIRONMENT_CATEGORY } from "./categories.js";
import type { SecretFileHit } from "./secret-files.js";

export const CHECK_ID = "secret-guard";

/** One reason a call would expose a secret. */
export type Finding =
  | { kind: "file"; hit: SecretFileHit; how: string; instead?: string }
  | { kind: "search"; hit: SecretFileHit; how: string }
  | { kind: "dynamic"; word: string; how: string }
  | { kind: "environment"; what: string; how: string; instead?: string }
  | { kind: "unchecked"; what: string; how: string };

const ALLOW_HINT =
  "If the user confirms the file holds no secret, they can list it under `secrets.allow` in .claude/shipshape.yaml " +
  "(`shipshape explain <path>` shows why it is guarded).";

function fileLine(hit: SecretFileHit): string {
  const via = hit.realPath ? ` (a link to ${hit.realPath})` : "";
  const title = hit.match.category.title;
  return `\`${hit.path}\`${via}, ${/^(SSH|[aeiou])/i.test(title) ? "an" : "a"} ${title} (category "${hit.match.category.id}", rule \`${hit.match.pattern}\`): ${hit.match.category.why}`;
}

function describe(finding: Finding): { line: string; instead: string } {
  switch (finding.kind) {
    case "file":
      return {
        line: `${finding.how} ${fileLine(finding.hit)}.`,
        instead:
          finding.instead ??
          (finding.hit.match.category.id === "dotenv"
            ? "read the template (.env.example or similar) to learn the variable names, refer to variables by name rather than value, or ask the user to check the value."
            : finding.hit.match.category.id === "git-url-credentials"
              ? "list remotes by name (`git remote`), or ask the user to move the token from the URL to a credential helper."
              : finding.hit.match.category.id === "agent-config-credentials"
                ? 'ask the user to refer to the token by variable (`"${GITHUB_TOKEN}"`) or to make this change.'
                : finding.hit.match.category.id === "shell-profile-secrets"
                  ? "append what you need without reading it (`echo 'export PATH=…' >> ~/.zshrc`), ask the user to check the lines you need, or ask them to keep the token out of the file (in a `~/.secrets` file it sources, or fetched: `export OPENAI_API_KEY=$(op read …)`)."
                  : "work with the file's name or a template instead of its contents, or ask the user to do this step themselves."),
      };
    case "search":
      return {
        line: `${finding.how}${/(input|lists)$/.test(finding.how) ? ", which" : ""} would also reach ${fileLine(finding.hit)}.`,
        instead:
          "narrow the search so it cannot reach secret files: give specific folders, add an include filter " +
          "(`grep -r --include='*.ts'`, `rg -g '*.ts'`, the Grep tool's `glob`), or exclude them (`--exclude='.env*'`).",
      };
    case "dynamic":
      return {
        // (Not twice where `how` names the word already: "`grep -r` over `src/$(…)`".)
        line: `${finding.how}${finding.how.endsWith(`\`${finding.word}\``) ? "" : ` \`${finding.word}\``}, which is only known when the command runs, so the guard cannot rule out that it reaches a secret file.`,
        instead: "write the file name out literally in the command, so the guard can check it.",
      };
    case "environment":
      return {
        line: `${finding.how} ${finding.what} (${ENVIRONMENT_CATEGORY.why}).`,
        instead:
          finding.instead ??
          "print only the variables you need by name (e.g. `printenv PATH`), list the names alone with `compgen -e`, test whether a secret " +
          'is set without printing it (`[ -n "$API_TOKEN" ] && echo set`), or ask the user.',
      };
    case "unchecked":
      return {
        line: `${finding.how} ${finding.what}.`,
        instead: "rephrase the command in a simpler form the guard can check, or narrow it to specific files.",
      };
  }
}

export function refuse(tool: string, findings: Finding[]): Verdict {
  const lines: string[] = [];
  const instead = new Set<string>();
  for (const finding of findings.slice(0, 5)) {
    const { line, instead: alternative } = describe(finding);
    lines.push(`- ${line}`);
    instead.add(alternative);
  }
  if (findings.length > 5) lines.push(`- …and ${findings.length - 5} more.`);
  const fileFinding = findings.some((f) => f.kind === "file" || f.kind === "search");
  return {
    action: "deny",
    check: CHECK_ID,
    reason:
      `shipshape's secret guard blocked this ${tool} call: it could put a secret into the conversation, or somewhere it is not guarded.\n` +
      `${lines.join("\n")}\n` +
      `Instead: ${[...instead].join(" Or ")}` +
      (fileFinding ? `\n${ALLOW_HINT}` : ""),
  };
}
