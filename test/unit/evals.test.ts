/**
 * The eval suite's structure, checked against what `claude plugin eval` (2.1.328 to 2.1.332) accepts:
 * prompt.md frontmatter keys, grader types and their fields, case.yaml and its scaffold script.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import matter from "gray-matter";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../e2e/claude-session.js";

const evalsDir = join(repoRoot, "evals");
const cases = readdirSync(evalsDir).filter((name) => statSync(join(evalsDir, name)).isDirectory());

const PROMPT_KEYS = new Set(["schema_version", "name", "description", "tags", "plugins", "runs", "expected_outcome", "model", "max_turns", "timeout_seconds", "allowed_tools", "disallowed_tools", "artifact_publish", "growthbook_overrides", "append_system_prompt", "env"]);
const GRADER_FIELDS: Record<string, { required: string[]; allowed: string[] }> = {
  regex: { required: ["pattern"], allowed: ["target", "pattern", "flags", "match"] },
  tool_order: { required: ["before", "after"], allowed: ["before", "after"] },
  tool_used: { required: ["tool"], allowed: ["tool", "input_match", "min", "max"] },
  file_exists: { required: ["path"], allowed: ["path", "exists"] },
  llm: { required: ["criteria"], allowed: ["criteria", "focus"] },
  baseline: { required: ["baseline_file", "criteria"], allowed: ["baseline_file", "criteria"] },
};
/** The grader body stands in for this field (as claude plugin eval reads it). */
const BODY_FIELD: Record<string, string> = { llm: "criteria", baseline: "criteria", regex: "pattern" };

const skills = readdirSync(join(repoRoot, "skills"));

describe("evals/", () => {
  it("covers the main skills", () => {
    for (const skill of ["expert-panel", "run-design", "simplify", "commit", "execute-plan", "claude-md"]) {
      expect(cases.some((c) => c.startsWith(skill)), skill).toBe(true);
    }
    expect(skills.length).toBeGreaterThan(0);
  });

  it.each(cases)("%s is a well-formed case", (name) => {
    const dir = join(evalsDir, name);
    const prompt = matter(readFileSync(join(dir, "prompt.md"), "utf8"));
    for (const key of Object.keys(prompt.data)) expect(PROMPT_KEYS.has(key), `prompt.md key ${key}`).toBe(true);
    expect(prompt.content.trim().length).toBeGreaterThan(20);
    expect(Number.isInteger(prompt.data.max_turns) && prompt.data.max_turns > 0 && prompt.data.max_turns <= 200).toBe(true);
    expect(Array.isArray(prompt.data.allowed_tools)).toBe(true);

    const graders = readdirSync(join(dir, "graders")).filter((f) => f.endsWith(".md"));
    expect(graders.length).toBeGreaterThan(0);
    for (const file of graders) {
      const grader = matter(readFileSync(join(dir, "graders", file), "utf8"));
      const type = grader.data.type as string;
      const spec = GRADER_FIELDS[type];
      expect(spec, `${file}: type ${type}`).toBeDefined();
      const fields = { ...grader.data } as Record<string, unknown>;
      const bodyField = BODY_FIELD[type];
      if (bodyField && fields[bodyField] === undefined && grader.content.trim() !== "") fields[bodyField] = grader.content.trim();
      for (const field of spec?.required ?? []) expect(fields[field], `${file}: ${field}`).toBeDefined();
      for (const key of Object.keys(fields)) expect(["type", "weight", "arm", ...(spec?.allowed ?? [])].includes(key), `${file}: key ${key}`).toBe(true);
      if (fields.weight !== undefined) expect(Number(fields.weight)).toBeGreaterThan(0);
      if (type === "regex") expect(() => new RegExp(String(fields.pattern), String(fields.flags ?? ""))).not.toThrow();
      if (type === "tool_used" && fields.tool === "Skill") expect(skills.some((s) => String(fields.input_match).includes(s))).toBe(true);
    }

    if (existsSync(join(dir, "case.yaml"))) {
      const data = parse(readFileSync(join(dir, "case.yaml"), "utf8")) as { schema_version?: unknown; name?: unknown; context?: { scaffold_script?: string } };
      expect(typeof data.schema_version).toBe("string");
      expect(data.name).toBe(name);
      if (data.context?.scaffold_script) {
        const script = join(dir, data.context.scaffold_script);
        expect(existsSync(script)).toBe(true);
        expect(statSync(script).mode & 0o111).not.toBe(0);
        // The scaffold must build its workspace from nothing.
        const workspace = mkdtempSync(join(tmpdir(), `eval-${name}-`));
        const result = spawnSync("bash", [script], { cwd: workspace, encoding: "utf8", env: { PATH: process.env.PATH ?? "", HOME: workspace } });
        expect(result.status, result.stderr).toBe(0);
      }
    }
  });
});
