// One simulated server process: a Raft node plus its state machine, clock and disk, and the host-side state
// around them, grouped by the layer that owns it. Also the one gate every event a node scheduled for itself
// passes (admit): events of an earlier incarnation are ignored, events that find the node paused are parked.
import type { RaftUnderTest } from '../../raft/contract.js';
import type { Membership } from '../../raft/membership.js';
import type { Entry, HardState, ReadState, Role, Snapshot } from '../../raft/types.js';
import type { NodeVersion } from '../../raft/versions.js';
import type { NodeClock } from '../clock.js';
import type { Disk } from '../disk.js';
import { DurableLog } from '../durable-log.js';
import { KvStore } from '../kv.js';
import type { NodeId } from '../network.js';
import { ProposalTimes } from '../proposal-times.js';
import type { Random } from '../random.js';
import type { NodeStatus } from './types.js';
import type { WalRecord } from './wal.js';

/** Bound on proposal timestamps a leader keeps for latency metrics. */
const maxProposalTimes = 100_000;

/** An event a node scheduled for itself (or a delivery parked while it was paused), stamped with the
 *  incarnation it belongs to. */
export interface NodeEvent {
  readonly node: SimNode;
  readonly incarnation: number;
}

/** An event parked while the node was paused, and what to do with it on resume. */
interface Parked {
  readonly resume: (event: never) => void;
  readonly event: NodeEvent;
}

/** The process itself (faults.ts): whether it runs, which life it is in, what waits for it while paused. */
export interface ProcessState {
  status: NodeStatus;
  /** Bumped on every crash: events scheduled by an earlier incarnation are ignored. */
  incarnation: number;
  /** Events that arrived while paused, handled in order on resume. */
  backlog: Parked[];
  /** A slow handler (the `slow` fault): each message waits this long, one after another, until busyUntilUs. */
  slowDelayUs: number;
  busyUntilUs: number;
  /** A spare server no membership change has added yet: it is down, and only MembershipOps.boot starts it (no
   *  restart does). */
  spare: boolean;
  /** The version this process starts with at its next restart (upgrades.ts); null: its boot version. */
  version: NodeVersion | null;
}

/** The Ready loop (ready-loop.ts). */
export interface ReadyState {
  /** A Ready is being persisted (its fsync is pending): the next one waits. */
  inFlight: boolean;
  /** True time of the one pending wake-up (infinity when none is armed). */
  armedWakeUs: number;
  /** The hard state last written to the WAL (what a compaction rewrite carries over). */
  lastHardState: HardState;
}

/** The apply pipeline (apply.ts). */
export interface ApplyState {
  /** Committed entries handed out by Raft, waiting for the (possibly slow) state machine. */
  queue: Entry[];
  scheduled: boolean;
  busyUntilUs: number;
  /** An apply-stall fault: nothing is applied before this true time. */
  stalledUntilUs: number;
  /** The host bug restart-skips-replay: entries up to here are reported applied without being applied. */
  skipThrough: number;
}

export interface PendingCompaction {
  readonly snapshot: Snapshot;
  readonly trigger: 'count' | 'time';
  readonly round: string;
  readonly startedUs: number;
  readonly intendedUs: number | null;
}

/** Snapshots and compaction (compaction.ts). */
export interface CompactionState {
  /** Index of the node's latest durable snapshot (its own or one installed from the leader). */
  lastSnapshotIndex: number;
  inProgress: boolean;
  /** A durable snapshot waiting to drop the log prefix: deferred while a Ready is being persisted, because the
   *  WAL rewrite must not race an unfinished append. */
  pending: PendingCompaction | null;
  countRounds: number;
  /** Last local-clock window the time trigger fired for; and a token that invalidates armed window timers. */
  lastWindow: number;
  windowToken: number;
  /** Followers this node, as leader, is sending a snapshot to (from its progress events; kept only with
   *  compaction.pauseWhileSendingSnapshot). */
  snapshotsInFlight: Set<NodeId>;
}

export interface PendingWrite {
  readonly client: string;
  readonly seq: number;
  readonly digest: string;
}

export interface PendingRead {
  readonly client: string;
  readonly seq: number;
  readonly key: string;
}

/** Client requests this node accepted as leader (server.ts), answered by the apply pipeline. */
export interface ClientState {
  /** Client commands proposed here, by log index, to answer once applied. */
  readonly pendingWrites: Map<number, PendingWrite>;
  /** ReadIndex requests by request id, and reads whose index is known, waiting for apply. */
  readonly pendingReads: Map<number, PendingRead>;
  readyReads: ReadState[];
}

/** Commit and replication latency (latency.ts). */
export interface MeasurementState {
  lastCommitSeen: number;
  /** Leader: true time each index was proposed here, in index order. */
  readonly proposedAtUs: ProposalTimes;
  /** Leader: the highest index each follower acknowledged durable. */
  readonly replicationAcked: Map<NodeId, number>;
}

/** Raft's role and term as the observers last reported them (observers.ts). */
export interface ObservedState {
  role: Role;
  term: number;
  /** The configuration in force here as last reported (a `membership` record is written when it changes). */
  membership: Membership;
}

