import type { RunModel } from '../model.js';
/** Headline figures of one run, computed from its trace records alone. Null: the trace cannot tell. */
export interface HeadlineMetrics {
    readonly verdict: string;
    readonly simulatedUs: number;
    readonly elections: number;
    readonly preVoteRounds: number;
    /** Terms in which a candidate campaigned and no node became leader (docs/metrics.md). */
    readonly splitVotes: number;
    readonly leaderChanges: number;
    readonly electionLatencySamples: number;
    readonly electionLatencyP50Us: number | null;
    readonly electionLatencyP99Us: number | null;
    /** Sum of election latencies, plus the time from an unrecovered loss to the end (null: a trace without the measurement records). */
    readonly timeWithoutLeaderUs: number | null;
    readonly peakLogEntries: number | null;
    readonly snapshots: number;
    readonly snapshotsInstalled: number;
    readonly stalls: number;
    readonly messages: number;
    readonly dropped: number;
    readonly clientOk: number;
    readonly clientTimeouts: number;
    readonly clientLatencyP50Us: number | null;
    readonly clientLatencyP99Us: number | null;
}
/** The headline figures of a run, from its trace records (see HeadlineMetrics). */
export declare function headlineMetrics(model: RunModel): HeadlineMetrics;
/** B relative to A: "+4%" near A, "×3.2" far from it, "+21" from zero, "same"; '' when either is unknown. */
export declare function compareText(a: number | null, b: number | null, format?: (value: number) => string): string;
