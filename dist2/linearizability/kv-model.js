// The key-value store's sequential specification: get / put / compare-and-set, each key an independent
// register, partitioned per key. The shapes match the simulator's KvOperation and KvResult
// structurally, without importing them (this folder is the ground floor).
import { abbreviate, partitionByKey, UNKNOWN } from './model.js';
/** Memoization key of the absent register: a number, so it can never equal a string value. */
const ABSENT_KEY = -1;
function valueOf(state) {
    return state === undefined ? null : state;
}
function stepGet(state, output) {
    if (output === UNKNOWN)
        return state;
    return output.value === valueOf(state) ? state : null;
}
function stepCas(state, input, output) {
    const swaps = valueOf(state) === input.expected;
    const next = swaps ? input.value : state;
    if (output === UNKNOWN)
        return next;
    const cas = output;
    if (cas.ok !== swaps)
        return null;
    if (cas.value !== undefined && cas.value !== valueOf(next))
        return null;
    return next;
}
function quote(value) {
    return value === null ? 'absent' : `'${abbreviate(value)}'`;
}
function describeOutput(output) {
    if (output === UNKNOWN)
        return ' -> unknown';
    switch (output.kind) {
        case 'get':
            return ` -> ${quote(output.value)}`;
        case 'put':
            return '';
        case 'cas':
            return output.ok ? ' -> swapped' : output.value === undefined ? ' -> not swapped' : ` -> not swapped (found ${quote(output.value)})`;
        default: {
            const unreachable = output;
            throw new Error(`kv model: unknown output ${JSON.stringify(unreachable)}`);
        }
    }
}
function validateKv(input, output) {
    if (input === null || typeof input !== 'object' || typeof input.key !== 'string')
        return 'the input has no string key';
    const op = input.op;
    if (op !== 'get' && op !== 'put' && op !== 'cas')
        return `the input op ${JSON.stringify(op)} is not get, put or cas`;
    if (input.op !== 'get' && typeof input.value !== 'string')
        return `the ${input.op} has no string value`;
    if (input.op === 'cas' && input.expected !== null && typeof input.expected !== 'string')
        return 'the cas expected value is neither a string nor null';
    if (output === null)
        return null;
    if (output.kind !== input.op)
        return `a ${input.op} returned a ${String(output.kind)} output`;
    if (output.kind === 'get' && output.value !== null && typeof output.value !== 'string')
        return 'the get output value is neither a string nor null';
    if (output.kind === 'cas' && typeof output.ok !== 'boolean')
        return 'the cas output has no boolean ok';
    return null;
}
export const kvModel = {
    init: () => undefined,
    step(state, input, output) {
        switch (input.op) {
            case 'get':
                return stepGet(state, output);
            case 'put':
                return input.value;
            case 'cas':
                return stepCas(state, input, output);
            default: {
                const unreachable = input;
                throw new Error(`kv model: unknown input ${JSON.stringify(unreachable)}`);
            }
        }
    },
    stateKey: (state) => (state === undefined ? ABSENT_KEY : state),
    partition: partitionByKey((input) => input.key),
    validate: validateKv,
    describeOperation(input, output) {
        switch (input.op) {
            case 'get':
                return `get(${abbreviate(input.key)})${describeOutput(output)}`;
            case 'put':
                return `put(${abbreviate(input.key)}, ${quote(input.value)})${describeOutput(output)}`;
            case 'cas':
                return `cas(${abbreviate(input.key)}, ${quote(input.expected)} -> ${quote(input.value)})${describeOutput(output)}`;
            default: {
                const unreachable = input;
                throw new Error(`kv model: unknown input ${JSON.stringify(unreachable)}`);
            }
        }
    },
    describeState: (state, partition) => `${abbreviate(partition)} = ${quote(valueOf(state))}`,
};
//# sourceMappingURL=kv-model.js.map