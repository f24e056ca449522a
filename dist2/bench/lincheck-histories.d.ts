import type { History, KvInput, KvOutput, Operation } from '../linearizability/index.js';
/** mulberry32: a tiny, fast 32-bit PRNG; plenty for shaping a benchmark input. */
export declare class BenchRandom {
    private state;
    constructor(seed: number);
    /** Uniform in [0, 1). */
    next(): number;
    /** Uniform integer in [low, high]. */
    int(low: number, high: number): number;
}
export interface GeneratorOptions {
    readonly seed: number;
    readonly clients: number;
    readonly operationsPerClient: number;
    readonly keys: number;
    /** Values drawn from a small domain make histories hard (many orders explain a read); null: unique values. */
    readonly valueDomain: number | null;
    /** Relative weights of the operation mix. */
    readonly mix: {
        readonly get: number;
        readonly put: number;
        readonly cas: number;
    };
    /** Chance that an operation's outcome is unknown (the client gave up). */
    readonly unknownChance: number;
    /** Latency to the effect and from the effect to the reply, each uniform in [1, latencyMaxUs]. */
    readonly latencyMaxUs: number;
    /** A client that gives up does so this long after its call. */
    readonly timeoutUs: number;
}
/** A linearizable history: the store applies operations in the order of their effect instants. */
export declare function generateHistory(options: GeneratorOptions): Operation<KvInput, KvOutput>[];
/**
 * The same history with `count` reads made stale: each returns the value of a put on its key from at least
 * `staleBy` operations earlier (in call order), long since overwritten. Not linearizable, and not trivially
 * so: the value was written, so the search must rule out every order.
 */
export declare function staleReads(history: History<KvInput, KvOutput>, count: number, seed: number, staleBy?: number): Operation<KvInput, KvOutput>[];
