// Membership under random schedules, on RaftNode alone (no simulator): fast-check drives six servers (three
// bootstrap voters, three that may join) through random message delivery, loss and duplication, timeouts,
// proposals, membership changes of every kind, crashes that lose unsynced writes, and compactions. After every
// step: at most one leader per term (Election Safety) and one entry per applied index (State Machine Safety),
// and every node's configuration is the one its snapshot and log give. The same property with each membership
// mistake of the catalogue switched on is expected to find a counterexample for the safety ones.
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type MembershipActivation, safeKnobs, type UnsafeKnobs } from '../raft/config.js';
import { applyConfChange, type ConfChangeRequest, describeMembership, type MembershipChange, sameMembership, simpleMembership } from '../raft/membership.js';
import type { NodeId } from '../raft/types.js';
import { Harness } from './support/raft-harness.js';

const bootstrap = ['n1', 'n2', 'n3'];
const spares = ['n4', 'n5', 'n6'];
const everyone = [...bootstrap, ...spares];

type Step =
  | { readonly kind: 'deliver'; readonly pick: number; readonly duplicate: boolean }
  | { readonly kind: 'drop'; readonly pick: number }
  | { readonly kind: 'timeout'; readonly node: number }
  | { readonly kind: 'heartbeat' }
  | { readonly kind: 'propose' }
  | { readonly kind: 'settle' }
  | { readonly kind: 'change'; readonly picks: readonly number[]; readonly transition: ConfChangeRequest['transition'] }
  | { readonly kind: 'isolate'; readonly node: number }
  | { readonly kind: 'heal' }
  | { readonly kind: 'crash'; readonly node: number }
  | { readonly kind: 'compact'; readonly node: number };

const node = fc.integer({ min: 0, max: everyone.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(), duplicate: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('timeout' as const), node }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'heartbeat' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'propose' as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'settle' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('change' as const), picks: fc.array(fc.nat(), { minLength: 0, maxLength: 3 }), transition: fc.constantFrom<ConfChangeRequest['transition']>('auto', 'auto', 'joint-implicit', 'joint-explicit') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('isolate' as const), node }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'heal' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('crash' as const), node }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const), node }) },
);

/** Runs `steps`; returns the first broken property, or null. */
function explore(steps: readonly Step[], activation: MembershipActivation, unsafe: Partial<UnsafeKnobs>): string | null {
  const h = new Harness(bootstrap, { preVote: false, checkQuorum: false, leaderStickiness: false, membershipActivation: activation, unsafe: { ...safeKnobs, ...unsafe } }, 3);
  for (const id of spares) h.join(id);
  const leaderOfTerm = new Map<number, NodeId>();
  const appliedAt = new Map<number, string>();
  let proposals = 0;
  for (const s of steps) {
    perform(h, s, () => `p${++proposals}`);
    h.flushAll();
    const broken = check(h, leaderOfTerm, appliedAt);
    if (broken !== null) return broken;
  }
  return null;
}

function perform(h: Harness, s: Step, nextValue: () => string): void {
  const leader = (): NodeId | undefined => h.leaders().sort((a, b) => h.node(b).currentTerm - h.node(a).currentTerm)[0];
  switch (s.kind) {
    case 'deliver': {
      if (h.inFlight.length === 0) return;
      const [message] = h.inFlight.splice(s.pick % h.inFlight.length, 1);
      if (s.duplicate) h.inFlight.push(message!);
      h.deliver(message!);
      return;
    }
    case 'drop':
      if (h.inFlight.length > 0) h.inFlight.splice(s.pick % h.inFlight.length, 1);
      return;
    case 'timeout':
      h.timeout(everyone[s.node]!);
      return;
    case 'heartbeat': {
      const id = leader();
      if (id === undefined) return;
      h.nowUs = Math.max(h.nowUs, h.node(id).nextDeadlineUs());
      h.node(id).tick(h.localUs(id));
      return;
    }
    case 'propose': {
      const id = leader();
      if (id !== undefined) h.node(id).propose(nextValue(), 8, h.localUs(id));
      return;
    }
    case 'settle':
      // Everything in flight and what it causes, up to a bound (delivered in order, so elections and
      // replication complete).
      for (let k = 0; k < 300 && h.inFlight.length > 0; k++) h.deliver(h.inFlight.shift()!);
      return;
    case 'change': {
      const id = leader();
      if (id !== undefined) h.node(id).proposeConfChange({ changes: changesFor(h.node(id).membership, s.picks), transition: s.transition }, h.localUs(id));
      return;
    }
    case 'isolate':
      h.isolate(everyone[s.node]!);
      return;
    case 'heal':
      h.heal();
      return;
    case 'crash':
      h.crash(everyone[s.node]!);
      return;
    case 'compact': {
      const id = everyone[s.node]!;
      const raft = h.node(id);
      const index = raft.log.applied;
      if (index <= raft.log.compacted.index || h.durable.get(id)!.entries.every((entry) => entry.index !== index)) return;
      const snapshot = { meta: { index, term: raft.log.term(index)!, membership: raft.membershipAt(index) }, data: `image@${index}`, bytes: 10 };
      raft.compact(snapshot, index);
      for (const disk of [h.durable.get(id)!, h.synced.get(id)!]) {
        if (!disk.entries.some((entry) => entry.index === index)) continue;
        disk.snapshot = snapshot;
        disk.entries = disk.entries.filter((entry) => entry.index > index);
      }
      return;
    }
    default:
      throw new Error(`unknown step ${JSON.stringify(s satisfies never)}`);
  }
}

