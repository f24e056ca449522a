// Snapshots and log compaction: the count and time triggers, the two crash-consistent steps (write and fsync
// the snapshot, then drop the log prefix and rewrite the WAL), why a node stalls, and the periodic sample of
// every node's log and compaction state for the metrics.
import { simpleMembership } from '../../raft/membership.js';
import type { Entry, Snapshot } from '../../raft/types.js';
import type { SafetyChecker } from '../checker.js';
import type { CompactionOptions } from '../compaction-options.js';
import type { MetricsCollector, NodeSample } from '../metrics.js';
import type { NodeId } from '../network.js';
import type { Scheduler } from '../scheduler.js';
import type { Trace } from '../trace.js';
import type { ClusterContext } from './context.js';
import { leaderOf } from './inspect.js';
import type { NodeEvent, PendingCompaction, SimNode } from './node.js';
import type { WalRecord } from './wal.js';

interface WindowEvent extends NodeEvent {
  readonly token: number;
  readonly window: number;
}

interface SnapshotDurable extends NodeEvent {
  readonly token: number;
  readonly pending: PendingCompaction;
}

/** How soon a snapshot window that found the state machine behind Raft looks again. */
const windowRetryUs = 1_000;

export class Compaction {
  private readonly scheduler: Scheduler;
  private readonly options: CompactionOptions;
  private readonly trace: Trace;
  private readonly metrics: MetricsCollector;
  private readonly checker: SafetyChecker | null;

  constructor(private readonly context: ClusterContext) {
    this.scheduler = context.scheduler;
    this.options = context.options.compaction;
    this.trace = context.trace;
    this.metrics = context.metrics;
    this.checker = context.checker;
  }

  /** The incident's mistake: a trigger that also requires the apply backlog to be small stays false under load. */
  private triggerBlockedByApplyLag(node: SimNode): boolean {
    const mistakes = this.options.mistakes;
    return mistakes.triggerOnApplyLag && node.raft.log.lastIndex() - node.raft.log.applied > mistakes.applyLagTolerance;
  }

  /** Count trigger (etcd --snapshot-count): applied - lastSnapshotIndex >= snapshotCount. */
  maybeSnapshotByCount(node: SimNode): void {
    const count = this.options.snapshotCount;
    const state = node.compaction;
    if (count === null || state.inProgress || node.process.status !== 'up') return;
    if (node.raft.log.applied - state.lastSnapshotIndex < count) return;
    if (this.triggerBlockedByApplyLag(node)) return;
    state.countRounds++;
    this.startSnapshot(node, 'count', `count:${state.countRounds}`, null);
  }

  /** Time trigger: arm a timer at the next multiple of snapshotIntervalUs on the node's WALL clock (sim/clock.ts). */
  armWindow(node: SimNode): void {
    const intervalUs = this.options.snapshotIntervalUs;
    if (intervalUs === null || node.process.status === 'down') return;
    const state = node.compaction;
    state.windowToken++;
    const now = this.scheduler.nowUs;
    const window = Math.max(state.lastWindow + 1, Math.floor(node.clock.localAt(now) / intervalUs) + 1);
    const atUs = node.clock.trueWhenLocal(window * intervalUs, now);
    const event: WindowEvent = { node, incarnation: node.process.incarnation, token: state.windowToken, window };
    this.scheduler.at(atUs, this.onWindow, event);
  }

  /** A window armed before the latest armWindow (a clock change re-armed it) is stale. */
  private readonly windowCurrent = (event: WindowEvent): boolean => event.token === event.node.compaction.windowToken;

  /** On resume the window is admitted again: a clock change while paused may have made it stale. */
  private readonly onWindow = (event: WindowEvent): void => {
    const node = event.node;
    if (!node.admit(event, this.windowCurrent, this.onWindow)) return;
    if (node.kv.appliedIndex !== node.raft.log.applied) {
      // The state machine is behind Raft's applied index: a snapshot from the leader is being installed behind
      // its fsync (a stalled one, found by BUGGIFY), or applied entries are still being applied. An image taken
      // now would not match its index: take this round once the state machine has caught up.
      this.scheduler.after(windowRetryUs, this.onWindow, event);
      return;
    }
    this.context.event.text = `snapshot window ${event.window} on ${node.id}`;
    const state = node.compaction;
    state.lastWindow = event.window;
    const intervalUs = this.options.snapshotIntervalUs!;
    // A perfect clock (local == true) would have fired at window x interval of true time.
    const intendedUs = event.window * intervalUs;
    const round = `time:${event.window}`;
    if (node.raft.log.applied <= state.lastSnapshotIndex && !state.inProgress) {
      const now = this.scheduler.nowUs;
      this.metrics.onNoopRound({ node: node.id, index: node.raft.log.applied, trigger: 'time', round, startedUs: now, completedUs: now, intendedUs, noop: true });
    } else if (!state.inProgress && !this.triggerBlockedByApplyLag(node)) {
      this.startSnapshot(node, 'time', round, intendedUs);
    }
    this.armWindow(node);
  };

