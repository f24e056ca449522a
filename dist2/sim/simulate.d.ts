import type { RaftFactory } from '../raft/contract.js';
import type { SituationName } from './coverage.js';
import type { TraceRunParams } from '../contract/trace.js';
import type { NodeId } from '../raft/types.js';
import { Cluster, type ClusterEventKind, type ClusterOptions, type ClusterStats } from './cluster/cluster.js';
import { type Violation } from './checker.js';
import { type LinearizabilityOptions, type LinearizabilityVerdict } from './linearizable.js';
import { defaultChaosOptions, type ChaosOptions, type Fault, type ScheduledFault } from './nemesis.js';
import type { RunMetrics } from './metrics.js';
import { Scheduler } from './scheduler.js';
import { Trace } from './trace.js';
import { Workload, type WorkloadOptions, type WorkloadStats } from './workload.js';
export interface SimulationOptions {
    readonly scenario: string;
    readonly seed: number;
    readonly cluster: ClusterOptions;
    readonly workload: WorkloadOptions;
    /** Scripted faults. */
    readonly faults: readonly ScheduledFault[];
    /** Faults fired a delay after a cluster event (e.g. crash the leader 500 ms after each election). */
    readonly triggers: readonly TriggeredFault[];
    /** Random faults drawn from the seed's `nemesis` stream, in addition to the scripted ones; null for none. */
    readonly chaos: ChaosOptions | null;
    /** Length of the fault phase. */
    readonly durationUs: number;
    /** The liveness phase must converge within this long after healing. */
    readonly livenessBoundUs: number;
    readonly checkInvariants: boolean;
    /** Bound on the events of one run. */
    readonly maxEvents: number;
    /** The Raft under test (raft/contract.ts); undefined or null: raftsim's own RaftNode. `name` (the module a user
     *  gave with --raft) is recorded in the trace's meta record and result.json. */
    readonly raftImplementation?: RaftImplementation | null;
    /** The end-of-run linearizability check of checked runs (sim/linearizable.ts): the history cap and the search
     *  budgets; undefined for the defaults. Not a run parameter (it changes no event), so not in meta.params. */
    readonly linearizability?: LinearizabilityOptions & {
        readonly maxOperations?: number;
        /** false: no per-read first pass (LinearizableRead); stale reads are then caught at the end, as Linearizable. */
        readonly readCheck?: boolean;
    };
}
export interface RaftImplementation {
    readonly name: string;
    readonly factory: RaftFactory;
}
export interface TriggeredFault {
    readonly after: ClusterEventKind;
    readonly delayUs: number;
    readonly fault: Fault;
    /** How many times it may fire at most. */
    readonly times: number;
    /** Only events at or after this true time count (default: from the start). */
    readonly fromUs?: number;
    /** Only events before this true time count (default: until the fault phase ends). */
    readonly untilUs?: number;
}
export type Verdict = 'ok' | 'safety' | 'liveness';
export interface LivenessOutcome {
    readonly healedAtUs: number;
    /** True time from healing to convergence; null when it did not converge. */
    readonly convergedAfterUs: number | null;
    /** Why it did not converge (the last failed check), or 'converged'. */
    readonly reason: string;
}
export interface SimulationResult {
    readonly scenario: string;
    readonly seed: number;
    readonly verdict: Verdict;
    readonly violation: Violation | null;
    readonly liveness: LivenessOutcome | null;
    /** Null when the trace was neither hashed nor written (the fastest mode). */
    readonly traceHash: string | null;
    readonly traceLines: number;
    readonly simulatedUs: number;
    readonly events: number;
    readonly invariantChecks: number;
    readonly faults: readonly ScheduledFault[];
    readonly cluster: ClusterStats;
    readonly network: {
        sent: number;
        delivered: number;
        dropped: Record<string, number>;
        duplicated: number;
        reordered: number;
    };
    readonly workload: Omit<WorkloadStats, 'writeLatenciesUs' | 'readLatenciesUs'>;
    readonly finalState: Record<NodeId, unknown>;
    /** The measurements: see docs/metrics.md. */
    readonly metrics: RunMetrics;
    /** How often the run reached each situation worth reaching (sim/coverage.ts). */
    readonly coverage: Record<SituationName, number>;
    /** The client history checked for linearizability at the end of the run; null when invariants are off. */
    readonly linearizability: LinearizabilityVerdict | null;
    /** Internal objects for metrics and tests; not serialized. */
    readonly internals: {
        readonly cluster: Cluster;
        readonly workload: Workload;
        readonly scheduler: Scheduler;
    };
}
export declare function nodeIdsFor(count: number): NodeId[];
export declare function defaultSimulationOptions(overrides?: Partial<SimulationOptions> & {
    nodes?: number;
}): SimulationOptions;
/** Observation hooks that are not part of the run's parameters (benchmarks sample memory with them). */
export interface SimulationHooks {
    /** Called every `everyUs` of simulated time. Must not touch the simulation's state. */
    readonly everyUs: number;
    readonly onTick: (nowUs: number) => void;
}
export declare function simulate(options: SimulationOptions, trace?: Trace, hooks?: SimulationHooks | null): SimulationResult;
/** Every parameter of the run, given or drawn, for the trace's meta record and result.json. */
export declare function serializableParams(options: SimulationOptions, faults: readonly ScheduledFault[]): TraceRunParams;
export { defaultChaosOptions };
