// Helpers for writing a scenario in the file's own form (serialize.ts and the fault entries).

/** A scenario (or a part of one) in the file's form: keys as written, values in human units. */
export type Doc = Record<string, unknown>;

/** Drops undefined fields, and objects left empty. */
export function compact(value: Doc): Doc | undefined {
  const out: Doc = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = item;
  return Object.keys(out).length === 0 ? undefined : out;
}

/** The formatted value, or undefined when the value is. */
export const opt = <T, R>(value: T | undefined, format: (value: T) => R): R | undefined => (value === undefined ? undefined : format(value));

/** Like opt(), with null written as off. */
export const offOr = <R>(value: number | null | undefined, format: (value: number) => R): R | 'off' | undefined => (value === undefined ? undefined : value === null ? 'off' : format(value));
