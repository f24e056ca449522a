// Why a term with a candidate ended without a leader: the one definition the run's metrics (sim/metrics.ts) and
// the reports (reports/trace/) share, computed from what the trace shows (docs/metrics.md, "Terms without a
// leader"). Both feed the same three observations in the order the trace records them:
//   campaign     — a node became a candidate (not a pre-candidate) in a term (the `election` record, preVote false);
//   role         — a node's role or term changed (the `role` record): it ends that node's candidacy, and a leader
//                  marks its term as won;
//   reply sent   — a RequestVoteResponse left a voter (the `send` record): it carries the voter's term, which is
//                  the term of the voter's latest `role` record;
//   vote reply   — a RequestVoteResponse was delivered to a node (the `deliver` record, matched to its send by
//                  id): it counts for the candidacy only when sent to it in the candidacy's term while it was
//                  open (a late reply to an earlier candidacy does not).
// A term with at least one candidate and no leader is
//   a split vote       when two or more candidates campaigned in it: each holds its own vote, so the votes were
//                      divided between candidates and none could gather a majority;
//   lost to stale log  when one candidate campaigned alone and, during its candidacy, heard replies from enough
//                      voters that with its own vote they make a majority (of both halves of a joint
//                      configuration) of the configuration in force at the candidate when it campaigned (its own
//                      count: membership changes make it differ between nodes and over time; `configure` tells
//                      it): it did not win, so a voter refused, and
//                      with no other candidate in the term a voter refuses only a candidate whose log is less
//                      up-to-date than its own (paper 5.4.1);
//   otherwise          neither (the candidate could not hear from a majority: voters down, cut off or already in
//                      a later term, or it crashed).
// Pure: no I/O, no clock.

/** How the terms that had a candidate and no leader ended. */
export interface ElectionTermCounts {
  /** Terms with a candidate (not a pre-candidate) and no leader. */
  readonly termsWithoutLeader: number;
  /** Of those, the terms two or more candidates split. */
  readonly splitVotes: number;
  /** Of those, the terms a lone candidate lost to refusals (its log was behind a voter's). */
  readonly lostToStaleLog: number;
  /** The terms of each kind, ascending. */
  readonly splitVoteTerms: readonly number[];
  readonly lostToStaleLogTerms: readonly number[];
}

/** The voters a candidate counts votes over: a majority of `voters` and, in a joint configuration, of `outgoing`
 *  too. */
export interface VotingConfig {
  readonly voters: readonly string[];
  readonly outgoing: readonly string[];
}

function majorityOf(ids: readonly string[], holders: ReadonlySet<string>, self: string): boolean {
  if (ids.length === 0) return true;
  let count = 0;
  for (const id of ids) if (id === self || holders.has(id)) count++;
  return count >= Math.floor(ids.length / 2) + 1;
}

interface Candidate {
  readonly repliers: Set<string>;
  /** The configuration it counted votes over; null: the fixed count given to counts(). */
  readonly config: VotingConfig | null;
}

interface Candidacy {
  readonly term: number;
  readonly repliers: Set<string>;
  /** Ids of the replies sent to it in its term (dropped with the candidacy: nothing is kept per message). */
  readonly sent: Set<number>;
}

export class ElectionTerms {
  /** Term -> candidate -> the voters that replied to it during its candidacy in that term. */
  private readonly candidates = new Map<number, Map<string, Candidate>>();
  /** Each node's configuration in force, once known; `initial` before. */
  private readonly configs = new Map<string, VotingConfig>();

  /** The bootstrap configuration of every node; null (never told): counts() uses the fixed count it is given. */
  private initial: VotingConfig | null = null;

  /** Before the first campaign: the configuration every node starts in. */
  bootstrap(config: VotingConfig): void {
    this.initial = config;
  }

  /** `node`'s configuration in force changed (a configuration entry applied, or a snapshot installed). */
  configure(node: string, config: VotingConfig): void {
    this.configs.set(node, config);
  }
  private readonly leaderTerms = new Set<number>();
  private readonly open = new Map<string, Candidacy>();
  /** Each node's term, as its latest role record shows it. */
  private readonly terms = new Map<string, number>();

  campaign(node: string, term: number): void {
    if (this.leaderTerms.has(term)) return;
    let byNode = this.candidates.get(term);
    if (byNode === undefined) {
      byNode = new Map();
      this.candidates.set(term, byNode);
    }
    let candidate = byNode.get(node);
    if (candidate === undefined) {
      candidate = { repliers: new Set(), config: this.configs.get(node) ?? this.initial };
      byNode.set(node, candidate);
    }
    this.open.set(node, { term, repliers: candidate.repliers, sent: new Set() });
  }

  role(node: string, role: string, term: number): void {
    this.terms.set(node, term);
    if (role === 'leader') {
      // A won term is never counted: its candidates need not be kept (a long run has many terms).
      this.leaderTerms.add(term);
      this.candidates.delete(term);
    }
    const open = this.open.get(node);
    if (open !== undefined && (role !== 'candidate' || term !== open.term)) this.open.delete(node);
  }

  /** A RequestVoteResponse left `from` for `to` as message `id`. A reply to a candidate in its term is only ever
   *  sent during that candidacy (it answers the candidacy's request), so only those are noted. */
  replySent(from: string, to: string, id: number): void {
    const open = this.open.get(to);
    if (open !== undefined && this.terms.get(from) === open.term) open.sent.add(id);
  }

  /** The RequestVoteResponse `id` from `from` was delivered to `to`. */
  voteReply(from: string, to: string, id: number): void {
    const open = this.open.get(to);
    if (open !== undefined && open.sent.has(id)) open.repliers.add(from);
  }

  /** The counts; `voters`: the voting members of a candidate whose configuration is not known. */
  counts(voters: number): ElectionTermCounts {
    const quorum = Math.floor(voters / 2) + 1;
    const split: number[] = [];
    const stale: number[] = [];
    let without = 0;
    for (const [term, byNode] of this.candidates) {
      without++;
      if (byNode.size >= 2) split.push(term);
      else {
        for (const [node, { repliers, config }] of byNode) {
          const answered = config === null ? repliers.size + 1 >= quorum : majorityOf(config.voters, repliers, node) && majorityOf(config.outgoing, repliers, node);
          if (answered) stale.push(term);
        }
      }
    }
    split.sort((a, b) => a - b);
    stale.sort((a, b) => a - b);
    return { termsWithoutLeader: without, splitVotes: split.length, lostToStaleLog: stale.length, splitVoteTerms: split, lostToStaleLogTerms: stale };
  }
}

/** An election latency is censored when its leader was lost before the liveness phase's full heal and no new
 *  leader was established until at or after it: the fault phase ended first, so the sample measures the heal,
 *  not an election. `healUs` null: the run has not healed (yet). */
export function isCensored(fromUs: number, toUs: number, healUs: number | null): boolean {
  return healUs !== null && fromUs < healUs && toUs >= healUs;
}
