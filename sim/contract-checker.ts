// Checks of the host contract and of durability, directly, at the moment a node acts (the safety checker in
// checker.ts checks Raft's own properties). Each rule is a sentence of the contract:
//
// - DurableBeforeSend: a term, a vote or an acknowledgement leaves a node only after the record it depends on
//   is durable (paper Figure 2: persistent state is updated on stable storage before responding to RPCs;
//   etcd's Ready: persist, then send).
// - VoteOnce: a node grants at most one candidate per term, across crashes and restarts (paper 5.2) — a vote
//   that is forgotten, or never made durable, shows here before it ever makes two leaders.
// - ElectedByQuorum: a leader is made only by a quorum of distinct voters that sent it a granted vote of its term
//   (paper 5.2); a candidate that counts anything else — a duplicate, a pre-vote, another term's vote — is
//   caught when it becomes leader.
// - RestartFromDurable: a node restarts from exactly what its disk kept (the host's half of the contract).
// - AppliedBeyondCommit: no entry is applied beyond the node's commit index (paper Figure 2, "If commitIndex >
//   lastApplied: ... apply").
// - CommitDurable: an entry is committed only once a quorum holds it durably: a crash of any minority, and any
//   number of restarts, cannot take it away.
// - CommitIrrevocable: once committed, no node lacking the entry can be elected. Checked prospectively when an
//   index is first committed: if some node without it has a log at least as up-to-date (paper 5.4.1) as a
//   quorum of logs (each voter's durable or in-memory log, whichever is less up-to-date: a voter may crash and
//   vote from its disk), that quorum could elect it and the committed entry would be lost. In a correct Raft this
//   cannot hold (the Leader Completeness argument of 5.4.3); a mistake in the commit rule, the vote rule or
//   durability makes it hold long before a schedule actually elects such a leader.
// - CommittedTruncated: no durable log loses a committed entry to a write of the term it was committed in or
//   later (only uncommitted, conflicting suffixes are truncated: paper 5.3 and the Log Matching argument; a node
//   still behind that term may hold a stale copy that a stale leader overwrites, and the next leader repairs).
// - AckedRetained: an acknowledgement is a promise. Within the term it was given in, a node never drops or
//   overwrites an entry it acknowledged to that term's leader (paper 5.3: a leader never contradicts its own log,
//   so only a newer term's leader may truncate; InstallSnapshot keeps a matching suffix, Figure 13 rule 6). This
//   catches any same-term truncation — of a late or repeated AppendEntries or snapshot — when it happens, before
//   the entry is known committed, and whichever handler made it.
import type { Message, NodeId } from '../raft/types.js';
import { raiseViolation, type CheckerContext, type LogView } from './checker.js';
import type { Coverage } from './coverage.js';
import type { DurableLog } from './durable-log.js';

/** What the contract checker reads of each node. */
export interface ContractNodeView {
  readonly id: NodeId;
  readonly durable: DurableLog;
  /** The node's in-memory log; null while the node is down. */
  liveLog(): LogView | null;
  /** The node's term while it leads (up or paused), else null. */
  leaderTerm(): number | null;
  /** The node's in-memory term; null while the node is down. */
  liveTerm(): number | null;
}

/** The highest index a node acknowledged to the leader of `term`. */
interface Acknowledged {
  readonly term: number;
  index: number;
}

/** Who votes now, and which sets of them form a quorum (a simple majority, or both majorities of a joint
 *  configuration). */
export interface VotingConfiguration {
  readonly voters: readonly NodeId[];
  /** Asked only with distinct members of `voters`. */
  isQuorum(members: readonly NodeId[]): boolean;
}

/** Bound on the terms remembered per node for VoteOnce (the oldest are forgotten first). */
const maxRememberedVoteTerms = 1_024;

/** (lastTerm, lastIndex) of a log, compared as paper 5.4.1 does. */
interface LogTip {
  readonly term: number;
  readonly index: number;
}

function atLeastAsUpToDate(a: LogTip, b: LogTip): boolean {
  return a.term > b.term || (a.term === b.term && a.index >= b.index);
}

function lessUpToDate(a: LogTip, b: LogTip): LogTip {
  return atLeastAsUpToDate(a, b) ? b : a;
}

function liveTip(log: LogView): LogTip {
  const index = log.lastIndex();
  return { term: log.term(index) ?? 0, index };
}

export class ContractChecker {
  checks = 0;
  /** Per node: term -> the candidate it granted in that term. */
  private readonly votes = new Map<NodeId, Map<number, NodeId>>();
  /** Per node: its latest term's acknowledgement (AckedRetained). */
  private readonly acked = new Map<NodeId, Acknowledged>();
  /** The highest index checked for CommitIrrevocable (each index is checked when first committed anywhere). */
  private irrevocableCheckedThrough = 0;

