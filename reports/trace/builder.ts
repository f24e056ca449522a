// The mutable state of one parseTrace pass: the model's lists while they grow, every node's state, and what is
// open (a role, a crash, a pause, a slow handler, a stall, a snapshot being written, a leaderless period, a
// network fault). The record handlers (the other files of this folder) change it; finish() closes what is still
// open when the trace ends and hands out the RunModel.
import { ElectionTerms } from '../../contract/election-terms.js';
import type { TraceRunParams } from '../../contract/trace.js';
import { MessageTable } from '../message-table.js';
import {
  MAX_LIST_ITEMS,
  MAX_NODES,
  MAX_SERIES_POINTS,
  type ClientOperation,
  type ClientOps,
  type LinearizabilityRecord,
  type ElectionEvent,
  type ElectionLatency,
  type EndRecord,
  type LeaderChange,
  type LeaderLoss,
  type LeaderlessSpan,
  type NetworkFault,
  type NetworkFaultKind,
  type NodeMark,
  type NodeSpan,
  type Role,
  type RoleSpan,
  type RunModel,
  type Series,
} from '../model.js';
import { TraceFormatError } from './error.js';
import { MembershipState, membershipModel } from './membership-state.js';
import type { RoundMember } from '../../contract/compaction-rounds.js';
import { formatSeconds } from './text.js';

/** Per-node state while scanning. */
export interface NodeState {
  role: Role;
  term: number;
  leader: string | null;
  roleSinceUs: number;
  /** False while crashed: no role span is open then. */
  up: boolean;
  /** False for a spare server until its `boot` record: its lane has no role spans before. */
  started: boolean;
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

const byStart = (a: { fromUs: number }, b: { fromUs: number }): number => a.fromUs - b.fromUs;

export class ModelBuilder {
  /** The 1-based line being read, for errors. */
  line = 0;
  seed = 0;
  scenario = '';
  params: TraceRunParams = { nodes: [] };
  end: EndRecord | null = null;
  livenessStartUs: number | null = null;

  readonly nodes: string[] = [];
  readonly membership = new MembershipState();
  private readonly nodeIndex = new Map<string, number>();
  private readonly states: NodeState[] = [];
  readonly omitted: Record<string, number> = {};

  readonly roleSpans: RoleSpan[] = [];
  readonly leaderChanges: LeaderChange[] = [];
  readonly elections: ElectionEvent[] = [];
  readonly downSpans: NodeSpan[] = [];
  readonly pauseSpans: NodeSpan[] = [];
  readonly slowSpans: NodeSpan[] = [];
  readonly networkFaults: NetworkFault[] = [];
  readonly marks: NodeMark[] = [];
  readonly commit = new Map<string, Series>();
  readonly applyLag = new Map<string, Series>();
  readonly logEntries = new Map<string, Series>();
  readonly snapshotLag = new Map<string, Series>();
  readonly clientOps: ClientOps = { tUs: [], latencyUs: [], outcome: [] };
  readonly clientHistory: ClientOperation[] = [];
  readonly clients: string[] = [];
  /** Operations invoked and not yet completed, by `client#id`. */
  readonly openOperations = new Map<string, ClientOperation>();
  linearizability: LinearizabilityRecord | null = null;
  readonly electionLatencies: ElectionLatency[] = [];
  /** Why terms ended without a leader: the definition the run's metrics use (contract/election-terms.ts). */
  readonly electionTerms = new ElectionTerms();
  readonly messages = new MessageTable();
  readonly stallSpans: NodeSpan[] = [];
  readonly leaderLosses: LeaderLoss[] = [];
  readonly leaderless: LeaderlessSpan[] = [];
  readonly counts = { snapshots: 0, snapshotStarts: 0, snapshotSkips: 0, snapshotInstalls: 0, compactions: 0, stalls: 0, leaderLost: 0, sends: 0, drops: 0 };
  /** Time of every `drop` record (a dropped duplicate copy is a drop of its own). */
  readonly dropTimesUs: number[] = [];
  /** Snapshots and skipped windows with their round, for the compaction drift chart. */
  readonly compactionRounds: RoundMember[] = [];

