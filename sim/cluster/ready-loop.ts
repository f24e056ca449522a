// The host side of raft/'s contract (raft/node.ts): wake the node when its monotonic clock reaches Raft's deadline,
// step delivered messages into it, then run its Ready loop: persist (append + fsync on the simulated disk),
// then send, install a snapshot, hand committed entries to the apply pipeline, and advance.
import { messageBytes } from '../../raft/node.js';
import type { Message, Ready } from '../../raft/types.js';
import type { Buggify } from '../buggify.js';
import type { SafetyChecker } from '../checker.js';
import type { ContractChecker } from '../contract-checker.js';
import type { Coverage } from '../coverage.js';
import type { MetricsCollector } from '../metrics.js';
import type { Network, NodeId } from '../network.js';
import type { Scheduler } from '../scheduler.js';
import type { Trace } from '../trace.js';
import type { ApplyPipeline } from './apply.js';
import type { Compaction } from './compaction.js';
import type { ClusterContext } from './context.js';
import type { CurrentEvent } from './current-event.js';
import type { ProposalLatency } from './latency.js';
import type { NodeEvent, SimNode } from './node.js';
import type { Observers } from './observers.js';
import type { ClusterOptions } from './options.js';
import type { WalRecord } from './wal.js';

interface WakeEvent extends NodeEvent {
  readonly atUs: number;
}

interface MessageEvent extends NodeEvent {
  readonly message: Message;
  readonly id: number;
}

interface ReadyDurable extends NodeEvent {
  readonly ready: Ready;
  readonly token: number;
  /** The host bug send-before-fsync sent the messages already, before the fsync. */
  readonly messagesSent: boolean;
}

/** The layers the Ready loop hands work to. */
export interface ReadyLoopLayers {
  readonly observers: Observers;
  readonly latency: ProposalLatency;
  readonly apply: ApplyPipeline;
  readonly compaction: Compaction;
}

/** The messages of the steady state; every other type (snapshots, votes, pre-votes, reads, transfers) is rare. */
const commonMessageTypes: ReadonlySet<string> = new Set(['AppendEntries', 'AppendEntriesResponse', 'Heartbeat', 'HeartbeatResponse']);

export class ReadyLoop {
  private readonly scheduler: Scheduler;
  private readonly options: ClusterOptions;
  private readonly trace: Trace;
  private readonly checker: SafetyChecker | null;
  private readonly contract: ContractChecker | null;
  private readonly metrics: MetricsCollector;
  private readonly coverage: Coverage;
  private readonly network: Network<Message>;
  private readonly nodes: ReadonlyMap<NodeId, SimNode>;
  private readonly event: CurrentEvent;
  private readonly observers: Observers;
  private readonly latency: ProposalLatency;
  private readonly apply: ApplyPipeline;
  private readonly compaction: Compaction;
  private readonly context: ClusterContext;
  private readonly buggify: Buggify;

  constructor(context: ClusterContext, layers: ReadyLoopLayers) {
    this.context = context;
    this.buggify = context.buggify;
    this.scheduler = context.scheduler;
    this.options = context.options;
    this.trace = context.trace;
    this.checker = context.checker;
    this.contract = context.contract;
    this.metrics = context.metrics;
    this.coverage = context.coverage;
    this.network = context.network;
    this.nodes = context.nodes;
    this.event = context.event;
    this.observers = layers.observers;
    this.latency = layers.latency;
    this.apply = layers.apply;
    this.compaction = layers.compaction;
  }

  // ------------------------------------------------------------------ wake-ups

  /** Arms the node's wake-up at the true time Raft's (monotonic) clock reaches the Raft deadline. One pending wake per
   *  node; a later deadline lets the armed wake fire early and re-arm. */
  armWake(node: SimNode): void {
    if (node.process.status === 'down') return;
    const atUs = node.trueWhenRaftUs(node.raft.nextDeadlineUs(), this.scheduler.nowUs);
    if (atUs < node.ready.armedWakeUs) {
      node.ready.armedWakeUs = atUs;
      const event: WakeEvent = { node, incarnation: node.process.incarnation, atUs };
      this.scheduler.at(atUs, this.onWake, event);
    }
  }