  constructor(
    private readonly context: CheckerContext,
    private readonly nodes: readonly ContractNodeView[],
    /** The configuration `id` acts under: whose votes elect it and whose quorum must hold what it commits. */
    private readonly configuration: (id: NodeId, purpose: 'election' | 'commit') => VotingConfiguration,
    /** The term committed at `index` as far as the safety checker knows, or undefined. */
    private readonly committedTermAt: (index: number) => number | undefined,
    private readonly coverage: Coverage | null = null,
    /** The term in which `index` was first seen committed (checker.ts committedInTermAt), or undefined. */
    private readonly committedInTermAt: ((index: number) => number | undefined) | null = null,
  ) {
    for (const node of nodes) node.durable.onTruncate = (index, oldTerm, newTerm) => this.onDurableTruncation(node.id, index, oldTerm, newTerm);
  }

  /** A durable record of `id` removed (newTerm undefined) or replaced its entry (index, oldTerm). */
  private onDurableTruncation(id: NodeId, index: number, oldTerm: number, newTerm: number | undefined): void {
    this.coverage?.reach('conflicting-suffix-truncated');
    this.checkAckedRetained(id, index, oldTerm, newTerm);
    if (this.committedTermAt(index) !== oldTerm) return;
    // What replaced it was written by a leader of at least its own term. An entry older than the term in which the
    // committed one was committed, taken by a node whose disk was still behind that term, comes from a stale
    // leader elected before that commit, to a node that had not heard of the newer term yet: the node held the committed entry only as an earlier leader's copy, was not
    // counted, and the next leader repairs it (random-chaos seed 3607: a node paused for 3 s working through its
    // backlog). A leader of the commit's term or later writing over it lacks a committed entry: a lost commit
    // (that leader's election is LeaderCompleteness's to catch, this write is ours).
    const durable = this.view(id).durable;
    const committedIn = this.committedInTermAt?.(index) ?? 0;
    const writtenInTerm = newTerm ?? durable.lastTerm();
    if (writtenInTerm < committedIn && durable.termBeforeSync < committedIn) return;
    raiseViolation(this.context, 'CommittedTruncated', `${id}'s disk ${newTerm === undefined ? 'dropped' : `overwrote (with term ${newTerm})`} the committed entry at index ${index} (term ${oldTerm})`, [id]);
  }

  /** A node's disk lost the entry (index, oldTerm): not one it acknowledged in the term it is still in. (Once its
   *  term has moved on, a newer leader may truncate; that is judged by CommittedTruncated.) */
  private checkAckedRetained(id: NodeId, index: number, oldTerm: number, newTerm: number | undefined): void {
    const acked = this.acked.get(id);
    if (acked === undefined || index > acked.index || this.view(id).liveTerm() !== acked.term) return;
    raiseViolation(
      this.context,
      'AckedRetained',
      `${id}'s disk ${newTerm === undefined ? 'dropped' : `overwrote (with term ${newTerm})`} index ${index} (term ${oldTerm}), which it had acknowledged (through index ${acked.index}) to the leader of term ${acked.term}, its term still: a leader may already count that acknowledgement`,
      [id],
    );
  }

  /** `from` acknowledged everything through `index` to the leader of `term`. */
  private noteAcknowledged(from: NodeId, term: number, index: number): void {
    const acked = this.acked.get(from);
    if (acked === undefined || acked.term < term) this.acked.set(from, { term, index });
    else if (acked.term === term && acked.index < index) acked.index = index;
  }

  private view(id: NodeId): ContractNodeView {
    for (let k = 0; k < this.nodes.length; k++) if (this.nodes[k]!.id === id) return this.nodes[k]!;
    throw new Error(`contract checker: unknown node ${id}`);
  }

  /** A message is leaving `from` (the host is about to hand it to the network). */
  onSend(from: NodeId, message: Message): void {
    this.checks++;
    const durable = this.view(from).durable;
    switch (message.type) {
      case 'PreVote':
      case 'PreVoteResponse':
        // A pre-vote carries the term the node would campaign for, never a durable one (thesis 9.6).
        return;
      case 'RequestVoteResponse':
        this.checkTerm(from, message, durable);
        if (!message.reject) this.checkVote(from, message.to, message.term, durable);
        return;
      case 'AppendEntriesResponse':
        this.checkTerm(from, message, durable);
        if (!message.reject) {
          this.checkHolds(from, message, message.index, durable);
          this.noteAcknowledged(from, message.term, message.index);
        }
        return;
      case 'InstallSnapshotResponse':
        this.checkTerm(from, message, durable);
        if (message.done) {
          this.checkHolds(from, message, message.snapshotIndex, durable);
          this.noteAcknowledged(from, message.term, message.snapshotIndex);
        }
        return;
      case 'RequestVote':
      case 'AppendEntries':
      case 'Heartbeat':
      case 'HeartbeatResponse':
      case 'TimeoutNow':
      case 'InstallSnapshot':
      case 'UnsupportedResponse':
        this.checkTerm(from, message, durable);
        return;
      default: {
        const unreachable: never = message;
        throw new Error(`unknown message ${JSON.stringify(unreachable)}`);
      }
    }
  }

