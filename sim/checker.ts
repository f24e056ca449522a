// Raft's safety properties (paper Figure 3), plus durability and monotonicity, checked as the simulation
// runs: every hook is called at the moment the state it inspects changes, inside the event that changed it.
// A violation throws SafetyViolation, which stops the run with the invariant's name, the event, the seed and
// the state of the nodes involved.
import type { TraceInvariant } from '../contract/trace.js';
import type { Entry, NodeId } from '../raft/types.js';

/** The invariants, as the trace contract lists them (contract/trace.ts), without the simulator's `Assertion`. */
export type InvariantName = Exclude<TraceInvariant, 'Assertion'>;

export interface Violation {
  readonly invariant: InvariantName;
  readonly message: string;
  readonly timeUs: number;
  readonly event: string;
  readonly seed: number;
  readonly nodes: readonly NodeId[];
  readonly state: Record<NodeId, unknown>;
}

export class SafetyViolation extends Error {
  constructor(readonly violation: Violation) {
    super(
      `safety violation: ${violation.invariant}: ${violation.message} (at t=${violation.timeUs}us during ${violation.event}, seed ${violation.seed})`,
    );
    this.name = 'SafetyViolation';
  }
}

/** Stops the run with a violation of `invariant`, naming the event, the seed and the state of `nodes`. */
export function raiseViolation(context: CheckerContext, invariant: InvariantName, message: string, nodes: readonly NodeId[]): never {
  const state: Record<NodeId, unknown> = {};
  for (const id of nodes) state[id] = context.nodeState(id);
  throw new SafetyViolation({ invariant, message, timeUs: context.nowUs(), event: context.currentEvent(), seed: context.seed, nodes: [...new Set(nodes)], state });
}

/**
 * Per-index records (two numbers and a digest per index), pruned from below so long runs stay bounded in memory.
 * Indexes [base, base + length) are held; index i lives in slot i & mask of typed columns, so a window that fits
 * the capacity needs no shifting when pruned and extended, and nothing is allocated per index: the checker sees
 * every entry of a run, and an object (or an array of them) per index was a large share of what a long run
 * allocated and kept. An empty slot (never set, or a gap) has NaN in `first`.
 */
class IndexedColumns {
  private base = 1;
  private length = 0;
  private mask = initialColumnCapacity - 1;
  private firsts = new Float64Array(initialColumnCapacity).fill(Number.NaN);
  private seconds = new Float64Array(initialColumnCapacity);
  private digests: (string | undefined)[] = new Array<string | undefined>(initialColumnCapacity).fill(undefined);

  get lowest(): number {
    return this.base;
  }

  get highest(): number {
    return this.base + this.length - 1;
  }

  /** The slot holding `index`, or -1 when nothing is recorded there. */
  slot(index: number): number {
    if (index < this.base || index >= this.base + this.length) return -1;
    const slot = index & this.mask;
    return Number.isNaN(this.firsts[slot]!) ? -1 : slot;
  }

  first(slot: number): number {
    return this.firsts[slot]!;
  }

  second(slot: number): number {
    return this.seconds[slot]!;
  }

  digest(slot: number): string {
    return this.digests[slot]!;
  }

  /** Records (first, second, digest) at `index`; ignored below the lowest index kept. */
  set(index: number, first: number, second: number, digest: string): void {
    if (index < this.base) return;
    const end = this.base + this.length;
    if (index >= end) {
      const length = index - this.base + 1;
      if (length > this.mask + 1) this.grow(length);
      // Indexes skipped over are gaps: their slots may still hold pruned records.
      for (let gap = end; gap < index; gap++) this.clear(gap & this.mask);
      this.length = length;
    }
    const slot = index & this.mask;
    this.firsts[slot] = first;
    this.seconds[slot] = second;
    this.digests[slot] = digest;
  }

  /** Forgets indexes below `index`. */
  pruneBelow(index: number): void {
    if (index <= this.base) return;
    const drop = Math.min(index - this.base, this.length);
    // Release the digests (the slots are overwritten later anyway).
    for (let at = this.base; at < this.base + drop; at++) this.clear(at & this.mask);
    this.length -= drop;
    this.base = index;
  }

