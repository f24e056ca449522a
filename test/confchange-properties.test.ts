// Properties of the membership changer (raft/membership.ts), in the spirit of etcd-io/raft's
// confchange/quick_test.go: (1) a set of valid changes applied one at a time as simple changes gives the same
// configuration as entering a joint configuration with all of them and leaving it (with autoleave on or off);
// (2) every transition the changer accepts keeps a quorum in common with the configuration before it
// (dissertation 4.1) — and the loosened rule of the bug catalogue (allowManyVotersInSimpleChange) breaks (2).
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  applyConfChange,
  confChangeTransitions,
  describeMembership,
  describeRequest,
  isVoter,
  sameMembership,
  simpleMembership,
  type ChangeRules,
  type ConfChangeRequest,
  type Membership,
  type MembershipChange,
} from '../raft/membership.js';
import { quorumsOverlap } from '../raft/quorum.js';

const strict: ChangeRules = { allowManyVotersInSimpleChange: false };
const broken: ChangeRules = { allowManyVotersInSimpleChange: true };
const ops = ['add-voter', 'add-learner', 'remove'] as const;

/** etcd's initialChanges: n1 and up to five more voters among n1..n5. */
const setup = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }).map((ids) => simpleMembership(['n1', ...ids.map((id) => `n${id}`)]));
/** etcd's confChanges: 1..9 changes to nodes n2..n10 (never n1, which keeps every configuration voting). */
const rawChanges = fc.array(fc.record({ op: fc.constantFrom(...ops), node: fc.integer({ min: 2, max: 10 }).map((id) => `n${id}`) }), { minLength: 1, maxLength: 9 });

/** etcd's changer makes repeats and no-ops harmless; ours refuses them, so keep the first change of each node
 *  and only changes that change something (each node is touched once, so validity is against `start`). */
function validChanges(start: Membership, changes: readonly MembershipChange[]): MembershipChange[] {
  const seen = new Set<string>();
  const kept: MembershipChange[] = [];
  for (const change of changes) {
    if (seen.has(change.node)) continue;
    const voter = start.voters.includes(change.node);
    const learner = start.learners.includes(change.node);
    const valid = change.op === 'add-voter' ? !voter : change.op === 'add-learner' ? !learner : voter || learner;
    if (!valid) continue;
    seen.add(change.node);
    kept.push(change);
  }
  return kept;
}

function must(membership: Membership, request: ConfChangeRequest, rules = strict): Membership {
  const outcome = applyConfChange(membership, request, rules);
  if (!outcome.ok) throw new Error(`${describeRequest(request)} on ${describeMembership(membership)} refused: ${outcome.reason}`);
  return outcome.membership;
}

function oneAtATime(start: Membership, changes: readonly MembershipChange[]): Membership {
  let membership = start;
  for (const change of changes) membership = must(membership, { changes: [change], transition: 'auto' });
  return membership;
}

function throughJoint(start: Membership, changes: readonly MembershipChange[], transition: 'joint-implicit' | 'joint-explicit' | 'auto'): Membership {
  const joint = must(start, { changes, transition });
  return must(joint, { changes: [], transition: 'auto' });
}

/** A random request: 0..4 changes to n1..n6, any transition. */
const request: fc.Arbitrary<ConfChangeRequest> = fc.record({
  changes: fc.array(fc.record({ op: fc.constantFrom(...ops), node: fc.integer({ min: 1, max: 6 }).map((id) => `n${id}`) }), { maxLength: 4 }),
  transition: fc.constantFrom(...confChangeTransitions),
});

/** The first accepted transition whose configurations share no quorum, walking `requests` from `start`. */
function firstDisjointTransition(start: Membership, requests: readonly ConfChangeRequest[], rules: ChangeRules): string | null {
  let membership = start;
  for (const next of requests) {
    const outcome = applyConfChange(membership, next, rules);
    if (!outcome.ok) continue;
    if (!quorumsOverlap(membership, outcome.membership)) {
      return `${describeMembership(membership)} -> ${describeRequest(next)} -> ${describeMembership(outcome.membership)}`;
    }
    membership = outcome.membership;
  }
  return null;
}

describe('membership changer properties (etcd confchange/quick_test.go)', () => {
  it('one change at a time equals entering and leaving a joint configuration with all of them (1,000 cases)', () => {
    let nonTrivial = 0;
    fc.assert(
      fc.property(setup, rawChanges, (start, raw) => {
        const changes = validChanges(start, raw);
        if (changes.length === 0) return;
        nonTrivial++;
        const simple = oneAtATime(start, changes);
        for (const transition of ['joint-explicit', 'joint-implicit'] as const) {
          const joint = throughJoint(start, changes, transition);
          expect(describeMembership(joint)).toBe(describeMembership(simple));
          expect(sameMembership(joint, simple)).toBe(true);
        }
        if (changes.length > 1) expect(sameMembership(throughJoint(start, changes, 'auto'), simple)).toBe(true);
        expect(isVoter(simple, 'n1')).toBe(true);
      }),
      { numRuns: 1_000, seed: 12 },
    );
    // Most draws keep some valid change (the generator is etcd's, whose changes are rarely all no-ops).
    expect(nonTrivial).toBeGreaterThan(900);
  });

  it('every accepted transition keeps a quorum in common with the configuration before it (1,000 walks)', () => {
    fc.assert(
      fc.property(setup, fc.array(request, { minLength: 1, maxLength: 8 }), (start, requests) => {
        expect(firstDisjointTransition(start, requests, strict)).toBeNull();
      }),
      { numRuns: 1_000, seed: 12 },
    );
  });

  it('fails under the loosened rule allowManyVotersInSimpleChange, with a counterexample', () => {
    const result = fc.check(
      fc.property(setup, fc.array(request, { minLength: 1, maxLength: 8 }), (start, requests) => firstDisjointTransition(start, requests, broken) === null),
      { numRuns: 1_000, seed: 12 },
    );
    expect(result.failed).toBe(true);
    const [start, requests] = result.counterexample!;
    const disjoint = firstDisjointTransition(start, requests, broken)!;
    // The offending step is an auto request of several changes, carried out as one simple change.
    expect(disjoint).toMatch(/^voters=\([^)&]*\)[^&]* -> .+, .+ -> voters=\([^)&]*\)/);
    // The same walk under the strict rules keeps a common quorum at every step.
    expect(firstDisjointTransition(start, requests, strict)).toBeNull();
  });

  it('the broken rule makes a two-voter simple change that the strict rule sends through joint', () => {
    const start = simpleMembership(['n1', 'n2', 'n3']);
    const grow: ConfChangeRequest = { changes: [{ op: 'add-voter', node: 'n4' }, { op: 'add-voter', node: 'n5' }], transition: 'auto' };
    expect(describeMembership(must(start, grow))).toBe('voters=(n1 n2 n3 n4 n5)&&(n1 n2 n3) autoleave');
    const wrong = must(start, grow, broken);
    expect(describeMembership(wrong)).toBe('voters=(n1 n2 n3 n4 n5)');
    expect(quorumsOverlap(start, wrong)).toBe(false);
  });
});
