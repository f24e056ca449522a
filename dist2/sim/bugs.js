// The whole bug catalogue in one list: the broken variants inside the Raft node (raft/bugs.ts), those of the host
// around it (host-bugs.ts) and the compaction trigger mistake (compaction-options.ts). Scenario files name them
// in `bugs:` and the command line with `--bug NAME`; `raftsim bugs` prints the list; `npm run bench:bugs`
// measures how fast the default exploration finds each one.
import { bugCatalogue } from '../raft/bugs.js';
import { hostBugCatalogue } from './host-bugs.js';
const compactionMistake = {
    name: 'trigger-on-apply-lag',
    area: 'snapshots',
    summary: 'The snapshot trigger also requires the apply backlog (raft index - applied index) to be small. Under sustained load the backlog never shrinks, the trigger never fires, and the log grows without bound while sync latency climbs (the incident this project started from).',
    source: 'the two-datacenter incident (sync latency 80 ms -> 2.3 s as snapshots silently stopped); etcd --snapshot-count semantics',
    breaks: 'liveness',
    where: 'sim/cluster/compaction.ts triggerBlockedByApplyLag',
    switch: { layer: 'compaction', key: 'triggerOnApplyLag' },
};
function entries(catalogue, layer) {
    return Object.keys(catalogue).map((key) => ({ ...catalogue[key], switch: { layer, key } }));
}
/** Every catalogued bug, raft/ first, in catalogue order. */
export const allBugs = Object.freeze([...entries(bugCatalogue, 'raft'), ...entries(hostBugCatalogue, 'host'), compactionMistake]);
export function findBug(name) {
    return allBugs.find((bug) => bug.name === name);
}
export const bugNames = allBugs.map((bug) => bug.name);
//# sourceMappingURL=bugs.js.map