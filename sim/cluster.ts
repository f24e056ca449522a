// The cluster: N Raft nodes wired to their clocks, disks and links, driven by the scheduler.
// Each node runs the Ready loop documented in raft/node.ts: persist (append + fsync on the simulated disk),
// then send, then apply, then advance. Everything a node does happens in an event of the scheduler.
import { defaultRaftConfig, type RaftConfig } from '../raft/config.js';
import { RaftNode, messageBytes, type DurableState } from '../raft/node.js';
import { quorumSize } from '../raft/quorum.js';
import type { Entry, HardState, Message, RaftEvent, Ready, Snapshot } from '../raft/types.js';
import { SafetyChecker } from './checker.js';
import { defaultCompactionOptions, defaultMetricsOptions, type CompactionOptions, type MetricsOptions } from './compaction-options.js';
import { NodeClock } from './clock.js';
import { ProposalTimes } from './proposal-times.js';
import { Disk, type DiskOptions } from './disk.js';
import { MetricsCollector, type NodeSample } from './metrics.js';
import { KvStore, kvCommandBytes, type KvCommand, type KvImage, type KvResult } from './kv.js';
import { Network, type DropReason, type LinkConfig, type NodeId, type Topology } from './network.js';
import type { Fault, NodeTarget } from './nemesis.js';
import { Random, type Distribution } from './random.js';
import type { Scheduler } from './scheduler.js';
import type { Trace } from './trace.js';

export type WalRecord =
  | { readonly kind: 'hardState'; readonly hardState: HardState }
  | { readonly kind: 'entries'; readonly entries: readonly Entry[] }
  /** A snapshot received from the leader: it replaces the whole log before it. */
  | { readonly kind: 'snapshot'; readonly snapshot: Snapshot }
  /** A snapshot this node took of its own state machine; the log after it stays. */
  | { readonly kind: 'local-snapshot'; readonly snapshot: Snapshot };

export type NodeStatus = 'up' | 'down' | 'paused';

/** Messages between clients and nodes travel on their own network (never partitioned: the faults under study
 *  are between replicas). */
export type ClientMessage =
  | { readonly type: 'request'; readonly client: string; readonly command: KvCommand }
  | { readonly type: 'reply'; readonly client: string; readonly seq: number; readonly result: KvResult; readonly index: number }
  | { readonly type: 'redirect'; readonly client: string; readonly seq: number; readonly leader: NodeId | null }
  | { readonly type: 'busy'; readonly client: string; readonly seq: number };

export interface ClockSetting {
  readonly offsetUs: number;
  readonly driftPpm: number;
}

export interface ClusterOptions {
  readonly nodeIds: readonly NodeId[];
  readonly raft: Omit<RaftConfig, 'id' | 'voters'>;
  readonly link: LinkConfig;
  readonly topology: Topology | null;
  readonly maxMessageBytes: number;
  readonly clientLatency: Distribution;
  readonly clocks: Readonly<Record<NodeId, ClockSetting>>;
  readonly disk: DiskOptions;
  /** On a crash, keep the first unsynced record as a torn write that recovery must discard. */
  readonly tearOnCrash: boolean;
  /** Bound on events queued for a paused node; beyond it, deliveries to it are dropped. */
  readonly maxPausedBacklog: number;
  /** Broken-variant knob outside raft/: forget votedFor when restarting (breaks Election Safety). */
  readonly forgetVoteOnRestart: boolean;
  readonly compaction: CompactionOptions;
  readonly metrics: MetricsOptions;
}

export function defaultClusterOptions(nodeIds: readonly NodeId[]): ClusterOptions {
  const { id: _id, voters: _voters, ...raft } = defaultRaftConfig(nodeIds[0] ?? 'n1', nodeIds);
  const clocks: Record<NodeId, ClockSetting> = {};
  for (const id of nodeIds) clocks[id] = { offsetUs: 0, driftPpm: 0 };
  return {
    nodeIds,
    raft,
    link: {
      latency: { kind: 'uniform', minUs: 500, maxUs: 2_000 },
      dropChance: 0,
      duplicateChance: 0,
      reorderChance: 0,
      reorderDelay: { kind: 'uniform', minUs: 1_000, maxUs: 10_000 },
    },
    topology: null,
    maxMessageBytes: 4 * 1024 * 1024,
    clientLatency: { kind: 'uniform', minUs: 200, maxUs: 1_000 },
    clocks,
    disk: { appendLatency: { kind: 'uniform', minUs: 10, maxUs: 50 }, fsyncLatency: { kind: 'uniform', minUs: 200, maxUs: 1_500 } },
    tearOnCrash: true,
    maxPausedBacklog: 100_000,
    forgetVoteOnRestart: false,
    compaction: defaultCompactionOptions,
    metrics: defaultMetricsOptions,
  };
}

interface PendingCompaction {
  readonly snapshot: Snapshot;
  readonly trigger: 'count' | 'time';
  readonly round: string;
  readonly startedUs: number;
  readonly intendedUs: number | null;
}

/** What the event being handled is, for Cluster.currentEvent (text built on demand). */
const enum EventKind {
  Text,
  Deliver,
  Timer,
  Fsync,
  Apply,
  Client,
}

/** Bound on proposal timestamps a leader keeps for latency metrics. */
const maxProposalTimes = 100_000;

interface PendingClient {
  readonly client: string;
  readonly seq: number;
  readonly digest: string;
}

/** One simulated server process: a Raft node plus its state machine, clock and disk. */
export class SimNode {
  status: NodeStatus = 'up';
  raft: RaftNode;
  kv = new KvStore();
  /** Bumped on every crash: events scheduled by an earlier incarnation are ignored. */
  incarnation = 0;
  readyInFlight = false;
  armedWakeUs = Number.POSITIVE_INFINITY;
  slowDelayUs = 0;
  busyUntilUs = 0;
  backlog: { handler: (arg: never) => void; arg: unknown }[] = [];
  /** Client commands proposed here as leader, by log index, to answer once applied. */
  readonly pendingWrites = new Map<number, PendingClient>();
  /** ReadIndex requests by request id, and reads whose index is known, waiting for apply. */
  readonly pendingReads = new Map<number, { client: string; seq: number; key: string }>();
  readyReads: { requestId: number; index: number }[] = [];
  lastRole: string = 'follower';
  lastTerm = 0;
  /** The hard state last written to the WAL (what a compaction rewrite carries over). */
  lastHardState: HardState = { term: 0, vote: null, commit: 0 };
  /** Committed entries handed out by Raft, waiting for the (possibly slow) state machine. */
  applyQueue: Entry[] = [];
  applyScheduled = false;
  applyBusyUntilUs = 0;
  /** Index of the node's latest durable snapshot (its own or one installed from the leader). */
  lastSnapshotIndex = 0;
  snapshotInProgress = false;
  /** A durable snapshot waiting to drop the log prefix: deferred while a Ready is being persisted, because the
   *  WAL rewrite must not race an unfinished append. */
  pendingCompaction: PendingCompaction | null = null;
  countRounds = 0;
  /** Last local-clock window the time trigger fired for; and a token that invalidates armed window timers. */
  lastWindow = 0;
  windowToken = 0;
  lastCommitSeen = 0;
  /** Leader: true time each index was proposed here (commit and replication latency), in index order. */
  readonly proposedAtUs = new ProposalTimes(maxProposalTimes);
  readonly replicationAcked = new Map<NodeId, number>();

  constructor(
    readonly id: NodeId,
    readonly clock: NodeClock,
    readonly disk: Disk<WalRecord>,
    readonly timerRandom: Random,
    raft: RaftNode,
  ) {
    this.raft = raft;
  }
}

