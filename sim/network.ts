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
import { assertNonNegativeInteger, assertProbability, fail } from './assert.js';
import { Cuts } from './network-cuts.js';
import { type Distribution, type Random, sampleUs, validateDistribution } from './random.js';
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
  /** Per directed link, keyed "from->to": its latency, over the topology's and the default (a link fault still
   *  overrides it; resetLinks comes back to it). */
  linkLatency?: Record<string, Distribution>;
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
  readonly action: { readonly kind: 'drop' } | { readonly kind: 'delay'; readonly delay: Distribution } | { readonly kind: 'hold' };
}

/** Bound on filters in force at once. */
export const MAX_FILTERS = 64;

/** Messages held on one clogged link at most; beyond this they are dropped 'clog-overflow'. */
export const MAX_HELD_PER_LINK = 10_000;

/** One message on the wire. Immutable once built, so a duplicate can reuse the same object. */
interface Envelope<M> {
  readonly from: NodeId;
  readonly to: NodeId;
  /** Index of the directed link in the n*n tables. */
  readonly link: number;
  readonly message: M;
  readonly id: number;
}

interface LinkState<M> {
  config: LinkConfig;
  clogged: boolean;
  held: Envelope<M>[];
  /** Delivery time of the latest in-order message on this link: the next one cannot arrive before it. */
  lastInOrderDeliveryUs: number;
}

function validateLinkPatch(patch: Partial<LinkConfig>, what: string): void {
  if (patch.latency !== undefined) validateDistribution(patch.latency, `${what}.latency`);
  if (patch.reorderDelay !== undefined) validateDistribution(patch.reorderDelay, `${what}.reorderDelay`);
  if (patch.dropChance !== undefined) assertProbability(patch.dropChance, `${what}.dropChance`);
  if (patch.duplicateChance !== undefined) assertProbability(patch.duplicateChance, `${what}.duplicateChance`);
  if (patch.reorderChance !== undefined) assertProbability(patch.reorderChance, `${what}.reorderChance`);
}

export class Network<M> {
  readonly stats: NetworkStats = {
    sent: 0,
    delivered: 0,
    dropped: { random: 0, partition: 0, oversize: 0, 'node-down': 0, 'clog-overflow': 0, filter: 0 },
    duplicated: 0,
    reordered: 0,
  };
  readonly nodes: readonly NodeId[];

  private readonly scheduler: Scheduler;
  private readonly random: Random;
  private readonly hooks: NetworkHooks<M>;
  private readonly options: NetworkOptions;
  private readonly n: number;
  private readonly indexOfNode = new Map<NodeId, number>();
  private readonly cuts: Cuts;
  /** The cuts' matrix, read on every send and delivery: blocked[from * n + to] === 1 when that pair is cut. */
  private readonly blocked: Uint8Array;
  private readonly links: LinkState<M>[] = [];
  private readonly maxInFlight: number;
  private inFlightCount = 0;
  private nextId = 1;
  /** Filters in force, each with the links it covers (a bitmap over the n*n link table) and what it holds. */
  private readonly filters: { readonly id: number; readonly filter: MessageFilter<M>; readonly links: Uint8Array; held: Envelope<M>[] }[] = [];
  private nextFilterId = 1;
  /** Draws for filters' extra delays (null: filters that delay are refused). */
  private readonly filterRandom: Random | null;
  /** Created once: the scheduler calls it with the envelope, so no closure is allocated per message. */
  private readonly onDeliver = (env: Envelope<M>): void => this.deliverNow(env);