  private clear(slot: number): void {
    this.firsts[slot] = Number.NaN;
    this.digests[slot] = undefined;
  }

  private grow(length: number): void {
    let capacity = (this.mask + 1) * 2;
    while (capacity < length) capacity *= 2;
    const mask = capacity - 1;
    const firsts = new Float64Array(capacity).fill(Number.NaN);
    const seconds = new Float64Array(capacity);
    const digests = new Array<string | undefined>(capacity).fill(undefined);
    for (let index = this.base; index < this.base + this.length; index++) {
      const from = index & this.mask;
      const to = index & mask;
      firsts[to] = this.firsts[from]!;
      seconds[to] = this.seconds[from]!;
      digests[to] = this.digests[from];
    }
    this.firsts = firsts;
    this.seconds = seconds;
    this.digests = digests;
    this.mask = mask;
  }
}

/** Slots the per-index columns start with (a power of two); doubled as the unpruned window grows. */
const initialColumnCapacity = 1024;

/**
 * Writes acknowledged to clients, index -> digest, with a Map's semantics (iteration in first-insertion order,
 * a repeated index keeps its place) but without a Map: it holds every acknowledgement since the last prune (tens
 * of thousands in a long run), and a Map that size reallocated its table in the old generation as it grew and
 * shrank with each prune. Digests of indexes not below the pruned floor live in per-index columns; an
 * acknowledgement that arrives for an index already below it (possible, if rare) goes to a small Map.
 */
class AcknowledgedWrites {
  private readonly byIndex = new IndexedColumns();
  private readonly belowFloor = new Map<number, string>();
  /** Indexes in first-insertion order: order[0 .. count). */
  private order = new Float64Array(initialColumnCapacity);
  private count = 0;

  get(index: number): string | undefined {
    const slot = this.byIndex.slot(index);
    if (slot >= 0) return this.byIndex.digest(slot);
    return index < this.byIndex.lowest ? this.belowFloor.get(index) : undefined;
  }

  set(index: number, digest: string): void {
    if (index >= this.byIndex.lowest) {
      const slot = this.byIndex.slot(index);
      this.byIndex.set(index, 0, 0, digest);
      if (slot >= 0) return;
    } else {
      const known = this.belowFloor.has(index);
      this.belowFloor.set(index, digest);
      if (known) return;
    }
    if (this.count === this.order.length) {
      const order = new Float64Array(this.count * 2);
      order.set(this.order);
      this.order = order;
    }
    this.order[this.count++] = index;
  }

  /** Calls `visit` for every entry in first-insertion order. */
  forEach(visit: (index: number, digest: string) => void): void {
    for (let k = 0; k < this.count; k++) {
      const index = this.order[k]!;
      visit(index, this.get(index)!);
    }
  }

  /** Deletes every index below `index`. */
  pruneBelow(index: number): void {
    this.byIndex.pruneBelow(index);
    for (const known of this.belowFloor.keys()) if (known < index) this.belowFloor.delete(known);
    let kept = 0;
    for (let k = 0; k < this.count; k++) {
      const at = this.order[k]!;
      if (at >= index) this.order[kept++] = at;
    }
    this.count = kept;
  }
}

interface LogIdentity {
  readonly term: number;
  readonly digest: string;
  readonly prevTerm: number;
}

/** What the checker needs to read of a node's log. */
export interface LogView {
  firstIndex(): number;
  lastIndex(): number;
  term(index: number): number | undefined;
  entry(index: number): Entry | undefined;
}

interface NodeWatch {
  term: number;
  commit: number;
  applied: number;
  leaderTerm: number;
  leaderLastIndex: number;
  leaderLastTerm: number;
}

export interface CheckerContext {
  readonly seed: number;
  nowUs(): number;
  currentEvent(): string;
  nodeState(id: NodeId): unknown;
}