  /** Step 1 of a crash-consistent snapshot: write the state-machine image and fsync it. Only when that is durable
   *  is the log prefix dropped (step 2, tryCompact). A crash in between loses nothing: recovery finds either the
   *  old snapshot and the full log, or the new snapshot and the full log. */
  startSnapshot(node: SimNode, trigger: 'count' | 'time', round: string, intendedUs: number | null): void {
    const log = node.raft.log;
    const index = log.applied;
    if (index <= node.compaction.lastSnapshotIndex || node.compaction.inProgress) return;
    if (node.kv.appliedIndex !== index) throw new Error(`${node.id}: state machine at ${node.kv.appliedIndex}, Raft applied ${index}`);
    // The host bug snapshot-term-of-current-term (host-bugs.ts) labels the image with the wrong term.
    const term = this.context.options.hostBugs.snapshotTermOfCurrentTerm ? node.raft.currentTerm : log.term(index)!;
    const bytes = Math.max(64, node.kv.sizeBytes);
    const snapshot: Snapshot = { meta: { index, term, membership: node.raft.membershipAt?.(index) ?? simpleMembership(this.context.options.nodeIds) }, data: node.kv.image(), bytes };
    this.context.checker?.onSnapshot(node.id, index, term, 'took');
    this.context.membershipChecker?.onSnapshot(node.id, index, snapshot.meta.membership, 'took');
    if (log.committed > index) this.context.coverage.reach('snapshot-taken-under-load');
    const now = this.scheduler.nowUs;
    node.compaction.inProgress = true;
    node.disk.append(now, [{ record: { kind: 'local-snapshot', snapshot }, bytes }]);
    const { doneUs, token } = node.disk.fsync(now);
    const writeUs = Math.ceil((bytes * 1_000_000) / this.options.snapshotBytesPerSecond);
    const pending: PendingCompaction = { snapshot, trigger, round, startedUs: now, intendedUs };
    const event: SnapshotDurable = { node, incarnation: node.process.incarnation, token, pending };
    this.scheduler.at(doneUs + writeUs, this.onSnapshotDurable, event);
    if (this.trace.enabled) this.trace.emit({ t: now, type: 'snapshot-start', node: node.id, index, trigger, round });
  }

  /** The snapshot is on disk even if the node is paused now: only dropping the log prefix waits for resume. */
  private readonly snapshotDurable = (event: SnapshotDurable): boolean => {
    const node = event.node;
    node.disk.completeSync(event.token);
    if (this.context.contract !== null) node.durable.catchUp(node.disk);
    node.compaction.lastSnapshotIndex = Math.max(node.compaction.lastSnapshotIndex, event.pending.snapshot.meta.index);
    node.compaction.pending = event.pending;
    return true;
  };

  private readonly compactResumed = (event: SnapshotDurable): void => {
    this.tryCompact(event.node);
  };

  private readonly onSnapshotDurable = (event: SnapshotDurable): void => {
    const node = event.node;
    if (!node.admit(event, this.snapshotDurable, this.compactResumed)) return;
    this.context.event.text = `snapshot durable on ${node.id}`;
    this.tryCompact(node);
  };

  /** Step 2: drop the log prefix, keeping catchUpEntries behind the snapshot, and rewrite the WAL atomically
   *  (write a new file, fsync, rename) with the snapshot, the hard state and the retained entries. */
  tryCompact(node: SimNode): void {
    const pending = node.compaction.pending;
    if (pending === null || node.ready.inFlight || node.process.status !== 'up') return;
    node.compaction.pending = null;
    node.compaction.inProgress = false;
    const log = node.raft.log;
    const snapshot = pending.snapshot;
    const newer = log.snapshot();
    if (newer !== null && newer.meta.index > snapshot.meta.index) return; // a leader's snapshot superseded it
    // etcd pauses compaction while a snapshot is being sent (pauseWhileSendingSnapshot): the snapshot is
    // recorded, the log kept whole.
    const paused = this.options.pauseWhileSendingSnapshot === true && node.raft.role === 'leader' && node.compaction.snapshotsInFlight.size > 0;
    const compactIndex = paused ? log.compacted.index : Math.max(log.compacted.index, Math.min(snapshot.meta.index - this.options.catchUpEntries, log.persistedLastIndex(), log.applied));
    node.raft.compact(snapshot, compactIndex);
    node.disk.rewrite(this.compactedWal(node, snapshot));
    if (this.context.contract !== null) node.durable.rebuild(node.disk);
    const now = this.scheduler.nowUs;
    this.metrics.onCompaction(
      { node: node.id, index: snapshot.meta.index, trigger: pending.trigger, round: pending.round, startedUs: pending.startedUs, completedUs: now, intendedUs: pending.intendedUs, noop: false },
      snapshot.meta.term,
      snapshot.bytes,
    );
    if (this.trace.enabled) this.trace.emit({ t: now, type: 'compact', node: node.id, index: log.compacted.index, retained: log.lastIndex() - log.compacted.index, diskBytes: node.disk.bytesUsed });
    this.context.notify({ kind: 'snapshot', node: node.id, index: snapshot.meta.index });
  }

