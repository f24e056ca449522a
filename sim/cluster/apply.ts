// The state machine side of a node: committed entries go into the KvStore (at once, or one per applyCostUs when
// applying is slow), a leader's snapshot replaces the store, and the clients waiting for an index are answered:
// a write once its entry is applied, a read once the applied index reaches its read index.
import { describeRequest, type ConfChangeRequest } from '../../raft/membership.js';
import type { Entry, Snapshot } from '../../raft/types.js';
import type { SafetyChecker } from '../checker.js';
import type { ContractChecker } from '../contract-checker.js';
import { KvStore, type KvCommand, type KvImage } from '../kv.js';
import type { Network } from '../network.js';
import type { Scheduler } from '../scheduler.js';
import type { Trace } from '../trace.js';
import type { Compaction } from './compaction.js';
import type { ClusterContext } from './context.js';
import type { CurrentEvent } from './current-event.js';
import type { NodeEvent, SimNode } from './node.js';
import type { ClientMessage, ClusterStats } from './types.js';

/** Bytes of a reply on the client network. */
const replyBytes = 128;

/** Stable identity of an entry's command, for the checker and the trace: a configuration entry's is its request
 *  (`config: add-voter n4`). */
export function entryDigest(entry: Entry): string {
  if (entry.kind === 'noop') return 'noop';
  if (entry.kind === 'config') return `config: ${describeRequest(entry.data as ConfChangeRequest)}`;
  return (entry.data as KvCommand).digest;
}

export class ApplyPipeline {
  private readonly scheduler: Scheduler;
  private readonly trace: Trace;
  private readonly checker: SafetyChecker | null;
  private readonly contract: ContractChecker | null;
  private readonly stats: ClusterStats;
  private readonly clientNetwork: Network<ClientMessage>;
  private readonly event: CurrentEvent;
  private readonly applyCostUs: number;

  constructor(
    private readonly context: ClusterContext,
    private readonly compaction: Compaction,
  ) {
    this.scheduler = context.scheduler;
    this.trace = context.trace;
    this.checker = context.checker;
    this.contract = context.contract;
    this.stats = context.stats;
    this.clientNetwork = context.clientNetwork;
    this.event = context.event;
    this.applyCostUs = context.options.compaction.applyCostUs;
  }

  /** Hands committed entries to the state machine: at once when applying is free, else one entry per
   *  applyCostUs, so a slow state machine lets the backlog between commit and apply grow. */
  applyCommitted(node: SimNode, handedOut: readonly Entry[]): void {
    // Entries at or below Raft's applied index were covered by a snapshot from the leader that Raft accepted
    // while they were in flight; the state machine gets that snapshot instead.
    const applied = node.raft.log.applied;
    const entries = handedOut.length > 0 && handedOut[0]!.index <= applied ? handedOut.filter((entry) => entry.index > applied) : handedOut;
    const queue = node.apply.queue;
    if (this.applyCostUs === 0 && queue.length === 0 && node.apply.stalledUntilUs <= this.scheduler.nowUs) {
      for (let k = 0; k < entries.length; k++) this.applyEntry(node, entries[k]!);
      if (entries.length > 0) {
        node.raft.appliedTo(entries[entries.length - 1]!.index);
        this.afterApply(node);
      } else {
        this.serveReads(node);
      }
      return;
    }
    for (let k = 0; k < entries.length; k++) queue.push(entries[k]!);
    this.serveReads(node);
    this.scheduleApply(node);
  }

  private scheduleApply(node: SimNode): void {
    const apply = node.apply;
    if (apply.scheduled || apply.queue.length === 0 || node.process.status === 'down') return;
    apply.scheduled = true;
    const atUs = Math.max(this.scheduler.nowUs, apply.busyUntilUs, apply.stalledUntilUs) + this.applyCostUs;
    apply.busyUntilUs = atUs;
    const event: NodeEvent = { node, incarnation: node.process.incarnation };
    this.scheduler.at(atUs, this.onApplyTick, event);
  }

  /** The tick is spent even if the node is paused: resuming schedules the next one. */
  private readonly tickSpent = (event: NodeEvent): boolean => {
    event.node.apply.scheduled = false;
    return true;
  };

  private readonly applyResumed = (event: NodeEvent): void => {
    this.scheduleApply(event.node);
  };

