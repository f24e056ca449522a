import type { Fault, NodeTarget } from '../nemesis.js';
import type { NodeId } from '../network.js';
import type { Random } from '../random.js';
import type { Compaction } from './compaction.js';
import type { ClusterContext } from './context.js';
import type { SimNode } from './node.js';
import type { ReadyLoop } from './ready-loop.js';
import type { ClusterEvent } from './types.js';
export declare class Faults {
    private readonly context;
    private readonly readyLoop;
    private readonly compaction;
    private readonly scheduler;
    private readonly options;
    private readonly trace;
    private readonly checker;
    private readonly metrics;
    private readonly stats;
    private readonly network;
    private readonly nodes;
    /** Nodes in the order they crashed (bounded: a node appears once, at its latest crash). */
    private crashOrder;
    /** The node whose protocol event fired the fault being applied (the target event-node), else null. */
    private eventNode;
    private readonly protocol;
    constructor(context: ClusterContext, readyLoop: ReadyLoop, compaction: Compaction);
    /** A cluster event: an armed fault may be waiting for it. */
    onEvent(event: ClusterEvent): void;
    /** `eventNode`: the node whose protocol event triggered the fault (what the target event-node means). */
    applyFault(fault: Fault, random: Random, eventNode?: NodeId | null): void;
    private applyFaultNow;
    resolveTarget(target: NodeTarget, random: Random): NodeId | null;
    private one;
    private ids;
    private applyProcessFault;
    private applyNetworkFault;
    private applyLinkFault;
    private applyClockFault;
    /** Election latency starts when the established leader can no longer reach a majority (both directions). */
    private checkLeaderReachable;
    /** `tear`: the last unsynced write may be torn even when tearOnCrash is off (a power loss). */
    crash(node: SimNode, tear?: boolean): void;
    restart(node: SimNode): void;
    pause(node: SimNode, durationUs: number): void;
    /** The pause ends unless the node crashed meanwhile (a restarted node is up, not paused). */
    private readonly onPauseOver;
    resume(node: SimNode): void;
    /** Liveness phase: heal the network, restart and resume every node, clear slow handlers. */
    healAll(): void;
}
