// Coverage as "sometimes" signals (Antithesis' sometimes-assertions): situations worth reaching, counted per run.
// A clean sweep means little if the situations where Raft goes wrong never happened; the sweep summary counts in
// how many seeds each was reached and flags the ones never reached. Counting is a typed-array increment, cheap
// enough for the hot path; the sites that count are where the situation is recognised (named in `where`).
export const situations = [
    { name: 'split-vote', where: 'observers', description: 'a candidate lost an election in which no candidate won (votes split, or its log was behind)' },
    { name: 'leader-with-uncommitted-earlier-term-entries', where: 'observers', description: 'a new leader took office holding entries of earlier terms that were not committed (paper Figure 8)' },
    { name: 'earlier-term-entries-committed-by-own-term', where: 'observers', description: 'a leader committed entries of earlier terms by committing an entry of its own term (paper 5.4.2)' },
    { name: 'leader-deposed-by-higher-term', where: 'observers', description: 'a leader stepped down because it saw a higher term' },
    { name: 'stale-leader-message-rejected', where: 'ready-loop', description: 'an AppendEntries or Heartbeat from an earlier term reached a node (a deposed leader still talking)' },
    { name: 'vote-then-restart-same-term', where: 'faults', description: 'a node that had granted its vote crashed and restarted still in that term' },
    { name: 'crash-lost-unsynced-data', where: 'faults', description: 'a crash lost records that were written but not fsynced' },
    { name: 'torn-record-recovered', where: 'faults', description: 'a restart found a torn record and cut the log there' },
    { name: 'conflicting-suffix-truncated', where: 'durable-log', description: "a node's disk dropped or replaced entries (a conflicting suffix truncated)" },
    { name: 'committed-with-smallest-quorum', where: 'contract-checker', description: 'an index was committed while exactly a quorum (no more) held it durably' },
    { name: 'read-pending-at-leader-change', where: 'observers', description: 'a leader lost leadership with client reads waiting (ReadIndex or lease)' },
    { name: 'lease-read-under-drift', where: 'server', description: 'a lease read was served by a leader whose clock drifts by at least half the lease drift bound' },
    { name: 'snapshot-installed-during-partition', where: 'apply', description: 'a follower installed a snapshot from the leader while some link was cut' },
    { name: 'snapshot-taken-under-load', where: 'compaction', description: 'a node took a snapshot while entries it had not applied were committed' },
    { name: 'two-leaders-in-different-terms', where: 'observers', description: 'two nodes believed they led at once (in different terms: the old one deposed but not yet told)' },
    { name: 'client-outcome-unknown', where: 'workload', description: 'a client gave up on an operation whose outcome it could not know (timeout)' },
];
const indexOf = new Map(situations.map((situation, k) => [situation.name, k]));
export class Coverage {
    counts = new Float64Array(situations.length);
    reach(name) {
        this.counts[indexOf.get(name)]++;
    }
    /** Counts `times` at once (situations recognised outside the cluster, e.g. by the workload). */
    add(name, times) {
        this.counts[indexOf.get(name)] += times;
    }
    count(name) {
        return this.counts[indexOf.get(name)];
    }
    /** Every situation with how often this run reached it, in the catalogue's order. */
    result() {
        const out = {};
        situations.forEach((situation, k) => (out[situation.name] = this.counts[k]));
        return out;
    }
}
//# sourceMappingURL=coverage.js.map