/** Cluster-level events for observers (metrics, event-triggered faults). */
export type ClusterEvent =
  | { readonly kind: 'leader-elected'; readonly node: NodeId; readonly term: number }
  | { readonly kind: 'leader-lost'; readonly node: NodeId; readonly term: number; readonly why: 'crash' | 'pause' | 'step-down' }
  | { readonly kind: 'crash'; readonly node: NodeId }
  | { readonly kind: 'restart'; readonly node: NodeId }
  | { readonly kind: 'fault'; readonly fault: Fault }
  | { readonly kind: 'snapshot'; readonly node: NodeId; readonly index: number };

export type ClusterEventKind = ClusterEvent['kind'];

export interface ClusterHooks {
  /** A client-facing message arrived at a client. */
  clientMessage(to: string, message: ClientMessage, from: NodeId): void;
}

export interface ClusterStats {
  readonly messagesByType: Record<string, { sent: number; delivered: number; dropped: number }>;
  readonly droppedByReason: Record<string, number>;
  crashes: number;
  restarts: number;
  pauses: number;
  elections: number;
  preVoteRounds: number;
  electionsLost: number;
  leaderChanges: number;
  checkQuorumStepDowns: number;
  snapshotsInstalled: number;
  tornRecordsDiscarded: number;
}

export class Cluster {
  readonly nodes = new Map<NodeId, SimNode>();
  readonly network: Network<Message>;
  readonly clientNetwork: Network<ClientMessage>;
  readonly checker: SafetyChecker | null;
  readonly metrics: MetricsCollector;
  readonly stats: ClusterStats;
  /** Describes the event being handled, for violation reports. The hot event kinds (delivery, timer, fsync,
   *  apply, client request) record their parts and build the text only when it is read: formatting a string in
   *  every event showed up in profiles, and the text is needed only when an invariant fails. */
  get currentEvent(): string {
    const node = this.eventNode!;
    switch (this.eventKind) {
      case EventKind.Text:
        return this.eventText;
      case EventKind.Deliver: {
        const message = this.eventMessage!;
        return `deliver ${message.type} ${message.from}->${message.to} #${this.eventNumber}`;
      }
      case EventKind.Timer:
        return `timer of ${node.id}`;
      case EventKind.Fsync:
        return `fsync done on ${node.id}`;
      case EventKind.Apply:
        return `apply ${this.eventNumber} on ${node.id}`;
      case EventKind.Client: {
        const message = this.eventClientMessage as Extract<ClientMessage, { type: 'request' }>;
        return `client request ${message.client}#${message.command.seq} at ${node.id}`;
      }
    }
  }
  set currentEvent(text: string) {
    this.eventKind = EventKind.Text;
    this.eventText = text;
  }
  private eventKind = EventKind.Text;
  private eventText = 'start';
  private eventNode: SimNode | null = null;
  private eventMessage: Message | null = null;
  private eventClientMessage: ClientMessage | null = null;
  private eventNumber = 0;

  /** Records a lazily described event (see currentEvent). */
  private setEvent(kind: EventKind, node: SimNode, number: number): void {
    this.eventKind = kind;
    this.eventNode = node;
    this.eventNumber = number;
  }
  private nextReadId = 1;
  private readonly observers: ((event: ClusterEvent) => void)[] = [];
  /** Nodes in the order they crashed (bounded: a node appears once, at its latest crash). */
  private crashOrder: NodeId[] = [];

  addObserver(observer: (event: ClusterEvent) => void): void {
    this.observers.push(observer);
  }

  notify(event: ClusterEvent): void {
    for (const observer of this.observers) observer(event);
  }

  constructor(
    readonly scheduler: Scheduler,
    readonly random: Random,
    readonly options: ClusterOptions,
    readonly trace: Trace,
    readonly seed: number,
    checkInvariants: boolean,
    private readonly hooks: ClusterHooks,
    clientIds: readonly string[],
  ) {
    this.stats = {
      messagesByType: {},
      droppedByReason: {},
      crashes: 0,
      restarts: 0,
      pauses: 0,
      elections: 0,
      preVoteRounds: 0,
      electionsLost: 0,
      leaderChanges: 0,
      checkQuorumStepDowns: 0,
      snapshotsInstalled: 0,
      tornRecordsDiscarded: 0,
    };
    this.checker = checkInvariants
      ? new SafetyChecker(
          {
            seed,
            nowUs: () => this.scheduler.nowUs,
            currentEvent: () => this.currentEvent,
            nodeState: (id) => this.describeNode(id),
          },
          entryDigest,
        )
      : null;
    const nodeIds = options.nodeIds;
    this.metrics = new MetricsCollector(nodeIds, options.metrics, trace);
    this.addObserver((event) => {
      if (event.kind === 'leader-lost') this.metrics.onLeaderLost(this.scheduler.nowUs, event.node, event.term, event.why);
    });
    this.network = new Network<Message>(
      scheduler,
      random.child('network'),
      {
        nodes: [...nodeIds],
        defaultLink: options.link,
        ...(options.topology !== null ? { topology: options.topology } : {}),
        maxMessageBytes: options.maxMessageBytes,
      },
      {
        deliver: (from, to, message, id) => this.onDeliver(from, to, message, id),
        dropped: (from, to, message, id, reason) => this.onDropped(from, to, message, id, reason),
        isUp: (id) => this.nodes.get(id)!.status !== 'down',
      },
    );
    this.clientNetwork = new Network<ClientMessage>(
      scheduler,
      random.child('client-network'),
      {
        nodes: [...nodeIds, ...clientIds],
        defaultLink: { latency: options.clientLatency, dropChance: 0, duplicateChance: 0, reorderChance: 0, reorderDelay: { kind: 'constant', valueUs: 0 } },
        maxMessageBytes: options.maxMessageBytes,
      },
      {
        deliver: (from, to, message) => {
          if (this.nodes.has(to)) this.onClientRequest(this.nodes.get(to)!, message);
          else this.hooks.clientMessage(to, message, from);
        },
        isUp: (id) => this.nodes.get(id)?.status !== 'down',
      },
    );
    for (const id of nodeIds) {
      const setting = options.clocks[id] ?? { offsetUs: 0, driftPpm: 0 };
      const clock = new NodeClock({ offsetUs: setting.offsetUs, driftPpm: setting.driftPpm });
      const disk = new Disk<WalRecord>(options.disk, random.child(`disk/${id}`));
      const timerRandom = random.child(`node/${id}/timers`);
      const raft = RaftNode.create({ config: this.raftConfig(id), random: () => timerRandom.next(), nowUs: clock.localAt(0) });
      const node = new SimNode(id, clock, disk, timerRandom, raft);
      this.nodes.set(id, node);
    }
  }

  raftConfig(id: NodeId): RaftConfig {
    const raft = this.options.raft;
    const noSnapshotFallback = raft.unsafe.noSnapshotFallback || this.options.compaction.mistakes.noSnapshotFallback;
    return { ...raft, id, voters: this.options.nodeIds, unsafe: { ...raft.unsafe, noSnapshotFallback } };
  }

  start(): void {
    for (const node of this.nodes.values()) {
      if (this.trace.enabled) this.trace.emit({ t: 0, type: 'role', node: node.id, role: 'follower', term: 0, leader: null });
      this.armWake(node);
      this.armWindow(node);
    }
    this.scheduler.at(this.options.metrics.sampleIntervalUs, this.onSample, null);
  }

  // ------------------------------------------------------------------ node event entry points

  private localNow(node: SimNode): number {
    return node.clock.localAt(this.scheduler.nowUs);
  }

  /** Arms the node's wake-up at the true time its local clock reaches the Raft deadline. One pending wake per
   *  node; a later deadline lets the armed wake fire early and re-arm. */
  armWake(node: SimNode): void {
    if (node.status === 'down') return;
    const deadlineLocal = node.raft.nextDeadlineUs();
    const atUs = node.clock.trueWhenLocal(deadlineLocal, this.scheduler.nowUs);
    if (atUs < node.armedWakeUs) {
      node.armedWakeUs = atUs;
      this.scheduler.at(atUs, this.onWake, { node, incarnation: node.incarnation, atUs });
    }
  }

