// The configuration at every index of a node's log: the configuration its snapshot carries (or the bootstrap
// one) and then, for each configuration entry of the retained log, the configuration after it. A node asks it
// which configuration is in force (as of its applied index, or its last index in the append-time variant) and
// the host asks it for the configuration to put in a snapshot. Kept in step with the log by the node at every
// point the log changes (append, truncation by a leader, snapshot install, compaction, restart).
import { applyConfChange, type ChangeRules, type ConfChangeRequest, describeRequest, type Membership } from './membership.js';
import type { Entry } from './types.js';

interface Change {
  readonly index: number;
  readonly membership: Membership;
}

export class MembershipHistory {
  /** The configuration as of `baseIndex`: a snapshot's, the bootstrap one (index 0), or the last change folded in
   *  by compaction. */
  private baseIndex: number;
  private base: Membership;
  /** Configurations after each configuration entry above baseIndex, in index order. */
  private changes: Change[] = [];

  constructor(
    baseIndex: number,
    base: Membership,
    private readonly rules: ChangeRules,
    private readonly owner: string,
  ) {
    this.baseIndex = baseIndex;
    this.base = base;
  }

  /** The configuration after every configuration entry up to `index`. */
  at(index: number): Membership {
    const changes = this.changes;
    for (let k = changes.length - 1; k >= 0; k--) if (changes[k]!.index <= index) return changes[k]!.membership;
    return this.base;
  }

  /** The configuration entry index that `at(index)` comes from (the base index when none). */
  sourceIndex(index: number): number {
    const changes = this.changes;
    for (let k = changes.length - 1; k >= 0; k--) if (changes[k]!.index <= index) return changes[k]!.index;
    return this.baseIndex;
  }

  latest(): Membership {
    return this.changes.length === 0 ? this.base : this.changes[this.changes.length - 1]!.membership;
  }

  /** Index of the last configuration entry (0 when the log holds none above the base). */
  lastChangeIndex(): number {
    return this.changes.length === 0 ? 0 : this.changes[this.changes.length - 1]!.index;
  }

  /** Whether a configuration entry lies in (after, upTo]. */
  hasChangeIn(after: number, upTo: number): boolean {
    for (const change of this.changes) if (change.index > after && change.index <= upTo) return true;
    return false;
  }

  /** The log now holds `entries` (contiguous) from their first index on, and nothing after `lastIndex`: forget
   *  changes the log no longer has and fold in the configuration entries among `entries`. Entries at or below
   *  the base are covered by it. Returns whether anything changed. */
  onEntries(all: readonly Entry[], lastIndex: number): boolean {
    const entries = all.length > 0 && all[0]!.index <= this.baseIndex ? all.filter((entry) => entry.index > this.baseIndex) : all;
    if (entries.length === 0) return this.truncateAfter(lastIndex);
    const first = entries[0]!.index;
    const last = entries[entries.length - 1]!.index;
    let touched = false;
    for (const entry of entries) if (entry.kind === 'config') touched = true;
    if (!touched && this.lastChangeIndex() < first) return false;
    // Changes in [first, last] were for entries that are now these same entries or gone; those after `last` and
    // still in the log were kept only when they matched (no conflict), so their configurations still hold.
    const after = this.changes.filter((change) => change.index > last && change.index <= lastIndex);
    this.changes = this.changes.filter((change) => change.index < first);
    for (const entry of entries) if (entry.kind === 'config') this.fold(entry);
    for (const change of after) this.changes.push(change);
    return true;
  }

  /** The log was cut after `lastIndex`. */
  truncateAfter(lastIndex: number): boolean {
    if (this.lastChangeIndex() <= lastIndex) return false;
    this.changes = this.changes.filter((change) => change.index <= lastIndex);
    return true;
  }

  /** A snapshot replaced the log: its configuration is the base now. */
  reset(index: number, membership: Membership): void {
    this.baseIndex = index;
    this.base = membership;
    this.changes = [];
  }

  /** Entries up to `index` were dropped; the configuration as of `index` becomes the base. */
  compactTo(index: number): void {
    if (index <= this.baseIndex) return;
    this.base = this.at(index);
    this.baseIndex = index;
    this.changes = this.changes.filter((change) => change.index > index);
  }

  private fold(entry: Entry): void {
    const request = entry.data as ConfChangeRequest;
    const outcome = applyConfChange(this.latest(), request, this.rules);
    // Every configuration entry was checked against this same configuration when its leader appended it, and
    // configuration entries are folded in log order: one that does not apply means the log is corrupt.
    if (!outcome.ok) throw new Error(`${this.owner}: configuration entry ${entry.index} (term ${entry.term}, ${describeRequest(request)}) does not apply to the configuration before it: ${outcome.reason}`);
    this.changes.push({ index: entry.index, membership: outcome.membership });
  }
}
