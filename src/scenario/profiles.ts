// Implementation profiles (`raft.profile: etcd | logcabin | hashicorp`): the settings raftsim has where three
// real Raft implementations differ, each value taken from the implementation's source (cited per value). A
// profile fills only what the scenario leaves open: every setting it bundles is still a setting of its own, and
// one written in the file overrides the profile's. Without a profile nothing changes (raftsim's defaults).
// docs/raft.md ("Implementation profiles") is the table of this file; test/profiles.test.ts checks they agree.
import type { RaftProfile } from './profile-names.js';
import type { CompactionSpec, RaftSpec, ScenarioSpec } from './spec.js';

export { raftProfiles, type RaftProfile } from './profile-names.js';

/** One bundled value: where it goes in the scenario, the value, and where it comes from. */
export interface ProfileSetting {
  /** The scenario path (raft.<...> or compaction.<...>). */
  readonly path: string;
  /** A value, or one derived from the raft section as filled so far (a heartbeat is a fraction of the timeout). */
  readonly value: unknown;
  readonly derive?: (raft: RaftSpec) => unknown;
  /** The value as the table in docs/raft.md shows it. */
  readonly shown: string;
  readonly source: string;
}

const ms = 1_000;
const tenth = (r: RaftSpec): number => Math.floor(r.electionTimeout!.minUs / 10);

const etcd: readonly ProfileSetting[] = [
  { path: 'raft.electionTimerRestart', value: 'etcd', shown: 'etcd', source: 'etcd-io/raft raft.go: becomeFollower/becomeCandidate/becomePreCandidate call reset(term), which zeroes electionElapsed' },
  { path: 'raft.membershipActivation', value: 'apply', shown: 'apply', source: 'etcd-io/raft rawnode.go ApplyConfChange: the application switches the configuration when it applies the committed entry' },
  { path: 'raft.electionTimeout', value: { minUs: 1_000 * ms, maxUs: 2_000 * ms }, shown: '1s..2s', source: 'etcd server/embed/config.go ElectionMs 1000; raft.go resetRandomizedElectionTimeout draws [electionTimeout, 2*electionTimeout) ticks' },
  { path: 'raft.heartbeat', value: null, derive: (r) => tenth(r), shown: 'min timeout / 10', source: 'etcd server/embed/config.go TickMs 100 with ElectionMs 1000 (ElectionTick 10, HeartbeatTick 1)' },
  { path: 'raft.preVote', value: true, shown: 'on', source: 'etcd server/etcdserver/bootstrap.go raft.Config PreVote (the --pre-vote default is true since v3.5)' },
  { path: 'raft.checkQuorum', value: true, shown: 'on', source: 'etcd server/etcdserver/bootstrap.go raft.Config CheckQuorum: true' },
  { path: 'raft.leaderStickiness', value: true, shown: 'on', source: 'etcd-io/raft raft.go Step: inLease (checkQuorum && lead != None && electionElapsed < electionTimeout) ignores vote requests' },
  { path: 'raft.flowControl.maxInflightMessages', value: 512, shown: '512', source: 'etcd server/etcdserver/raft.go maxInflightMsgs = 4096 / 8' },
  { path: 'raft.flowControl.maxEntriesPerMessage', value: 1_048_576, shown: '1MiB', source: 'etcd server/etcdserver/raft.go maxSizePerMsg = 1 * 1024 * 1024' },
  { path: 'compaction.snapshotCount', value: 100_000, shown: '100000', source: 'etcd server/etcdserver/server.go DefaultSnapshotCount = 100000' },
  { path: 'compaction.catchUpEntries', value: 5_000, shown: '5000', source: 'etcd server/etcdserver/server.go DefaultSnapshotCatchUpEntries = 5000' },
];