export class SafetyChecker {
  private readonly leaderOfTerm = new Map<number, NodeId>();
  /** What was committed, per index: first = the entry's term, second = the commit term (currentTerm of the node
   *  that first saw it committed, i.e. the term of the leader that committed it; +Infinity when first seen
   *  applied), and the entry's digest. */
  private readonly committed = new IndexedColumns();
  /** Log Matching: per index, the first (term, command, term at index - 1) seen, as first = term, second =
   *  prevTerm (-1 when unknown) and the digest; further terms seen at an index (diverging logs) in
   *  `moreIdentities`. */
  private readonly identities = new IndexedColumns();
  private readonly moreIdentities = new Map<number, LogIdentity[]>();
  private readonly watches = new Map<NodeId, NodeWatch>();
  /** Writes acknowledged to clients: index -> digest. */
  private readonly acknowledged = new AcknowledgedWrites();
  checks = 0;

  constructor(
    private readonly context: CheckerContext,
    private readonly digestOf: (entry: Entry) => string,
  ) {}

  /** The last watch looked up: the checker is called several times per event for one node, and a watch is
   *  never removed, so this one-entry cache saves most Map lookups. */
  private lastWatchId: NodeId | null = null;
  private lastWatch: NodeWatch | null = null;

  private watch(id: NodeId): NodeWatch {
    if (id === this.lastWatchId) return this.lastWatch!;
    let watch = this.watches.get(id);
    if (watch === undefined) {
      watch = { term: 0, commit: 0, applied: 0, leaderTerm: -1, leaderLastIndex: 0, leaderLastTerm: 0 };
      this.watches.set(id, watch);
    }
    this.lastWatchId = id;
    this.lastWatch = watch;
    return watch;
  }

  private fail(invariant: InvariantName, message: string, nodes: NodeId[]): never {
    raiseViolation(this.context, invariant, message, nodes);
  }

  /** Paper 5.2 Election Safety: at most one leader per term. Paper 5.4 Leader Completeness: the new leader holds
   *  every entry committed so far (in earlier terms). */
  onLeader(id: NodeId, term: number, log: LogView): void {
    this.checks++;
    const existing = this.leaderOfTerm.get(term);
    if (existing !== undefined && existing !== id) {
      this.fail('ElectionSafety', `${id} and ${existing} are both leaders of term ${term}`, [id, existing]);
    }
    this.leaderOfTerm.set(term, id);
    const from = Math.max(this.committed.lowest, log.firstIndex());
    for (let index = from; index <= this.committed.highest; index++) {
      const slot = this.committed.slot(index);
      // Leader Completeness speaks of entries committed in earlier terms; a stale leader of an older term
      // need not hold what a later leader committed (it cannot commit anything over it).
      if (slot < 0 || this.committed.second(slot) >= term) continue;
      const have = log.term(index);
      const committedTerm = this.committed.first(slot);
      if (have !== committedTerm) {
        this.fail(
          'LeaderCompleteness',
          `new leader ${id} of term ${term} has term ${have ?? 'none'} at index ${index}, where term ${committedTerm} was committed`,
          [id],
        );
      }
    }
    const watch = this.watch(id);
    watch.leaderTerm = term;
    watch.leaderLastIndex = log.lastIndex();
    watch.leaderLastTerm = log.term(log.lastIndex()) ?? 0;
  }

  /** Leader Append-Only: while a node leads a term, its log only grows. Called after every event on a leader. */
  onLeaderEvent(id: NodeId, term: number, log: LogView): void {
    const watch = this.watch(id);
    if (watch.leaderTerm !== term) return;
    const index = watch.leaderLastIndex;
    if (index >= log.firstIndex()) {
      const have = log.term(index);
      if (have !== watch.leaderLastTerm || log.lastIndex() < index) {
        this.fail('LeaderAppendOnly', `leader ${id} of term ${term} changed or removed its entry ${index} (term ${watch.leaderLastTerm} -> ${have ?? 'none'})`, [id]);
      }
    }
    watch.leaderLastIndex = log.lastIndex();
    watch.leaderLastTerm = log.term(log.lastIndex()) ?? 0;
  }