  private readonly onWake = (arg: { node: SimNode; incarnation: number; atUs: number }): void => {
    const node = arg.node;
    if (arg.incarnation !== node.incarnation || arg.atUs !== node.armedWakeUs) return;
    node.armedWakeUs = Number.POSITIVE_INFINITY;
    if (node.status === 'paused') {
      node.backlog.push({ handler: this.onWakeResumed as (arg: never) => void, arg: node });
      return;
    }
    this.setEvent(EventKind.Timer, node, 0);
    const local = this.localNow(node);
    if (local >= node.raft.nextDeadlineUs()) node.raft.tick(local);
    this.afterInput(node);
  };

  private readonly onWakeResumed = (node: SimNode): void => {
    this.armWake(node);
  };

  private onDeliver(from: NodeId, to: NodeId, message: Message, id: number): void {
    const node = this.nodes.get(to)!;
    this.countMessage(message.type, 'delivered');
    if (this.trace.enabled) this.trace.emitMessage(this.scheduler.nowUs, 'deliver', from, to, message.type, id);
    this.handleMessage(node, message, id);
  }

  private handleMessage(node: SimNode, message: Message, id: number): void {
    if (node.status === 'down') return;
    if (node.status === 'paused') {
      if (node.backlog.length >= this.options.maxPausedBacklog) {
        this.onDropped(message.from, node.id, message, id, 'node-down');
        return;
      }
      node.backlog.push({ handler: this.onBackloggedMessage as (arg: never) => void, arg: { node, message, id, incarnation: node.incarnation } });
      return;
    }
    if (node.slowDelayUs > 0) {
      // A slow handler: messages are processed one after another, each after the added delay.
      const atUs = Math.max(this.scheduler.nowUs, node.busyUntilUs) + node.slowDelayUs;
      node.busyUntilUs = atUs;
      this.scheduler.at(atUs, this.onSlowMessage, { node, message, id, incarnation: node.incarnation });
      return;
    }
    this.stepMessage(node, message, id);
  }

  private readonly onBackloggedMessage = (arg: { node: SimNode; message: Message; id: number; incarnation: number }): void => {
    if (arg.incarnation !== arg.node.incarnation) return;
    this.handleMessage(arg.node, arg.message, arg.id);
  };

  private readonly onSlowMessage = (arg: { node: SimNode; message: Message; id: number; incarnation: number }): void => {
    if (arg.incarnation !== arg.node.incarnation || arg.node.status === 'down') return;
    if (arg.node.status === 'paused') {
      arg.node.backlog.push({ handler: this.onSlowMessageResumed as (arg: never) => void, arg });
      return;
    }
    this.stepMessage(arg.node, arg.message, arg.id);
  };

  private readonly onSlowMessageResumed = (arg: { node: SimNode; message: Message; id: number; incarnation: number }): void => {
    if (arg.incarnation !== arg.node.incarnation) return;
    this.stepMessage(arg.node, arg.message, arg.id);
  };

  private stepMessage(node: SimNode, message: Message, id: number): void {
    this.eventMessage = message;
    this.setEvent(EventKind.Deliver, node, id);
    node.raft.step(message, this.localNow(node));
    const raft = node.raft;
    if ((message.type === 'AppendEntries' || message.type === 'Heartbeat') && raft.currentTerm === message.term && raft.leader === message.from) {
      // Messages still in flight from a leader that crashed, paused or stepped down do not re-establish it.
      const sender = this.nodes.get(message.from)!;
      if (sender.status === 'up' && sender.raft.role === 'leader' && sender.raft.currentTerm === message.term) {
        this.metrics.onLeaderContact(this.scheduler.nowUs, message.from, message.term, node.id);
      }
    } else if (message.type === 'AppendEntriesResponse' && !message.reject && raft.role === 'leader' && message.term === raft.currentTerm) {
      this.measureReplication(node, message.from, message.index);
    }
    this.afterInput(node);
  }

  /** Datacenter of the follower whose acknowledgement onReplicated is measuring. */
  private replicationDatacenter = 'all';
  /** Created once and handed to ProposalTimes.forEachIn, so measuring allocates no closure. */
  private readonly onReplicated = (proposedUs: number): void => {
    this.metrics.onReplicationLatency(this.replicationDatacenter, this.scheduler.nowUs - proposedUs);
  };
  private readonly onCommitted = (proposedUs: number): void => {
    this.metrics.onCommitLatency(this.scheduler.nowUs - proposedUs);
  };

  /** Replication ("sync") latency: from the leader proposing an index to a follower acknowledging it durable. */
  private measureReplication(leader: SimNode, follower: NodeId, index: number): void {
    const previous = leader.replicationAcked.get(follower) ?? 0;
    if (index <= previous) return;
    leader.replicationAcked.set(follower, index);
    if (leader.proposedAtUs.size === 0) return;
    this.replicationDatacenter = this.options.topology?.datacenterOf[follower] ?? 'all';
    leader.proposedAtUs.forEachIn(Math.max(previous + 1, index - 10_000), index, this.onReplicated);
    this.forgetProposalTimes(leader);
  }

  /** Drops the proposal times no measurement can read any more: commit latency reads only indexes above
   *  lastCommitSeen, replication latency only those above each follower's last acknowledgement, and both only
   *  grow during a leadership. Without this a healthy leader kept maxProposalTimes (100,000) entries, about 9 MiB
   *  of live heap. The times are kept in index order, so the forgotten ones are a prefix, exactly the entries the
   *  size bound would evict first: the measurements are unchanged. */
  private forgetProposalTimes(leader: SimNode): void {
    const times = leader.proposedAtUs;
    if (times.size === 0) return;
    let floor = leader.lastCommitSeen;
    for (const id of this.options.nodeIds) {
      if (id !== leader.id) floor = Math.min(floor, leader.replicationAcked.get(id) ?? 0);
    }
    times.forgetThrough(floor);
  }

  private onDropped(from: NodeId, to: NodeId, message: Message, id: number, reason: DropReason): void {
    this.countMessage(message.type, 'dropped');
    this.stats.droppedByReason[reason] = (this.stats.droppedByReason[reason] ?? 0) + 1;
    if (this.trace.enabled) this.trace.emit({ t: this.scheduler.nowUs, type: 'drop', from, to, msg: message.type, id, reason });
  }

  private countMessage(type: string, what: 'sent' | 'delivered' | 'dropped'): void {
    let counts = this.stats.messagesByType[type];
    if (counts === undefined) {
      counts = { sent: 0, delivered: 0, dropped: 0 };
      this.stats.messagesByType[type] = counts;
    }
    // A switch, not counts[what]++: a store keyed by a variable name is a generic (slow) property access.
    switch (what) {
      case 'sent':
        counts.sent++;
        return;
      case 'delivered':
        counts.delivered++;
        return;
      case 'dropped':
        counts.dropped++;
        return;
    }
  }

  // ------------------------------------------------------------------ the Ready loop

  /** After any input: report events, check invariants, process Ready, re-arm the timer. */
  afterInput(node: SimNode): void {
    this.observe(node);
    this.processReady(node);
    this.armWake(node);
  }

  private readonly walScratch: { record: WalRecord; bytes: number }[] = [];

