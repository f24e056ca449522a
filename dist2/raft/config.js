export const safeKnobs = Object.freeze({
    skipUpToDateCheck: false,
    upToDateByIndexOnly: false,
    countDuplicateVotes: false,
    stalePreVoteCountedAsVote: false,
    quorumCeilHalf: false,
    acceptStaleTermAppend: false,
    acceptStaleResponses: false,
    prevLogIndexOnly: false,
    truncateOnEveryAppend: false,
    heartbeatCommitBeyondMatch: false,
    commitOldTermByCounting: false,
    commitWithMinority: false,
    commitByNextIndex: false,
    noSyncOnVoteChange: false,
    readIndexWithoutConfirmation: false,
    leaseWithoutDriftMargin: false,
    leaseFromReceiveTime: false,
    readBeforeCurrentTermCommit: false,
    noSnapshotFallback: false,
    installSnapshotKeepsConflictingLog: false,
    installSnapshotDiscardsMatchingSuffix: false,
});
export function defaultRaftConfig(id, voters) {
    return {
        id,
        voters,
        electionTimeoutMinUs: 150_000,
        electionTimeoutMaxUs: 300_000,
        heartbeatIntervalUs: 50_000,
        preVote: true,
        checkQuorum: true,
        leaderStickiness: true,
        fastBackoff: true,
        maxEntriesBytesPerMessage: 64 * 1024,
        maxInflightMessages: 64,
        maxInflightBytes: 1024 * 1024,
        maxUncommittedBytes: 4 * 1024 * 1024,
        maxPendingReads: 4096,
        leaseReads: false,
        leaseDriftBoundPpm: 50_000,
        snapshotChunkBytes: 256 * 1024,
        unsafe: safeKnobs,
    };
}
export function validateRaftConfig(config) {
    const problems = [];
    if (!config.voters.includes(config.id))
        problems.push(`voters ${JSON.stringify(config.voters)} do not include ${config.id}`);
    if (new Set(config.voters).size !== config.voters.length)
        problems.push('voters contain duplicates');
    if (!(config.heartbeatIntervalUs > 0))
        problems.push('heartbeatIntervalUs must be > 0');
    if (!(config.electionTimeoutMinUs > config.heartbeatIntervalUs)) {
        problems.push(`electionTimeoutMinUs (${config.electionTimeoutMinUs}) must exceed heartbeatIntervalUs (${config.heartbeatIntervalUs})`);
    }
    if (config.electionTimeoutMaxUs < config.electionTimeoutMinUs)
        problems.push('electionTimeoutMaxUs must be >= electionTimeoutMinUs');
    if (!(config.maxInflightMessages >= 1))
        problems.push('maxInflightMessages must be >= 1');
    if (!(config.maxEntriesBytesPerMessage >= 1))
        problems.push('maxEntriesBytesPerMessage must be >= 1');
    if (!(config.snapshotChunkBytes >= 1))
        problems.push('snapshotChunkBytes must be >= 1');
    if (config.leaseReads && !config.checkQuorum)
        problems.push('leaseReads requires checkQuorum');
    if (config.leaseDriftBoundPpm < 0 || config.leaseDriftBoundPpm >= 1_000_000)
        problems.push('leaseDriftBoundPpm must be in [0, 1e6)');
    if (problems.length > 0)
        throw new Error(`invalid Raft configuration for ${config.id}: ${problems.join('; ')}`);
}
//# sourceMappingURL=config.js.map