/** A scenario (or a part of one) in the file's form: keys as written, values in human units. */
export type Doc = Record<string, unknown>;
/** Drops undefined fields, and objects left empty. */
export declare function compact(value: Doc): Doc | undefined;
/** The formatted value, or undefined when the value is. */
export declare const opt: <T, R>(value: T | undefined, format: (value: T) => R) => R | undefined;
/** Like opt(), with null written as off. */
export declare const offOr: <R>(value: number | null | undefined, format: (value: number) => R) => R | "off" | undefined;
