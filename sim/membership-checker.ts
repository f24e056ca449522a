// Membership invariants (issue #12; Raft dissertation chapter 4), checked as the simulation runs, only where a
// configuration entry or a snapshot is involved:
//
// - ConfigQuorumOverlap: every committed configuration shares a quorum with the committed configuration before it
//   (dissertation 4.1: otherwise a leader of each can be elected and commit in the same term). The checker folds
//   the configuration entries, in index order as they are first committed anywhere, from the bootstrap
//   configuration with the nodes' own change rules; an entry that does not apply to the configuration before it
//   fails too (the configurations a cluster goes through must follow one another).
// - OnePendingConfig: when a leader appends a configuration entry, no other configuration entry above the
//   cluster-wide commit index is in its log (dissertation 4.1: at most one change at a time; etcd's pending
//   conf index). Two uncommitted changes may each overlap their base and not each other.
// - ConfigAfterTermCommit: a leader appends a configuration entry only once it has committed an entry of its own
//   term (the dissertation's fix to single-server changes, raft-dev 2015 "bug in single-server membership
//   changes": a new leader's change and a deposed leader's uncommitted one may each differ by one voter from
//   their base and by two from each other).
// - ConfigInForce: a node's configuration in force is what its snapshot and log give: the committed configuration
//   at its applied index (configuration entries take effect when applied), or, in the append-time variant, the
//   committed configuration at its commit index followed by the configuration entries of its log up to its last
//   index. Checked after every change of it, every snapshot install, restart, and configuration entry appended or
//   applied.
// - SnapshotConfig: a snapshot, taken or installed, carries the configuration that the committed configuration
//   entries up to its index give (a snapshot without it makes a node that restarts or installs it forget a
//   change: openraft#1808).
//
// It also tracks, per node, the configuration in force in the order of the node's events, so that the contract
// checker counts an election's votes and a commit's holders against the configuration the node acted under
// (votingConfiguration).
import { applyConfChange, describeMembership, describeRequest, sameMembership, type ChangeRules, type ConfChangeRequest, type Membership } from '../raft/membership.js';
import { jointHasQuorum, quorumsOverlap } from '../raft/quorum.js';
import type { NodeId, RaftEvent } from '../raft/types.js';
import { raiseViolation, type CheckerContext, type LogView } from './checker.js';
import type { VotingConfiguration } from './contract-checker.js';

/** What the membership checker reads of a node. */
export interface MembershipNodeView {
  readonly id: NodeId;
  /** The configuration in force at the node (null while it is down). */
  membership(): Membership | null;
  /** The node's log (null while it is down). */
  log(): (LogView & { readonly applied: number; readonly committed: number }) | null;
}

/** When configuration entries take effect (RaftConfig.membershipActivation). */
export type MembershipActivation = 'apply' | 'append';

interface CommittedConfiguration {
  readonly index: number;
  readonly membership: Membership;
}

export class MembershipChecker {
  checks = 0;
  /** Committed configurations in index order, from the bootstrap one (index 0). */
  private history: CommittedConfiguration[];
  /** The highest index committed anywhere whose configuration entries are folded into `history`. */
  private committedThrough = 0;
  /** A committed index the checker could not read (compacted from the committing log): it stops checking the
   *  invariants that need the committed history rather than guess. */
  private lostTrack = false;
  /** Per node: the configuration in force as of the last event observed (votingConfiguration). */
  private readonly tracked = new Map<NodeId, Membership>();
  /** Nodes to check ConfigInForce for at their next observation. */
  private readonly dirty = new Set<NodeId>();
  private readonly voting = new WeakMap<Membership, VotingConfiguration>();

  constructor(
    private readonly context: CheckerContext,
    private readonly nodes: readonly MembershipNodeView[],
    private readonly bootstrap: Membership,
    private readonly rules: ChangeRules,
    private readonly activation: MembershipActivation,
  ) {
    this.history = [{ index: 0, membership: bootstrap }];
    for (const node of nodes) this.tracked.set(node.id, node.membership() ?? bootstrap);
  }

  private view(id: NodeId): MembershipNodeView | undefined {
    for (let k = 0; k < this.nodes.length; k++) if (this.nodes[k]!.id === id) return this.nodes[k]!;
    return undefined;
  }

  /** The committed configuration as of `index` (every configuration entry committed up to it). */
  committedAt(index: number): Membership {
    const history = this.history;
    for (let k = history.length - 1; k > 0; k--) if (history[k]!.index <= index) return history[k]!.membership;
    return history[0]!.membership;
  }

