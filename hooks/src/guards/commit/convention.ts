import type { ShipshapeConfig } from "../../config/types.js";

export interface Violation {
  rule: string;
  /** The offending line, quoted in the refusal. */
  line?: string;
}

/** git's trailer shape: a token without spaces, a colon, a value. */
const TRAILER = /^[A-Za-z][A-Za-z0-9-]*: \S/;
/** Keys that make a final paragraph a trailer block rather than prose that happens to start with "Note:". */
const KNOWN_TRAILER = /^(co-authored-by|signed-off-by|reviewed-by|acked-by|tested-by|reported-by|suggested-by|helped-by|requested-by|cc|fixes|closes|resolves|refs|ref|see-also|change-id|link|bug|issue|ticket|jira|cherry-picked-from|generated-by|assisted-by)\s*:/i;
const TYPE_PREFIX = /^[a-z][a-z0-9-]*(\([^)]*\))?!?: /;
/** The Conventional Commits types in any case or without the space (`Fix: …`, `feat:add`): labels all the same. */
const KNOWN_TYPE = /^(feat|fix|chore|docs|style|refactor|perf|tests?|build|ci|revert|hotfix|bugfix|deps|wip)(\([^)]*\))?!?:/i;
const CONVENTIONAL = /^([a-z][a-z0-9-]*)(?:\(([^)]+)\))?(!)?: (.+)$/;

/** Splits a cleaned-up message into summary, body paragraphs and the trailer block (git's notion). */
export function splitMessage(message: string): { summary: string; separated: boolean; body: string[]; trailers: string[] } {
  const lines = message.split("\n");
  const summary = lines[0] ?? "";
  const separated = lines.length < 2 || lines[1] === "";
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of lines.slice(1)) {
    if (line === "") {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) paragraphs.push(current);
  let trailers: string[] = [];
  const last = paragraphs[paragraphs.length - 1];
  // git's trailer block: the last paragraph, all `Key: value` lines (continuations indented), with at
  // least one key git or people use as a trailer (or an address), so a lone "Note: …" stays prose.
  const isTrailerBlock =
    last !== undefined &&
    TRAILER.test(last[0] ?? "") &&
    last.every((line) => TRAILER.test(line) || /^\s/.test(line)) &&
    last.some((line) => KNOWN_TRAILER.test(line) || /<[^>\s]+@[^>\s]+>/.test(line));
  if (last && isTrailerBlock) {
    trailers = last;
    paragraphs.pop();
  }
  return { summary, separated, body: paragraphs.map((p) => p.join("\n")), trailers };
}

/** Every rule of the project's convention the message breaks (empty when it follows them all). */
export function checkMessage(message: string, config: ShipshapeConfig["commit"]): Violation[] {
  const violations: Violation[] = [];
  const { summary, separated, body } = splitMessage(message);
  if (summary.trim() === "") return [{ rule: "the message is empty or starts with a blank line; the first line must be the summary" }];
  if (config.convention === "plain") {
    if (TYPE_PREFIX.test(summary) || KNOWN_TYPE.test(summary)) {
      violations.push({ rule: "the summary starts with a type prefix (`feat:`, `fix(api):` …); this project does not use them: say what the change does", line: summary });
    }
  } else {
    const match = CONVENTIONAL.exec(summary);
    if (!match) {
      violations.push({ rule: "the summary does not follow Conventional Commits: `type(scope)!: description`", line: summary });
    } else {
      const [, type, scope] = match;
      if (config.types.length > 0 && !config.types.includes(type as string)) {
        violations.push({ rule: `the type \`${type}\` is not one of: ${config.types.join(", ")}`, line: summary });
      }
      if (scope !== undefined && config.scopes.length > 0 && !config.scopes.includes(scope)) {
        violations.push({ rule: `the scope \`${scope}\` is not one of: ${config.scopes.join(", ")}`, line: summary });
      }
    }
  }
  // Characters as people count them (code points), not UTF-16 units.
  const length = [...summary].length;
  if (length > config.summaryMaxLength) {
    violations.push({ rule: `the summary is ${length} characters; the limit is ${config.summaryMaxLength}`, line: summary });
  }
  if (!separated) violations.push({ rule: "the summary must be followed by a blank line before the body", line: message.split("\n")[1] });
  // Claude Code's attribution line (`🤖 Generated with [Claude Code](…)`) says who, not what or why.
  if (config.requireBody && body.every((paragraph) => /^(\p{Extended_Pictographic}\s*)?Generated (with|by) \S[^\n]*$/u.test(paragraph))) {
    violations.push({ rule: "there is no body: after a blank line, add at least one paragraph that says what changed and why (trailers such as Co-Authored-By and a \"Generated with\" line do not count)" });
  }
  return violations;
}

/** Every rule broken, each with the line it quotes, then the expected shape: for the gate and the git hook alike. */
export function describeViolations(violations: Violation[], config: ShipshapeConfig["commit"]): string {
  const quote = (line: string | undefined) => (line === undefined ? "" : `\n    > ${line.length > 200 ? `${line.slice(0, 200)}…` : line}`);
  const kind = config.convention === "plain" ? "no type prefix, a short summary, a blank line, a body that explains why" : "Conventional Commits";
  return (
    `The message breaks the project's commit convention (${kind}):\n${violations.map((v) => `  - ${v.rule}${quote(v.line)}`).join("\n")}\n` +
    `Expected shape:\n\n${expectedShape(config).replace(/^(?=.)/gm, "    ")}`
  );
}

export function expectedShape(config: ShipshapeConfig["commit"]): string {
  const summary = config.convention === "conventional" ? "type(scope): what the change does" : "What the change does, in the imperative";
  return [
    `${summary}   <- at most ${config.summaryMaxLength} characters${config.convention === "plain" ? ", no `feat:`-style prefix" : ""}`,
    "",
    "Why it was needed and what it changes: a paragraph or more that a",
    "reviewer can read without the diff.",
    "",
    "Co-Authored-By: …   <- optional trailers last",
  ].join("\n");
}
