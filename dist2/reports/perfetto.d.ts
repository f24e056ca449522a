import type { RunModel } from './model.js';
export interface TraceEvent {
    readonly name: string;
    readonly ph: 'X' | 'i' | 'C' | 's' | 'f' | 'M';
    readonly ts: number;
    readonly pid: number;
    readonly tid: number;
    readonly cat?: string;
    readonly dur?: number;
    readonly id?: number;
    readonly bp?: 'e';
    readonly s?: 'p' | 'g';
    readonly args?: Readonly<Record<string, unknown>>;
}
export interface PerfettoTrace {
    readonly traceEvents: TraceEvent[];
    readonly displayTimeUnit: 'ms';
    readonly metadata: Readonly<Record<string, unknown>>;
}
/** Threads of a node's process. */
export declare const PERFETTO_THREADS: {
    readonly roles: 1;
    readonly messages: 2;
    readonly faults: 3;
};
/** The process of cluster-wide (network) faults. */
export declare const NETWORK_PID = 0;
/** The trace as trace-event JSON (see the file comment). */
export declare function perfettoTrace(model: RunModel, records: Iterable<unknown>): PerfettoTrace;
