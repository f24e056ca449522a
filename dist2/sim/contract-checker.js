import { raiseViolation } from './checker.js';
/** Bound on the terms remembered per node for VoteOnce (the oldest are forgotten first). */
const maxRememberedVoteTerms = 1_024;
function atLeastAsUpToDate(a, b) {
    return a.term > b.term || (a.term === b.term && a.index >= b.index);
}
function lessUpToDate(a, b) {
    return atLeastAsUpToDate(a, b) ? b : a;
}
function liveTip(log) {
    const index = log.lastIndex();
    return { term: log.term(index) ?? 0, index };
}
export class ContractChecker {
    context;
    nodes;
    configuration;
    committedTermAt;
    coverage;
    committedInTermAt;
    checks = 0;
    /** Per node: term -> the candidate it granted in that term. */
    votes = new Map();
    /** The highest index checked for CommitIrrevocable (each index is checked when first committed anywhere). */
    irrevocableCheckedThrough = 0;
    constructor(context, nodes, configuration, 
    /** The term committed at `index` as far as the safety checker knows, or undefined. */
    committedTermAt, coverage = null, 
    /** The term in which `index` was first seen committed (checker.ts committedInTermAt), or undefined. */
    committedInTermAt = null) {
        this.context = context;
        this.nodes = nodes;
        this.configuration = configuration;
        this.committedTermAt = committedTermAt;
        this.coverage = coverage;
        this.committedInTermAt = committedInTermAt;
        for (const node of nodes)
            node.durable.onTruncate = (index, oldTerm, newTerm) => this.onDurableTruncation(node.id, index, oldTerm, newTerm);
    }
    /** A durable record of `id` removed (newTerm undefined) or replaced its entry (index, oldTerm). */
    onDurableTruncation(id, index, oldTerm, newTerm) {
        this.coverage?.reach('conflicting-suffix-truncated');
        if (this.committedTermAt(index) !== oldTerm)
            return;
        // What replaced it was written by a leader of at least its own term. An entry older than the term in which the
        // committed one was committed, taken by a node whose disk was still behind that term, comes from a stale
        // leader elected before that commit, to a node that had not heard of the newer term yet: the node held the committed entry only as an earlier leader's copy, was not
        // counted, and the next leader repairs it (random-chaos seed 3607: a node paused for 3 s working through its
        // backlog). A leader of the commit's term or later writing over it lacks a committed entry: a lost commit
        // (that leader's election is LeaderCompleteness's to catch, this write is ours).
        const durable = this.view(id).durable;
        const committedIn = this.committedInTermAt?.(index) ?? 0;
        const writtenInTerm = newTerm ?? durable.lastTerm();
        if (writtenInTerm < committedIn && durable.termBeforeSync < committedIn)
            return;
        raiseViolation(this.context, 'CommittedTruncated', `${id}'s disk ${newTerm === undefined ? 'dropped' : `overwrote (with term ${newTerm})`} the committed entry at index ${index} (term ${oldTerm})`, [id]);
    }
    view(id) {
        for (let k = 0; k < this.nodes.length; k++)
            if (this.nodes[k].id === id)
                return this.nodes[k];
        throw new Error(`contract checker: unknown node ${id}`);
    }
    /** A message is leaving `from` (the host is about to hand it to the network). */
    onSend(from, message) {
        this.checks++;
        const durable = this.view(from).durable;
        switch (message.type) {
            case 'PreVote':
            case 'PreVoteResponse':
                // A pre-vote carries the term the node would campaign for, never a durable one (thesis 9.6).
                return;
            case 'RequestVoteResponse':
                this.checkTerm(from, message, durable);
                if (!message.reject)
                    this.checkVote(from, message.to, message.term, durable);
                return;
            case 'AppendEntriesResponse':
                this.checkTerm(from, message, durable);
                if (!message.reject)
                    this.checkHolds(from, message, message.index, durable);
                return;
            case 'InstallSnapshotResponse':
                this.checkTerm(from, message, durable);
                if (message.done)
                    this.checkHolds(from, message, message.snapshotIndex, durable);
                return;
            case 'RequestVote':
            case 'AppendEntries':
            case 'Heartbeat':
            case 'HeartbeatResponse':
            case 'TimeoutNow':
            case 'InstallSnapshot':
                this.checkTerm(from, message, durable);
                return;
            default: {
                const unreachable = message;
                throw new Error(`unknown message ${JSON.stringify(unreachable)}`);
            }
        }
    }
    checkTerm(from, message, durable) {
        if (message.term <= durable.term)
            return;
        raiseViolation(this.context, 'DurableBeforeSend', `${from} sent ${message.type} of term ${message.term} to ${message.to} while its durable term is ${durable.term}: a crash now would forget a term it has revealed`, [from]);
    }
    checkVote(from, candidate, term, durable) {
        // A disk already past the vote's term is safe too: the node can never vote in that term again. (A Ready
        // carries the messages of several steps and the hard state of the last one: a node resuming from a pause
        // may grant a term-5 vote and move on to term 9 before either is persisted.)
        if (durable.term < term || (durable.term === term && durable.vote !== candidate)) {
            raiseViolation(this.context, 'DurableBeforeSend', `${from} granted its term-${term} vote to ${candidate} while its disk holds term ${durable.term}, vote ${durable.vote ?? 'none'}: a crash now would let it vote again`, [from]);
        }
        let granted = this.votes.get(from);
        if (granted === undefined)
            this.votes.set(from, (granted = new Map()));
        const earlier = granted.get(term);
        if (earlier !== undefined && earlier !== candidate) {
            raiseViolation(this.context, 'VoteOnce', `${from} granted its term-${term} vote to ${candidate} after granting it to ${earlier}`, [from, earlier, candidate]);
        }
        if (earlier === undefined) {
            granted.set(term, candidate);
            if (granted.size > maxRememberedVoteTerms)
                granted.delete(granted.keys().next().value);
        }
    }
    checkHolds(from, message, index, durable) {
        if (index <= durable.snapshotIndex)
            return;
        // An acknowledgement of an earlier term than the disk's was overtaken within its Ready by a newer leader's
        // entries; whether the stale leader may still count it is for CommitDurable to judge when it commits.
        if (message.term < durable.term)
            return;
        // What the acknowledgement counts is the recipient's entry at that index: backed when the sender's disk holds
        // that same entry. (The sender's own log may have moved on since the acknowledgement was made — a newer
        // leader's entry replacing it in memory while this Ready's fsync was in flight — so its log is not the
        // reference; the recipient's is, while the recipient is up and still has the entry.)
        // Only a leader of the acknowledgement's term counts it; one that is not (it stepped down, or moved on) does
        // not, and a mistaken count shows when it commits (CommitDurable).
        if (this.view(message.to).leaderTerm() !== message.term)
            return;
        const recipient = this.view(message.to).liveLog();
        const counted = recipient !== null && index >= recipient.firstIndex() ? recipient.term(index) : undefined;
        if (counted !== undefined && durable.termAt(index) === counted)
            return;
        const live = this.view(from).liveLog();
        const term = live?.term(index);
        if (counted === undefined && term !== undefined && durable.termAt(index) === term)
            return;
        // Compacted from memory since the acknowledgement was made (it was applied, so committed): the disk must
        // still have an entry there.
        if (term === undefined && live !== null && index < live.firstIndex() && durable.termAt(index) !== undefined)
            return;
        raiseViolation(this.context, 'DurableBeforeSend', `${from} acknowledged index ${index} (term ${term ?? '?'}) to ${message.to} in ${message.type} while its disk holds up to ${durable.lastIndex()} (term there ${durable.termAt(index) ?? 'none'}): a crash now would lose an entry the leader counts`, [from, message.to]);
    }
    /** `id` became leader of `term`, holding its own vote `ownVote` (null when it holds none). */
    onElected(id, term, ownVote) {
        this.checks++;
        const configuration = this.configuration();
        const voters = configuration.voters;
        const granted = voters.filter((voter) => (voter === id ? ownVote === id : this.votes.get(voter)?.get(term) === id));
        if (configuration.isQuorum(granted))
            return;
        raiseViolation(this.context, 'ElectedByQuorum', `${id} became leader of term ${term} with granted votes of that term from only ${granted.join(', ') || 'nobody'}, not a quorum of ${voters.join(', ')}: it counted votes that were not given`, [id]);
    }
    /** The host restarted `id` from its disk: what it restarted with must be exactly what was durable. */
    onRestart(id, term, vote) {
        this.checks++;
        const durable = this.view(id).durable;
        if (term !== durable.term || vote !== durable.vote) {
            raiseViolation(this.context, 'RestartFromDurable', `${id} restarted with term ${term}, vote ${vote ?? 'none'}, but its disk holds term ${durable.term}, vote ${durable.vote ?? 'none'}`, [id]);
        }
    }
    /** `id` is applying the entry at `index` while its commit index is `commit`. */
    onApply(id, index, commit) {
        if (index <= commit)
            return;
        raiseViolation(this.context, 'AppliedBeyondCommit', `${id} applied index ${index} beyond its commit index ${commit}`, [id]);
    }
    /** `id` advanced its commit index to `index`, whose entry has `term`. */
    onCommit(id, index, term) {
        this.checks++;
        const configuration = this.configuration();
        const voters = configuration.voters;
        const holding = this.holdersScratch;
        holding.length = 0;
        for (let k = 0; k < voters.length; k++)
            if (this.view(voters[k]).durable.holds(index, term))
                holding.push(voters[k]);
        if (!configuration.isQuorum(holding)) {
            raiseViolation(this.context, 'CommitDurable', `${id} committed index ${index} (term ${term}) while only ${holding.length} of ${voters.length} voters hold it durably (${holding.join(', ') || 'none'}), not a quorum: a crash of the others would lose it`, [id]);
        }
        if (this.coverage !== null && !configuration.isQuorum(holding.slice(1)))
            this.coverage.reach('committed-with-smallest-quorum');
        if (index > this.irrevocableCheckedThrough) {
            this.irrevocableCheckedThrough = index;
            this.checkIrrevocable(id, index, term, configuration);
        }
    }
    /** Reused by onCommit, which runs on every commit of every node. */
    holdersScratch = [];
    checkIrrevocable(id, index, term, configuration) {
        const voters = configuration.voters;
        // Each voter's least up-to-date log (durable or in memory): what it would compare a candidate against.
        const weakest = voters.map((voter) => {
            const view = this.view(voter);
            const durable = { term: view.durable.lastTerm(), index: view.durable.lastIndex() };
            const live = view.liveLog();
            return live === null ? durable : lessUpToDate(durable, liveTip(live));
        });
        for (let k = 0; k < voters.length; k++) {
            const candidate = this.view(voters[k]);
            const tips = [];
            if (!candidate.durable.holds(index, term))
                tips.push({ term: candidate.durable.lastTerm(), index: candidate.durable.lastIndex() });
            const live = candidate.liveLog();
            if (live !== null && live.term(index) !== term && index >= live.firstIndex())
                tips.push(liveTip(live));
            for (const tip of tips) {
                const electorate = voters.filter((_, voter) => atLeastAsUpToDate(tip, weakest[voter]));
                if (configuration.isQuorum(electorate)) {
                    raiseViolation(this.context, 'CommitIrrevocable', `${id} committed index ${index} (term ${term}), but ${candidate.id}, whose log lacks it (last term ${tip.term}, last index ${tip.index}), is at least as up-to-date as ${electorate.join(', ')} — a quorum that could elect it and lose the committed entry`, [id, candidate.id]);
                }
            }
        }
    }
}
//# sourceMappingURL=contract-checker.js.map