  private checkTerm(from: NodeId, message: Message, durable: DurableLog): void {
    if (message.term <= durable.term) return;
    raiseViolation(this.context, 'DurableBeforeSend', `${from} sent ${message.type} of term ${message.term} to ${message.to} while its durable term is ${durable.term}: a crash now would forget a term it has revealed`, [from]);
  }

  private checkVote(from: NodeId, candidate: NodeId, term: number, durable: DurableLog): void {
    // A disk already past the vote's term is safe too: the node can never vote in that term again. (A Ready
    // carries the messages of several steps and the hard state of the last one: a node resuming from a pause
    // may grant a term-5 vote and move on to term 9 before either is persisted.)
    if (durable.term < term || (durable.term === term && durable.vote !== candidate)) {
      raiseViolation(this.context, 'DurableBeforeSend', `${from} granted its term-${term} vote to ${candidate} while its disk holds term ${durable.term}, vote ${durable.vote ?? 'none'}: a crash now would let it vote again`, [from]);
    }
    let granted = this.votes.get(from);
    if (granted === undefined) this.votes.set(from, (granted = new Map()));
    const earlier = granted.get(term);
    if (earlier !== undefined && earlier !== candidate) {
      raiseViolation(this.context, 'VoteOnce', `${from} granted its term-${term} vote to ${candidate} after granting it to ${earlier}`, [from, earlier, candidate]);
    }
    if (earlier === undefined) {
      granted.set(term, candidate);
      if (granted.size > maxRememberedVoteTerms) granted.delete(granted.keys().next().value!);
    }
  }

  private checkHolds(from: NodeId, message: Message, index: number, durable: DurableLog): void {
    if (index <= durable.snapshotIndex) return;
    // An acknowledgement of an earlier term than the disk's was overtaken within its Ready by a newer leader's
    // entries; whether the stale leader may still count it is for CommitDurable to judge when it commits.
    if (message.term < durable.term) return;
    // What the acknowledgement counts is the recipient's entry at that index: backed when the sender's disk holds
    // that same entry. (The sender's own log may have moved on since the acknowledgement was made — a newer
    // leader's entry replacing it in memory while this Ready's fsync was in flight — so its log is not the
    // reference; the recipient's is, while the recipient is up and still has the entry.)
    // Only a leader of the acknowledgement's term counts it; one that is not (it stepped down, or moved on) does
    // not, and a mistaken count shows when it commits (CommitDurable).
    const to = this.view(message.to);
    if (to.leaderTerm() !== message.term) return;
    const recipient = to.liveLog();
    const counted = recipient !== null && index >= recipient.firstIndex() ? recipient.term(index) : undefined;
    if (counted !== undefined && durable.termAt(index) === counted) return;
    const live = this.view(from).liveLog();
    const term = live?.term(index);
    if (counted === undefined && term !== undefined && durable.termAt(index) === term) return;
    // Compacted from memory since the acknowledgement was made (it was applied, so committed): the disk must
    // still have an entry there.
    if (term === undefined && live !== null && index < live.firstIndex() && durable.termAt(index) !== undefined) return;
    raiseViolation(this.context, 'DurableBeforeSend', `${from} acknowledged index ${index} (term ${term ?? '?'}) to ${message.to} in ${message.type} while its disk holds up to ${durable.lastIndex()} (term there ${durable.termAt(index) ?? 'none'}): a crash now would lose an entry the leader counts`, [from, message.to]);
  }

  /** `id` became leader of `term`, holding its own vote `ownVote` (null when it holds none). */
  onElected(id: NodeId, term: number, ownVote: NodeId | null): void {
    this.checks++;
    const configuration = this.configuration(id, 'election');
    const voters = configuration.voters;
    const granted = voters.filter((voter) => (voter === id ? ownVote === id : this.votes.get(voter)?.get(term) === id));
    if (configuration.isQuorum(granted)) return;
    raiseViolation(
      this.context,
      'ElectedByQuorum',
      `${id} became leader of term ${term} with granted votes of that term from only ${granted.join(', ') || 'nobody'}, not a quorum of ${voters.join(', ')}: it counted votes that were not given`,
      [id],
    );
  }

