// Membership faults (Raft dissertation ch. 4): add a voter or a learner, remove one, promote a learner, demote a
// voter, replace a node (the leader, usually) by a fresh one, enter a joint configuration with several changes
// and leave it. Each is proposed to the leader of the moment it fires (sim/cluster/membership.ts retries while
// there is none); none has an undo. docs/scenarios.md "Membership changes".
import { churnVoterBounds, type FaultKind, type MembershipStep } from '../../../sim/nemesis.js';
import { parseNodeId, parseTarget } from '../node-ids.js';
import type { FaultSpec } from '../spec.js';
import { UnitError } from '../units.js';
import { noArgumentParser, nodeless } from './common.js';
import type { FaultKindEntry, FaultParser } from './entry.js';

type MembershipKind = Extract<FaultKind, 'add-node' | 'add-learner' | 'remove-node' | 'promote' | 'demote' | 'replace' | 'enter-joint' | 'leave-joint' | 'churn'>;
type OneNodeKind = Exclude<MembershipKind, 'replace' | 'enter-joint' | 'leave-joint' | 'churn'>;

/** A node added must be named (a node of the cluster, usually a spare); the others may be chosen when it fires. */
const named: ReadonlySet<OneNodeKind> = new Set(['add-node', 'add-learner']);

function oneNode<K extends OneNodeKind>(kind: K): FaultKindEntry<K> {
  const dynamic = !named.has(kind);
  const entry: FaultKindEntry<OneNodeKind> = {
    key: kind,
    parse: (value, reader, path) => {
      const node = reader.read(value, path, dynamic ? parseTarget : parseNodeId);
      return node === undefined ? undefined : ({ kind, node } as FaultSpec);
    },
    lasting: { kind: 'instant' },
    check: (fault, check) => check.node(check.path, fault.node, dynamic),
    toSim: (fault) => [fault],
    fromSim: (fault) => fault,
    write: (fault) => fault.node,
    restrict: (fault, kept) => (kept.keepsTarget(fault.node) ? fault : null),
  };
  return entry as unknown as FaultKindEntry<K>;
}

/** `replace: leader` or `replace: {node: leader, with: n4, joint: false}`. */
const parseReplace: FaultParser = (value, reader, path) => {
  if (typeof value === 'string') {
    const node = reader.read(value, path, parseTarget);
    return node === undefined ? undefined : { kind: 'replace', node, with: null, joint: true };
  }
  const body = reader.mapping(value, path, ['node'], ['with', 'joint'], '{node: leader, with: n4, joint: true}');
  if (body === undefined) return undefined;
  const node = reader.read(body.node, [...path, 'node'], parseTarget);
  const fresh = reader.optional(body.with, [...path, 'with'], parseNodeId);
  const joint = reader.optional(body.joint, [...path, 'joint'], parseBoolean);
  if (node === undefined || (body.with !== undefined && fresh === undefined) || (body.joint !== undefined && joint === undefined)) return undefined;
  return { kind: 'replace', node, with: fresh ?? null, joint: joint ?? true };
};

function parseBoolean(value: unknown): boolean {
  if (typeof value !== 'boolean') throw new UnitError('true or false');
  return value;
}

/** The groups an enter-joint is written in, in the order its changes are made. */
const jointGroups = [
  ['add', 'add-voter'],
  ['learners', 'add-learner'],
  ['remove', 'remove'],
] as const;

/** `enter-joint: {add: [n4, n5], remove: [n1], learners: [n6], autoLeave: false}`. */
const parseEnterJoint: FaultParser = (value, reader, path) => {
  const body = reader.mapping(value, path, [], ['add', 'learners', 'remove', 'autoLeave'], '{add: [n4], remove: [n1], autoLeave: true}');
  if (body === undefined) return undefined;
  const changes: MembershipStep[] = [];
  let ok = true;
  for (const [key, op] of jointGroups) {
    if (body[key] === undefined) continue;
    const nodes = reader.read(body[key], [...path, key], (v) => parseNodes(v, op !== 'add-voter'));
    if (nodes === undefined) ok = false;
    else for (const node of nodes) changes.push({ op, node });
  }
  const autoLeave = reader.optional(body.autoLeave, [...path, 'autoLeave'], parseBoolean);
  if (body.autoLeave !== undefined && autoLeave === undefined) ok = false;
  if (ok && changes.length === 0) {
    reader.fail(path, value, 'at least one change: add, learners or remove (as in {add: [n4], remove: [n1]})');
    ok = false;
  }
  return ok ? { kind: 'enter-joint', changes, autoLeave: autoLeave ?? true } : undefined;
};

function parseNodes(value: unknown, allowDynamic: boolean): string[] {
  const parse = allowDynamic ? parseTarget : parseNodeId;
  if (typeof value === 'string') return [parse(value)];
  if (Array.isArray(value) && value.length > 0) return Array.from(value, (item) => parse(item));
  throw new UnitError('a node or a list of nodes such as [n4, n5]');
}

