import { type Ctx } from '../schema-values.js';
import type { SpecPath } from '../errors.js';
export declare class ItemReader {
    private readonly ctx;
    failed: boolean;
    constructor(ctx: Ctx);
    /** The value parsed by `parse`, or undefined (with the problem reported at `path`). */
    read<T>(value: unknown, path: SpecPath, parse: (value: unknown) => T): T | undefined;
    /** Like read(), but an absent value stays undefined without a problem. */
    optional<T>(value: unknown, path: SpecPath, parse: (value: unknown) => T): T | undefined;
    fail(path: SpecPath, input: unknown, expected: string, found?: string): void;
    /** The value must be a mapping with exactly these keys (required ones present). */
    mapping(value: unknown, path: SpecPath, required: readonly string[], optional: readonly string[], example: string): Record<string, unknown> | undefined;
}