  constructor(scheduler: Scheduler, random: Random, options: NetworkOptions, hooks: NetworkHooks<M>, filterRandom: Random | null = null) {
    this.scheduler = scheduler;
    this.random = random;
    this.filterRandom = filterRandom;
    this.hooks = hooks;
    this.options = options;
    if (options.nodes.length === 0) fail('Network: at least one node is required');
    options.nodes.forEach((node, i) => {
      if (typeof node !== 'string' || node.length === 0) fail('Network: node ids must be non-empty strings');
      if (this.indexOfNode.has(node)) fail(`Network: duplicate node id ${node}`);
      this.indexOfNode.set(node, i);
    });
    this.nodes = [...options.nodes];
    this.n = options.nodes.length;
    assertNonNegativeInteger(options.maxMessageBytes, 'Network maxMessageBytes');
    this.maxInFlight = options.maxInFlight ?? 1_000_000;
    assertNonNegativeInteger(this.maxInFlight, 'Network maxInFlight');
    const d = options.defaultLink;
    if (d === undefined || d.latency === undefined || d.reorderDelay === undefined || d.dropChance === undefined || d.duplicateChance === undefined || d.reorderChance === undefined) {
      fail('Network: defaultLink must set latency, dropChance, duplicateChance, reorderChance and reorderDelay');
    }
    validateLinkPatch(d, 'Network defaultLink');
    if (options.topology !== undefined) this.validateTopology(options.topology);
    for (const [key, dist] of Object.entries(options.linkLatency ?? {})) {
      const [from, to] = key.split('->');
      if (to === undefined || from === to || !this.indexOfNode.has(from!) || !this.indexOfNode.has(to)) fail(`Network linkLatency: "${key}" is not "from->to" between two nodes`);
      validateDistribution(dist, `Network linkLatency[${key}]`);
    }
    this.cuts = new Cuts(this.nodes, (node) => this.indexOf(node));
    this.blocked = this.cuts.blocked;
    for (let f = 0; f < this.n; f++) {
      for (let t = 0; t < this.n; t++) this.links.push({ config: this.baseConfig(f, t), clogged: false, held: [], lastInOrderDeliveryUs: 0 });
    }
  }

  /** Scheduled message copies not yet delivered or dropped (held clogged messages not included). */
  get inFlight(): number {
    return this.inFlightCount;
  }

  /** Sends one message; returns its id (ids increase from 1). */
  send(from: NodeId, to: NodeId, message: M, bytes: number): number {
    const f = this.indexOf(from);
    const t = this.indexOf(to);
    if (!(bytes >= 0 && Number.isSafeInteger(bytes))) fail(`Network.send: bytes must be a non-negative integer, got ${String(bytes)}`);
    const id = this.nextId++;
    this.stats.sent++;
    const link = f * this.n + t;
    const env: Envelope<M> = { from, to, link, message, id };
    if (bytes > this.options.maxMessageBytes) {
      this.drop(env, 'oversize');
      return id;
    }
    if (this.blocked[link] === 1) {
      this.drop(env, 'partition');
      return id;
    }
    const state = this.links[link];
    if (this.random.ratio(state.config.dropChance)) {
      this.drop(env, 'random');
      return id;
    }
    if (this.filters.length > 0 && this.filterMessage(env)) return id;
    if (state.clogged) {
      if (state.held.length >= MAX_HELD_PER_LINK) this.drop(env, 'clog-overflow');
      else state.held.push(env);
      return id;
    }
    this.dispatch(env, state.config);
    return id;
  }

  /** Puts a message filter in force; returns the id that removeFilter takes. */
  addFilter(filter: MessageFilter<M>): number {
    if (this.filters.length >= MAX_FILTERS) fail(`Network.addFilter: more than ${MAX_FILTERS} filters in force`);
    if (filter.action.kind === 'delay') {
      if (this.filterRandom === null) fail('Network.addFilter: a delaying filter needs the network to be built with a filter random stream');
      validateDistribution(filter.action.delay, 'Network.addFilter delay');
    }
    const links = new Uint8Array(this.n * this.n);
    for (const from of filter.fromNodes) {
      for (const to of filter.toNodes) if (from !== to) links[this.indexOf(from) * this.n + this.indexOf(to)] = 1;
    }
    const id = this.nextFilterId++;
    this.filters.push({ id, filter, links, held: [] });
    return id;
  }

  /** Removes a filter; messages it held are released in send order with fresh draws. Unknown ids are a no-op. */
  removeFilter(id: number): void {
    const position = this.filters.findIndex((entry) => entry.id === id);
    if (position < 0) return;
    const [entry] = this.filters.splice(position, 1);
    for (const env of entry!.held) this.dispatch(env, this.links[env.link].config);
  }

  /** Removes every filter (in the order they were added), releasing what they held. */
  removeAllFilters(): void {
    while (this.filters.length > 0) this.removeFilter(this.filters[0]!.id);
  }

