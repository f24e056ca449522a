export function quorumSize(voterCount) {
    if (voterCount < 1)
        throw new Error(`quorumSize: a configuration needs at least one voter, got ${voterCount}`);
    return Math.floor(voterCount / 2) + 1;
}
/** The largest index that a majority of voters have (paper 5.3, 5.4.2): sort descending, take the quorum-th. */
/** Scratch space for committedIndex: it runs on every acknowledgement, so it must not allocate. Times have
 *  their own: microsecond times pass 2^30 after 18 minutes, and one such value turns a shared array into
 *  doubles, after which every commit index read from it is a freshly boxed number (kept alive in hard states). */
const scratch = [];
const timeScratch = [];
export function committedIndex(voters, matchOf, quorum = quorumSize(voters.length)) {
    // Insertion sort, descending, into reused scratch space: clusters have a handful of voters.
    const count = voters.length;
    for (let k = 0; k < count; k++) {
        const value = matchOf(voters[k]);
        let position = k;
        while (position > 0 && scratch[position - 1] < value) {
            scratch[position] = scratch[position - 1];
            position--;
        }
        scratch[position] = value;
    }
    return scratch[Math.max(1, Math.min(quorum, count)) - 1];
}
/** Whether the recorded votes already decide an election. Voters who have not answered count as pending.
 *  `quorum` is the node's own notion of a quorum (it differs from the majority only in a broken variant). */
export function voteOutcome(voters, votes, quorum = quorumSize(voters.length)) {
    let granted = 0;
    let rejected = 0;
    for (const voter of voters) {
        const vote = votes.get(voter);
        if (vote === true)
            granted++;
        else if (vote === false)
            rejected++;
    }
    if (granted >= quorum)
        return 'won';
    if (rejected > voters.length - quorum)
        return 'lost';
    return 'pending';
}
/** True when the predicate holds for a quorum of voters. */
export function hasQuorum(voters, holds, quorum = quorumSize(voters.length)) {
    let count = 0;
    for (const voter of voters)
        if (holds(voter))
            count++;
    return count >= quorum;
}
/** The quorum-th largest of per-voter times: the moment by which a quorum had acknowledged. */
export function quorumTime(voters, timeOf, quorum = quorumSize(voters.length)) {
    // Same insertion sort as committedIndex, into its own scratch space: this runs on every heartbeat acknowledgement,
    // and mapping plus sorting a fresh array there showed up in allocation profiles.
    const count = voters.length;
    for (let k = 0; k < count; k++) {
        const value = timeOf(voters[k]);
        let position = k;
        while (position > 0 && timeScratch[position - 1] < value) {
            timeScratch[position] = timeScratch[position - 1];
            position--;
        }
        timeScratch[position] = value;
    }
    return timeScratch[Math.max(1, Math.min(quorum, count)) - 1];
}
//# sourceMappingURL=quorum.js.map