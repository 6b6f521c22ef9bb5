import type { SchemaCheck } from "./resolve-config.js";

/** The subset of an ajv error object this module reads. */
export interface AjvErrorLike {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

export type AjvValidate = ((data: unknown) => boolean) & { errors?: AjvErrorLike[] | null };

/** "/secrets/allow/0" → "secrets.allow[0]", so the user sees the key as they wrote it in YAML. */
export function toKeyPath(pointer: string): string {
  let out = "";
  for (const raw of pointer.split("/").slice(1)) {
    const part = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    out += /^\d+$/.test(part) ? `[${part}]` : out === "" ? part : `.${part}`;
  }
  return out === "" ? "(top level)" : out;
}

export function describeAjvError(error: AjvErrorLike): { key: string; message: string } {
  const base = toKeyPath(error.instancePath);
  if (error.keyword === "additionalProperties") {
    const extra = String(error.params.additionalProperty);
    return { key: base === "(top level)" ? extra : `${base}.${extra}`, message: "is not a known key (check its spelling and place)" };
  }
  if (error.keyword === "enum") {
    const allowed = (error.params.allowedValues as unknown[] | undefined)?.map((value) => JSON.stringify(value)).join(", ");
    return { key: base, message: `must be one of ${allowed ?? "the allowed values"}` };
  }
  return { key: base, message: error.message ?? `fails the "${error.keyword}" rule` };
}

/** Adapts a precompiled (standalone) ajv validator to the SchemaCheck the resolver takes. */
export function schemaCheckFrom(validate: AjvValidate): SchemaCheck {
  return (data) => {
    if (validate(data)) return { valid: true };
    return { valid: false, errors: (validate.errors ?? []).map(describeAjvError) };
  };
}