  private processReady(node: SimNode): void {
    if (node.readyInFlight || node.status !== 'up') return;
    if (!node.raft.hasReady()) return;
    const ready = node.raft.ready();
    this.observe(node);
    if (this.checker !== null && ready.entries.length > 0) this.checker.onEntriesAppended(node.id, ready.entries, node.raft.log);
    // One scratch array for every Ready: Disk.append copies the records out and keeps no reference to it.
    // Its length is set only when the record count differs from the last Ready's (setting an array's length
    // is a runtime call, and showed up in profiles when done on every Ready).
    const records = this.walScratch;
    let count = 0;
    if (ready.snapshot !== null) records[count++] = { record: { kind: 'snapshot', snapshot: ready.snapshot }, bytes: ready.snapshot.bytes + 64 };
    if (ready.hardState !== null) {
      records[count++] = { record: { kind: 'hardState', hardState: ready.hardState }, bytes: 32 };
      node.lastHardState = ready.hardState;
    }
    if (ready.entries.length > 0) {
      let bytes = 16;
      const entries = ready.entries;
      for (let k = 0; k < entries.length; k++) bytes += entries[k]!.bytes + 16;
      records[count++] = { record: { kind: 'entries', entries: ready.entries }, bytes };
    }
    if (records.length !== count) records.length = count;
    const now = this.scheduler.nowUs;
    if (count > 0) node.disk.append(now, records);
    if (ready.mustSync) {
      // Paper Figure 2: persistent state is updated on stable storage before responding to RPCs.
      const { doneUs, token } = node.disk.fsync(now);
      node.readyInFlight = true;
      this.scheduler.at(doneUs, this.onReadyDurable, { node, ready, token, incarnation: node.incarnation });
      return;
    }
    this.completeReady(node, ready);
  }

  private readonly onReadyDurable = (arg: { node: SimNode; ready: Ready; token: number; incarnation: number }): void => {
    const node = arg.node;
    if (arg.incarnation !== node.incarnation) return;
    node.disk.completeSync(arg.token);
    if (node.status === 'paused') {
      node.backlog.push({ handler: this.onReadyResumed as (arg: never) => void, arg });
      return;
    }
    this.setEvent(EventKind.Fsync, node, 0);
    node.readyInFlight = false;
    this.completeReady(node, arg.ready);
    this.armWake(node);
  };

  private readonly onReadyResumed = (arg: { node: SimNode; ready: Ready; incarnation: number }): void => {
    if (arg.incarnation !== arg.node.incarnation) return;
    arg.node.readyInFlight = false;
    this.completeReady(arg.node, arg.ready);
    this.armWake(arg.node);
  };

  private completeReady(node: SimNode, ready: Ready): void {
    const now = this.scheduler.nowUs;
    // Indexed loops in the Ready loop: for-of over the shared, frozen empty arrays of a Ready allocated an
    // iterator result per loop (seen in allocation profiles).
    const messages = ready.messages;
    for (let k = 0; k < messages.length; k++) {
      const message = messages[k]!;
      this.countMessage(message.type, 'sent');
      const id = this.network.send(node.id, message.to, message, messageBytes(message));
      if (this.trace.enabled) this.trace.emitMessage(now, 'send', node.id, message.to, message.type, id);
    }
    if (ready.snapshot !== null) this.installSnapshot(node, ready.snapshot);
    const readStates = ready.readStates;
    for (let k = 0; k < readStates.length; k++) node.readyReads.push(readStates[k]!);
    this.applyCommitted(node, ready.committedEntries);
    node.raft.advance(ready);
    this.observe(node);
    this.processReady(node);
    if (!node.readyInFlight) this.tryCompact(node);
  }

  // ------------------------------------------------------------------ the apply pipeline

  /** Hands committed entries to the state machine: at once when applying is free, else one entry per
   *  applyCostUs, so a slow state machine lets the backlog between commit and apply grow. */
  private applyCommitted(node: SimNode, handedOut: readonly Entry[]): void {
    // Entries at or below Raft's applied index were covered by a snapshot from the leader that Raft accepted
    // while they were in flight; the state machine gets that snapshot instead.
    const applied = node.raft.log.applied;
    const entries = handedOut.length > 0 && handedOut[0]!.index <= applied ? handedOut.filter((entry) => entry.index > applied) : handedOut;
    if (this.options.compaction.applyCostUs === 0 && node.applyQueue.length === 0) {
      for (let k = 0; k < entries.length; k++) this.applyEntry(node, entries[k]!);
      if (entries.length > 0) {
        node.raft.appliedTo(entries[entries.length - 1]!.index);
        this.afterApply(node);
      } else {
        this.serveReads(node);
      }
      return;
    }
    for (let k = 0; k < entries.length; k++) node.applyQueue.push(entries[k]!);
    this.serveReads(node);
    this.scheduleApply(node);
  }

  private scheduleApply(node: SimNode): void {
    if (node.applyScheduled || node.applyQueue.length === 0 || node.status === 'down') return;
    node.applyScheduled = true;
    const atUs = Math.max(this.scheduler.nowUs, node.applyBusyUntilUs) + this.options.compaction.applyCostUs;
    node.applyBusyUntilUs = atUs;
    this.scheduler.at(atUs, this.onApplyTick, { node, incarnation: node.incarnation });
  }

  private readonly onApplyTick = (arg: { node: SimNode; incarnation: number }): void => {
    const node = arg.node;
    if (arg.incarnation !== node.incarnation) return;
    node.applyScheduled = false;
    if (node.status === 'paused') {
      node.backlog.push({ handler: this.onApplyResumed as (arg: never) => void, arg: node });
      return;
    }
    const entry = node.applyQueue.shift();
    if (entry === undefined) return;
    if (entry.index <= node.raft.log.applied) {
      // Covered by a leader's snapshot that Raft accepted meanwhile (see applyCommitted).
      node.applyQueue = node.applyQueue.filter((queued) => queued.index > node.raft.log.applied);
      this.scheduleApply(node);
      return;
    }
    this.setEvent(EventKind.Apply, node, entry.index);
    this.applyEntry(node, entry);
    node.raft.appliedTo(entry.index);
    this.afterApply(node);
    this.scheduleApply(node);
  };

  private readonly onApplyResumed = (node: SimNode): void => {
    this.scheduleApply(node);
  };

  private afterApply(node: SimNode): void {
    this.serveReads(node);
    this.maybeSnapshotByCount(node);
  }

  // ------------------------------------------------------------------ snapshots and compaction

  /** The incident's mistake: a trigger that also requires the apply backlog to be small stays false under load. */
  private triggerBlockedByApplyLag(node: SimNode): boolean {
    const mistakes = this.options.compaction.mistakes;
    return mistakes.triggerOnApplyLag && node.raft.log.lastIndex() - node.raft.log.applied > mistakes.applyLagTolerance;
  }

  /** Count trigger (etcd --snapshot-count): applied - lastSnapshotIndex >= snapshotCount. */
  private maybeSnapshotByCount(node: SimNode): void {
    const count = this.options.compaction.snapshotCount;
    if (count === null || node.snapshotInProgress || node.status !== 'up') return;
    if (node.raft.log.applied - node.lastSnapshotIndex < count) return;
    if (this.triggerBlockedByApplyLag(node)) return;
    node.countRounds++;
    this.startSnapshot(node, 'count', `count:${node.countRounds}`, null);
  }

  /** Time trigger: arm a timer at the next multiple of snapshotIntervalUs on the node's LOCAL clock. */
  armWindow(node: SimNode): void {
    const intervalUs = this.options.compaction.snapshotIntervalUs;
    if (intervalUs === null || node.status === 'down') return;
    node.windowToken++;
    const now = this.scheduler.nowUs;
    const window = Math.max(node.lastWindow + 1, Math.floor(node.clock.localAt(now) / intervalUs) + 1);
    const atUs = node.clock.trueWhenLocal(window * intervalUs, now);
    this.scheduler.at(atUs, this.onWindow, { node, incarnation: node.incarnation, token: node.windowToken, window });
  }