  onLeaderLost(id: NodeId): void {
    this.watch(id).leaderTerm = -1;
  }

  /** Log Matching (paper 5.3): two entries with the same index and term hold the same command, and the logs
   *  agree before them. Checked inductively: each (index, term) must always have the same command and the
   *  same term at index - 1. */
  onEntriesAppended(id: NodeId, entries: readonly Entry[], log: LogView): void {
    for (const entry of entries) {
      this.checks++;
      const prevTerm = entry.index === 1 ? 0 : (log.term(entry.index - 1) ?? -1);
      const digest = this.digestOf(entry);
      const identities = this.identities;
      const slot = identities.slot(entry.index);
      if (slot < 0) {
        // The first identity seen at this index (ignored below the lowest index kept).
        identities.set(entry.index, entry.term, prevTerm, digest);
        continue;
      }
      let sameDigest: string;
      let samePrevTerm: number;
      if (identities.first(slot) === entry.term) {
        sameDigest = identities.digest(slot);
        samePrevTerm = identities.second(slot);
      } else {
        let more = this.moreIdentities.get(entry.index);
        let same: LogIdentity | undefined;
        if (more !== undefined) {
          for (const identity of more) {
            if (identity.term === entry.term) {
              same = identity;
              break;
            }
          }
        }
        if (same === undefined) {
          if (more === undefined) {
            more = [];
            this.moreIdentities.set(entry.index, more);
          }
          more.push({ term: entry.term, digest, prevTerm });
          continue;
        }
        sameDigest = same.digest;
        samePrevTerm = same.prevTerm;
      }
      if (sameDigest !== digest) {
        this.fail('LogMatching', `${id} holds a different command at index ${entry.index} term ${entry.term} than another log`, [id]);
      }
      if (prevTerm !== -1 && samePrevTerm !== -1 && samePrevTerm !== prevTerm) {
        this.fail('LogMatching', `${id} agrees with another log at index ${entry.index} term ${entry.term} but not before it (term ${prevTerm} vs ${samePrevTerm} at ${entry.index - 1})`, [id]);
      }
    }
  }

  onTerm(id: NodeId, term: number): void {
    const watch = this.watch(id);
    if (term < watch.term) this.fail('TermMonotonic', `${id}'s currentTerm went from ${watch.term} to ${term}`, [id]);
    watch.term = term;
  }

  /** Commit never decreases and never disagrees with what any node committed at that index. */
  onCommit(id: NodeId, index: number, log: LogView, currentTerm: number): void {
    const watch = this.watch(id);
    this.checks++;
    if (index < watch.commit) this.fail('CommitMonotonic', `${id}'s commit index went from ${watch.commit} to ${index}`, [id]);
    for (let at = Math.max(watch.commit + 1, log.firstIndex(), this.committed.lowest); at <= index; at++) {
      const entry = log.entry(at);
      if (entry === undefined) continue;
      const digest = this.digestOf(entry);
      const slot = this.committed.slot(at);
      if (slot < 0) this.committed.set(at, entry.term, currentTerm, digest);
      else if (this.committed.first(slot) !== entry.term || this.committed.digest(slot) !== digest) {
        this.fail('StateMachineSafety', `${id} committed term ${entry.term} at index ${at}, where term ${this.committed.first(slot)} was committed before`, [id]);
      }
    }
    watch.commit = index;
  }

  /** State Machine Safety (paper 5.4.3): no two nodes apply different entries at one index. */
  onApply(id: NodeId, entry: Entry): void {
    const watch = this.watch(id);
    this.checks++;
    if (entry.index !== watch.applied + 1) {
      this.fail('AppliedMonotonic', `${id} applied index ${entry.index} after ${watch.applied}`, [id]);
    }
    watch.applied = entry.index;
    const digest = this.digestOf(entry);
    const slot = this.committed.slot(entry.index);
    if (slot < 0) this.committed.set(entry.index, entry.term, Number.POSITIVE_INFINITY, digest);
    else if (this.committed.first(slot) !== entry.term || this.committed.digest(slot) !== digest) {
      this.fail('StateMachineSafety', `${id} applied term ${entry.term} at index ${entry.index}, where another node applied term ${this.committed.first(slot)}`, [id]);
    }
    const acknowledged = this.acknowledged.get(entry.index);
    if (acknowledged !== undefined && acknowledged !== digest) {
      this.fail('Durability', `${id} applied another command at index ${entry.index}, where an acknowledged write stood`, [id]);
    }
  }

