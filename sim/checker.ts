// Raft's safety properties (paper Figure 3), plus durability and monotonicity, checked as the simulation
// runs: every hook is called at the moment the state it inspects changes, inside the event that changed it.
// A violation throws SafetyViolation, which stops the run with the invariant's name, the event, the seed and
// the state of the nodes involved.
import type { Entry, NodeId } from '../raft/types.js';

export type InvariantName =
  | 'ElectionSafety'
  | 'LeaderAppendOnly'
  | 'LogMatching'
  | 'LeaderCompleteness'
  | 'StateMachineSafety'
  | 'Durability'
  | 'TermMonotonic'
  | 'CommitMonotonic'
  | 'AppliedMonotonic'
  | 'LinearizableRead';

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

/** Per-index record of what was committed, pruned from below so long runs stay bounded in memory. */
class IndexedTable<T> {
  private base = 1;
  private values: (T | undefined)[] = [];

  get(index: number): T | undefined {
    return index < this.base ? undefined : this.values[index - this.base];
  }

  set(index: number, value: T): void {
    if (index < this.base) return;
    this.values[index - this.base] = value;
  }

  get lowest(): number {
    return this.base;
  }

  get highest(): number {
    return this.base + this.values.length - 1;
  }

  /** Forgets indexes below `index`. */
  pruneBelow(index: number): void {
    if (index <= this.base) return;
    const drop = Math.min(index - this.base, this.values.length);
    this.values = this.values.slice(drop);
    this.base = index;
  }
}

interface CommittedRecord {
  readonly term: number;
  readonly digest: string;
  /** currentTerm of the node that first saw it committed: the term of the leader that committed it. */
  readonly commitTerm: number;
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
  private readonly committed = new IndexedTable<CommittedRecord>();
  private readonly identities = new IndexedTable<LogIdentity[]>();
  private readonly watches = new Map<NodeId, NodeWatch>();
  /** Writes acknowledged to clients: index -> digest. */
  private readonly acknowledged = new Map<number, string>();
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
    const state: Record<NodeId, unknown> = {};
    for (const id of nodes) state[id] = this.context.nodeState(id);
    throw new SafetyViolation({
      invariant,
      message,
      timeUs: this.context.nowUs(),
      event: this.context.currentEvent(),
      seed: this.context.seed,
      nodes,
      state,
    });
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
      const record = this.committed.get(index);
      // Leader Completeness speaks of entries committed in earlier terms; a stale leader of an older term
      // need not hold what a later leader committed (it cannot commit anything over it).
      if (record === undefined || record.commitTerm >= term) continue;
      const have = log.term(index);
      if (have !== record.term) {
        this.fail(
          'LeaderCompleteness',
          `new leader ${id} of term ${term} has term ${have ?? 'none'} at index ${index}, where term ${record.term} was committed`,
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
      let known = this.identities.get(entry.index);
      if (known === undefined) {
        known = [];
        this.identities.set(entry.index, known);
      }
      let same: LogIdentity | undefined;
      for (const identity of known) {
        if (identity.term === entry.term) {
          same = identity;
          break;
        }
      }
      if (same === undefined) {
        known.push({ term: entry.term, digest, prevTerm });
        continue;
      }
      if (same.digest !== digest) {
        this.fail('LogMatching', `${id} holds a different command at index ${entry.index} term ${entry.term} than another log`, [id]);
      }
      if (prevTerm !== -1 && same.prevTerm !== -1 && same.prevTerm !== prevTerm) {
        this.fail('LogMatching', `${id} agrees with another log at index ${entry.index} term ${entry.term} but not before it (term ${prevTerm} vs ${same.prevTerm} at ${entry.index - 1})`, [id]);
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
      const record = this.committed.get(at);
      if (record === undefined) this.committed.set(at, { term: entry.term, digest, commitTerm: currentTerm });
      else if (record.term !== entry.term || record.digest !== digest) {
        this.fail('StateMachineSafety', `${id} committed term ${entry.term} at index ${at}, where term ${record.term} was committed before`, [id]);
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
    const record = this.committed.get(entry.index);
    if (record === undefined) this.committed.set(entry.index, { term: entry.term, digest, commitTerm: Number.POSITIVE_INFINITY });
    else if (record.term !== entry.term || record.digest !== digest) {
      this.fail('StateMachineSafety', `${id} applied term ${entry.term} at index ${entry.index}, where another node applied term ${record.term}`, [id]);
    }
    const acknowledged = this.acknowledged.get(entry.index);
    if (acknowledged !== undefined && acknowledged !== digest) {
      this.fail('Durability', `${id} applied another command at index ${entry.index}, where an acknowledged write stood`, [id]);
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
    const record = this.committed.get(index);
    if (record !== undefined && record.digest !== digest) {
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
    for (const [index, digest] of this.acknowledged) {
      if (index < log.firstIndex()) continue;
      const entry = log.entry(index);
      if (entry === undefined || this.digestOf(entry) !== digest) {
        this.fail('Durability', `acknowledged write at index ${index} is missing from ${id}'s log`, [id]);
      }
    }
  }

  /** Bounds memory: nothing below `index` is needed any more (every node has it durably applied or snapshotted). */
  pruneBelow(index: number): void {
    this.committed.pruneBelow(index);
    this.identities.pruneBelow(index);
    for (const acknowledgedIndex of this.acknowledged.keys()) if (acknowledgedIndex < index) this.acknowledged.delete(acknowledgedIndex);
  }
}