  get filterCount(): number {
    return this.filters.length;
  }

  /** Applies the first filter that covers this message; true when the message was dropped, held or delayed. */
  private filterMessage(env: Envelope<M>): boolean {
    for (const entry of this.filters) {
      if (entry.links[env.link] !== 1 || !entry.filter.matches(env.message)) continue;
      const action = entry.filter.action;
      switch (action.kind) {
        case 'drop':
          this.drop(env, 'filter');
          return true;
        case 'hold':
          if (entry.held.length >= MAX_HELD_PER_LINK) this.drop(env, 'clog-overflow');
          else entry.held.push(env);
          return true;
        case 'delay': {
          const config = this.links[env.link].config;
          this.schedule(this.scheduler.nowUs + sampleUs(config.latency, this.random) + sampleUs(action.delay, this.filterRandom!), env);
          return true;
        }
        default: {
          const unreachable: never = action;
          fail(`Network: unknown filter action ${JSON.stringify(unreachable)}`);
        }
      }
    }
    return false;
  }

  /** Degrades (or restores) one directed link; fields not in the patch keep their current values. */
  setLink(from: NodeId, to: NodeId, patch: Partial<LinkConfig>): void {
    validateLinkPatch(patch, `Network.setLink(${from}->${to})`);
    const state = this.links[this.indexOf(from) * this.n + this.indexOf(to)];
    state.config = { ...state.config, ...patch };
  }

  /** All link configurations back to defaults / topology. Does not touch cuts or clogs. */
  resetLinks(): void {
    for (let f = 0; f < this.n; f++) {
      for (let t = 0; t < this.n; t++) this.links[f * this.n + t].config = this.baseConfig(f, t);
    }
  }

  // Cuts (sim/network-cuts.ts): checked at send time and again at delivery.
  partition(groups: NodeId[][]): void {
    this.cuts.partition(groups);
  }

  isolate(node: NodeId): void {
    this.cuts.isolate(node);
  }

  cutOneWay(from: NodeId[], to: NodeId[]): void {
    this.cuts.cutOneWay(from, to);
  }

  bridge(sideA: NodeId[], sideB: NodeId[], bridgeNode: NodeId): void {
    this.cuts.bridge(sideA, sideB, bridgeNode);
  }

  rejoin(node: NodeId): void {
    this.cuts.rejoin(node);
  }

  heal(): void {
    this.cuts.heal();
  }

  hasCuts(): boolean {
    return this.cuts.hasCuts();
  }

  isBlocked(from: NodeId, to: NodeId): boolean {
    return this.cuts.isBlocked(from, to);
  }

  /** Holds messages sent on from->to from now on until unclog (messages already in flight are unaffected). */
  clog(from: NodeId, to: NodeId): void {
    this.links[this.indexOf(from) * this.n + this.indexOf(to)].clogged = true;
  }

  /** Releases held messages in send order, each with fresh decision and latency draws. */
  unclog(from: NodeId, to: NodeId): void {
    const state = this.links[this.indexOf(from) * this.n + this.indexOf(to)];
    state.clogged = false;
    const held = state.held;
    state.held = [];
    for (const env of held) this.dispatch(env, state.config);
  }

  /** Unclogs every link (in link order, so the release order is deterministic). */
  unclogAll(): void {
    for (let f = 0; f < this.n; f++) {
      for (let t = 0; t < this.n; t++) if (this.links[f * this.n + t].clogged) this.unclog(this.nodes[f], this.nodes[t]);
    }
  }

  isClogged(from: NodeId, to: NodeId): boolean {
    return this.links[this.indexOf(from) * this.n + this.indexOf(to)].clogged;
  }

  /** Messages currently held on a clogged link. */
  heldCount(from: NodeId, to: NodeId): number {
    return this.links[this.indexOf(from) * this.n + this.indexOf(to)].held.length;
  }

  /** Effective latency (link override > topology > default). */
  latencyFor(from: NodeId, to: NodeId): Distribution {
    return this.links[this.indexOf(from) * this.n + this.indexOf(to)].config.latency;
  }