  /** Only the latest armed wake counts; it is disarmed when it fires, paused or not. */
  private readonly wakeCurrent = (event: WakeEvent): boolean => {
    const ready = event.node.ready;
    if (event.atUs !== ready.armedWakeUs) return false;
    ready.armedWakeUs = Number.POSITIVE_INFINITY;
    return true;
  };

  private readonly wakeResumed = (event: WakeEvent): void => {
    this.armWake(event.node);
  };

  private readonly onWake = (event: WakeEvent): void => {
    const node = event.node;
    if (!node.admit(event, this.wakeCurrent, this.wakeResumed)) return;
    this.event.timer(node);
    const local = node.raftNowUs(this.scheduler.nowUs);
    if (local >= node.raft.nextDeadlineUs()) node.raft.tick(local);
    this.afterInput(node);
  };

  // ------------------------------------------------------------------ deliveries

  /** The network delivered a Raft message to `to`. */
  onDeliver(from: NodeId, to: NodeId, message: Message, id: number): void {
    const node = this.nodes.get(to)!;
    this.observers.countMessage(message.type, 'delivered');
    if (this.trace.enabled) this.trace.emitMessage(this.scheduler.nowUs, 'deliver', from, to, message.type, id);
    if (message.type === 'RequestVoteResponse') this.metrics.onVoteReply(from, to, id);
    this.handleMessage(node, message, id);
  }

  private handleMessage(node: SimNode, message: Message, id: number): void {
    const process = node.process;
    if (process.status === 'down') return;
    if (process.status === 'paused') {
      if (process.backlog.length >= this.options.maxPausedBacklog) {
        this.observers.onDropped(message.from, node.id, message, id, 'node-down');
        return;
      }
      const event: MessageEvent = { node, message, id, incarnation: process.incarnation };
      node.park(this.messageResumed, event);
      return;
    }
    if (process.slowDelayUs > 0) {
      // A slow handler: messages are processed one after another, each after the added delay.
      const atUs = Math.max(this.scheduler.nowUs, process.busyUntilUs) + process.slowDelayUs;
      process.busyUntilUs = atUs;
      const event: MessageEvent = { node, message, id, incarnation: process.incarnation };
      this.scheduler.at(atUs, this.onSlowMessage, event);
      return;
    }
    this.stepMessage(node, message, id);
  }

  /** A delivery parked while paused is handled afresh on resume (the node may have turned slow meanwhile). */
  private readonly messageResumed = (event: MessageEvent): void => {
    this.handleMessage(event.node, event.message, event.id);
  };

  private readonly stepSlowMessage = (event: MessageEvent): void => {
    this.stepMessage(event.node, event.message, event.id);
  };

  private readonly onSlowMessage = (event: MessageEvent): void => {
    if (!event.node.admit(event, null, this.stepSlowMessage)) return;
    this.stepSlowMessage(event);
  };

  private stepMessage(node: SimNode, message: Message, id: number): void {
    this.event.deliver(node, message, id);
    if ((message.type === 'AppendEntries' || message.type === 'Heartbeat') && message.term < node.raft.currentTerm) this.coverage.reach('stale-leader-message-rejected');
    node.raft.step(message, node.raftNowUs(this.scheduler.nowUs));
    const raft = node.raft;
    if ((message.type === 'AppendEntries' || message.type === 'Heartbeat') && raft.currentTerm === message.term && raft.leader === message.from) {
      // Messages still in flight from a leader that crashed, paused or stepped down do not re-establish it.
      const sender = this.nodes.get(message.from)!;
      if (sender.process.status === 'up' && sender.raft.role === 'leader' && sender.raft.currentTerm === message.term) {
        this.metrics.onLeaderContact(this.scheduler.nowUs, message.from, message.term, node.id);
      }
    } else if (message.type === 'AppendEntriesResponse' && !message.reject && raft.role === 'leader' && message.term === raft.currentTerm) {
      this.latency.onAcknowledged(node, message.from, message.index);
    }
    this.afterInput(node);
  }

