// Types shared by the Raft state machine. raft/ is pure: no I/O, no clock, no imports from sim/.
export const requestMessageTypes = [
    'PreVote',
    'RequestVote',
    'AppendEntries',
    'Heartbeat',
    'TimeoutNow',
    'InstallSnapshot',
];
//# sourceMappingURL=types.js.map