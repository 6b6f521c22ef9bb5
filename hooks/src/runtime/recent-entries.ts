/** The store's rule, shared by the file store and the module's: a key moves to the end, the oldest fall off. */
const MAX_ENTRIES = 200;

export function withEntry(data: Record<string, string>, key: string, value: string): Record<string, string> {
  const entries = Object.entries(data).filter(([k]) => k !== key);
  entries.push([key, value]);
  return Object.fromEntries(entries.slice(-MAX_ENTRIES));
}

/** Parses a stored map; anything that is not an object of strings reads as empty. */
export function parseEntries(text: string | undefined): Record<string, string> {
  try {
    const data = JSON.parse(text ?? "{}") as unknown;
    return data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, string>) : {};
  } catch {
    return {};
  }
}