export class SimNode {
  raft: RaftUnderTest;
  kv = new KvStore();
  readonly process: ProcessState = { status: 'up', incarnation: 0, backlog: [], slowDelayUs: 0, busyUntilUs: 0, spare: false, version: null };
  readonly ready: ReadyState = { inFlight: false, armedWakeUs: Number.POSITIVE_INFINITY, lastHardState: { term: 0, vote: null, commit: 0 } };
  readonly apply: ApplyState = { queue: [], scheduled: false, busyUntilUs: 0, stalledUntilUs: 0, skipThrough: 0 };
  readonly compaction: CompactionState = { lastSnapshotIndex: 0, inProgress: false, pending: null, countRounds: 0, lastWindow: 0, windowToken: 0, snapshotsInFlight: new Set() };
  readonly clients: ClientState = { pendingWrites: new Map(), pendingReads: new Map(), readyReads: [] };
  readonly measurement: MeasurementState = { lastCommitSeen: 0, proposedAtUs: new ProposalTimes(maxProposalTimes), replicationAcked: new Map() };
  readonly observed: ObservedState;
  /** What the disk would give back after a crash now, for the host-contract checks (read only when they run). */
  readonly durable = new DurableLog();

  constructor(
    readonly id: NodeId,
    readonly clock: NodeClock,
    readonly disk: Disk<WalRecord>,
    readonly timerRandom: Random,
    raft: RaftUnderTest,
    /** The bootstrap configuration (every node starts from it). */
    readonly bootstrap: Membership,
  ) {
    this.raft = raft;
    this.observed = { role: 'follower', term: 0, membership: bootstrap };
  }

  /** The host bug raftOnWallClock (sim/host-bugs.ts): Raft is fed the wall clock instead of the monotonic one. */
  raftOnWallClock = false;

  /** Raft's time at true time `trueUs`. The host contract gives Raft a monotonic clock (sim/clock.ts): drift
   *  reaches it, wall-clock steps do not. */
  raftNowUs(trueUs: number): number {
    return this.raftOnWallClock ? this.clock.localAt(trueUs) : this.clock.monotonicAt(trueUs);
  }

  /** The true time at which Raft's clock reaches `raftUs` (no earlier than `fromTrueUs`). */
  trueWhenRaftUs(raftUs: number, fromTrueUs: number): number {
    return this.raftOnWallClock ? this.clock.trueWhenLocal(raftUs, fromTrueUs) : this.clock.trueWhenMonotonic(raftUs, fromTrueUs);
  }

  /** Whether an event stamped with `incarnation` belongs to the node's current life. */
  isCurrent(incarnation: number): boolean {
    return incarnation === this.process.incarnation;
  }

  /**
   * The one gate for an event the node scheduled for itself, in this order:
   * 1. an event of an earlier incarnation is ignored (the process that scheduled it crashed; a node schedules
   *    events only while it is not down, and a crash bumps the incarnation, so a current event never finds it
   *    down);
   * 2. `whenCurrent`, if given, does what the event does whether or not the node is paused (the disk finishing
   *    a sync, the wake-up being disarmed) and may drop the event by returning false;
   * 3. a paused node parks the event: `whenResumed(event)` runs on resume;
   * 4. otherwise it returns true and the caller handles the event now.
   * Both functions are created once (class fields), so admitting an event allocates nothing unless it parks.
   */
  admit<E extends NodeEvent>(event: E, whenCurrent: ((event: E) => boolean) | null, whenResumed: (event: E) => void): boolean {
    if (event.incarnation !== this.process.incarnation) return false;
    if (whenCurrent !== null && !whenCurrent(event)) return false;
    if (this.process.status === 'paused') {
      this.park(whenResumed, event);
      return false;
    }
    return true;
  }

  /** Parks an event of the current incarnation until the node resumes (admit, and deliveries while paused). */
  park<E extends NodeEvent>(whenResumed: (event: E) => void, event: E): void {
    this.process.backlog.push({ resume: whenResumed as (event: never) => void, event });
  }

  /** On resume: hands each parked event of the current incarnation to its handler, in arrival order. Should the
   *  node stop running meanwhile, the rest stay parked. */
  runBacklog(): void {
    const process = this.process;
    const backlog = process.backlog;
    process.backlog = [];
    for (let k = 0; k < backlog.length; k++) {
      const parked = backlog[k]!;
      if (parked.event.incarnation !== process.incarnation) continue;
      if (process.status !== 'up') {
        process.backlog.push(parked);
        continue;
      }
      (parked.resume as (event: NodeEvent) => void)(parked.event);
    }
  }

  /** The process dies: it starts a new incarnation and loses everything it held in memory. What it had on disk
   *  stays (the disk's own crash decides what of it survives); recovery rebuilds the rest on restart. */
  loseVolatileState(): void {
    const process = this.process;
    process.status = 'down';
    process.incarnation++;
    process.backlog = [];
    process.slowDelayUs = 0;
    this.ready.inFlight = false;
    this.ready.armedWakeUs = Number.POSITIVE_INFINITY;
    this.apply.queue = [];
    this.apply.scheduled = false;
    this.apply.busyUntilUs = 0;
    this.apply.stalledUntilUs = 0;
    this.compaction.inProgress = false;
    this.compaction.pending = null;
    this.compaction.snapshotsInFlight.clear();
    this.dropClientRequests();
    this.measurement.proposedAtUs.clear();
    this.measurement.replicationAcked.clear();
  }

  /** Drops the client requests waiting here (crash, or lost leadership); clients time out and retry. */
  dropClientRequests(): void {
    this.clients.pendingWrites.clear();
    this.clients.pendingReads.clear();
    this.clients.readyReads = [];
  }
}
