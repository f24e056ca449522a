import type { Entry, Snapshot } from '../../raft/types.js';
import type { Compaction } from './compaction.js';
import type { ClusterContext } from './context.js';
import type { SimNode } from './node.js';
import type { ClientMessage } from './types.js';
/** Stable identity of an entry's command, for the checker and the trace. */
export declare function entryDigest(entry: Entry): string;
export declare class ApplyPipeline {
    private readonly context;
    private readonly compaction;
    private readonly scheduler;
    private readonly trace;
    private readonly checker;
    private readonly contract;
    private readonly stats;
    private readonly clientNetwork;
    private readonly event;
    private readonly applyCostUs;
    constructor(context: ClusterContext, compaction: Compaction);
    /** Hands committed entries to the state machine: at once when applying is free, else one entry per
     *  applyCostUs, so a slow state machine lets the backlog between commit and apply grow. */
    applyCommitted(node: SimNode, handedOut: readonly Entry[]): void;
    private scheduleApply;
    /** The tick is spent even if the node is paused: resuming schedules the next one. */
    private readonly tickSpent;
    private readonly applyResumed;
    private readonly onApplyTick;
    private afterApply;
    /** A snapshot from the leader replaces the state machine; entries still queued for applying are covered by it. */
    installSnapshot(node: SimNode, snapshot: Snapshot): void;
    private applyEntry;
    private serveReads;
    /** Sends a reply, redirect or busy answer from `node` to the client it names. */
    reply(node: SimNode, message: ClientMessage): void;
}