  /** The configuration `id` acts under now, as the contract checker counts quorums: whose quorum must hold what
   *  it commits. For an election (apply-time activation), also the committed configuration at its commit index:
   *  a node campaigns only once it applied every configuration entry it knows committed (etcd raft.go hup), since
   *  one of them may change whose votes count; both must be won. */
  votingConfiguration(id: NodeId, purpose: 'election' | 'commit' = 'commit'): VotingConfiguration {
    const inForce = this.tracked.get(id) ?? this.bootstrap;
    if (purpose === 'commit' || this.activation === 'append' || this.lostTrack) return this.votingFor(inForce);
    const commit = this.view(id)?.log()?.committed ?? 0;
    const committed = this.committedAt(Math.min(commit, this.committedThrough));
    if (committed === inForce || sameMembership(committed, inForce)) return this.votingFor(inForce);
    const a = this.votingFor(inForce);
    const b = this.votingFor(committed);
    const within = (side: VotingConfiguration, members: readonly NodeId[]): readonly NodeId[] => members.filter((member) => side.voters.includes(member));
    return { voters: [...new Set([...a.voters, ...b.voters])], isQuorum: (members) => a.isQuorum(within(a, members)) && b.isQuorum(within(b, members)) };
  }

  /** `id` restarted from its disk: it acts under what it recovered. */
  onRestart(id: NodeId): void {
    const membership = this.view(id)?.membership() ?? null;
    if (membership !== null) this.tracked.set(id, membership);
    this.dirty.add(id);
  }

  private votingFor(membership: Membership): VotingConfiguration {
    let configuration = this.voting.get(membership);
    if (configuration === undefined) {
      configuration = votingConfigurationOf(membership);
      this.voting.set(membership, configuration);
    }
    return configuration;
  }

  /** One of `id`'s Raft events, in order, before the other checks see it (commits come through onCommit, after
   *  the safety checker's own). */
  onRaftEvent(id: NodeId, event: RaftEvent, log: LogView & { readonly committed: number }): void {
    switch (event.kind) {
      case 'membership':
        this.onMembershipEvent(id, event.membership);
        return;
      case 'conf-change-proposed':
        this.onConfChangeAppended(id, event.index, event.term, log.committed, log);
        return;
      case 'snapshot-installed':
        this.touch(id);
        return;
      default:
        return;
    }
  }

  /** `id` reported its configuration in force changed (a `membership` event, in event order). */
  onMembershipEvent(id: NodeId, membership: Membership): void {
    this.tracked.set(id, membership);
    this.dirty.add(id);
  }

  /** Something that moves `id`'s configuration happened (a snapshot installed, a restart, a configuration
   *  entry applied or appended): check it at the node's next observation. */
  touch(id: NodeId): void {
    this.dirty.add(id);
  }

  /** End of a batch of `id`'s events: resynchronise the tracked configuration and run pending checks. */
  onObserved(id: NodeId): void {
    if (this.dirty.size === 0 || !this.dirty.has(id)) return;
    this.dirty.delete(id);
    const node = this.view(id);
    const membership = node?.membership() ?? null;
    if (node === undefined || membership === null) return;
    this.tracked.set(id, membership);
    this.checkInForce(node, membership);
  }

  /** `id` committed through `index`: fold the configuration entries first committed here (ConfigQuorumOverlap). */
  onCommit(id: NodeId, index: number, log: LogView): void {
    if (index <= this.committedThrough) return;
    const from = this.committedThrough + 1;
    this.committedThrough = index;
    if (this.lostTrack) return;
    for (let at = from; at <= index; at++) {
      const entry = log.entry(at);
      if (entry === undefined) {
        this.lostTrack = true;
        return;
      }
      if (entry.kind === 'config') this.onConfigCommitted(id, at, entry.data as ConfChangeRequest);
    }
  }

  private onConfigCommitted(id: NodeId, index: number, request: ConfChangeRequest): void {
    this.checks++;
    const before = this.history[this.history.length - 1]!.membership;
    const outcome = applyConfChange(before, request, this.rules);
    if (!outcome.ok) {
      raiseViolation(this.context, 'ConfigQuorumOverlap', `${id} committed the configuration entry at index ${index} (${describeRequest(request)}), which does not apply to the committed configuration before it (${describeMembership(before)}): ${outcome.reason}`, [id]);
    }
    if (!quorumsOverlap(before, outcome.membership)) {
      raiseViolation(
        this.context,
        'ConfigQuorumOverlap',
        `${id} committed the configuration entry at index ${index} (${describeRequest(request)}): ${describeMembership(before)} -> ${describeMembership(outcome.membership)}, configurations with disjoint quorums (a leader of each can be elected in one term)`,
        [id],
      );
    }
    this.history.push({ index, membership: outcome.membership });
  }

