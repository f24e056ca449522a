export { protocolEventKinds } from '../protocol-events.js';
export function newClusterStats() {
    return {
        messagesByType: {},
        droppedByReason: {},
        crashes: 0,
        restarts: 0,
        pauses: 0,
        elections: 0,
        preVoteRounds: 0,
        electionsLost: 0,
        leaderChanges: 0,
        checkQuorumStepDowns: 0,
        snapshotsInstalled: 0,
        tornRecordsDiscarded: 0,
    };
}
//# sourceMappingURL=types.js.map