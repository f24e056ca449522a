// Reading one fault item of a scenario file field by field: every problem is reported at its own path (so a file
// with three mistakes in one item gets three problems), and a field that failed reads as undefined.
import { addIssue, unknownKeyExpected } from '../schema-values.js';
import { UnitError } from '../units.js';
export class ItemReader {
    ctx;
    failed = false;
    constructor(ctx) {
        this.ctx = ctx;
    }
    /** The value parsed by `parse`, or undefined (with the problem reported at `path`). */
    read(value, path, parse) {
        try {
            return parse(value);
        }
        catch (error) {
            if (!(error instanceof UnitError))
                throw error;
            this.fail(path, value, error.expected);
            return undefined;
        }
    }
    /** Like read(), but an absent value stays undefined without a problem. */
    optional(value, path, parse) {
        return value === undefined ? undefined : this.read(value, path, parse);
    }
    fail(path, input, expected, found) {
        this.failed = true;
        addIssue(this.ctx, path, input, expected, found);
    }
    /** The value must be a mapping with exactly these keys (required ones present). */
    mapping(value, path, required, optional, example) {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            this.fail(path, value, `a mapping such as ${example}`);
            return undefined;
        }
        const record = value;
        let ok = true;
        for (const key of Object.keys(record)) {
            if (!required.includes(key) && !optional.includes(key)) {
                this.fail([...path, key], record[key], unknownKeyExpected(key, [...required, ...optional]), `an unknown key "${key}"`);
                ok = false;
            }
        }
        for (const key of required) {
            if (record[key] === undefined) {
                this.fail([...path, key], undefined, `a value for ${key} (as in ${example})`);
                ok = false;
            }
        }
        return ok ? record : undefined;
    }
}
//# sourceMappingURL=reader.js.map