  /** Leader `id` of `term` appended a configuration entry at `index` (OnePendingConfig, ConfigAfterTermCommit);
   *  `committed` is its commit index. */
  onConfChangeAppended(id: NodeId, index: number, term: number, committed: number, log: LogView): void {
    this.checks++;
    this.touch(id);
    const committedTerm = log.term(committed);
    if (committedTerm !== term) {
      raiseViolation(this.context, 'ConfigAfterTermCommit', `leader ${id} of term ${term} appended a configuration entry at index ${index} before committing an entry of its term (its commit index ${committed} holds term ${committedTerm ?? 'unknown'})`, [id]);
    }
    for (let at = Math.max(this.committedThrough + 1, log.firstIndex()); at < index; at++) {
      const entry = log.entry(at);
      if (entry === undefined || entry.kind !== 'config') continue;
      raiseViolation(
        this.context,
        'OnePendingConfig',
        `leader ${id} appended a configuration entry at index ${index} while its log holds another one not yet committed at index ${at} (${describeRequest(entry.data as ConfChangeRequest)}; committed through ${this.committedThrough}): two pending changes need not share a quorum`,
        [id],
      );
    }
  }

  /** A snapshot `id` took or installed (SnapshotConfig). */
  onSnapshot(id: NodeId, index: number, membership: Membership, how: 'took' | 'installed'): void {
    this.checks++;
    if (how === 'installed') this.touch(id);
    if (this.lostTrack || index > this.committedThrough) return;
    const expected = this.committedAt(index);
    if (sameMembership(membership, expected)) return;
    raiseViolation(this.context, 'SnapshotConfig', `${id} ${how} a snapshot at index ${index} carrying ${describeMembership(membership)}, where the committed configuration entries up to it give ${describeMembership(expected)}`, [id]);
  }

  private checkInForce(node: MembershipNodeView, membership: Membership): void {
    const log = node.log();
    if (log === null || this.lostTrack) return;
    this.checks++;
    const expected = this.expectedInForce(node.id, log);
    if (expected === null || sameMembership(membership, expected.membership)) return;
    raiseViolation(
      this.context,
      'ConfigInForce',
      `${node.id} acts under ${describeMembership(membership)}, but its snapshot and log give ${describeMembership(expected.membership)} (${expected.how})`,
      [node.id],
    );
  }

  private expectedInForce(id: NodeId, log: LogView & { readonly applied: number; readonly committed: number }): { membership: Membership; how: string } | null {
    if (this.activation === 'apply') {
      if (log.applied > this.committedThrough) return null;
      return { membership: this.committedAt(log.applied), how: `the committed configuration at its applied index ${log.applied}` };
    }
    const base = Math.min(log.committed, this.committedThrough);
    let membership = this.committedAt(base);
    for (let at = Math.max(base + 1, log.firstIndex()); at <= log.lastIndex(); at++) {
      const entry = log.entry(at);
      if (entry === undefined || entry.kind !== 'config') continue;
      const outcome = applyConfChange(membership, entry.data as ConfChangeRequest, this.rules);
      // An entry that does not apply is the node's own corruption; the node reports it (or ConfigQuorumOverlap will).
      if (!outcome.ok) return null;
      membership = outcome.membership;
    }
    return { membership, how: `the committed configuration at index ${base} and its log's configuration entries up to its last index ${log.lastIndex()} (append-time activation)` };
  }

  /** Bounds memory: no node will ask about an index below `index` again. */
  pruneBelow(index: number): void {
    const history = this.history;
    let keep = 0;
    while (keep + 1 < history.length && history[keep + 1]!.index <= index) keep++;
    if (keep > 0) this.history = history.slice(keep);
  }
}

/** Who votes in `membership` and which of them form a quorum. The contract checker asks isQuorum on every commit
 *  with a subset of `voters`, so a simple configuration answers by counting (as the fixed majority did). */
function votingConfigurationOf(membership: Membership): VotingConfiguration {
  if (membership.outgoing.length === 0) {
    const quorum = Math.floor(membership.voters.length / 2) + 1;
    return { voters: membership.voters, isQuorum: (members) => members.length >= quorum };
  }
  const voters = [...new Set([...membership.voters, ...membership.outgoing])];
  return { voters, isQuorum: (members) => jointHasQuorum(membership, (voter) => members.includes(voter)) };
}
