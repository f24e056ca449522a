// The membership changer (raft/membership.ts) against transcripts in the style of etcd-io/raft's
// confchange/testdata: each file under test/confchange/ is a sequence of changes with the configuration (in etcd's
// notation, describeMembership) or the exact refusal after each. Rewrite the expected outputs after a deliberate
// change with DATADRIVEN_REWRITE=1 npx vitest run test/confchange.test.ts, and review the diff.
//
// Commands (state carries over within a file; it starts with no voters, as etcd's do):
//   bootstrap v1 v2 v3              the configuration is these voters (simpleMembership)
//   simple v4 | l4 | r4             one change, transition 'auto' (add-voter, add-learner, remove node n4)
//   enter-joint [autoleave=true] …  the changes, transition 'joint-implicit' (autoleave=true) or 'joint-explicit'
//   auto …                          the changes, transition 'auto' (one change is simple, several enter joint)
//   leave-joint                     the request with no changes
// Changes may follow the command on its line or on the input lines below it (etcd's style). The option
// broken=many-voters-in-simple-change applies the request under the loosened rule of the bug catalogue.
// Output: the configuration after the change, or `refused: <reason>`; an accepted change whose configuration's
// quorums do not all overlap with the previous one's adds a line saying so (quorumsOverlap).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyConfChange,
  describeMembership,
  simpleMembership,
  type ChangeRules,
  type ConfChangeRequest,
  type ConfChangeTransition,
  type Membership,
  type MembershipChange,
} from '../raft/membership.js';
import { quorumsOverlap } from '../raft/quorum.js';
import { runTranscript, type TranscriptCase } from './support/datadriven.js';

const folder = join(import.meta.dirname, 'confchange');

const ops: Readonly<Record<string, MembershipChange['op']>> = { v: 'add-voter', l: 'add-learner', r: 'remove' };

/** `v4` -> add-voter n4; an unknown token is the case's output, as in etcd's runner. */
function parseChange(token: string): MembershipChange | string {
  const op = ops[token[0] ?? ''];
  if (token.length < 2 || op === undefined || !/^\d+$/.test(token.slice(1))) {
    return token.startsWith('u') ? `unknown token ${token}: raftsim has no update-node change (etcd's ConfChangeUpdateNode carries data outside raft)` : `unknown token ${token}`;
  }
  return { op, node: `n${token.slice(1)}` };
}

function changesOf(testCase: TranscriptCase): MembershipChange[] | string {
  const tokens = [...testCase.args, ...testCase.input.flatMap((line) => line.split(/\s+/))].filter((token) => token !== '');
  const changes: MembershipChange[] = [];
  for (const token of tokens) {
    const change = parseChange(token);
    if (typeof change === 'string') return change;
    changes.push(change);
  }
  return changes;
}

function requestOf(testCase: TranscriptCase, changes: readonly MembershipChange[]): ConfChangeRequest | string {
  switch (testCase.command) {
    case 'simple':
      if (changes.length !== 1) return `simple takes exactly one change, got ${changes.length} (a raftsim request of several changes enters a joint configuration: use auto or enter-joint)`;
      return { changes, transition: 'auto' };
    case 'enter-joint': {
      if (changes.length === 0) return 'enter-joint needs at least one change (a raftsim request with no changes is a leave-joint)';
      const autoLeave = testCase.options.get('autoleave') ?? 'false';
      if (autoLeave !== 'true' && autoLeave !== 'false') return `autoleave must be true or false, got ${autoLeave}`;
      const transition: ConfChangeTransition = autoLeave === 'true' ? 'joint-implicit' : 'joint-explicit';
      return { changes, transition };
    }
    case 'auto':
      return { changes, transition: 'auto' };
    case 'leave-joint':
      if (changes.length > 0) return 'this command takes no input';
      return { changes: [], transition: 'auto' };
    default:
      return `unknown command ${testCase.command}`;
  }
}

function rulesOf(testCase: TranscriptCase): ChangeRules | string {
  const broken = testCase.options.get('broken');
  if (broken === undefined) return { allowManyVotersInSimpleChange: false };
  if (broken === 'many-voters-in-simple-change') return { allowManyVotersInSimpleChange: true };
  return `unknown broken rule ${broken}`;
}

/** One transcript's state: the configuration so far. */
function changer(): (testCase: TranscriptCase) => string {
  let membership: Membership = simpleMembership([]);
  return (testCase) => {
    const changes = changesOf(testCase);
    if (typeof changes === 'string') return changes;
    if (testCase.command === 'bootstrap') {
      if (changes.some((change) => change.op !== 'add-voter')) return 'bootstrap takes voters only (v1 v2 ...)';
      membership = simpleMembership(changes.map((change) => change.node));
      return describeMembership(membership);
    }
    const request = requestOf(testCase, changes);
    if (typeof request === 'string') return request;
    const rules = rulesOf(testCase);
    if (typeof rules === 'string') return rules;
    const outcome = applyConfChange(membership, request, rules);
    if (!outcome.ok) return `refused: ${outcome.reason}`;
    const before = membership;
    membership = outcome.membership;
    const lines = [describeMembership(membership)];
    if (before.voters.length > 0 && !quorumsOverlap(before, membership)) lines.push(`quorums do not overlap with the previous configuration ${describeMembership(before)}`);
    return lines.join('\n');
  };
}

const files = readdirSync(folder)
  .filter((name) => name.endsWith('.txt'))
  .sort();

describe('confchange transcripts (test/confchange/*.txt)', () => {
  it('finds the transcripts', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });
  for (const name of files) {
    it(name, () => {
      const run = runTranscript(join(folder, name), changer());
      expect(run.results.length).toBeGreaterThan(0);
      expect(run.mismatches.join('\n\n')).toBe('');
    });
  }
});
