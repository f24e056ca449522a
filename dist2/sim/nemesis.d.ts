import { type ArmEventKind } from './protocol-events.js';
import type { LinkConfig, NodeId } from './network.js';
import type { Random } from './random.js';
/** A node named directly, or chosen when the fault fires: the current leader, a random follower, any node, or
 *  the node crashed most recently that is still down (so `crash: leader` can be undone by restarting it). */
export type NodeTarget = NodeId | 'leader' | 'follower' | 'random' | 'last-crashed' | 'event-node';
/** The messages a filter picks (a fault on one kind of traffic only: hold only AppendEntries, drop only votes). */
export declare const messageClasses: readonly ["append", "append-responses", "heartbeat", "vote", "pre-vote", "snapshot", "responses", "requests"];
export type MessageClass = (typeof messageClasses)[number];
export type FilterAction = 'drop' | 'delay' | 'hold';
export type Fault = {
    readonly kind: 'crash';
    readonly node: NodeTarget;
} | {
    readonly kind: 'restart';
    readonly node: NodeTarget;
}
/** Restart every crashed node. */
 | {
    readonly kind: 'restart-all';
} | {
    readonly kind: 'pause';
    readonly node: NodeTarget;
    readonly durationUs: number;
} | {
    readonly kind: 'slow';
    readonly node: NodeTarget;
    readonly delayUs: number;
} | {
    readonly kind: 'partition';
    readonly groups: readonly (readonly NodeId[])[];
} | {
    readonly kind: 'isolate';
    readonly node: NodeTarget;
} | {
    readonly kind: 'cut-one-way';
    readonly from: readonly NodeTarget[];
    readonly to: readonly NodeTarget[];
} | {
    readonly kind: 'bridge';
    readonly sideA: readonly NodeId[];
    readonly sideB: readonly NodeId[];
    readonly bridge: NodeId;
} | {
    readonly kind: 'heal';
} | {
    readonly kind: 'clock-offset';
    readonly node: NodeTarget;
    readonly offsetUs: number;
} | {
    readonly kind: 'clock-drift';
    readonly node: NodeTarget;
    readonly driftPpm: number;
} | {
    readonly kind: 'clock-step';
    readonly node: NodeTarget;
    readonly deltaUs: number;
} | {
    readonly kind: 'link';
    readonly from: NodeTarget;
    readonly to: NodeTarget;
    readonly patch: Partial<LinkConfig>;
    readonly bothWays: boolean;
} | {
    readonly kind: 'reset-links';
} | {
    readonly kind: 'clog';
    readonly from: NodeTarget;
    readonly to: NodeTarget;
} | {
    readonly kind: 'unclog';
    readonly from: NodeTarget;
    readonly to: NodeTarget;
} | {
    readonly kind: 'transfer-leadership';
    readonly to: NodeTarget;
}
/** A crash and a restart downUs later (a supervisor restarting the process; fast when within one election
 *  timeout, so the node comes back into the same term). */
 | {
    readonly kind: 'bounce';
    readonly node: NodeTarget;
    readonly downUs: number;
}
/** Several nodes lose power at once: every write not yet fsynced is lost and the last one may be torn,
 *  whatever tearOnCrash says; all restart downUs later. */
 | {
    readonly kind: 'power-loss';
    readonly nodes: readonly NodeTarget[];
    readonly downUs: number;
}
/** Drop, delay (by up to delayUs) or hold (until the filters are cleared) only one class of messages on the
 *  links from -> to. */
 | {
    readonly kind: 'filter';
    readonly from: readonly NodeTarget[];
    readonly to: readonly NodeTarget[];
    readonly messages: MessageClass;
    readonly action: FilterAction;
    readonly delayUs: number;
}
/** Removes every filter, releasing what they held. */
 | {
    readonly kind: 'clear-filters';
}
/** Waits (at most withinUs) for the first protocol event of this kind at any node, then applies `fault`
 *  delayUs later, with the target event-node meaning that event's node. */
 | {
    readonly kind: 'arm';
    readonly after: ArmEventKind;
    readonly withinUs: number;
    readonly delayUs: number;
    readonly fault: Fault;
};
export type FaultKind = Fault['kind'];
export interface ScheduledFault {
    readonly atUs: number;
    readonly fault: Fault;
}
export interface ChaosOptions {
    /** Mean gap between two faults. */
    readonly meanGapUs: number;
    /** How long a crash, pause, partition or clog lasts before it is undone, at most. */
    readonly maxFaultDurationUs: number;
    /** Which kinds to draw; swarm testing switches whole kinds off per seed. */
    readonly kinds: readonly ChaosKind[];
    readonly maxClockOffsetUs: number;
    readonly maxDriftPpm: number;
    readonly maxClockStepUs: number;
}
export type ChaosKind = 'crash' | 'pause' | 'partition' | 'isolate' | 'one-way' | 'bridge' | 'clock' | 'link' | 'clog' | 'transfer' | 'bounce' | 'power-loss' | 'filter' | 'arm';
/** What a chaos section uses when it names no kinds: the time-keyed faults. */
export declare const classicChaosKinds: readonly ChaosKind[];
/** Every kind (`kinds: all`, and what swarm mode draws its subset from): the classic ones, fast restarts,
 *  correlated power loss, message-class filters and faults armed on protocol events. */
export declare const allChaosKinds: readonly ChaosKind[];
export declare const defaultChaosOptions: ChaosOptions;
/**
 * Draws a fault schedule over [0, durationUs). Crashes are kept to a minority at any moment, so the cluster
 * can still make progress; every fault that has an undo (restart, heal, unclog, reset) gets one within
 * maxFaultDurationUs. Draws come only from `random` (the `nemesis` stream).
 */
export declare function randomFaultSchedule(random: Random, nodes: readonly NodeId[], durationUs: number, options: ChaosOptions, timing?: ChaosTiming): ScheduledFault[];
/** The cluster's timing, which the protocol-keyed draws follow (a fast restart is one within an election
 *  timeout; a pause long enough to matter outlasts one). */
export interface ChaosTiming {
    readonly electionTimeoutMinUs: number;
    readonly electionTimeoutMaxUs: number;
}
export declare const defaultChaosTiming: ChaosTiming;