/** `churn:` or `churn: {minVoters: 3, maxVoters: 5}`. */
const parseChurn: FaultParser = (value, reader, path) => {
  if (value === null || value === true) return { kind: 'churn' };
  const body = reader.mapping(value, path, [], ['minVoters', 'maxVoters'], '{minVoters: 3, maxVoters: 7}');
  if (body === undefined) return undefined;
  const minVoters = reader.optional(body.minVoters, [...path, 'minVoters'], parseVoterCount);
  const maxVoters = reader.optional(body.maxVoters, [...path, 'maxVoters'], parseVoterCount);
  if ((body.minVoters !== undefined && minVoters === undefined) || (body.maxVoters !== undefined && maxVoters === undefined)) return undefined;
  if (minVoters !== undefined && maxVoters !== undefined && minVoters > maxVoters) {
    reader.fail([...path, 'maxVoters'], maxVoters, `a bound at least minVoters (${minVoters})`);
    return undefined;
  }
  return { kind: 'churn', ...(minVoters !== undefined ? { minVoters } : {}), ...(maxVoters !== undefined ? { maxVoters } : {}) };
};

function parseVoterCount(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > 51) throw new UnitError('a voter count from 1 to 51');
  return value;
}

/** Changes in the order an enter-joint is written in (add, learners, remove), so writing and reading it back
 *  gives the same fault. */
function canonical(changes: readonly MembershipStep[]): MembershipStep[] {
  return jointGroups.flatMap(([, op]) => changes.filter((change) => change.op === op));
}

export const membershipFaults: { readonly [K in MembershipKind]: FaultKindEntry<K> } = {
  'add-node': oneNode('add-node'),
  'add-learner': oneNode('add-learner'),
  'remove-node': oneNode('remove-node'),
  promote: oneNode('promote'),
  demote: oneNode('demote'),
  replace: {
    key: 'replace',
    parse: parseReplace,
    lasting: { kind: 'instant' },
    check: (fault, check) => {
      check.node(fault.with === null ? check.path : [...check.path, 'node'], fault.node, true);
      if (fault.with !== null) check.node([...check.path, 'with'], fault.with, false);
    },
    toSim: (fault) => [fault],
    fromSim: (fault) => fault,
    write: (fault) => (fault.with === null && fault.joint ? fault.node : { node: fault.node, ...(fault.with !== null ? { with: fault.with } : {}), joint: fault.joint }),
    restrict: (fault, kept) => (kept.keepsTarget(fault.node) && (fault.with === null || kept.keeps(fault.with)) ? fault : null),
  },
  'enter-joint': {
    key: 'enter-joint',
    parse: parseEnterJoint,
    lasting: { kind: 'instant' },
    check: (fault, check) => {
      for (const [key, op] of jointGroups) {
        fault.changes.filter((change) => change.op === op).forEach((change, k) => check.node([...check.path, key, k], change.node, op !== 'add-voter'));
      }
    },
    toSim: (fault) => [fault],
    fromSim: (fault) => ({ kind: 'enter-joint', changes: canonical(fault.changes), autoLeave: fault.autoLeave }),
    write: (fault) => {
      const written: Record<string, unknown> = {};
      for (const [key, op] of jointGroups) {
        const nodes = fault.changes.filter((change) => change.op === op).map((change) => change.node);
        if (nodes.length > 0) written[key] = nodes;
      }
      return { ...written, autoLeave: fault.autoLeave };
    },
    restrict: (fault, kept) => (fault.changes.every((change) => kept.keepsTarget(change.node)) ? fault : null),
  },
  churn: {
    key: 'churn',
    parse: parseChurn,
    lasting: { kind: 'instant' },
    check: (fault, check) => {
      const most = check.nodeCount;
      if (fault.minVoters !== undefined && fault.minVoters > most) check.add([...check.path, 'minVoters'], String(fault.minVoters), `at most the ${most} nodes of the cluster`);
    },
    toSim: (fault, context) => {
      const nodes = context.nodeIds.length;
      const minVoters = fault.minVoters ?? Math.min(churnVoterBounds.min, nodes);
      return [{ kind: 'churn', minVoters, maxVoters: fault.maxVoters ?? Math.max(minVoters, Math.min(churnVoterBounds.max, nodes)) }];
    },
    fromSim: (fault) => fault,
    write: (fault) => (fault.minVoters === undefined && fault.maxVoters === undefined ? null : { ...(fault.minVoters !== undefined ? { minVoters: fault.minVoters } : {}), ...(fault.maxVoters !== undefined ? { maxVoters: fault.maxVoters } : {}) }),
    restrict: (fault) => fault,
  },
  'leave-joint': {
    key: 'leave-joint',
    parse: noArgumentParser({ kind: 'leave-joint' }),
    ...nodeless,
    toSim: (fault) => [fault],
    fromSim: (fault) => fault,
    restrict: (fault) => fault,
  },
};