  /** Paper 7: a snapshot stands for the log prefix up to its index, so its lastIncludedTerm must be the term of the
   *  entry committed at that index. Checked when a node takes one and when a follower installs one. */
  onSnapshot(id: NodeId, index: number, term: number, how: 'took' | 'installed'): void {
    this.checks++;
    const committed = this.committedTermAt(index);
    if (committed !== undefined && committed !== term) {
      this.fail('LogMatching', `${id} ${how} a snapshot at index ${index} labelled term ${term}, where term ${committed} was committed`, [id]);
    }
  }

  /** A snapshot replaced the state machine: applied restarts from the snapshot's index. */
  onSnapshotApplied(id: NodeId, index: number): void {
    const watch = this.watch(id);
    if (index < watch.applied) this.fail('AppliedMonotonic', `${id} installed a snapshot at ${index} below applied ${watch.applied}`, [id]);
    watch.applied = index;
    watch.commit = Math.max(watch.commit, index);
  }

  /** After a restart, commit and applied legitimately restart from what was durable. */
  onRestart(id: NodeId, term: number, commit: number, applied: number): void {
    const watch = this.watch(id);
    // A term that was never made durable is legitimately forgotten by a crash: nothing that depended on it
    // was sent (the Ready contract). The recovered term is the floor from here on.
    watch.term = term;
    watch.commit = commit;
    watch.applied = applied;
    watch.leaderTerm = -1;
  }

  /** A write was acknowledged to a client at `index`. It must be committed, and stay so. */
  onAcknowledged(id: NodeId, index: number, digest: string): void {
    const slot = this.committed.slot(index);
    if (slot >= 0 && this.committed.digest(slot) !== digest) {
      this.fail('Durability', `${id} acknowledged a write at index ${index} that is not the committed entry there`, [id]);
    }
    this.acknowledged.set(index, digest);
  }

  /** A read returned a value older than a write that completed before it began (e.g. a lease read on a leader
   *  whose clock drifted past the lease's drift bound). */
  onStaleRead(servedBy: NodeId, message: string): never {
    this.fail('LinearizableRead', message, servedBy === '' ? [] : [servedBy]);
  }

  /** Final check: every acknowledged write is in the converged log. */
  checkAcknowledgedIn(id: NodeId, log: LogView): void {
    this.acknowledged.forEach((index, digest) => {
      if (index < log.firstIndex()) return;
      const entry = log.entry(index);
      if (entry === undefined || this.digestOf(entry) !== digest) {
        this.fail('Durability', `acknowledged write at index ${index} is missing from ${id}'s log`, [id]);
      }
    });
  }

  /** The term committed at `index`, as far as the checker has seen (undefined when unknown or pruned). */
  committedTermAt(index: number): number | undefined {
    const slot = this.committed.slot(index);
    return slot < 0 ? undefined : this.committed.first(slot);
  }

  /** The term of the node that first saw `index` committed (the committing leader's term, as a follower learns
   *  it in that leader's term); undefined when unknown or pruned, Infinity when first seen applied. */
  committedInTermAt(index: number): number | undefined {
    const slot = this.committed.slot(index);
    return slot < 0 ? undefined : this.committed.second(slot);
  }

  /** Bounds memory: nothing below `index` is needed any more (every node has it durably applied or snapshotted). */
  pruneBelow(index: number): void {
    this.committed.pruneBelow(index);
    this.identities.pruneBelow(index);
    for (const moreIndex of this.moreIdentities.keys()) if (moreIndex < index) this.moreIdentities.delete(moreIndex);
    this.acknowledged.pruneBelow(index);
  }
}
