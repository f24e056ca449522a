// Network faults: partitions into groups, isolating one node, one-way cuts, the bridge (two sides that reach
// each other only through one node), and heal, which ends every one of them.
import type { Fault, FaultKind } from '../../../sim/nemesis.js';
import { describeFound, suggest } from '../errors.js';
import { parseNodeId, parseTarget } from '../node-ids.js';
import type { TargetList } from '../spec.js';
import { UnitError } from '../units.js';
import { noArgumentParser, nodeless, oneNodeFault, parseTargetList, targetsOf, writeTargetList } from './common.js';
import type { FaultCheck, FaultKindEntry, FaultParser } from './entry.js';

type NetworkKind = Extract<FaultKind, 'partition' | 'isolate' | 'cut-one-way' | 'bridge' | 'heal' | 'rejoin'>;

/** Every cut of any shape is undone by heal. */
const healed = { kind: 'undone', undo: (): Fault => ({ kind: 'heal' }) } as const;

/** `partition: {datacenters: [east, west]}`. */
const parseDatacenterPartition: FaultParser = (value, reader, path) => {
  const body = reader.mapping(value, path, ['datacenters'], [], '{datacenters: [east, west]}');
  if (body === undefined) return undefined;
  const datacenters = reader.read(body.datacenters, [...path, 'datacenters'], (v) => {
    if (!Array.isArray(v) || v.length === 0) throw new UnitError('a list of datacenter names such as [east, west]');
    return Array.from(v, (name) => {
      if (typeof name !== 'string' || !/^[A-Za-z][\w-]*$/.test(name)) throw new UnitError(`a list of datacenter names such as [east, west] (names are words, found ${describeFound(name)})`);
      return name;
    });
  });
  return datacenters === undefined ? undefined : { kind: 'partition', datacenters };
};

/** The groups a datacenter partition compiles to: each listed datacenter's nodes, then the nodes of the others. */
export function datacenterGroups(placement: Readonly<Record<string, readonly string[]>> | null, listed: readonly string[], nodeIds: readonly string[]): string[][] {
  const groups = listed.map((dc) => [...(placement?.[dc] ?? [])]);
  const rest = nodeIds.filter((id) => !groups.some((group) => group.includes(id)));
  return rest.length > 0 ? [...groups, rest] : groups;
}

function checkDatacenterPartition(listed: readonly string[], check: FaultCheck): void {
  const known = check.datacenters;
  listed.forEach((dc, k) => {
    const path = [...check.path, 'datacenters', k];
    if (known.length === 0) check.add(path, describeFound(dc), 'a datacenter of cluster.datacenters (this cluster places no nodes in datacenters)');
    else if (!known.includes(dc)) {
      const hint = suggest(dc, known);
      check.add(path, describeFound(dc), `${hint !== null ? `"${hint}" (did you mean it?), or ` : ''}a datacenter of the cluster (${known.join(', ')})`);
    }
    if (listed.indexOf(dc) !== k) check.add(path, describeFound(dc), 'each datacenter listed once');
  });
}

const parsePartition: FaultParser = (value, reader, path) => {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return parseDatacenterPartition(value, reader, path);
  if (!Array.isArray(value) || value.length === 0) {
    reader.fail(path, value, 'a list of groups such as [[n1, n2], [n3, n4, n5]], or {datacenters: [east, west]}');
    return undefined;
  }
  const groups: string[][] = [];
  for (let g = 0; g < value.length; g++) {
    const group: unknown = value[g];
    if (!Array.isArray(group) || group.length === 0) {
      reader.fail([...path, g], group, 'a group: a list of node ids such as [n1, n2]');
      continue;
    }
    const ids: (string | undefined)[] = [];
    for (let k = 0; k < group.length; k++) ids.push(reader.read(group[k], [...path, g, k], parseNodeId));
    if (ids.every((id): id is string => id !== undefined)) groups.push(ids);
  }
  return groups.length === value.length ? { kind: 'partition', groups } : undefined;
};

const parseBridge: FaultParser = (value, reader, path) => {
  const body = reader.mapping(value, path, ['sideA', 'sideB', 'bridge'], [], '{sideA: [n1, n2], sideB: [n4, n5], bridge: n3}');
  if (body === undefined) return undefined;
  const list = (v: unknown): string[] => {
    if (!Array.isArray(v) || v.length === 0) throw new UnitError('a list of node ids such as [n1, n2]');
    return Array.from(v, (id) => parseNodeId(id));
  };
  const sideA = reader.read(body.sideA, [...path, 'sideA'], list);
  const sideB = reader.read(body.sideB, [...path, 'sideB'], list);
  const bridge = reader.read(body.bridge, [...path, 'bridge'], parseNodeId);
  return sideA === undefined || sideB === undefined || bridge === undefined ? undefined : { kind: 'bridge', sideA, sideB, bridge };
};