  /** The WAL after compaction: the snapshot, the hard state, and the persisted entries the log still holds. */
  private compactedWal(node: SimNode, snapshot: Snapshot): { record: WalRecord; bytes: number }[] {
    const log = node.raft.log;
    const entries: Entry[] = [];
    let entryBytes = 16;
    for (let index = log.compacted.index + 1; index <= log.persistedLastIndex(); index++) {
      const entry = log.entry(index)!;
      entries.push(entry);
      entryBytes += entry.bytes + 16;
    }
    const records: { record: WalRecord; bytes: number }[] = [{ record: { kind: 'local-snapshot', snapshot }, bytes: snapshot.bytes }];
    // The host bug wal-rewrite-drops-hard-state (host-bugs.ts) forgets to carry the hard state into the new file.
    if (!this.context.options.hostBugs.walRewriteDropsHardState) records.push({ record: { kind: 'hardState', hardState: node.ready.lastHardState }, bytes: 32 });
    if (entries.length > 0) records.push({ record: { kind: 'entries', entries }, bytes: entryBytes });
    return records;
  }

  // ------------------------------------------------------------------ the periodic sample

  /** Arms the first sample; each sample arms the next. */
  startSampling(): void {
    this.scheduler.at(this.context.options.metrics.sampleIntervalUs, this.onSample, null);
  }

  private readonly onSample = (): void => {
    const now = this.scheduler.nowUs;
    const samples: NodeSample[] = [];
    for (const node of this.context.nodes.values()) {
      const log = node.raft.log;
      samples.push({
        node: node.id,
        retainedEntries: log.lastIndex() - log.compacted.index,
        diskBytes: node.disk.bytesUsed,
        firstIndex: log.firstIndex(),
        lastIndex: log.lastIndex(),
        snapshotIndex: node.compaction.lastSnapshotIndex,
        applied: log.applied,
        commit: log.committed,
        up: node.process.status !== 'down',
      });
    }
    this.metrics.onSample(now, samples, this.stallReasonOf);
    const versions = this.context.versionCollector;
    if (versions !== null) {
      const leader = leaderOf(this.context.nodes);
      versions.onSample(leader === null ? null : leader.raft.log.lastIndex() - leader.raft.log.compacted.index);
    }
    // Bound the checker's memory: every node (a crashed one included) has everything up to its durable snapshot,
    // and re-applies only what follows it, so records below the smallest snapshot index are no longer needed.
    if (this.checker !== null) {
      let floor = Number.POSITIVE_INFINITY;
      for (const node of this.context.nodes.values()) floor = Math.min(floor, node.compaction.lastSnapshotIndex);
      if (floor > 0) this.checker.pruneBelow(floor + 1);
      // A node asks for the configuration at its snapshot's index at the lowest.
      if (floor > 0 && Number.isFinite(floor)) this.context.membershipChecker?.pruneBelow(floor);
    }
    this.scheduler.after(this.context.options.metrics.sampleIntervalUs, this.onSample, null);
  };

  private readonly stallReasonOf = (id: NodeId): string => this.stallReason(this.context.nodes.get(id)!);

  /** Why a node has not snapshotted for longer than the stall bound. */
  private stallReason(node: SimNode): string {
    const compaction = this.options;
    const log = node.raft.log;
    const lag = log.lastIndex() - log.applied;
    const lastSnapshotIndex = node.compaction.lastSnapshotIndex;
    if (compaction.snapshotCount === null && compaction.snapshotIntervalUs === null) return 'no snapshot trigger is configured';
    if (this.triggerBlockedByApplyLag(node)) {
      return `the snapshot trigger is keyed on raft index - applied index, which stayed above ${compaction.mistakes.applyLagTolerance} (apply lag ${lag} entries: raft index ${log.lastIndex()}, applied ${log.applied}) so it never fired`;
    }
    if (node.compaction.inProgress) return 'a snapshot has been in progress for longer than the bound';
    if (compaction.snapshotCount !== null && log.applied - lastSnapshotIndex < compaction.snapshotCount) {
      return `applied index ${log.applied} is only ${log.applied - lastSnapshotIndex} past the last snapshot (count trigger ${compaction.snapshotCount}); commit ${log.committed}, apply lag ${log.committed - log.applied}`;
    }
    return 'snapshots are taken but the retained log stays above the threshold (catch-up entries or a slow follower)';
  }
}
