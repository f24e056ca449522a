import { type Distribution } from '../../sim/random.js';
import type { Expectation } from './expectations.js';
import type { BuggifySpec, ChaosSpec, CompactionSpec, DiskSpec, FaultItemSpec, MetricsSpec, NetworkSpec, RaftSpec, ScenarioSpec, WorkloadSpec } from './spec.js';
type Filled<T> = {
    [K in keyof T]-?: Exclude<T[K], undefined>;
};
export interface FullSpec {
    name: string;
    question: string;
    swarm: boolean;
    cluster: {
        nodes: number | string[];
        datacenters: Record<string, string[]> | null;
        latency: {
            intra: Distribution | null;
            inter: Record<string, Distribution>;
        };
        skew: number;
        /** As given: a missing offset comes from the skew spread, a missing drift is 0. */
        clocks: Record<string, {
            offset?: number;
            drift?: number;
        }>;
    };
    raft: Filled<Omit<RaftSpec, 'flowControl' | 'unsafe'>> & {
        flowControl: Filled<NonNullable<RaftSpec['flowControl']>>;
        unsafe: Filled<NonNullable<RaftSpec['unsafe']>>;
    };
    compaction: Omit<Filled<CompactionSpec>, 'snapshotCount' | 'snapshotInterval' | 'mistakes'> & {
        snapshotCount: number | null;
        snapshotInterval: number | null;
        mistakes: Filled<NonNullable<CompactionSpec['mistakes']>>;
    };
    metrics: Filled<MetricsSpec>;
    network: Filled<NetworkSpec>;
    disk: Filled<DiskSpec>;
    workload: Omit<Filled<WorkloadSpec>, 'mix'> & {
        mix: {
            put: number;
            get: number;
            cas: number;
        };
    };
    faults: FaultItemSpec[];
    chaos: Filled<ChaosSpec> | null;
    buggify: Filled<BuggifySpec> | null;
    duration: number;
    livenessBound: number;
    checkInvariants: boolean;
    maxEvents: number;
    expectations: Expectation[];
    /** Catalogued bugs switched on (never drawn). */
    bugs: string[];
}
export interface FillResult {
    readonly full: FullSpec;
    /** Values drawn in swarm mode: spec path -> the value in the file's own form (pinnable). */
    readonly drawn: ReadonlyMap<string, unknown>;
    /** The same values formatted for people and result.json ("150ms..300ms", "3%"). */
    readonly drawnText: Readonly<Record<string, unknown>>;
    /** Spec paths filled from the simulator's defaults. */
    readonly defaults: readonly string[];
}
export declare const defaultNodeCount = 5;
/** The default heartbeat: the simulator's 50 ms, or a third of the minimum election timeout when that is shorter. */
export declare function defaultHeartbeatUs(electionTimeoutMinUs: number): number;
/** Node ids named anywhere in the spec as n<k>: the cluster needs at least k nodes. */
export declare function highestNamedNode(spec: ScenarioSpec): number;
export declare function fillSpec(spec: ScenarioSpec, seed: number, name: string): FillResult;
export {};