export const networkFaults: { readonly [K in NetworkKind]: FaultKindEntry<K> } = {
  partition: {
    key: 'partition',
    parse: parsePartition,
    lasting: healed,
    check: (fault, check) => {
      if (fault.datacenters !== undefined) return checkDatacenterPartition(fault.datacenters, check);
      const seen = new Set<string>();
      fault.groups.forEach((group, g) =>
        group.forEach((id, k) => {
          check.node([...check.path, g, k], id, false);
          if (seen.has(id)) check.add([...check.path, g, k], describeFound(id), 'each node in one group only');
          seen.add(id);
        }),
      );
    },
    toSim: (fault, context) => [
      {
        kind: 'partition',
        groups: fault.datacenters !== undefined ? datacenterGroups(context.full.cluster.datacenters, fault.datacenters, context.nodeIds) : fault.groups.map((group) => [...group]),
      },
    ],
    fromSim: (fault) => ({ kind: 'partition', groups: fault.groups.map((group) => [...group]) }),
    write: (fault) => (fault.datacenters !== undefined ? { datacenters: [...fault.datacenters] } : fault.groups.map((group) => [...group])),
    restrict: (fault, kept) => {
      if (fault.datacenters !== undefined) {
        const datacenters = fault.datacenters.filter((dc) => kept.keepsDatacenter(dc));
        return datacenters.length === 0 ? null : { kind: 'partition', datacenters };
      }
      const groups = fault.groups.map((group) => group.filter((id) => kept.keeps(id))).filter((group) => group.length > 0);
      return groups.length === 0 ? null : { kind: 'partition', groups };
    },
  },
  isolate: {
    key: 'isolate',
    parse: (value, reader, path) => {
      const node = reader.read(value, path, parseTarget);
      return node === undefined ? undefined : { kind: 'isolate', node };
    },
    lasting: healed,
    check: (fault, check) => check.node(check.path, fault.node, true),
    toSim: (fault) => [fault],
    fromSim: (fault) => fault,
    write: (fault) => fault.node,
    restrict: (fault, kept) => (kept.keepsTarget(fault.node) ? fault : null),
  },
  'cut-one-way': {
    key: 'cut-one-way',
    parse: (value, reader, path) => {
      const body = reader.mapping(value, path, ['from'], ['to'], '{from: leader, to: all}');
      if (body === undefined) return undefined;
      const from = reader.read(body.from, [...path, 'from'], (v) => parseTargetList(v, true));
      const to = body.to === undefined ? 'all' : reader.read(body.to, [...path, 'to'], (v) => parseTargetList(v, true));
      return from === undefined || to === undefined ? undefined : { kind: 'cut-one-way', from, to };
    },
    lasting: healed,
    check: (fault, check) => {
      for (const side of ['from', 'to'] as const) {
        const list: TargetList = fault[side];
        if (list !== 'all') list.forEach((id, k) => check.node([...check.path, side, ...(list.length > 1 ? [k] : [])], id, true));
      }
    },
    // A cut from `all` becomes one cut per node (each from that node to the targets), so that a target resolved
    // at run time (`to: leader`) is left out of the senders.
    toSim: (fault, context) =>
      fault.from === 'all'
        ? context.nodeIds.map((id) => ({ kind: 'cut-one-way', from: [id], to: targetsOf(fault.to, context.nodeIds) }))
        : [{ kind: 'cut-one-way', from: targetsOf(fault.from, context.nodeIds), to: targetsOf(fault.to, context.nodeIds) }],
    fromSim: (fault) => ({ kind: 'cut-one-way', from: [...fault.from], to: [...fault.to] }),
    write: (fault) => ({ from: writeTargetList(fault.from), to: writeTargetList(fault.to) }),
    restrict: (fault, kept) => {
      const keep = (id: string): boolean => kept.keepsTarget(id);
      const from = fault.from === 'all' ? 'all' : fault.from.filter(keep);
      const to = fault.to === 'all' ? 'all' : fault.to.filter(keep);
      return (from !== 'all' && from.length === 0) || (to !== 'all' && to.length === 0) ? null : { kind: 'cut-one-way', from, to };
    },
  },
  bridge: {
    key: 'bridge',
    parse: parseBridge,
    lasting: healed,
    check: (fault, check) => {
      fault.sideA.forEach((id, k) => check.node([...check.path, 'sideA', k], id, false));
      fault.sideB.forEach((id, k) => check.node([...check.path, 'sideB', k], id, false));
      check.node([...check.path, 'bridge'], fault.bridge, false);
      for (const id of fault.sideA) {
        if (fault.sideB.includes(id) && id !== fault.bridge) check.add([...check.path, 'sideB'], describeFound(id), 'sides with no node in common (except the bridge)');
      }
    },
    toSim: (fault) => [{ kind: 'bridge', sideA: [...fault.sideA], sideB: [...fault.sideB], bridge: fault.bridge }],
    fromSim: (fault) => ({ kind: 'bridge', sideA: [...fault.sideA], sideB: [...fault.sideB], bridge: fault.bridge }),
    write: (fault) => ({ sideA: [...fault.sideA], sideB: [...fault.sideB], bridge: fault.bridge }),
    restrict: (fault, kept) => {
      const sideA = fault.sideA.filter((id) => kept.keeps(id));
      const sideB = fault.sideB.filter((id) => kept.keeps(id));
      return !kept.keeps(fault.bridge) || sideA.length === 0 || sideB.length === 0 ? null : { ...fault, sideA, sideB };
    },
  },
  heal: {
    key: 'heal',
    parse: noArgumentParser({ kind: 'heal' }),
    ...nodeless,
    toSim: (fault) => [fault],
    fromSim: (fault) => fault,
    restrict: (fault) => fault,
  },
  // `rejoin: n2` ends n2's isolation only (what an armed isolation's `for:` does to its node).
  rejoin: oneNodeFault('rejoin'),

};
