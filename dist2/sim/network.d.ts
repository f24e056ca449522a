/**
 * The simulated network: directed links with latency distributions, random drop / duplication / reordering,
 * partitions (symmetric, one-way, bridges), and clogs. Generic over the message type; knows nothing of Raft.
 *
 * Delivery goes through the Scheduler (one event per delivered copy, carrying a pre-built envelope), so the
 * network adds no ordering of its own. Randomness comes from one stream, drawn in a fixed order per send:
 *   1. drop decision (always drawn, even with dropChance 0, so switching drops on does not shift the
 *      draws of messages that still get through)
 *   then, unless dropped or held by a clog (held messages make these draws when released):
 *   2. reorder decision, 3. latency, 4. reorder delay (only if reordered),
 *   5. duplicate decision, 6. the copy's latency (only if duplicated).
 * Partitions are checked at send time and again at delivery time, so a message in flight when a cut
 * starts is lost, as on a real network.
 *
 * Each directed link is FIFO, like the TCP streams Raft implementations use: a message is never delivered
 * before one sent earlier on the same link, whatever the latency draws. Only a message picked for reordering
 * (reorderChance: it takes an extra reorderDelay) and a duplicate copy (a retransmission) escape the order,
 * so later messages can overtake them.
 */
import type { TraceDropReason } from '../contract/trace.js';
import { type Distribution, type Random } from './random.js';
import type { Scheduler } from './scheduler.js';
export type NodeId = string;
export interface LinkConfig {
    latency: Distribution;
    /** Probability in [0,1] that a message is lost. */
    dropChance: number;
    /** Probability that a delivered message is delivered twice (the copy gets its own latency draw). */
    duplicateChance: number;
    /** Probability that a message is delayed by an extra reorderDelay draw so later messages overtake it. */
    reorderChance: number;
    reorderDelay: Distribution;
}
export interface Topology {
    datacenterOf: Record<NodeId, string>;
    intraLatency: Distribution;
    /** Keyed "dc1->dc2". When only "dc2->dc1" is given it is used for both directions. */
    interLatency: Record<string, Distribution>;
}
export interface NetworkOptions {
    nodes: NodeId[];
    defaultLink: LinkConfig;
    topology?: Topology;
    maxMessageBytes: number;
    /** Bound on scheduled, undelivered message copies (default 1_000_000). Exceeding it throws. */
    maxInFlight?: number;
}
/** Why a message was lost: the trace contract's closed set (contract/trace.ts). */
export type DropReason = TraceDropReason;
export interface NetworkStats {
    sent: number;
    delivered: number;
    dropped: Record<DropReason, number>;
    duplicated: number;
    reordered: number;
}
export interface NetworkHooks<M> {
    /** Called at delivery time. */
    deliver(from: NodeId, to: NodeId, message: M, messageId: number): void;
    dropped?(from: NodeId, to: NodeId, message: M, messageId: number, reason: DropReason): void;
    /** When this returns false at delivery time the message is dropped 'node-down'. */
    isUp?(node: NodeId): boolean;
}
/**
 * A message filter: a fault that acts only on chosen messages (by type, term, ... — the caller's predicate) on
 * chosen directed links: drop them, delay them by an extra draw, or hold them until the filter is removed (a
 * clog for those messages only). Messages a filter delays or holds leave the link's FIFO order, as messages on
 * a separate connection would (many Raft implementations send snapshots or heartbeats on their own streams).
 * The random drop decision is drawn before any filter is consulted, so a filter shifts no other message's draws;
 * a filter's extra delays come from its own stream.
 */
