/**
 * A table's entry for a name taken from a call (a command, a tool, an option value), or undefined.
 * Own entries only: `table[name]` answers `constructor`, `toString` and the other properties every
 * object inherits, which would then be used as the entry (a command named `constructor` crashed the
 * guard that way).
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}
