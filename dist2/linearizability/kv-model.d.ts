import { type Model } from './model.js';
export type KvInput = {
    readonly op: 'get';
    readonly key: string;
} | {
    readonly op: 'put';
    readonly key: string;
    readonly value: string;
} | {
    readonly op: 'cas';
    readonly key: string;
    readonly expected: string | null;
    readonly value: string;
};
/**
 * What an operation returned. A cas that found another value is `ok: false` (an observation, not a failure of
 * the operation). A cas may also report `value`, the register after it (the new value when it swapped, the
 * value it found when it did not), which the model then checks too; undefined means not observed.
 */
export type KvOutput = {
    readonly kind: 'get';
    readonly value: string | null;
} | {
    readonly kind: 'put';
} | {
    readonly kind: 'cas';
    readonly ok: boolean;
    readonly value?: string | null;
};
/** One key's register: its value, or undefined while the key is absent (not null: a step's null means
 *  "impossible"). Outputs and inputs say null for absent, as the simulator's store does. */
export type KvState = string | undefined;
export declare const kvModel: Model<KvState, KvInput, KvOutput>;