  private readonly onWindow = (arg: { node: SimNode; incarnation: number; token: number; window: number }): void => {
    const node = arg.node;
    if (arg.incarnation !== node.incarnation || arg.token !== node.windowToken) return;
    if (node.status === 'paused') {
      node.backlog.push({ handler: this.onWindowResumed as (arg: never) => void, arg });
      return;
    }
    this.currentEvent = `snapshot window ${arg.window} on ${node.id}`;
    node.lastWindow = arg.window;
    const intervalUs = this.options.compaction.snapshotIntervalUs!;
    // A perfect clock (local == true) would have fired at window x interval of true time.
    const intendedUs = arg.window * intervalUs;
    const round = `time:${arg.window}`;
    if (node.raft.log.applied <= node.lastSnapshotIndex && !node.snapshotInProgress) {
      const now = this.scheduler.nowUs;
      this.metrics.onNoopRound({ node: node.id, index: node.raft.log.applied, trigger: 'time', round, startedUs: now, completedUs: now, intendedUs, noop: true });
    } else if (!node.snapshotInProgress && !this.triggerBlockedByApplyLag(node)) {
      this.startSnapshot(node, 'time', round, intendedUs);
    }
    this.armWindow(node);
  };

  private readonly onWindowResumed = (arg: { node: SimNode; incarnation: number; token: number; window: number }): void => {
    this.onWindow(arg);
  };

  /** Step 1 of a crash-consistent snapshot: write the state-machine image and fsync it. Only when that is durable
   *  is the log prefix dropped (step 2, tryCompact). A crash in between loses nothing: recovery finds either the
   *  old snapshot and the full log, or the new snapshot and the full log. */
  startSnapshot(node: SimNode, trigger: 'count' | 'time', round: string, intendedUs: number | null): void {
    const log = node.raft.log;
    const index = log.applied;
    if (index <= node.lastSnapshotIndex || node.snapshotInProgress) return;
    if (node.kv.appliedIndex !== index) throw new Error(`${node.id}: state machine at ${node.kv.appliedIndex}, Raft applied ${index}`);
    const term = log.term(index)!;
    const bytes = Math.max(64, node.kv.sizeBytes);
    const snapshot: Snapshot = { meta: { index, term, voters: [...this.options.nodeIds] }, data: node.kv.image(), bytes };
    const now = this.scheduler.nowUs;
    node.snapshotInProgress = true;
    node.disk.append(now, [{ record: { kind: 'local-snapshot', snapshot }, bytes }]);
    const { doneUs, token } = node.disk.fsync(now);
    const writeUs = Math.ceil((bytes * 1_000_000) / this.options.compaction.snapshotBytesPerSecond);
    const pending: PendingCompaction = { snapshot, trigger, round, startedUs: now, intendedUs };
    this.scheduler.at(doneUs + writeUs, this.onSnapshotDurable, { node, incarnation: node.incarnation, token, pending });
    if (this.trace.enabled) this.trace.emit({ t: now, type: 'snapshot-start', node: node.id, index, trigger, round });
  }

  private readonly onSnapshotDurable = (arg: { node: SimNode; incarnation: number; token: number; pending: PendingCompaction }): void => {
    const node = arg.node;
    if (arg.incarnation !== node.incarnation) return;
    node.disk.completeSync(arg.token);
    node.lastSnapshotIndex = Math.max(node.lastSnapshotIndex, arg.pending.snapshot.meta.index);
    node.pendingCompaction = arg.pending;
    if (node.status === 'paused') {
      node.backlog.push({ handler: this.onCompactResumed as (arg: never) => void, arg: node });
      return;
    }
    this.currentEvent = `snapshot durable on ${node.id}`;
    this.tryCompact(node);
  };

  private readonly onCompactResumed = (node: SimNode): void => {
    this.tryCompact(node);
  };

  /** Step 2: drop the log prefix, keeping catchUpEntries behind the snapshot, and rewrite the WAL atomically
   *  (write a new file, fsync, rename) with the snapshot, the hard state and the retained entries. */
  private tryCompact(node: SimNode): void {
    const pending = node.pendingCompaction;
    if (pending === null || node.readyInFlight || node.status !== 'up') return;
    node.pendingCompaction = null;
    node.snapshotInProgress = false;
    const log = node.raft.log;
    const snapshot = pending.snapshot;
    const newer = log.snapshot();
    if (newer !== null && newer.meta.index > snapshot.meta.index) return; // a leader's snapshot superseded it
    const compactIndex = Math.max(log.compacted.index, Math.min(snapshot.meta.index - this.options.compaction.catchUpEntries, log.persistedLastIndex(), log.applied));
    node.raft.compact(snapshot, compactIndex);
    const entries: Entry[] = [];
    let entryBytes = 16;
    for (let index = log.compacted.index + 1; index <= log.persistedLastIndex(); index++) {
      const entry = log.entry(index)!;
      entries.push(entry);
      entryBytes += entry.bytes + 16;
    }
    const records: { record: WalRecord; bytes: number }[] = [
      { record: { kind: 'local-snapshot', snapshot }, bytes: snapshot.bytes },
      { record: { kind: 'hardState', hardState: node.lastHardState }, bytes: 32 },
    ];
    if (entries.length > 0) records.push({ record: { kind: 'entries', entries }, bytes: entryBytes });
    node.disk.rewrite(records);
    const now = this.scheduler.nowUs;
    this.metrics.onCompaction(
      { node: node.id, index: snapshot.meta.index, trigger: pending.trigger, round: pending.round, startedUs: pending.startedUs, completedUs: now, intendedUs: pending.intendedUs, noop: false },
      snapshot.meta.term,
      snapshot.bytes,
    );
    if (this.trace.enabled) this.trace.emit({ t: now, type: 'compact', node: node.id, index: log.compacted.index, retained: log.lastIndex() - log.compacted.index, diskBytes: node.disk.bytesUsed });
    this.notify({ kind: 'snapshot', node: node.id, index: snapshot.meta.index });
  }

  // ------------------------------------------------------------------ metrics sampling

  private readonly onSample = (): void => {
    const now = this.scheduler.nowUs;
    const samples: NodeSample[] = [];
    for (const node of this.nodes.values()) {
      const log = node.raft.log;
      samples.push({
        node: node.id,
        retainedEntries: log.lastIndex() - log.compacted.index,
        diskBytes: node.disk.bytesUsed,
        firstIndex: log.firstIndex(),
        lastIndex: log.lastIndex(),
        snapshotIndex: node.lastSnapshotIndex,
        applied: log.applied,
        commit: log.committed,
        up: node.status !== 'down',
      });
    }
    this.metrics.onSample(now, samples, (id) => this.stallReason(this.nodes.get(id)!));
    // Bound the checker's memory: every node (a crashed one included) has everything up to its durable snapshot,
    // and re-applies only what follows it, so records below the smallest snapshot index are no longer needed.
    if (this.checker !== null) {
      let floor = Number.POSITIVE_INFINITY;
      for (const node of this.nodes.values()) floor = Math.min(floor, node.lastSnapshotIndex);
      if (floor > 0) this.checker.pruneBelow(floor + 1);
    }
    this.scheduler.after(this.options.metrics.sampleIntervalUs, this.onSample, null);
  };

  /** Why a node has not snapshotted for longer than the stall bound. */
  private stallReason(node: SimNode): string {
    const compaction = this.options.compaction;
    const log = node.raft.log;
    const lag = log.lastIndex() - log.applied;
    if (compaction.snapshotCount === null && compaction.snapshotIntervalUs === null) return 'no snapshot trigger is configured';
    if (this.triggerBlockedByApplyLag(node)) {
      return `the snapshot trigger is keyed on raft index - applied index, which stayed above ${compaction.mistakes.applyLagTolerance} (apply lag ${lag} entries: raft index ${log.lastIndex()}, applied ${log.applied}) so it never fired`;
    }
    if (node.snapshotInProgress) return 'a snapshot has been in progress for longer than the bound';
    if (compaction.snapshotCount !== null && log.applied - node.lastSnapshotIndex < compaction.snapshotCount) {
      return `applied index ${log.applied} is only ${log.applied - node.lastSnapshotIndex} past the last snapshot (count trigger ${compaction.snapshotCount}); commit ${log.committed}, apply lag ${log.committed - log.applied}`;
    }
    return 'snapshots are taken but the retained log stays above the threshold (catch-up entries or a slow follower)';
  }

