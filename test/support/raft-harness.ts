// A minimal synchronous host for RaftNode unit tests: instant persistence, a FIFO "network" the test
// controls message by message, and one shared time (each node's local clock may be offset from it). The
// simulator proper lives in sim/.
//
// Persistence follows Ready.mustSync: every Ready is written at once (`durable`), but only a Ready that must sync
// (and everything written before it) survives `crash()`, which restarts a node from what was fsynced; `restart()`
// keeps every write, as after a clean shutdown.
import { defaultRaftConfig, type RaftConfig } from '../../raft/config.js';
import { RaftNode } from '../../raft/node.js';
import type { ConfChangeRequest } from '../../raft/membership.js';
import type { ConfChangeResult, Entry, HardState, Message, NodeId, Ready, Snapshot } from '../../raft/types.js';

export interface Durable {
  hardState: HardState;
  entries: Entry[];
  snapshot: Snapshot | null;
}

/** Deterministic [0,1) source (a small LCG) so tests do not depend on sim/. */
export function lcg(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export class Harness {
  readonly nodes = new Map<NodeId, RaftNode>();
  readonly durable = new Map<NodeId, Durable>();
  /** What was fsynced: the state `crash()` restarts from. */
  readonly synced = new Map<NodeId, Durable>();
  /** Local clock of a node = shared time + its offset (0 unless a test moves it). */
  readonly clockOffsetUs = new Map<NodeId, number>();
  readonly applied = new Map<NodeId, Entry[]>();
  readonly reads = new Map<NodeId, { requestId: number; index: number }[]>();
  inFlight: Message[] = [];
  /** Directed pairs "a->b" that lose messages. */
  readonly cut = new Set<string>();
  readonly sentCount = new Map<string, number>();
  nowUs = 0;
  readonly configs = new Map<NodeId, RaftConfig>();
  /** The bootstrap voters (the ids given to the constructor); servers that join later are added to `ids`. */
  readonly bootstrap: readonly NodeId[];

  /** Every server, the bootstrap ones first (a copy: join() adds to it). */
  readonly ids: NodeId[];

  constructor(ids: readonly NodeId[], patch: Partial<RaftConfig> = {}, seed = 1) {
    this.ids = [...ids];
    this.bootstrap = [...ids];
    ids.forEach((id, k) => {
      const config = { ...defaultRaftConfig(id, this.bootstrap), ...patch, id, voters: this.bootstrap };
      this.configs.set(id, config);
      this.nodes.set(id, RaftNode.create({ config, random: lcg(seed * 1000 + k), nowUs: 0 }));
      this.durable.set(id, { hardState: { term: 0, vote: null, commit: 0 }, entries: [], snapshot: null });
      this.synced.set(id, { hardState: { term: 0, vote: null, commit: 0 }, entries: [], snapshot: null });
      this.applied.set(id, []);
      this.reads.set(id, []);
    });
  }

  /** Boots a server outside the bootstrap configuration: an empty log and the bootstrap voters, without itself
   *  (it catches up and votes once a configuration entry makes it a member). */
  join(id: NodeId, patch: Partial<RaftConfig> = {}, seed = 7): RaftNode {
    const config = { ...this.configs.get(this.bootstrap[0]!)!, ...patch, id, voters: this.bootstrap };
    this.configs.set(id, config);
    this.ids.push(id);
    const node = RaftNode.create({ config, random: lcg(seed), nowUs: this.localUs(id) });
    this.nodes.set(id, node);
    this.durable.set(id, { hardState: { term: 0, vote: null, commit: 0 }, entries: [], snapshot: null });
    this.synced.set(id, { hardState: { term: 0, vote: null, commit: 0 }, entries: [], snapshot: null });
    this.applied.set(id, []);
    this.reads.set(id, []);
    return node;
  }

  /** Proposes a membership change at `id` and delivers everything; returns the node's answer. */
  changeConf(id: NodeId, request: ConfChangeRequest): ConfChangeResult {
    const result = this.node(id).proposeConfChange(request, this.localUs(id));
    this.deliverAll();
    return result;
  }

  node(id: NodeId): RaftNode {
    return this.nodes.get(id)!;
  }

  /** The node's local clock now. */
  localUs(id: NodeId): number {
    return this.nowUs + (this.clockOffsetUs.get(id) ?? 0);
  }

  /** Drains every Ready of a node: persist at once, queue messages, apply. */
  flush(id: NodeId): void {
    const node = this.node(id);
    for (let guard = 0; node.hasReady(); guard++) {
      if (guard > 1000) throw new Error('flush did not converge');
      const ready = node.ready();
      this.persist(id, ready);
      for (const message of ready.messages) {
        this.sentCount.set(message.type, (this.sentCount.get(message.type) ?? 0) + 1);
        if (!this.cut.has(`${message.from}->${message.to}`)) this.inFlight.push(message);
      }
      for (const entry of ready.committedEntries) this.applied.get(id)!.push(entry);
      if (ready.committedEntries.length > 0) node.appliedTo(ready.committedEntries[ready.committedEntries.length - 1]!.index);
      for (const read of ready.readStates) this.reads.get(id)!.push(read);
      node.advance(ready);
    }
  }

  flushAll(): void {
    for (const id of this.ids) this.flush(id);
  }

  private persist(id: NodeId, ready: Ready): void {
    const durable = this.durable.get(id)!;
    if (ready.snapshot !== null) {
      durable.snapshot = ready.snapshot;
      durable.entries = [];
    }
    if (ready.hardState !== null) durable.hardState = ready.hardState;
    if (ready.entries.length > 0) {
      const first = ready.entries[0]!.index;
      durable.entries = durable.entries.filter((entry) => entry.index < first).concat(ready.entries);
    }
    if (ready.mustSync) this.synced.set(id, { hardState: durable.hardState, entries: durable.entries.slice(), snapshot: durable.snapshot });
  }

  /** Delivers queued messages (FIFO) until none are left. */
  deliverAll(maxMessages = 100_000): number {
    this.flushAll();
    let delivered = 0;
    while (this.inFlight.length > 0) {
      if (delivered >= maxMessages) throw new Error('deliverAll: message budget exceeded');
      const message = this.inFlight.shift()!;
      delivered++;
      this.deliver(message);
    }
    return delivered;
  }

  /** Steps one message into its target now and drains the target's Readys. */
  deliver(message: Message): void {
    const target = this.nodes.get(message.to);
    if (target === undefined) return;
    target.step(message, this.localUs(message.to));
    this.flush(message.to);
  }

  /** Delivers queued messages matching the predicate, oldest first, including matching ones they cause, until
   *  none is left; the others stay queued in order. Returns how many were delivered. */
  deliverWhere(predicate: (message: Message) => boolean, maxMessages = 10_000): number {
    this.flushAll();
    let delivered = 0;
    for (;;) {
      const at = this.inFlight.findIndex(predicate);
      if (at < 0) return delivered;
      if (delivered >= maxMessages) throw new Error('deliverWhere: message budget exceeded');
      const [message] = this.inFlight.splice(at, 1);
      delivered++;
      this.deliver(message!);
    }
  }

  /** Removes the queued messages matching the predicate and returns them (to deliver later, twice, or never). */
  take(predicate: (message: Message) => boolean): Message[] {
    this.flushAll();
    const taken = this.inFlight.filter(predicate);
    this.inFlight = this.inFlight.filter((message) => !predicate(message));
    return taken;
  }

  /** Drops queued messages matching the predicate. */
  dropWhere(predicate: (message: Message) => boolean): void {
    this.inFlight = this.inFlight.filter((message) => !predicate(message));
  }

  /** Advances local time for every node to `nowUs`, ticking each at each of its deadlines on the way. */
  advanceTo(nowUs: number, deliver = true): void {
    for (let guard = 0; guard < 1_000_000; guard++) {
      let nextId: NodeId | null = null;
      let nextDeadline = Number.POSITIVE_INFINITY;
      for (const id of this.ids) {
        const deadline = this.node(id).nextDeadlineUs() - (this.clockOffsetUs.get(id) ?? 0);
        if (deadline < nextDeadline) {
          nextDeadline = deadline;
          nextId = id;
        }
      }
      if (nextId === null || nextDeadline > nowUs) break;
      this.nowUs = Math.max(this.nowUs, nextDeadline);
      this.node(nextId).tick(this.localUs(nextId));
      this.flush(nextId);
      if (deliver) this.deliverAll();
    }
    this.nowUs = nowUs;
  }

  /** Forces `id` to campaign now (its election timer fires) and delivers everything. */
  campaign(id: NodeId): void {
    this.timeout(id);
    this.deliverAll();
  }

  /** Makes `id`'s election timer fire now (moving time forward to it if needed); delivers nothing. */
  timeout(id: NodeId): void {
    const node = this.node(id);
    this.nowUs = Math.max(this.nowUs, node.nextDeadlineUs() - (this.clockOffsetUs.get(id) ?? 0));
    node.tick(this.localUs(id));
    this.flush(id);
  }

  leaders(): NodeId[] {
    return this.ids.filter((id) => this.node(id).role === 'leader');
  }

  propose(id: NodeId, data: string): void {
    const result = this.node(id).propose(data, data.length, this.localUs(id));
    if (!result.ok) throw new Error(`propose on ${id} failed: ${result.reason}`);
    this.deliverAll();
  }

  /** Restart from everything written (a clean shutdown: the page cache reached the disk). */
  restart(id: NodeId, seed = 99): void {
    this.restartFrom(id, this.durable.get(id)!, seed);
  }

  /** Power loss: restart from what was fsynced; writes of Readys that did not have to sync are lost. */
  crash(id: NodeId, seed = 99): void {
    const synced = this.synced.get(id)!;
    this.durable.set(id, { hardState: synced.hardState, entries: synced.entries.slice(), snapshot: synced.snapshot });
    this.restartFrom(id, synced, seed);
  }

  /** Replaces a node's disk (as fsynced) and restarts it from it: how tests start from a prepared history. */
  load(id: NodeId, durable: Durable, seed = 99): void {
    this.durable.set(id, durable);
    this.synced.set(id, { ...durable, entries: durable.entries.slice() });
    this.restartFrom(id, durable, seed);
  }

  private restartFrom(id: NodeId, durable: Durable, seed: number): void {
    const config = this.configs.get(id)!;
    this.nodes.set(id, RaftNode.restart({ config, random: lcg(seed), nowUs: this.localUs(id) }, durable));
    this.applied.set(id, []);
    this.inFlight = this.inFlight.filter((message) => message.to !== id && message.from !== id);
  }

  isolate(id: NodeId): void {
    for (const other of this.ids) {
      if (other === id) continue;
      this.cut.add(`${id}->${other}`);
      this.cut.add(`${other}->${id}`);
    }
    this.dropWhere((message) => message.to === id || message.from === id);
  }

  heal(): void {
    this.cut.clear();
  }

  requestCount(): number {
    let total = 0;
    for (const type of ['PreVote', 'RequestVote', 'AppendEntries', 'Heartbeat', 'TimeoutNow', 'InstallSnapshot']) {
      total += this.sentCount.get(type) ?? 0;
    }
    return total;
  }
}
