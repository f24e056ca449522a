// The cluster's parameters, their defaults, and the Raft configuration each node is built with.
import { safeHostBugs } from '../host-bugs.js';
import { defaultRaftConfig } from '../../raft/config.js';
import { defaultCompactionOptions, defaultMetricsOptions } from '../compaction-options.js';
export function defaultClusterOptions(nodeIds) {
    const { id: _id, voters: _voters, ...raft } = defaultRaftConfig(nodeIds[0] ?? 'n1', nodeIds);
    const clocks = {};
    for (const id of nodeIds)
        clocks[id] = { offsetUs: 0, driftPpm: 0 };
    return {
        nodeIds,
        raft,
        link: {
            latency: { kind: 'uniform', minUs: 500, maxUs: 2_000 },
            dropChance: 0,
            duplicateChance: 0,
            reorderChance: 0,
            reorderDelay: { kind: 'uniform', minUs: 1_000, maxUs: 10_000 },
        },
        topology: null,
        maxMessageBytes: 4 * 1024 * 1024,
        clientLatency: { kind: 'uniform', minUs: 200, maxUs: 1_000 },
        clocks,
        disk: { appendLatency: { kind: 'uniform', minUs: 10, maxUs: 50 }, fsyncLatency: { kind: 'uniform', minUs: 200, maxUs: 1_500 } },
        tearOnCrash: true,
        maxPausedBacklog: 100_000,
        hostBugs: safeHostBugs,
        compaction: defaultCompactionOptions,
        metrics: defaultMetricsOptions,
    };
}
/** The Raft configuration of node `id`: the cluster's, with the compaction mistakes that live in raft/ folded in. */
export function raftConfigFor(options, id) {
    const raft = options.raft;
    const noSnapshotFallback = raft.unsafe.noSnapshotFallback || options.compaction.mistakes.noSnapshotFallback;
    return { ...raft, id, voters: options.nodeIds, unsafe: { ...raft.unsafe, noSnapshotFallback } };
}
//# sourceMappingURL=options.js.map