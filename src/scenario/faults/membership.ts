// Membership faults (Raft dissertation ch. 4): add a voter or a learner, remove one, promote a learner, demote a
// voter, replace a node (the leader, usually) by a fresh one, enter a joint configuration with several changes
// and leave it. Each is proposed to the leader of the moment it fires (sim/cluster/membership.ts retries while
// there is none); none has an undo. docs/scenarios.md "Membership changes".
import type { FaultKind, MembershipStep } from '../../../sim/nemesis.js';
import { parseNodeId, parseTarget } from '../node-ids.js';
import type { FaultSpec } from '../spec.js';
import { UnitError } from '../units.js';
import { noArgumentParser, nodeless } from './common.js';
import type { FaultKindEntry, FaultParser } from './entry.js';

type MembershipKind = Extract<FaultKind, 'add-node' | 'add-learner' | 'remove-node' | 'promote' | 'demote' | 'replace' | 'enter-joint' | 'leave-joint'>;
type OneNodeKind = Exclude<MembershipKind, 'replace' | 'enter-joint' | 'leave-joint'>;

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
  'leave-joint': {
    key: 'leave-joint',
    parse: noArgumentParser({ kind: 'leave-joint' }),
    ...nodeless,
    toSim: (fault) => [fault],
    fromSim: (fault) => fault,
    restrict: (fault) => fault,
  },
};