/** Turns picks into changes that make sense for `membership` (mostly valid: the invalid ones the node refuses). */
function changesFor(membership: ReturnType<typeof simpleMembership>, picks: readonly number[]): MembershipChange[] {
  return picks.map((pick) => {
    const id = everyone[pick % everyone.length]!;
    const second = Math.floor(pick / everyone.length) % 2 === 0;
    if (membership.voters.includes(id)) return { op: second ? 'remove' : 'add-learner', node: id };
    if (membership.learners.includes(id)) return { op: second ? 'add-voter' : 'remove', node: id };
    return { op: second ? 'add-voter' : 'add-learner', node: id };
  });
}

function check(h: Harness, leaderOfTerm: Map<number, NodeId>, appliedAt: Map<number, string>): string | null {
  for (const id of everyone) {
    const raft = h.node(id);
    if (raft.role === 'leader') {
      const other = leaderOfTerm.get(raft.currentTerm);
      if (other !== undefined && other !== id) return `ElectionSafety: ${other} and ${id} both led term ${raft.currentTerm}`;
      leaderOfTerm.set(raft.currentTerm, id);
    }
    for (const entry of h.applied.get(id)!) {
      const text = `${entry.term}:${entry.kind}:${JSON.stringify(entry.data)}`;
      const seen = appliedAt.get(entry.index);
      if (seen !== undefined && seen !== text) return `StateMachineSafety: index ${entry.index} applied as ${seen} and as ${text} (${id})`;
      appliedAt.set(entry.index, text);
    }
    const expected = expectedMembership(h, id);
    if (!sameMembership(expected, raft.membership)) return `Configuration: ${id} has ${describeMembership(raft.membership)}, its snapshot and log give ${describeMembership(expected)}`;
  }
  return null;
}

/** What a node's configuration must be: its snapshot's (or the bootstrap one), then each configuration entry of
 *  its log up to the applied index (the last index with append-time activation). */
function expectedMembership(h: Harness, id: NodeId): ReturnType<typeof simpleMembership> {
  const raft = h.node(id);
  const snapshot = raft.log.snapshot();
  let membership = snapshot !== null && snapshot.meta.index >= raft.log.compacted.index ? snapshot.meta.membership : simpleMembership(bootstrap);
  const from = snapshot?.meta.index ?? 0;
  const upTo = raft.config.membershipActivation === 'append' ? raft.log.lastIndex() : raft.log.applied;
  for (let index = from + 1; index <= upTo; index++) {
    const entry = raft.log.entry(index);
    if (entry?.kind !== 'config') continue;
    const outcome = applyConfChange(membership, entry.data as ConfChangeRequest, { allowManyVotersInSimpleChange: raft.config.unsafe.manyVotersInSimpleChange });
    if (outcome.ok) membership = outcome.membership;
  }
  return membership;
}

const schedules = fc.tuple(fc.array(step, { minLength: 100, maxLength: 400, size: 'max' }), fc.constantFrom<MembershipActivation>('apply', 'append'));

describe('membership under random schedules (RaftNode alone)', () => {
  it('keeps Election Safety, State Machine Safety and every configuration consistent (1,000 schedules)', () => {
    fc.assert(fc.property(schedules, ([steps, activation]) => explore(steps, activation, {}) === null), { numRuns: 1_000, seed: 12 });
  });

  // Which mistakes these schedules find: a measurement of the property's strength, recorded in docs/raft.md.
  const mistakes: (keyof UnsafeKnobs)[] = ['manyVotersInSimpleChange', 'noPendingConfCheck', 'snapshotWithoutConfig', 'installSnapshotKeepsStaleConfig', 'removedLeaderCountsItself'];
  for (const mistake of mistakes) {
    it(`finds ${mistake}`, () => {
      // No shrinking: the question is only whether a schedule is found.
      const found = fc.check(fc.property(schedules, ([steps, activation]) => explore(steps, activation, { [mistake]: true }) === null), { numRuns: 2_000, seed: 12, endOnFailure: true });
      expect(found.failed, `${mistake} was not found in 2,000 schedules`).toBe(true);
    });
  }
});