const logcabin: readonly ProfileSetting[] = [
  { path: 'raft.electionTimerRestart', value: 'logcabin', shown: 'logcabin', source: 'logcabin Server/RaftConsensus.cc: setElectionTimer in handleAppendEntries, handleInstallSnapshot, handleRequestVote (vote granted), startNewElection, and stepDown only when it was leader' },
  { path: 'raft.membershipActivation', value: 'append', shown: 'append', source: 'logcabin Server/RaftConsensus.cc append: configurationManager->add for every configuration entry appended; the latest configuration in the log is used, committed or not' },
  { path: 'raft.electionTimeout', value: { minUs: 500 * ms, maxUs: 1_000 * ms }, shown: '500ms..1s', source: 'logcabin Server/RaftConsensus.cc: electionTimeoutMilliseconds 500; setElectionTimer draws randomRange(ELECTION_TIMEOUT, 2 * ELECTION_TIMEOUT)' },
  { path: 'raft.heartbeat', value: null, derive: (r) => Math.floor(r.electionTimeout!.minUs / 2), shown: 'min timeout / 2', source: 'logcabin Server/RaftConsensus.cc: HEARTBEAT_PERIOD = ELECTION_TIMEOUT / 2' },
  { path: 'raft.preVote', value: false, shown: 'off', source: 'logcabin Server/RaftConsensus.cc: startNewElection increments currentTerm at once (no PreVote)' },
  { path: 'raft.checkQuorum', value: true, shown: 'on', source: 'logcabin Server/RaftConsensus.cc stepDownThreadMain: steps down after ELECTION_TIMEOUT without a quorum acknowledging' },
  { path: 'raft.leaderStickiness', value: true, shown: 'on', source: 'logcabin Server/RaftConsensus.cc handleRequestVote: rejects while withholdVotesUntil (ELECTION_TIMEOUT after hearing a leader)' },
  { path: 'raft.flowControl.maxInflightMessages', value: 1, shown: '1', source: 'logcabin Server/RaftConsensus.cc peerThreadMain/appendEntries: one synchronous RPC per peer at a time' },
  { path: 'raft.flowControl.maxEntriesPerMessage', value: 1_048_576, shown: '1MiB', source: 'logcabin Server/RaftConsensus.cc SOFT_RPC_SIZE_LIMIT = MAX_MESSAGE_LENGTH - 1024 (Protocol/Common.h: 1024 + 1024 * 1024)' },
  { path: 'compaction.catchUpEntries', value: 0, shown: '0', source: 'logcabin Server/RaftConsensus.cc: log->truncatePrefix(lastSnapshotIndex + 1) after a snapshot' },
];

const hashicorp: readonly ProfileSetting[] = [
  { path: 'raft.electionTimerRestart', value: 'logcabin', shown: 'logcabin', source: 'hashicorp/raft raft.go: runFollower times out on LastContact, set only by appendEntries, installSnapshot and a granted requestVote (setLastContact); a higher-term vote request does not set it' },
  { path: 'raft.membershipActivation', value: 'append', shown: 'append', source: 'hashicorp/raft raft.go appendConfigurationEntry and processLogs: configurations.latest takes effect when appended; a truncation restores the committed one' },
  { path: 'raft.electionTimeout', value: { minUs: 1_000 * ms, maxUs: 2_000 * ms }, shown: '1s..2s', source: 'hashicorp/raft config.go DefaultConfig HeartbeatTimeout/ElectionTimeout 1000ms; util.go randomTimeout draws [T, 2T)' },
  { path: 'raft.heartbeat', value: null, derive: (r) => tenth(r), shown: 'min timeout / 10', source: 'hashicorp/raft replication.go heartbeat: randomTimeout(HeartbeatTimeout / 10)' },
  { path: 'raft.preVote', value: true, shown: 'on', source: 'hashicorp/raft config.go PreVoteDisabled defaults to false' },
  { path: 'raft.checkQuorum', value: true, shown: 'on', source: 'hashicorp/raft raft.go runLeader checkLeaderLease (LeaderLeaseTimeout 500ms)' },
  { path: 'raft.leaderStickiness', value: true, shown: 'on', source: 'hashicorp/raft raft.go requestVote: "rejecting vote request since we have a leader"' },
  { path: 'raft.flowControl.maxInflightMessages', value: 2, shown: '2', source: 'hashicorp/raft net_transport.go DefaultMaxRPCsInFlight = 2' },
  { path: 'compaction.snapshotCount', value: 8_192, shown: '8192', source: 'hashicorp/raft config.go SnapshotThreshold 8192' },
  { path: 'compaction.catchUpEntries', value: 10_240, shown: '10240', source: 'hashicorp/raft config.go TrailingLogs 10240' },
];

export const profileSettings: Readonly<Record<RaftProfile, readonly ProfileSetting[]>> = { etcd, logcabin, hashicorp };

/** The spec with the profile's values wherever the file leaves a setting open (the file's own values win). */
export function applyProfile(spec: ScenarioSpec): ScenarioSpec {
  const profile = spec.raft?.profile;
  if (profile === undefined) return spec;
  const raft: RaftSpec = { ...spec.raft, flowControl: { ...spec.raft?.flowControl } };
  const compaction: CompactionSpec = { ...spec.compaction };
  for (const setting of profileSettings[profile]) {
    const [section, ...rest] = setting.path.split('.') as [string, ...string[]];
    let target = (section === 'raft' ? raft : compaction) as Record<string, unknown>;
    for (const key of rest.slice(0, -1)) target = target[key] as Record<string, unknown>;
    const key = rest[rest.length - 1]!;
    if (target[key] === undefined) target[key] = setting.derive !== undefined ? setting.derive(raft) : setting.value;
  }
  return { ...spec, raft, compaction };
}
