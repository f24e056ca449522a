// The whole bug catalogue in one list: the broken variants inside the Raft node (raft/bugs.ts), those of the host
// around it (host-bugs.ts) and the compaction trigger mistake (compaction-options.ts). Scenario files name them
// in `bugs:` and the command line with `--bug NAME`; `raftsim bugs` prints the list; `npm run bench:bugs`
// measures how fast the default exploration finds each one.
import { bugCatalogue, type BugEntry } from '../raft/bugs.js';
import type { UnsafeKnobs } from '../raft/config.js';
import { hostBugCatalogue, type HostBugSwitches } from './host-bugs.js';
import { versionBugCatalogue } from '../raft/version-bugs.js';
import type { VersionMistakes } from '../raft/versions.js';

/** Where a bug's switch lives. */
export type BugSwitch =
  | { readonly layer: 'raft'; readonly key: keyof UnsafeKnobs }
  | { readonly layer: 'host'; readonly key: keyof HostBugSwitches }
  | { readonly layer: 'compaction'; readonly key: 'triggerOnApplyLag' }
  /** The negotiation mistakes of mixed-version runs (raft/version-bugs.ts): they act only with cluster.versions. */
  | { readonly layer: 'versions'; readonly key: keyof VersionMistakes };

export interface CatalogueBug extends BugEntry {
  readonly switch: BugSwitch;
}

const compactionMistake: CatalogueBug = {
  name: 'trigger-on-apply-lag',
  area: 'snapshots',
  summary:
    'The snapshot trigger also requires the apply backlog (raft index - applied index) to be small. Under sustained load the backlog never shrinks, the trigger never fires, and the log grows without bound while sync latency climbs (the incident this project started from).',
  source: 'the two-datacenter incident (sync latency 80 ms -> 2.3 s as snapshots silently stopped); etcd --snapshot-count semantics',
  breaks: 'liveness',
  where: 'sim/cluster/compaction.ts triggerBlockedByApplyLag',
  switch: { layer: 'compaction', key: 'triggerOnApplyLag' },
};

function entries<K extends string, L extends 'raft' | 'host' | 'versions'>(catalogue: { readonly [key in K]: BugEntry }, layer: L): CatalogueBug[] {
  return (Object.keys(catalogue) as K[]).map((key) => ({ ...catalogue[key], switch: { layer, key } as BugSwitch }));
}

/** Every catalogued bug, raft/ first, in catalogue order. */
export const allBugs: readonly CatalogueBug[] = Object.freeze([...entries(bugCatalogue, 'raft'), ...entries(hostBugCatalogue, 'host'), compactionMistake, ...entries(versionBugCatalogue, 'versions')]);

export function findBug(name: string): CatalogueBug | undefined {
  return allBugs.find((bug) => bug.name === name);
}

export const bugNames: readonly string[] = allBugs.map((bug) => bug.name);