  /** Per node: the stall detected and not yet ended by a snapshot. */
  readonly openStalls = new Map<string, { fromUs: number; detail: string }>();
  readonly pendingSnapshots = new Map<string, PendingSnapshot>();
  /** Per node: position in `marks` of its last `snapshot` mark and its time, for the `compact` that follows. */
  readonly lastSnapshotMark = new Map<string, { position: number; tUs: number }>();
  openLeaderless: { fromUs: number; detail: string } | null = null;
  openPartitions: OpenNetworkFault[] = [];
  readonly openClogs = new Map<string, OpenNetworkFault>();
  openLinks: OpenNetworkFault[] = [];
  /** Message filters in force (drawn like degraded links, until filters-cleared or the full heal). */
  openFilters: OpenNetworkFault[] = [];

  /** Appends to a bounded list; beyond the bound the item is counted in `omitted` under `name`. */
  push<T>(list: T[], item: T, name: string): void {
    if (list.length >= MAX_LIST_ITEMS) this.omitted[name] = (this.omitted[name] ?? 0) + 1;
    else list.push(item);
  }

  /** Adds a point to a node's series; several records at one instant keep the last value. */
  sample(map: Map<string, Series>, node: string, tUs: number, value: number, name: string): void {
    let series = map.get(node);
    if (series === undefined) {
      series = { tUs: [], value: [] };
      map.set(node, series);
    }
    const last = series.tUs.length - 1;
    // Several records at one instant (a restart re-applies hundreds of entries at once): keep the last value.
    if (last >= 0 && series.tUs[last] === tUs) {
      series.value[last] = value;
      return;
    }
    if (series.tUs.length >= MAX_SERIES_POINTS) {
      this.omitted[name] = (this.omitted[name] ?? 0) + 1;
      return;
    }
    series.tUs.push(tUs);
    series.value.push(value);
  }

  /** The lane index of a node id, adding a lane (a follower of term 0, up) the first time the id is seen. */
  addNode(id: string): number {
    const known = this.nodeIndex.get(id);
    if (known !== undefined) return known;
    if (this.nodes.length >= MAX_NODES) throw new TraceFormatError(`more than ${MAX_NODES} node ids (at "${id.slice(0, 40)}")`, this.line);
    this.nodeIndex.set(id, this.nodes.length);
    this.nodes.push(id);
    this.states.push({
      role: 'follower',
      term: 0,
      leader: null,
      roleSinceUs: 0,
      up: true,
      started: true,
      downSinceUs: 0,
      downDetail: '',
      pausedSinceUs: null,
      pauseDetail: '',
      slowSinceUs: null,
      slowDetail: '',
      commit: null,
      applied: null,
    });
    return this.nodes.length - 1;
  }

  state(id: string): NodeState {
    return this.states[this.addNode(id)]!;
  }

  /** Adds every id as a lane and returns the ids. */
  knownNodes(ids: readonly string[]): readonly string[] {
    for (const id of ids) this.addNode(id);
    return ids;
  }

  /** `final`: the trace ended; keep even a zero-length span (a leader elected at the very last instant). */
  closeRole(node: string, s: NodeState, tUs: number, final = false): void {
    if (s.up && s.started && (tUs > s.roleSinceUs || (final && s.role !== 'follower'))) {
      this.push(this.roleSpans, { node, role: s.role, term: s.term, leader: s.leader, fromUs: s.roleSinceUs, toUs: tUs }, 'role spans');
    }
    s.roleSinceUs = tUs;
  }

  closePause(node: string, s: NodeState, tUs: number, open: boolean): void {
    if (s.pausedSinceUs === null) return;
    this.push(this.pauseSpans, { node, fromUs: s.pausedSinceUs, toUs: tUs, detail: s.pauseDetail, open }, 'pause spans');
    s.pausedSinceUs = null;
  }

  closeSlow(node: string, s: NodeState, tUs: number, open: boolean): void {
    if (s.slowSinceUs === null) return;
    this.push(this.slowSpans, { node, fromUs: s.slowSinceUs, toUs: tUs, detail: s.slowDetail, open }, 'slow spans');
    s.slowSinceUs = null;
  }

  /** Clears every node's slow handler (the liveness phase's heal). */
  closeAllSlow(tUs: number): void {
    this.nodes.forEach((node, k) => this.closeSlow(node, this.states[k]!, tUs, false));
  }

