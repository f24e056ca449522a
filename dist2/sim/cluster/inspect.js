/** The running leader of the highest term, if any. */
export function leaderOf(nodes) {
    let best = null;
    for (const node of nodes.values()) {
        if (node.process.status === 'up' && node.raft.role === 'leader' && (best === null || node.raft.currentTerm > best.raft.currentTerm))
            best = node;
    }
    return best;
}
/** Liveness: one leader of the highest term, every node up and holding the same committed, applied log. */
export function convergence(nodes) {
    const leader = leaderOf(nodes);
    if (leader === null)
        return { ok: false, reason: 'no leader' };
    const log = leader.raft.log;
    if (log.term(log.committed) !== leader.raft.currentTerm)
        return { ok: false, reason: `leader ${leader.id} has not committed an entry of its term ${leader.raft.currentTerm}` };
    for (const node of nodes.values()) {
        if (node.process.status !== 'up')
            return { ok: false, reason: `${node.id} is ${node.process.status}` };
        if (node !== leader && node.raft.role === 'leader')
            return { ok: false, reason: `${node.id} also claims leadership (term ${node.raft.currentTerm})` };
        if (node.raft.currentTerm > leader.raft.currentTerm)
            return { ok: false, reason: `${node.id} is in term ${node.raft.currentTerm}, past the leader's` };
        const nodeLog = node.raft.log;
        if (nodeLog.committed !== log.lastIndex())
            return { ok: false, reason: `${node.id} commit ${nodeLog.committed} != leader last index ${log.lastIndex()}` };
        if (nodeLog.applied !== nodeLog.committed)
            return { ok: false, reason: `${node.id} applied ${nodeLog.applied} < commit ${nodeLog.committed}` };
        if (nodeLog.term(nodeLog.lastIndex()) !== log.term(log.lastIndex()))
            return { ok: false, reason: `${node.id} last term differs from the leader's` };
    }
    return { ok: true, reason: 'converged' };
}
/** A node's state for violation reports and the run's final state (its log's last ten entries as [index, term]). */
export function describeNode(node, nowUs) {
    const log = node.raft.log;
    const tail = [];
    for (let index = Math.max(log.firstIndex(), log.lastIndex() - 9); index <= log.lastIndex(); index++)
        tail.push([index, log.term(index)]);
    return {
        status: node.process.status,
        role: node.raft.role,
        term: node.raft.currentTerm,
        vote: node.raft.votedFor,
        leader: node.raft.leader,
        commit: log.committed,
        applied: log.applied,
        firstIndex: log.firstIndex(),
        lastIndex: log.lastIndex(),
        lastEntries: tail,
        clockOffsetUs: node.clock.offsetAt(nowUs),
    };
}
//# sourceMappingURL=inspect.js.map