  /** Effective configuration of one directed link (a copy). */
  linkConfig(from: NodeId, to: NodeId): LinkConfig {
    return { ...this.links[this.indexOf(from) * this.n + this.indexOf(to)].config };
  }

  // -------------------------------------------------------------------------------------------------------

  /** Puts one message (and maybe its duplicate) on the wire. Draw order documented at the top of the file. */
  private dispatch(env: Envelope<M>, config: LinkConfig): void {
    const random = this.random;
    const nowUs = this.scheduler.nowUs;
    const reordered = random.ratio(config.reorderChance);
    let delayUs = sampleUs(config.latency, random);
    if (reordered) {
      delayUs += sampleUs(config.reorderDelay, random);
      this.stats.reordered++;
      this.schedule(nowUs + delayUs, env);
    } else {
      const link = this.links[env.link];
      const deliveryUs = Math.max(nowUs + delayUs, link.lastInOrderDeliveryUs);
      link.lastInOrderDeliveryUs = deliveryUs;
      this.schedule(deliveryUs, env);
    }
    if (random.ratio(config.duplicateChance)) {
      this.stats.duplicated++;
      this.schedule(nowUs + sampleUs(config.latency, random), env);
    }
  }

  private schedule(timeUs: number, env: Envelope<M>): void {
    if (this.inFlightCount >= this.maxInFlight) {
      fail(`Network: in-flight messages would exceed maxInFlight=${this.maxInFlight}`);
    }
    this.inFlightCount++;
    this.scheduler.at(timeUs, this.onDeliver, env);
  }

  private deliverNow(env: Envelope<M>): void {
    this.inFlightCount--;
    if (this.blocked[env.link] === 1) {
      this.drop(env, 'partition');
      return;
    }
    const isUp = this.hooks.isUp;
    if (isUp !== undefined && !isUp.call(this.hooks, env.to)) {
      this.drop(env, 'node-down');
      return;
    }
    this.stats.delivered++;
    this.hooks.deliver(env.from, env.to, env.message, env.id);
  }

  private drop(env: Envelope<M>, reason: DropReason): void {
    this.stats.dropped[reason]++;
    const dropped = this.hooks.dropped;
    if (dropped !== undefined) dropped.call(this.hooks, env.from, env.to, env.message, env.id, reason);
  }

  private indexOf(node: NodeId): number {
    const i = this.indexOfNode.get(node);
    if (i === undefined) fail(`Network: unknown node ${String(node)}`);
    return i;
  }

  private baseConfig(f: number, t: number): LinkConfig {
    const config = { ...this.options.defaultLink };
    const own = this.options.linkLatency?.[`${this.nodes[f]}->${this.nodes[t]}`];
    if (own !== undefined) {
      config.latency = own;
      return config;
    }
    const topology = this.options.topology;
    if (topology !== undefined) {
      const dcFrom = topology.datacenterOf[this.nodes[f]];
      const dcTo = topology.datacenterOf[this.nodes[t]];
      if (dcFrom !== undefined && dcTo !== undefined) {
        config.latency =
          dcFrom === dcTo
            ? topology.intraLatency
            : (topology.interLatency[`${dcFrom}->${dcTo}`] ?? topology.interLatency[`${dcTo}->${dcFrom}`]);
      }
    }
    return config;
  }

  private validateTopology(topology: Topology): void {
    validateDistribution(topology.intraLatency, 'Network topology.intraLatency');
    for (const [node, dc] of Object.entries(topology.datacenterOf)) {
      if (!this.indexOfNode.has(node)) fail(`Network topology: unknown node ${node}`);
      if (typeof dc !== 'string' || dc.length === 0) fail(`Network topology: datacenter of ${node} must be a non-empty string`);
    }
    for (const [key, dist] of Object.entries(topology.interLatency)) validateDistribution(dist, `Network topology.interLatency[${key}]`);
    const dcs = [...new Set(Object.values(topology.datacenterOf))].sort();
    for (const a of dcs) {
      for (const b of dcs) {
        if (a !== b && topology.interLatency[`${a}->${b}`] === undefined && topology.interLatency[`${b}->${a}`] === undefined) {
          fail(`Network topology: no interLatency for "${a}->${b}"`);
        }
      }
    }
  }
}