  private installSnapshot(node: SimNode, snapshot: Snapshot): void {
    // Entries still queued for applying are covered by the snapshot.
    node.applyQueue = [];
    node.lastSnapshotIndex = Math.max(node.lastSnapshotIndex, snapshot.meta.index);
    node.kv = KvStore.fromImage(snapshot.data as KvImage);
    this.stats.snapshotsInstalled++;
    this.checker?.onSnapshotApplied(node.id, snapshot.meta.index);
    if (this.trace.enabled) this.trace.emit({ t: this.scheduler.nowUs, type: 'snapshot-install', node: node.id, index: snapshot.meta.index, term: snapshot.meta.term });
  }

  private applyEntry(node: SimNode, entry: Entry): void {
    this.checker?.onApply(node.id, entry);
    if (this.trace.enabled) this.trace.emitApply(this.scheduler.nowUs, node.id, entry.index, entry.term, entryDigest(entry));
    if (entry.kind === 'noop') {
      node.kv.skip(entry.index);
      return;
    }
    const command = entry.data as KvCommand;
    const result = node.kv.apply(entry.index, command);
    const pending = node.pendingWrites.get(entry.index);
    if (pending !== undefined) {
      node.pendingWrites.delete(entry.index);
      if (pending.digest === command.digest) {
        this.checker?.onAcknowledged(node.id, entry.index, command.digest);
        this.replyToClient(node, { type: 'reply', client: pending.client, seq: pending.seq, result, index: node.kv.lastEffectIndex });
      }
    }
  }

  private serveReads(node: SimNode): void {
    if (node.readyReads.length === 0) return;
    const applied = node.raft.log.applied;
    const waiting: { requestId: number; index: number }[] = [];
    for (const read of node.readyReads) {
      if (read.index > applied) {
        waiting.push(read);
        continue;
      }
      const request = node.pendingReads.get(read.requestId);
      if (request === undefined) continue;
      node.pendingReads.delete(read.requestId);
      const value = node.kv.read(request.key);
      this.replyToClient(node, { type: 'reply', client: request.client, seq: request.seq, result: { kind: 'get', value }, index: read.index });
    }
    node.readyReads = waiting;
  }

  /** Reports Raft events to trace and stats, and runs the per-event invariant checks for this node. */
  private observe(node: SimNode): void {
    const events = node.raft.takeEvents();
    for (let k = 0; k < events.length; k++) this.onRaftEvent(node, events[k]!);
    const checker = this.checker;
    if (checker !== null) {
      checker.onTerm(node.id, node.raft.currentTerm);
      if (node.raft.role === 'leader') checker.onLeaderEvent(node.id, node.raft.currentTerm, node.raft.log);
    }
  }

