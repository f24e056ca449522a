import type { TraceRunParams } from '../../contract/trace.js';
import { MessageTable } from '../message-table.js';
import { type ClientOperation, type ClientOps, type LinearizabilityRecord, type ElectionEvent, type ElectionLatency, type EndRecord, type LeaderChange, type LeaderLoss, type LeaderlessSpan, type NetworkFault, type NetworkFaultKind, type NodeMark, type NodeSpan, type Role, type RoleSpan, type RunModel, type Series } from '../model.js';
import type { RoundMember } from '../../contract/compaction-rounds.js';
/** Per-node state while scanning. */
export interface NodeState {
    role: Role;
    term: number;
    leader: string | null;
    roleSinceUs: number;
    /** False while crashed: no role span is open then. */
    up: boolean;
    downSinceUs: number;
    downDetail: string;
    pausedSinceUs: number | null;
    pauseDetail: string;
    slowSinceUs: number | null;
    slowDetail: string;
    commit: number | null;
    applied: number | null;
}
/** A network fault that began and has not ended: partitions end at any heal, clogs at their unclog, links at link-reset. */
export interface OpenNetworkFault {
    readonly label: string;
    readonly nodes: readonly string[];
    readonly fromUs: number;
}
/** A snapshot being written: after `snapshot-start`, before `snapshot`. */
export interface PendingSnapshot {
    readonly tUs: number;
    readonly index: number;
    readonly trigger: string;
    readonly round: string;
}
export declare class ModelBuilder {
    /** The 1-based line being read, for errors. */
    line: number;
    seed: number;
    scenario: string;
    params: TraceRunParams;
    end: EndRecord | null;
    livenessStartUs: number | null;
    readonly nodes: string[];
    private readonly nodeIndex;
    private readonly states;
    readonly omitted: Record<string, number>;
    readonly roleSpans: RoleSpan[];
    readonly leaderChanges: LeaderChange[];
    readonly elections: ElectionEvent[];
    readonly downSpans: NodeSpan[];
    readonly pauseSpans: NodeSpan[];
    readonly slowSpans: NodeSpan[];
    readonly networkFaults: NetworkFault[];
    readonly marks: NodeMark[];
    readonly commit: Map<string, Series>;
    readonly applyLag: Map<string, Series>;
    readonly logEntries: Map<string, Series>;
    readonly snapshotLag: Map<string, Series>;
    readonly clientOps: ClientOps;
    readonly clientHistory: ClientOperation[];
    readonly clients: string[];
    /** Operations invoked and not yet completed, by `client#id`. */
    readonly openOperations: Map<string, ClientOperation>;
    linearizability: LinearizabilityRecord | null;
    readonly electionLatencies: ElectionLatency[];
    readonly messages: MessageTable;
    readonly stallSpans: NodeSpan[];
    readonly leaderLosses: LeaderLoss[];
    readonly leaderless: LeaderlessSpan[];
    readonly counts: {
        snapshots: number;
        snapshotStarts: number;
        snapshotSkips: number;
        snapshotInstalls: number;
        compactions: number;
        stalls: number;
        leaderLost: number;
        sends: number;
        drops: number;
    };
    /** Time of every `drop` record (a dropped duplicate copy is a drop of its own). */
    readonly dropTimesUs: number[];
    /** Snapshots and skipped windows with their round, for the compaction drift chart. */
    readonly compactionRounds: RoundMember[];
    /** Per node: the stall detected and not yet ended by a snapshot. */
    readonly openStalls: Map<string, {
        fromUs: number;
        detail: string;
    }>;
    readonly pendingSnapshots: Map<string, PendingSnapshot>;
    /** Per node: position in `marks` of its last `snapshot` mark and its time, for the `compact` that follows. */
    readonly lastSnapshotMark: Map<string, {
        position: number;
        tUs: number;
    }>;
    openLeaderless: {
        fromUs: number;
        detail: string;
    } | null;
    openPartitions: OpenNetworkFault[];
    readonly openClogs: Map<string, OpenNetworkFault>;
    openLinks: OpenNetworkFault[];
    /** Message filters in force (drawn like degraded links, until filters-cleared or the full heal). */
    openFilters: OpenNetworkFault[];
    /** Appends to a bounded list; beyond the bound the item is counted in `omitted` under `name`. */
    push<T>(list: T[], item: T, name: string): void;
    /** Adds a point to a node's series; several records at one instant keep the last value. */
    sample(map: Map<string, Series>, node: string, tUs: number, value: number, name: string): void;
    /** The lane index of a node id, adding a lane (a follower of term 0, up) the first time the id is seen. */
    addNode(id: string): number;
    state(id: string): NodeState;
    /** Adds every id as a lane and returns the ids. */
    knownNodes(ids: readonly string[]): readonly string[];
    /** `final`: the trace ended; keep even a zero-length span (a leader elected at the very last instant). */
    closeRole(node: string, s: NodeState, tUs: number, final?: boolean): void;
    closePause(node: string, s: NodeState, tUs: number, open: boolean): void;
    closeSlow(node: string, s: NodeState, tUs: number, open: boolean): void;
    /** Clears every node's slow handler (the liveness phase's heal). */
    closeAllSlow(tUs: number): void;
    sampleLag(node: string, s: NodeState, tUs: number): void;
    closeNetwork(kind: NetworkFaultKind, fault: OpenNetworkFault, tUs: number, open: boolean): void;
    /** Closes everything still open at the end of the trace and returns the model. */
    finish(records: number, endUs: number): RunModel;
    private closeNodes;
    private closeMeasurements;
    private model;
}
