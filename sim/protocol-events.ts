// The protocol events a fault can be keyed to (sim/cluster/ emits them; sim/nemesis.ts arms faults on them).
/** Protocol events, seen by the host at the Ready loop for any Raft under test (raft/contract.ts): they key
 *  faults to the moments where the classic mistakes live (a crash right after a vote is granted, after entries
 *  are written but before their fsync, after a leader commits but before it tells anyone, ...). */
export const protocolEventKinds = [
  'candidate',
  'vote-granted',
  'entries-written',
  'append-acked',
  'commit-advanced',
  'snapshot-sent',
  'snapshot-installed',
  'read-received',
  'heartbeat-sent',
  // Membership (issue #12): a leader appended a configuration entry; a configuration came into force at a node.
  // The windows of etcd #12136 (the leader lost between the joint entry and its leave) and #12359.
  'config-appended',
  'config-in-force',
] as const;
export type ProtocolEventKind = (typeof protocolEventKinds)[number];

/** What a fault can be armed on (`arm: {on: ...}`): the protocol events, and a leader just elected (before its
 *  first entry of the term has reached anyone: where Figure 8 begins). */
export const armEventKinds = [...protocolEventKinds, 'leader-elected'] as const;
export type ArmEventKind = (typeof armEventKinds)[number];

/** The membership moments: the nemesis draws them only for seeds that churn membership. */
export const membershipArmEventKinds: readonly ArmEventKind[] = ['config-appended', 'config-in-force'];

/** What the nemesis draws an armed fault's event from: every arm event but heartbeat-sent, an experiment's control
 *  (a crash right after a heartbeat, raft paper 9.3) added later, and the membership moments, added later still
 *  and drawn apart; leaving them out keeps every seed's draws. */
export const chaosArmEventKinds: readonly ArmEventKind[] = armEventKinds.filter((kind) => kind !== 'heartbeat-sent' && !membershipArmEventKinds.includes(kind));
