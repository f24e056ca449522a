// The negotiation mistakes of mixed-version clusters (raft/versions.ts, issue #16), catalogued like raft/bugs.ts:
// what the mistake is, where it comes from, what it breaks. Their switches live in RaftConfig.versioning.mistakes
// (not in UnsafeKnobs, whose every switch is written into each run's parameters: a new switch there would change
// every golden trace hash), so they act only in runs with cluster.versions. test/raft-versions.test.ts shows for
// each the smallest message sequence where the broken node and the correct node part ways.
import type { BugEntry } from './bugs.js';
import type { VersionMistakes } from './versions.js';

export type VersionBugCatalogue = { readonly [K in keyof VersionMistakes]: BugEntry };

export const versionBugCatalogue: VersionBugCatalogue = {
  newestEncodingForAll: {
    name: 'newest-encoding-for-all',
    area: 'versions',
    summary:
      'The leader sends every follower snapshots in its own newest encoding, whatever the follower advertised and even after the follower rejected it. An older follower that needs a snapshot (a learner joining, a follower behind the compacted log) rejects every transfer and never catches up, while a leader that pauses compaction during a snapshot transfer (etcd) retains its whole log.',
    source:
      'the etcd 3.4 -> 3.5 canary upgrade incident of issue #16 (a 3.4 learner could not decode the 3.5 leader\'s snapshots and retried forever while the leader\'s log retention grew); etcd server.go snapshot() ("When sending a snapshot, etcd will pause compaction"); hashicorp/raft-compat (a separate suite for mixed-version clusters)',
    breaks: 'liveness',
    where: 'versions.ts VersionNegotiation.snapshotEncodingFor',
  },
  featureOnLeaderUpgrade: {
    name: 'feature-on-leader-upgrade',
    area: 'versions',
    summary:
      'The leader writes entries in its newest format as soon as it runs a version that has it, instead of once every member has advertised a version that reads it. In a rolling upgrade the first upgraded node to lead writes entries the older followers cannot decode: they reject every AppendEntries, and with a majority still old nothing commits until they are upgraded.',
    source:
      'etcd server/etcdserver/version/monitor.go (the cluster version is the minimum over all members, and new request kinds are used only once the cluster version has them); hashicorp/raft ProtocolVersion (features used only once every server supports them); Raft dissertation 4.4 (upgrading a cluster one server at a time)',
    breaks: 'liveness',
    where: 'versions.ts VersionNegotiation.entryFormat',
  },
};
