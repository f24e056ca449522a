export declare const situations: readonly [{
    readonly name: "split-vote";
    readonly where: "observers";
    readonly description: "a candidate lost an election in which no candidate won (votes split, or its log was behind)";
}, {
    readonly name: "leader-with-uncommitted-earlier-term-entries";
    readonly where: "observers";
    readonly description: "a new leader took office holding entries of earlier terms that were not committed (paper Figure 8)";
}, {
    readonly name: "earlier-term-entries-committed-by-own-term";
    readonly where: "observers";
    readonly description: "a leader committed entries of earlier terms by committing an entry of its own term (paper 5.4.2)";
}, {
    readonly name: "leader-deposed-by-higher-term";
    readonly where: "observers";
    readonly description: "a leader stepped down because it saw a higher term";
}, {
    readonly name: "stale-leader-message-rejected";
    readonly where: "ready-loop";
    readonly description: "an AppendEntries or Heartbeat from an earlier term reached a node (a deposed leader still talking)";
}, {
    readonly name: "vote-then-restart-same-term";
    readonly where: "faults";
    readonly description: "a node that had granted its vote crashed and restarted still in that term";
}, {
    readonly name: "crash-lost-unsynced-data";
    readonly where: "faults";
    readonly description: "a crash lost records that were written but not fsynced";
}, {
    readonly name: "torn-record-recovered";
    readonly where: "faults";
    readonly description: "a restart found a torn record and cut the log there";
}, {
    readonly name: "conflicting-suffix-truncated";
    readonly where: "durable-log";
    readonly description: "a node's disk dropped or replaced entries (a conflicting suffix truncated)";
}, {
    readonly name: "committed-with-smallest-quorum";
    readonly where: "contract-checker";
    readonly description: "an index was committed while exactly a quorum (no more) held it durably";
}, {
    readonly name: "read-pending-at-leader-change";
    readonly where: "observers";
    readonly description: "a leader lost leadership with client reads waiting (ReadIndex or lease)";
}, {
    readonly name: "lease-read-under-drift";
    readonly where: "server";
    readonly description: "a lease read was served by a leader whose clock drifts by at least half the lease drift bound";
}, {
    readonly name: "snapshot-installed-during-partition";
    readonly where: "apply";
    readonly description: "a follower installed a snapshot from the leader while some link was cut";
}, {
    readonly name: "snapshot-taken-under-load";
    readonly where: "compaction";
    readonly description: "a node took a snapshot while entries it had not applied were committed";
}, {
    readonly name: "two-leaders-in-different-terms";
    readonly where: "observers";
    readonly description: "two nodes believed they led at once (in different terms: the old one deposed but not yet told)";
}, {
    readonly name: "client-outcome-unknown";
    readonly where: "workload";
    readonly description: "a client gave up on an operation whose outcome it could not know (timeout)";
}];
export type SituationName = (typeof situations)[number]['name'];
export declare class Coverage {
    private readonly counts;
    reach(name: SituationName): void;
    /** Counts `times` at once (situations recognised outside the cluster, e.g. by the workload). */
    add(name: SituationName, times: number): void;
    count(name: SituationName): number;
    /** Every situation with how often this run reached it, in the catalogue's order. */
    result(): Record<SituationName, number>;
}