  private onRaftEvent(node: SimNode, event: RaftEvent): void {
    const now = this.scheduler.nowUs;
    switch (event.kind) {
      case 'role': {
        if (node.lastRole === 'leader' && event.role !== 'leader') {
          this.checker?.onLeaderLost(node.id);
          this.notify({ kind: 'leader-lost', node: node.id, term: node.lastTerm, why: 'step-down' });
        }
        if (event.role === 'leader') {
          this.stats.leaderChanges++;
          this.checker?.onLeader(node.id, event.term, node.raft.log);
          this.metrics.onLeaderElected(event.term);
          node.proposedAtUs.clear();
          node.replicationAcked.clear();
          this.notify({ kind: 'leader-elected', node: node.id, term: event.term });
        }
        if (node.lastRole !== event.role || node.lastTerm !== event.term) {
          node.lastRole = event.role;
          node.lastTerm = event.term;
          if (this.trace.enabled) this.trace.emit({ t: now, type: 'role', node: node.id, role: event.role, term: event.term, leader: event.leader });
        }
        if (event.role !== 'leader') this.failPendingClients(node);
        return;
      }
      case 'election-start':
        if (event.preVote) this.stats.preVoteRounds++;
        else this.stats.elections++;
        this.metrics.onElectionStarted(event.term, event.preVote);
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'election', node: node.id, preVote: event.preVote, term: event.term, transfer: event.transfer });
        return;
      case 'election-lost':
        this.stats.electionsLost++;
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'election-lost', node: node.id, preVote: event.preVote, term: event.term, votesFor: event.votesFor, votesAgainst: event.votesAgainst });
        return;
      case 'commit':
        this.checker?.onCommit(node.id, event.index, node.raft.log, node.raft.currentTerm);
        this.metrics.onApplyLag(event.index - node.raft.log.applied);
        if (node.raft.role === 'leader' && node.proposedAtUs.size > 0) {
          node.proposedAtUs.forEachIn(Math.max(node.lastCommitSeen + 1, event.index - 10_000), event.index, this.onCommitted);
        }
        node.lastCommitSeen = event.index;
        if (node.raft.role === 'leader') this.forgetProposalTimes(node);
        if (this.trace.enabled) this.trace.emitCommit(now, node.id, event.index, event.term);
        return;
      case 'check-quorum-step-down':
        this.stats.checkQuorumStepDowns++;
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'step-down', node: node.id, term: event.term, reason: 'check-quorum' });
        return;
      case 'transfer-start':
      case 'transfer-abort':
        if (this.trace.enabled) this.trace.emit({ t: now, type: event.kind, node: node.id, to: event.to, term: event.term });
        return;
      case 'progress':
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'progress', node: node.id, peer: event.peer, state: event.state });
        return;
      case 'snapshot-installed':
        return;
      default: {
        const unreachable: never = event;
        throw new Error(`unknown raft event ${JSON.stringify(unreachable)}`);
      }
    }
  }

  /** A node that lost leadership drops its pending client requests; clients time out and retry. */
  private failPendingClients(node: SimNode): void {
    node.pendingWrites.clear();
    node.pendingReads.clear();
    node.readyReads = [];
  }

  // ------------------------------------------------------------------ clients

  private onClientRequest(node: SimNode, message: ClientMessage): void {
    if (message.type !== 'request') return;
    if (node.status === 'paused') {
      node.backlog.push({ handler: this.onBackloggedClient as (arg: never) => void, arg: { node, message, incarnation: node.incarnation } });
      return;
    }
    if (node.status === 'down') return;
    this.eventClientMessage = message;
    this.setEvent(EventKind.Client, node, 0);
    const command = message.command;
    const now = this.localNow(node);
    if (command.operation.op === 'get') {
      const requestId = this.nextReadId++;
      const result = node.raft.read(requestId, now);
      if (!result.ok) {
        this.replyToClient(node, result.reason === 'not-leader'
          ? { type: 'redirect', client: message.client, seq: command.seq, leader: result.leader }
          : { type: 'busy', client: message.client, seq: command.seq });
      } else {
        node.pendingReads.set(requestId, { client: message.client, seq: command.seq, key: command.operation.key });
      }
    } else {
      const result = node.raft.propose(command, kvCommandBytes(command), now);
      if (!result.ok) {
        this.replyToClient(node, result.reason === 'not-leader'
          ? { type: 'redirect', client: message.client, seq: command.seq, leader: result.leader }
          : { type: 'busy', client: message.client, seq: command.seq });
      } else {
        node.pendingWrites.set(result.index, { client: message.client, seq: command.seq, digest: command.digest });
        node.proposedAtUs.add(result.index, this.scheduler.nowUs);
      }
    }
    this.afterInput(node);
  }

  private readonly onBackloggedClient = (arg: { node: SimNode; message: ClientMessage; incarnation: number }): void => {
    if (arg.incarnation !== arg.node.incarnation) return;
    this.onClientRequest(arg.node, arg.message);
  };

  private replyToClient(node: SimNode, message: ClientMessage): void {
    this.clientNetwork.send(node.id, message.client, message, 128);
  }

  sendClientRequest(client: string, to: NodeId, command: KvCommand): void {
    this.clientNetwork.send(client, to, { type: 'request', client, command }, kvCommandBytes(command) + 64);
  }

  // ------------------------------------------------------------------ faults

  resolveTarget(target: NodeTarget, random: Random): NodeId | null {
    const ids = this.options.nodeIds;
    switch (target) {
      case 'leader': {
        let best: SimNode | null = null;
        for (const node of this.nodes.values()) {
          if (node.status !== 'down' && node.raft.role === 'leader' && (best === null || node.raft.currentTerm > best.raft.currentTerm)) best = node;
        }
        return best?.id ?? null;
      }
      case 'follower': {
        const followers = ids.filter((id) => {
          const node = this.nodes.get(id)!;
          return node.status !== 'down' && node.raft.role !== 'leader';
        });
        return followers.length === 0 ? null : random.pick(followers);
      }
      case 'random':
        return random.pick(ids);
      case 'last-crashed':
        for (let k = this.crashOrder.length - 1; k >= 0; k--) {
          const id = this.crashOrder[k]!;
          if (this.nodes.get(id)!.status === 'down') return id;
        }
        return null;
      default:
        return ids.includes(target) ? target : null;
    }
  }

  applyFault(fault: Fault, random: Random): void {
    this.applyFaultNow(fault, random);
    this.notify({ kind: 'fault', fault });
    this.checkLeaderReachable();
  }

  /** Election latency starts when the established leader can no longer reach a majority (both directions). */
  private checkLeaderReachable(): void {
    const established = this.metrics.establishedLeader;
    if (established === null) return;
    let reachable = 1;
    for (const other of this.options.nodeIds) {
      if (other === established.node || this.nodes.get(other)!.status === 'down') continue;
      if (!this.network.isBlocked(established.node, other) && !this.network.isBlocked(other, established.node)) reachable++;
    }
    if (reachable < quorumSize(this.options.nodeIds.length)) {
      this.metrics.onLeaderLost(this.scheduler.nowUs, established.node, established.term, 'partition');
    }
  }

  private applyFaultNow(fault: Fault, random: Random): void {
    const now = this.scheduler.nowUs;
    this.currentEvent = `fault ${fault.kind}`;
    const one = (target: NodeTarget): SimNode | null => {
      const id = this.resolveTarget(target, random);
      return id === null ? null : this.nodes.get(id)!;
    };
    const ids = (targets: readonly NodeTarget[]): NodeId[] =>
      targets.map((target) => this.resolveTarget(target, random)).filter((id): id is NodeId => id !== null);
    switch (fault.kind) {
      case 'crash': {
        const node = one(fault.node);
        if (node !== null) this.crash(node);
        return;
      }
      case 'restart': {
        const node = one(fault.node);
        if (node !== null && node.status === 'down') this.restart(node);
        return;
      }
      case 'restart-all':
        for (const node of this.nodes.values()) if (node.status === 'down') this.restart(node);
        return;
      case 'pause': {
        const node = one(fault.node);
        if (node !== null && node.status === 'up') this.pause(node, fault.durationUs);
        return;
      }
      case 'slow': {
        const node = one(fault.node);
        if (node === null) return;
        node.slowDelayUs = fault.delayUs;
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'slow', node: node.id, delayUs: fault.delayUs });
        return;
      }
      case 'partition':
        this.network.partition(fault.groups.map((group) => [...group]));
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'partition', shape: 'groups', groups: fault.groups });
        return;
      case 'isolate': {
        const node = one(fault.node);
        if (node === null) return;
        this.network.isolate(node.id);
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'partition', shape: 'isolate', node: node.id });
        return;
      }
      case 'cut-one-way': {
        const from = ids(fault.from);
        const to = ids(fault.to).filter((id) => !from.includes(id));
        this.network.cutOneWay(from, to);
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'partition', shape: 'one-way', from, to });
        return;
      }
      case 'bridge':
        this.network.bridge([...fault.sideA], [...fault.sideB], fault.bridge);
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'partition', shape: 'bridge', sideA: fault.sideA, sideB: fault.sideB, bridge: fault.bridge });
        return;
      case 'heal':
        this.network.heal();
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'heal' });
        return;
      case 'clock-offset':
      case 'clock-drift':
      case 'clock-step': {
        const node = one(fault.node);
        if (node === null) return;
        if (fault.kind === 'clock-offset') node.clock.setOffset(now, fault.offsetUs);
        else if (fault.kind === 'clock-drift') node.clock.setDrift(now, fault.driftPpm);
        else node.clock.step(now, fault.deltaUs);
        if (this.trace.enabled) {
          const setting = node.clock.describe();
          this.trace.emit({ t: now, type: 'clock', node: node.id, change: fault.kind, offsetUs: node.clock.offsetAt(now), driftPpm: setting.driftPpm });
        }
        // The local deadline now maps to another true time, and so does the next snapshot window.
        if (node.status !== 'down') {
          this.armWake(node);
          this.armWindow(node);
        }
        return;
      }
      case 'link': {
        const from = one(fault.from);
        const to = one(fault.to);
        if (from === null || to === null || from === to) return;
        this.network.setLink(from.id, to.id, fault.patch);
        if (fault.bothWays) this.network.setLink(to.id, from.id, fault.patch);
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'link', from: from.id, to: to.id, bothWays: fault.bothWays, patch: fault.patch });
        return;
      }
      case 'reset-links':
        this.network.resetLinks();
        if (this.trace.enabled) this.trace.emit({ t: now, type: 'link-reset' });
        return;
      case 'clog':
      case 'unclog': {
        const from = one(fault.from);
        const to = one(fault.to);
        if (from === null || to === null || from === to) return;
        if (fault.kind === 'clog') this.network.clog(from.id, to.id);
        else this.network.unclog(from.id, to.id);
        if (this.trace.enabled) this.trace.emit({ t: now, type: fault.kind, from: from.id, to: to.id });
        return;
      }
      case 'transfer-leadership': {
        const leader = one('leader');
        const target = one(fault.to);
        if (leader === null || target === null || leader === target || leader.status !== 'up') return;
        leader.raft.transferLeadership(target.id, this.localNow(leader));
        this.afterInput(leader);
        return;
      }
      default: {
        const unreachable: never = fault;
        throw new Error(`unknown fault ${JSON.stringify(unreachable)}`);
      }
    }
  }

  crash(node: SimNode): void {
    if (node.status === 'down') return;
    node.status = 'down';
    node.incarnation++;
    node.readyInFlight = false;
    node.armedWakeUs = Number.POSITIVE_INFINITY;
    node.backlog = [];
    node.pendingWrites.clear();
    node.pendingReads.clear();
    node.readyReads = [];
    node.slowDelayUs = 0;
    node.applyQueue = [];
    node.applyScheduled = false;
    node.applyBusyUntilUs = 0;
    node.snapshotInProgress = false;
    node.pendingCompaction = null;
    node.proposedAtUs.clear();
    node.replicationAcked.clear();
    const wasLeader = node.lastRole === 'leader';
    if (wasLeader) this.checker?.onLeaderLost(node.id);
    const { lostRecords, tornRecords } = node.disk.crash(this.options.tearOnCrash);
    this.stats.crashes++;
    this.crashOrder = this.crashOrder.filter((id) => id !== node.id);
    this.crashOrder.push(node.id);
    this.notify({ kind: 'crash', node: node.id });
    if (wasLeader) this.notify({ kind: 'leader-lost', node: node.id, term: node.lastTerm, why: 'crash' });
    if (this.trace.enabled) this.trace.emit({ t: this.scheduler.nowUs, type: 'crash', node: node.id, lostRecords, tornRecords });
  }

  restart(node: SimNode): void {
    if (node.status !== 'down') return;
    this.currentEvent = `restart of ${node.id}`;
    const durable = this.recover(node);
    const hardState = this.options.forgetVoteOnRestart ? { ...durable.hardState, vote: null } : durable.hardState;
    node.raft = RaftNode.restart(
      { config: this.raftConfig(node.id), random: () => node.timerRandom.next(), nowUs: this.localNow(node) },
      { ...durable, hardState },
    );
    node.kv = durable.snapshot !== null ? KvStore.fromImage(durable.snapshot.data as KvImage) : new KvStore();
    node.lastHardState = hardState;
    node.lastSnapshotIndex = durable.snapshot?.meta.index ?? 0;
    node.lastCommitSeen = node.raft.log.committed;
    node.status = 'up';
    node.lastRole = 'follower';
    node.lastTerm = node.raft.currentTerm;
    this.stats.restarts++;
    this.notify({ kind: 'restart', node: node.id });
    this.checker?.onRestart(node.id, node.raft.currentTerm, node.raft.log.committed, node.raft.log.applied);
    if (this.trace.enabled) {
      this.trace.emit({ t: this.scheduler.nowUs, type: 'restart', node: node.id, term: node.raft.currentTerm, commit: node.raft.log.committed, lastIndex: node.raft.log.lastIndex() });
      this.trace.emit({ t: this.scheduler.nowUs, type: 'role', node: node.id, role: 'follower', term: node.raft.currentTerm, leader: null });
    }
    this.afterInput(node);
    this.armWindow(node);
  }

  /** Rebuilds durable state from the write-ahead records, stopping at a torn record (its checksum fails). */
  recover(node: SimNode): DurableState {
    let hardState: HardState = { term: 0, vote: null, commit: 0 };
    let snapshot: Snapshot | null = null;
    let entries: Entry[] = [];
    const records = node.disk.records();
    for (let position = 0; position < records.length; position++) {
      const record = records[position]!;
      if (record.torn) {
        // The checksum fails: cut the log here, as a real WAL reader does, or records written after the restart
        // would sit behind the torn one and be lost at the next recovery.
        this.stats.tornRecordsDiscarded++;
        node.disk.truncate(position);
        break;
      }
      const wal = record.record;
      switch (wal.kind) {
        case 'hardState':
          hardState = wal.hardState;
          break;
        case 'snapshot':
          // A snapshot record replaces the whole log before it (a follower installing the leader's snapshot).
          snapshot = wal.snapshot;
          entries = [];
          break;
        case 'local-snapshot':
          // The node's own snapshot: entries after it stay; RaftLog.restore skips those it covers.
          if (snapshot === null || wal.snapshot.meta.index >= snapshot.meta.index) snapshot = wal.snapshot;
          break;
        case 'entries': {
          const first = wal.entries[0]!.index;
          const base = entries.length > 0 ? entries[0]!.index : first;
          if (first < base) entries = [];
          else entries.length = Math.min(entries.length, first - base);
          for (const entry of wal.entries) entries.push(entry);
          break;
        }
        default: {
          const unreachable: never = wal;
          throw new Error(`unknown WAL record ${JSON.stringify(unreachable)}`);
        }
      }
    }
    return { hardState, snapshot, entries };
  }

  pause(node: SimNode, durationUs: number): void {
    node.status = 'paused';
    this.stats.pauses++;
    if (node.lastRole === 'leader') this.notify({ kind: 'leader-lost', node: node.id, term: node.lastTerm, why: 'pause' });
    if (this.trace.enabled) this.trace.emit({ t: this.scheduler.nowUs, type: 'pause', node: node.id, durationUs });
    this.scheduler.at(this.scheduler.nowUs + durationUs, this.onResume, { node, incarnation: node.incarnation });
  }

  private readonly onResume = (arg: { node: SimNode; incarnation: number }): void => {
    if (arg.incarnation !== arg.node.incarnation) return;
    this.resume(arg.node);
  };

  resume(node: SimNode): void {
    if (node.status !== 'paused') return;
    node.status = 'up';
    this.currentEvent = `resume of ${node.id}`;
    if (this.trace.enabled) this.trace.emit({ t: this.scheduler.nowUs, type: 'resume', node: node.id });
    const backlog = node.backlog;
    node.backlog = [];
    for (const item of backlog) {
      if (node.status !== 'up') {
        node.backlog.push(item);
        continue;
      }
      (item.handler as (arg: unknown) => void)(item.arg);
    }
    this.armWake(node);
  }

  /** Liveness phase: heal the network, restart and resume every node, clear slow handlers. */
  healAll(): void {
    this.currentEvent = 'heal all (liveness phase)';
    this.network.heal();
    this.network.resetLinks();
    for (const from of this.options.nodeIds) for (const to of this.options.nodeIds) if (from !== to) this.network.unclog(from, to);
    if (this.trace.enabled) this.trace.emit({ t: this.scheduler.nowUs, type: 'heal', all: true });
    for (const node of this.nodes.values()) {
      node.slowDelayUs = 0;
      if (node.status === 'paused') this.resume(node);
      if (node.status === 'down') this.restart(node);
    }
  }

  // ------------------------------------------------------------------ observation

  leader(): SimNode | null {
    let best: SimNode | null = null;
    for (const node of this.nodes.values()) {
      if (node.status === 'up' && node.raft.role === 'leader' && (best === null || node.raft.currentTerm > best.raft.currentTerm)) best = node;
    }
    return best;
  }

  /** Liveness: one leader of the highest term, every node up and holding the same committed, applied log. */
  converged(): { ok: boolean; reason: string } {
    const leader = this.leader();
    if (leader === null) return { ok: false, reason: 'no leader' };
    const log = leader.raft.log;
    if (log.term(log.committed) !== leader.raft.currentTerm) return { ok: false, reason: `leader ${leader.id} has not committed an entry of its term ${leader.raft.currentTerm}` };
    for (const node of this.nodes.values()) {
      if (node.status !== 'up') return { ok: false, reason: `${node.id} is ${node.status}` };
      if (node !== leader && node.raft.role === 'leader') return { ok: false, reason: `${node.id} also claims leadership (term ${node.raft.currentTerm})` };
      if (node.raft.currentTerm > leader.raft.currentTerm) return { ok: false, reason: `${node.id} is in term ${node.raft.currentTerm}, past the leader's` };
      const nodeLog = node.raft.log;
      if (nodeLog.committed !== log.lastIndex()) return { ok: false, reason: `${node.id} commit ${nodeLog.committed} != leader last index ${log.lastIndex()}` };
      if (nodeLog.applied !== nodeLog.committed) return { ok: false, reason: `${node.id} applied ${nodeLog.applied} < commit ${nodeLog.committed}` };
      if (nodeLog.term(nodeLog.lastIndex()) !== log.term(log.lastIndex())) return { ok: false, reason: `${node.id} last term differs from the leader's` };
    }
    return { ok: true, reason: 'converged' };
  }

  describeNode(id: NodeId): unknown {
    const node = this.nodes.get(id);
    if (node === undefined) return null;
    const log = node.raft.log;
    const tail: [number, number][] = [];
    for (let index = Math.max(log.firstIndex(), log.lastIndex() - 9); index <= log.lastIndex(); index++) tail.push([index, log.term(index)!]);
    return {
      status: node.status,
      role: node.raft.role,
      term: node.raft.currentTerm,
      vote: node.raft.votedFor,
      leader: node.raft.leader,
      commit: log.committed,
      applied: log.applied,
      firstIndex: log.firstIndex(),
      lastIndex: log.lastIndex(),
      lastEntries: tail,
      clockOffsetUs: node.clock.offsetAt(this.scheduler.nowUs),
    };
  }
}

/** Stable identity of an entry's command, for the checker and the trace. */
export function entryDigest(entry: Entry): string {
  if (entry.kind === 'noop') return 'noop';
  return (entry.data as KvCommand).digest;
}