  private readonly onApplyTick = (event: NodeEvent): void => {
    const node = event.node;
    if (!node.admit(event, this.tickSpent, this.applyResumed)) return;
    if (node.apply.stalledUntilUs > this.scheduler.nowUs) {
      // Scheduled before a stall began: the queue waits for the stall's end.
      this.scheduleApply(node);
      return;
    }
    const entry = node.apply.queue.shift();
    if (entry === undefined) return;
    if (entry.index <= node.raft.log.applied) {
      // Covered by a leader's snapshot that Raft accepted meanwhile (see applyCommitted).
      node.apply.queue = node.apply.queue.filter((queued) => queued.index > node.raft.log.applied);
      this.scheduleApply(node);
      return;
    }
    this.event.apply(node, entry.index);
    this.applyEntry(node, entry);
    node.raft.appliedTo(entry.index);
    this.afterApply(node);
    this.scheduleApply(node);
  };

  private afterApply(node: SimNode): void {
    this.serveReads(node);
    this.compaction.maybeSnapshotByCount(node);
  }

  /** A snapshot from the leader replaces the state machine; entries still queued for applying are covered by it. */
  installSnapshot(node: SimNode, snapshot: Snapshot): void {
    node.apply.queue = [];
    node.compaction.lastSnapshotIndex = Math.max(node.compaction.lastSnapshotIndex, snapshot.meta.index);
    node.kv = KvStore.fromImage(snapshot.data as KvImage);
    this.stats.snapshotsInstalled++;
    if (this.context.network.hasCuts()) this.context.coverage.reach('snapshot-installed-during-partition');
    this.checker?.onSnapshot(node.id, snapshot.meta.index, snapshot.meta.term, 'installed');
    this.checker?.onSnapshotApplied(node.id, snapshot.meta.index);
    this.context.membershipChecker?.onSnapshot(node.id, snapshot.meta.index, snapshot.meta.membership, 'installed');
    if (this.trace.enabled) this.trace.emit({ t: this.scheduler.nowUs, type: 'snapshot-install', node: node.id, index: snapshot.meta.index, term: snapshot.meta.term });
  }

  private applyEntry(node: SimNode, entry: Entry): void {
    // Applying a configuration entry moves the node's configuration in force: check it at its next observation.
    if (entry.kind === 'config') this.context.membershipChecker?.touch(node.id);
    if (entry.index <= node.apply.skipThrough) {
      node.kv.skip(entry.index);
      return;
    }
    this.checker?.onApply(node.id, entry);
    this.contract?.onApply(node.id, entry.index, node.raft.log.committed);
    if (this.trace.enabled) this.trace.emitApply(this.scheduler.nowUs, node.id, entry.index, entry.term, entryDigest(entry));
    // A no-op, or a configuration entry (Raft itself acts on it: appliedTo activates it): nothing for the store.
    if (entry.kind === 'noop' || entry.kind === 'config') {
      node.kv.skip(entry.index);
      return;
    }
    const command = entry.data as KvCommand;
    const result = node.kv.apply(entry.index, command);
    const pendingWrites = node.clients.pendingWrites;
    const pending = pendingWrites.get(entry.index);
    if (pending !== undefined) {
      pendingWrites.delete(entry.index);
      if (pending.digest === command.digest) {
        this.checker?.onAcknowledged(node.id, entry.index, command.digest);
        this.reply(node, { type: 'reply', client: pending.client, seq: pending.seq, result, index: node.kv.lastEffectIndex });
      }
    }
  }

  private serveReads(node: SimNode): void {
    const clients = node.clients;
    if (clients.readyReads.length === 0) return;
    const applied = node.raft.log.applied;
    const waiting: { requestId: number; index: number }[] = [];
    for (const read of clients.readyReads) {
      if (read.index > applied) {
        waiting.push(read);
        continue;
      }
      const request = clients.pendingReads.get(read.requestId);
      if (request === undefined) continue;
      clients.pendingReads.delete(read.requestId);
      const value = node.kv.read(request.key);
      this.reply(node, { type: 'reply', client: request.client, seq: request.seq, result: { kind: 'get', value }, index: read.index });
    }
    clients.readyReads = waiting;
  }

  /** Sends a reply, redirect or busy answer from `node` to the client it names. */
  reply(node: SimNode, message: ClientMessage): void {
    this.clientNetwork.send(node.id, message.client, message, replyBytes);
  }
}