  // ------------------------------------------------------------------ the Ready loop

  /** After any input: report events, check invariants, process Ready, re-arm the timer. */
  afterInput(node: SimNode): void {
    this.observers.observe(node);
    this.processReady(node);
    this.armWake(node);
  }

  private readonly walScratch: { record: WalRecord; bytes: number }[] = [];

  private processReady(node: SimNode): void {
    if (node.ready.inFlight || node.process.status !== 'up') return;
    if (!node.raft.hasReady()) return;
    const ready = node.raft.ready();
    this.observers.observe(node);
    if (this.checker !== null && ready.entries.length > 0) this.checker.onEntriesAppended(node.id, ready.entries, node.raft.log);
    const count = this.walRecords(node, ready);
    const now = this.scheduler.nowUs;
    if (count > 0) node.disk.append(now, this.walScratch);
    if (ready.mustSync) {
      // Paper Figure 2: persistent state is updated on stable storage before responding to RPCs. The host bug
      // send-before-fsync (host-bugs.ts) sends first, to hide the disk's latency.
      const messagesSent = this.options.hostBugs.sendBeforeFsync;
      if (messagesSent) this.sendMessages(node, ready);
      const { doneUs, token } = node.disk.fsync(now);
      node.ready.inFlight = true;
      const event: ReadyDurable = { node, ready, token, incarnation: node.process.incarnation, messagesSent };
      // BUGGIFY: an fsync that stalls (a busy disk); the records stay unsynced, and lost to a crash, until then.
      const buggify = this.buggify;
      const stallUs = buggify.enabled && buggify.fires('fsync-stall') ? buggify.delayUs('fsync-stall') : 0;
      this.scheduler.at(doneUs + stallUs, this.onReadyDurable, event);
      // Written, not yet durable: the window a crash makes visible.
      if (ready.entries.length > 0 && this.context.protocolTap.on) this.context.notify({ kind: 'entries-written', node: node.id });
      return;
    }
    this.completeReady(node, ready, false);
  }

  /** Fills walScratch with the WAL records of a Ready and returns their count. One scratch array for every
   *  Ready: Disk.append copies the records out and keeps no reference to it. Its length is set only when the
   *  record count differs from the last Ready's (setting an array's length is a runtime call, and showed up in
   *  profiles when done on every Ready). */
  private walRecords(node: SimNode, ready: Ready): number {
    const records = this.walScratch;
    let count = 0;
    if (ready.snapshot !== null) records[count++] = { record: { kind: 'snapshot', snapshot: ready.snapshot }, bytes: ready.snapshot.bytes + 64 };
    if (ready.hardState !== null) {
      records[count++] = { record: { kind: 'hardState', hardState: ready.hardState }, bytes: 32 };
      node.ready.lastHardState = ready.hardState;
    }
    if (ready.entries.length > 0) {
      let bytes = 16;
      const entries = ready.entries;
      for (let k = 0; k < entries.length; k++) bytes += entries[k]!.bytes + 16;
      records[count++] = { record: { kind: 'entries', entries: ready.entries }, bytes };
    }
    if (records.length !== count) records.length = count;
    return count;
  }

  /** The disk synced the Ready even if the node is paused now: only completing it waits for resume. */
  private readonly readySynced = (event: ReadyDurable): boolean => {
    event.node.disk.completeSync(event.token);
    if (this.contract !== null) event.node.durable.catchUp(event.node.disk);
    return true;
  };

  private readonly finishReady = (event: ReadyDurable): void => {
    const node = event.node;
    node.ready.inFlight = false;
    this.completeReady(node, event.ready, event.messagesSent);
    this.armWake(node);
  };

  private readonly onReadyDurable = (event: ReadyDurable): void => {
    if (!event.node.admit(event, this.readySynced, this.finishReady)) return;
    this.event.fsync(event.node);
    this.finishReady(event);
  };

