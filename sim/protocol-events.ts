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
] as const;
export type ProtocolEventKind = (typeof protocolEventKinds)[number];

/** What a fault can be armed on (`arm: {on: ...}`): the protocol events, and a leader just elected (before its
 *  first entry of the term has reached anyone: where Figure 8 begins). */
export const armEventKinds = [...protocolEventKinds, 'leader-elected'] as const;
export type ArmEventKind = (typeof armEventKinds)[number];

/** What the nemesis draws an armed fault's event from: every arm event but heartbeat-sent, an experiment's control
 *  (a crash right after a heartbeat, raft paper 9.3) added later; leaving it out keeps every seed's draws. */
export const chaosArmEventKinds: readonly ArmEventKind[] = armEventKinds.filter((kind) => kind !== 'heartbeat-sent');
