// The implementation profiles a scenario may name (`raft.profile`); what each one sets is profiles.ts.
export const raftProfiles = ['etcd', 'logcabin', 'hashicorp'] as const;
export type RaftProfile = (typeof raftProfiles)[number];
