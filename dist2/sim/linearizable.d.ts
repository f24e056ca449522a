import { type History, type KvInput, type KvOutput, type Operation } from '../linearizability/index.js';
import type { ClientHistory } from './client-history.js';
/** Search steps per key before the verdict is Unknown (deterministic: no clock). A 10 s chaos run's keys need a
 *  few hundred each; Porcupine's hardest Jepsen history 1.4 million. */
export declare const DEFAULT_MAX_STEPS_PER_KEY = 2000000;
/** Steps the shrinker may spend on the violating key. */
export declare const DEFAULT_SHRINK_STEPS = 1000000;
export interface LinearizabilityOptions {
    readonly maxStepsPerKey?: number;
    readonly shrinkMaxSteps?: number;
}
/** One operation of the client history, as result.json and the trace refer to it. */
export interface HistoryOperationSummary {
    /** `client#id`, the trace's invoke/ok/timeout `client` and `id`. */
    readonly ref: string;
    readonly client: string;
    readonly id: number;
    readonly key: string;
    readonly op: KvInput['op'];
    readonly status: Operation<unknown, unknown>['status'];
    readonly callUs: number;
    /** Null: the run ended before the client learned the outcome. */
    readonly returnUs: number | null;
    /** E.g. "get(k3) -> 'c2-5…(16 chars)'" (values abbreviated). */
    readonly description: string;
}
export interface LinearizabilityVerdict {
    /** 'unknown': not decided — a key used its whole search budget, or the history cap cut the history short. */
    readonly verdict: 'ok' | 'violation' | 'unknown';
    /** Operations recorded (and checked, failed ones excluded), keys, and operations with an unknown outcome. */
    readonly operations: number;
    readonly keys: number;
    readonly unknownOutcomes: number;
    /** Operations not recorded because of the history cap (then a pass is 'unknown'). */
    readonly notRecorded: number;
    /** Unknown-outcome operations left out of the search: no other operation could have observed them. */
    readonly unobservedDropped: number;
    readonly stepsUsed: number;
    /** The violating key, or the first undecided one. */
    readonly key: string | null;
    /** Why the verdict is what it is, in one sentence. */
    readonly reason: string;
    /** The operation no linearization of the key gets past. */
    readonly stuck: HistoryOperationSummary | null;
    /** The smallest failing sub-history of the key (the focused one: the stuck operation and what explains it). */
    readonly subHistory: readonly HistoryOperationSummary[];
    /** For the picture: the writes of values subHistory's operations read, when the shrink left them out (a read
     *  of a value with its write removed fails alone). Not part of the failing sub-history. */
    readonly context: readonly HistoryOperationSummary[];
    /** No operation of subHistory can be removed (false: the shrink budget ran out first). */
    readonly oneMinimal: boolean | null;
}
/**
 * The operations worth checking: every one but those with an unknown outcome whose effect no other operation
 * could have observed — an unknown get, or an unknown put or cas whose value no get returned, no cas expected or
 * found (on a key where every cas that did not swap says what it found). Each may be taken never to have
 * happened (an unknown outcome allows it), and taking it to have happened explains nothing more, since no
 * operation saw the state it leaves: dropping it keeps the verdict (test/linearizability-runs.test.ts checks
 * this against the whole history on small random ones) and spares the search from trying
 * each one at every point after its call (a run's timed-out writes are mostly to a deposed leader, never
 * committed, and made 600-operation histories undecidable within the budget).
 */
export declare function observableOperations(history: History<KvInput, KvOutput>): number[];
/** Bytes the search may hold per key: its cache keeps a record of (3 + n/32) words and 16 bytes of slots per
 *  step for a key of n operations (docs/linearizability.md), so a key's step budget shrinks as it grows. */
export declare const MAX_SEARCH_BYTES_PER_KEY: number;
/** The step budget of a key of `operations` operations: the configured one, or less to stay in memory. */
export declare function stepBudget(operations: number, maxSteps: number): number;
/** Checks the run's client history per key. `seed` is named in the reason of a violation. */
export declare function checkClientHistory(history: ClientHistory, seed: number, options?: LinearizabilityOptions): LinearizabilityVerdict;