  private completeReady(node: SimNode, ready: Ready, messagesSent: boolean): void {
    if (!messagesSent) this.sendMessages(node, ready);
    if (ready.snapshot !== null) this.apply.installSnapshot(node, ready.snapshot);
    const readStates = ready.readStates;
    const readyReads = node.clients.readyReads;
    for (let k = 0; k < readStates.length; k++) readyReads.push(readStates[k]!);
    this.apply.applyCommitted(node, ready.committedEntries);
    node.raft.advance(ready);
    this.observers.observe(node);
    this.processReady(node);
    if (!node.ready.inFlight) this.compaction.tryCompact(node);
  }

  /** Hands a Ready's messages to the network (after its fsync, unless the host bug send-before-fsync is on).
   *  Indexed loops in the Ready loop: for-of over the shared, frozen empty arrays of a Ready allocated an
   *  iterator result per loop (seen in allocation profiles). */
  private sendMessages(node: SimNode, ready: Ready): void {
    const messages = ready.messages;
    const contract = this.contract;
    for (let k = 0; k < messages.length; k++) {
      const message = messages[k]!;
      if (contract !== null) contract.onSend(node.id, message);
      this.observers.countMessage(message.type, 'sent');
      if (this.buggify.enabled && this.buggified(node, message)) continue;
      this.send(node.id, message);
    }
    if (this.context.protocolTap.on) this.notifySent(node, messages);
  }

  /** BUGGIFY at a send: a response may go out twice, any message may sit in a buffer first (and arrive in a
   *  later term), or leave now and again later as a stale copy. True when the message was taken over (it leaves
   *  later). */
  private buggified(node: SimNode, message: Message): boolean {
    const buggify = this.buggify;
    const rare = !commonMessageTypes.has(message.type);
    if (message.type.endsWith('Response') && buggify.fires('duplicate-response', rare)) this.send(node.id, message);
    if (buggify.fires('replay-message', rare)) this.scheduler.after(buggify.delayUs('replay-message'), this.sendLate, { from: node.id, message });
    if (!buggify.fires('delay-message', rare)) return false;
    this.scheduler.after(buggify.delayUs('delay-message'), this.sendLate, { from: node.id, message });
    return true;
  }

  /** A message out of a buffer: it was written before the sender crashed, if it did, so it still leaves. */
  private readonly sendLate = (late: { from: NodeId; message: Message }): void => {
    this.send(late.from, late.message);
  };

  /** One message onto the network, and its send record. */
  private send(from: NodeId, message: Message): void {
    const id = this.network.send(from, message.to, message, messageBytes(message));
    if (this.trace.enabled) this.trace.emitMessage(this.scheduler.nowUs, 'send', from, message.to, message.type, id);
    if (message.type === 'RequestVoteResponse') this.metrics.onVoteReplySent(from, message.to, id);
  }

  /** The protocol events a Ready's messages show: a vote granted, entries acknowledged, a snapshot sent, a round
   *  of heartbeats sent (once per Ready, after the others). */
  private notifySent(node: SimNode, messages: readonly Message[]): void {
    let granted = false;
    let acked = false;
    let snapshot = false;
    let heartbeat = false;
    for (let k = 0; k < messages.length; k++) {
      const message = messages[k]!;
      if (message.type === 'RequestVoteResponse' && !message.reject) granted = true;
      else if (message.type === 'AppendEntriesResponse' && !message.reject) acked = true;
      else if (message.type === 'InstallSnapshot' && message.offsetBytes === 0) snapshot = true;
      else if (message.type === 'Heartbeat') heartbeat = true;
    }
    if (granted) this.context.notify({ kind: 'vote-granted', node: node.id });
    if (acked) this.context.notify({ kind: 'append-acked', node: node.id });
    if (snapshot) this.context.notify({ kind: 'snapshot-sent', node: node.id });
    if (heartbeat) this.context.notify({ kind: 'heartbeat-sent', node: node.id });
  }
}