  /** The host restarted `id` from its disk: what it restarted with must be exactly what was durable. */
  onRestart(id: NodeId, term: number, vote: NodeId | null): void {
    this.checks++;
    const durable = this.view(id).durable;
    if (term !== durable.term || vote !== durable.vote) {
      raiseViolation(this.context, 'RestartFromDurable', `${id} restarted with term ${term}, vote ${vote ?? 'none'}, but its disk holds term ${durable.term}, vote ${durable.vote ?? 'none'}`, [id]);
    }
  }

  /** `id` is applying the entry at `index` while its commit index is `commit`. */
  onApply(id: NodeId, index: number, commit: number): void {
    if (index <= commit) return;
    raiseViolation(this.context, 'AppliedBeyondCommit', `${id} applied index ${index} beyond its commit index ${commit}`, [id]);
  }

  /** `id` advanced its commit index to `index`, whose entry has `term`. */
  onCommit(id: NodeId, index: number, term: number): void {
    this.checks++;
    const configuration = this.configuration(id, 'commit');
    const voters = configuration.voters;
    const holding = this.holdersScratch;
    holding.length = 0;
    for (let k = 0; k < voters.length; k++) if (this.holds(voters[k]!, index, term)) holding.push(voters[k]!);
    const leads = this.view(id).leaderTerm() !== null;
    if (!configuration.isQuorum(holding) && !this.checkedAtLeader(leads, index, term)) {
      raiseViolation(this.context, 'CommitDurable', `${id} committed index ${index} (term ${term}) while only ${holding.length} of ${voters.length} voters hold it durably (${holding.join(', ') || 'none'}), not a quorum: a crash of the others would lose it`, [id]);
    }
    if (leads && index > this.leaderCheckedThrough) this.leaderCheckedThrough = index;
    if (this.coverage !== null && !configuration.isQuorum(holding.slice(1))) this.coverage.reach('committed-with-smallest-quorum');
    if (index > this.irrevocableCheckedThrough) {
      this.irrevocableCheckedThrough = index;
      this.checkIrrevocable(id, index, term, configuration);
    }
  }

  /** A follower learns a commit from a leader whose configuration may differ from its own while membership
   *  changes (it lags the leader in applying configuration entries, or leads it in the append-time variant): an
   *  entry a leader's commit already found held by a quorum of that leader's configuration is not judged again by
   *  the follower's. */
  private checkedAtLeader(leads: boolean, index: number, term: number): boolean {
    return !leads && index <= this.leaderCheckedThrough && this.committedTermAt(index) === term;
  }

  /** Whether `id`'s disk holds (index, term); false for a node the checker does not know (one added later). */
  private holds(id: NodeId, index: number, term: number): boolean {
    for (let k = 0; k < this.nodes.length; k++) if (this.nodes[k]!.id === id) return this.nodes[k]!.durable.holds(index, term);
    return false;
  }

  /** The highest index a leader's commit passed CommitDurable at (checkedAtLeader). */
  private leaderCheckedThrough = 0;

  /** Reused by onCommit, which runs on every commit of every node. */
  private readonly holdersScratch: NodeId[] = [];

  private checkIrrevocable(id: NodeId, index: number, term: number, configuration: VotingConfiguration): void {
    const voters = configuration.voters;
    // Each voter's least up-to-date log (durable or in memory): what it would compare a candidate against.
    const weakest: LogTip[] = voters.map((voter) => {
      const view = this.view(voter);
      const durable: LogTip = { term: view.durable.lastTerm(), index: view.durable.lastIndex() };
      const live = view.liveLog();
      return live === null ? durable : lessUpToDate(durable, liveTip(live));
    });
    for (let k = 0; k < voters.length; k++) {
      const candidate = this.view(voters[k]!);
      const tips: LogTip[] = [];
      if (!candidate.durable.holds(index, term)) tips.push({ term: candidate.durable.lastTerm(), index: candidate.durable.lastIndex() });
      const live = candidate.liveLog();
      if (live !== null && live.term(index) !== term && index >= live.firstIndex()) tips.push(liveTip(live));
      for (const tip of tips) {
        const electorate = voters.filter((_, voter) => atLeastAsUpToDate(tip, weakest[voter]!));
        if (configuration.isQuorum(electorate)) {
          raiseViolation(
            this.context,
            'CommitIrrevocable',
            `${id} committed index ${index} (term ${term}), but ${candidate.id}, whose log lacks it (last term ${tip.term}, last index ${tip.index}), is at least as up-to-date as ${electorate.join(', ')} — a quorum that could elect it and lose the committed entry`,
            [id, candidate.id],
          );
        }
      }
    }
  }
}