  sampleLag(node: string, s: NodeState, tUs: number): void {
    if (s.commit !== null && s.applied !== null) this.sample(this.applyLag, node, tUs, Math.max(0, s.commit - s.applied), 'apply lag samples');
  }

  closeNetwork(kind: NetworkFaultKind, fault: OpenNetworkFault, tUs: number, open: boolean): void {
    this.push(this.networkFaults, { kind, label: fault.label, nodes: fault.nodes, fromUs: fault.fromUs, toUs: tUs, open }, 'network faults');
  }

  /** Closes everything still open at the end of the trace and returns the model. */
  finish(records: number, endUs: number): RunModel {
    this.closeNodes(endUs);
    this.closeMeasurements(endUs);
    for (const fault of this.openPartitions) this.closeNetwork('partition', fault, endUs, true);
    for (const fault of this.openClogs.values()) this.closeNetwork('clog', fault, endUs, true);
    for (const fault of this.openLinks) this.closeNetwork('link', fault, endUs, true);
    for (const fault of this.openFilters) this.closeNetwork('link', fault, endUs, true);
    // Spans were closed in event order; the renderer wants them by start time for stable drawing order.
    this.downSpans.sort(byStart);
    this.pauseSpans.sort(byStart);
    this.slowSpans.sort(byStart);
    this.networkFaults.sort(byStart);
    this.stallSpans.sort(byStart);
    return this.model(records, endUs);
  }

  private closeNodes(endUs: number): void {
    this.nodes.forEach((node, k) => {
      const s = this.states[k]!;
      if (s.up) this.closeRole(node, s, endUs, true);
      else this.push(this.downSpans, { node, fromUs: s.downSinceUs, toUs: endUs, detail: `${s.downDetail}; still down at the end`, open: true }, 'down spans');
      this.closePause(node, s, endUs, true);
      this.closeSlow(node, s, endUs, true);
    });
  }

  private closeMeasurements(endUs: number): void {
    for (const [node, stall] of this.openStalls) this.push(this.stallSpans, { node, fromUs: stall.fromUs, toUs: endUs, detail: `${stall.detail}; no snapshot since`, open: true }, 'stall spans');
    for (const [node, pending] of this.pendingSnapshots) {
      const detail = `snapshot of index ${pending.index} (trigger ${pending.trigger}, round ${pending.round}) started ${formatSeconds(pending.tUs)}, not durable when the trace ended`;
      this.push(this.marks, { node, tUs: endUs, kind: 'snapshot-incomplete', label: '', detail }, 'marks');
    }
    const open = this.openLeaderless;
    if (open !== null) this.push(this.leaderless, { fromUs: open.fromUs, toUs: endUs, open: true, detail: `${open.detail}; no leader established by the end of the trace` }, 'leaderless spans');
  }

  private model(records: number, endUs: number): RunModel {
    return {
      seed: this.seed,
      scenario: this.scenario,
      params: this.params,
      nodes: this.nodes,
      records,
      endUs,
      end: this.end,
      livenessStartUs: this.livenessStartUs,
      roleSpans: this.roleSpans,
      leaderChanges: this.leaderChanges,
      elections: this.elections,
      downSpans: this.downSpans,
      pauseSpans: this.pauseSpans,
      slowSpans: this.slowSpans,
      networkFaults: this.networkFaults,
      marks: this.marks,
      commit: this.commit,
      applyLag: this.applyLag,
      clientOps: this.clientOps,
      clientHistory: this.clientHistory,
      clients: this.clients,
      linearizability: this.linearizability,
      messages: this.messages,
      logEntries: this.logEntries,
      snapshotLag: this.snapshotLag,
      electionLatencies: this.electionLatencies,
      electionTerms: this.electionTerms.counts(this.nodes.length),
      stallSpans: this.stallSpans,
      leaderLosses: this.leaderLosses,
      leaderless: this.leaderless,
      counts: this.counts,
      dropTimesUs: this.dropTimesUs,
      compactionRounds: this.compactionRounds,
      membership: membershipModel(this.membership, this.nodes, endUs),
      omitted: this.omitted,
    };
  }
}