export interface MessageFilter<M> {
    /** Directed links it applies to: fromNodes[i] -> toNodes[j] for every pair (i != j). */
    readonly fromNodes: readonly NodeId[];
    readonly toNodes: readonly NodeId[];
    readonly matches: (message: M) => boolean;
    readonly action: {
        readonly kind: 'drop';
    } | {
        readonly kind: 'delay';
        readonly delay: Distribution;
    } | {
        readonly kind: 'hold';
    };
}
/** Bound on filters in force at once. */
export declare const MAX_FILTERS = 64;
/** Messages held on one clogged link at most; beyond this they are dropped 'clog-overflow'. */
export declare const MAX_HELD_PER_LINK = 10000;
export declare class Network<M> {
    readonly stats: NetworkStats;
    readonly nodes: readonly NodeId[];
    private readonly scheduler;
    private readonly random;
    private readonly hooks;
    private readonly options;
    private readonly n;
    private readonly indexOfNode;
    /** blocked[from * n + to] === 1 when that directed pair is cut. */
    private readonly blocked;
    private readonly links;
    private readonly maxInFlight;
    private inFlightCount;
    private nextId;
    /** Filters in force, each with the links it covers (a bitmap over the n*n link table) and what it holds. */
    private readonly filters;
    private nextFilterId;
    /** Draws for filters' extra delays (null: filters that delay are refused). */
    private readonly filterRandom;
    /** Created once: the scheduler calls it with the envelope, so no closure is allocated per message. */
    private readonly onDeliver;
    constructor(scheduler: Scheduler, random: Random, options: NetworkOptions, hooks: NetworkHooks<M>, filterRandom?: Random | null);
    /** Scheduled message copies not yet delivered or dropped (held clogged messages not included). */
    get inFlight(): number;
    /** Sends one message; returns its id (ids increase from 1). */
    send(from: NodeId, to: NodeId, message: M, bytes: number): number;
    /** Puts a message filter in force; returns the id that removeFilter takes. */
    addFilter(filter: MessageFilter<M>): number;
    /** Removes a filter; messages it held are released in send order with fresh draws. Unknown ids are a no-op. */
    removeFilter(id: number): void;
    /** Removes every filter (in the order they were added), releasing what they held. */
    removeAllFilters(): void;
    get filterCount(): number;
    /** Applies the first filter that covers this message; true when the message was dropped, held or delayed. */
    private filterMessage;
    /** Degrades (or restores) one directed link; fields not in the patch keep their current values. */
    setLink(from: NodeId, to: NodeId, patch: Partial<LinkConfig>): void;
    /** All link configurations back to defaults / topology. Does not touch cuts or clogs. */
    resetLinks(): void;
    /**
     * Cuts between groups: nodes in different groups cannot talk; unlisted nodes form one extra group.
     * Cuts are additive (they never remove an existing cut); call heal() first to replace a partition.
     */
    partition(groups: NodeId[][]): void;
    /** Cuts `node` from every other node, both directions. */
    isolate(node: NodeId): void;
    /** Blocks every from[i] -> to[j] (i.e. asymmetric: the reverse direction is untouched). */
    cutOneWay(from: NodeId[], to: NodeId[]): void;
    /** A and B cannot talk to each other; bridgeNode (even if listed in A or B) keeps talking to both. */
    bridge(sideA: NodeId[], sideB: NodeId[], bridgeNode: NodeId): void;
    /** Removes all cuts (not clogs, not link degradations). */
    heal(): void;
    /** Whether any directed pair is cut now. */
    hasCuts(): boolean;
    isBlocked(from: NodeId, to: NodeId): boolean;
    /** Holds messages sent on from->to from now on until unclog (messages already in flight are unaffected). */
    clog(from: NodeId, to: NodeId): void;
    /** Releases held messages in send order, each with fresh decision and latency draws. */
    unclog(from: NodeId, to: NodeId): void;
    /** Unclogs every link (in link order, so the release order is deterministic). */
    unclogAll(): void;
    isClogged(from: NodeId, to: NodeId): boolean;
    /** Messages currently held on a clogged link. */
    heldCount(from: NodeId, to: NodeId): number;
    /** Effective latency (link override > topology > default). */
    latencyFor(from: NodeId, to: NodeId): Distribution;
    /** Effective configuration of one directed link (a copy). */
    linkConfig(from: NodeId, to: NodeId): LinkConfig;
    /** Puts one message (and maybe its duplicate) on the wire. Draw order documented at the top of the file. */
    private dispatch;
    private schedule;
    private deliverNow;
    private drop;
    private indexOf;
    private baseConfig;
    private validateTopology;
}
