import type { KvInput, KvOutput, Operation } from '../linearizability/index.js';
import type { KvOperation, KvResult } from './kv.js';
/** Operations a run records at most (about 80 bytes each plus the values). A 10 s run at 200 ops/s records
 *  about 2,000; beyond the cap the rest are not recorded and the verdict is Unknown (never a silent pass). */
export declare const DEFAULT_MAX_HISTORY_OPERATIONS = 200000;
/** One recorded operation: the checker's Operation plus which client command it was. */
export interface RecordedOperation {
    /** The client's name (c1, c2, ...) and the command's sequence number: the trace's invoke/ok/timeout `client`
     *  and `id`. */
    readonly client: string;
    readonly id: number;
    readonly operation: Operation<KvInput, KvOutput>;
}
export declare class ClientHistory {
    readonly maxOperations: number;
    private readonly operations;
    private readonly names;
    private readonly pending;
    /** Invocations not recorded because the cap was reached. */
    dropped: number;
    /** Call time of the first invocation not recorded (Infinity while none was). */
    firstDroppedUs: number;
    constructor(maxOperations?: number);
    get size(): number;
    /** Whether the cap cut the history short (the check then answers Unknown). */
    get truncated(): boolean;
    invoke(client: string, id: number, operation: KvOperation, callUs: number): void;
    /** The client learned the outcome: `ok` with its result, or `unknown` (it gave up at returnUs; null: the run
     *  ended first). `fail` is for an operation known not to have taken effect (the workload has none today). */
    complete(client: string, id: number, status: 'ok' | 'fail' | 'unknown', result: KvResult | null, returnUs: number | null): void;
    /** The recorded operations in call order; an operation still pending (none after Workload.finish) is
     *  unknown, with no return. */
    entries(): RecordedOperation[];
}
