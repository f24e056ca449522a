import { describeFound } from '../errors.js';
import { parseNodeId, parseTarget } from '../node-ids.js';
import { UnitError } from '../units.js';
import { noArgumentParser, nodeless, parseTargetList, targetsOf, writeTargetList } from './common.js';
/** Every cut of any shape is undone by heal. */
const healed = { kind: 'undone', undo: () => ({ kind: 'heal' }) };
const parsePartition = (value, reader, path) => {
    if (!Array.isArray(value) || value.length === 0) {
        reader.fail(path, value, 'a list of groups such as [[n1, n2], [n3, n4, n5]]');
        return undefined;
    }
    const groups = [];
    for (let g = 0; g < value.length; g++) {
        const group = value[g];
        if (!Array.isArray(group) || group.length === 0) {
            reader.fail([...path, g], group, 'a group: a list of node ids such as [n1, n2]');
            continue;
        }
        const ids = [];
        for (let k = 0; k < group.length; k++)
            ids.push(reader.read(group[k], [...path, g, k], parseNodeId));
        if (ids.every((id) => id !== undefined))
            groups.push(ids);
    }
    return groups.length === value.length ? { kind: 'partition', groups } : undefined;
};
const parseBridge = (value, reader, path) => {
    const body = reader.mapping(value, path, ['sideA', 'sideB', 'bridge'], [], '{sideA: [n1, n2], sideB: [n4, n5], bridge: n3}');
    if (body === undefined)
        return undefined;
    const list = (v) => {
        if (!Array.isArray(v) || v.length === 0)
            throw new UnitError('a list of node ids such as [n1, n2]');
        return Array.from(v, (id) => parseNodeId(id));
    };
    const sideA = reader.read(body.sideA, [...path, 'sideA'], list);
    const sideB = reader.read(body.sideB, [...path, 'sideB'], list);
    const bridge = reader.read(body.bridge, [...path, 'bridge'], parseNodeId);
    return sideA === undefined || sideB === undefined || bridge === undefined ? undefined : { kind: 'bridge', sideA, sideB, bridge };
};
export const networkFaults = {
    partition: {
        key: 'partition',
        parse: parsePartition,
        lasting: healed,
        check: (fault, check) => {
            const seen = new Set();
            fault.groups.forEach((group, g) => group.forEach((id, k) => {
                check.node([...check.path, g, k], id, false);
                if (seen.has(id))
                    check.add([...check.path, g, k], describeFound(id), 'each node in one group only');
                seen.add(id);
            }));
        },
        toSim: (fault) => [{ kind: 'partition', groups: fault.groups.map((group) => [...group]) }],
        fromSim: (fault) => ({ kind: 'partition', groups: fault.groups.map((group) => [...group]) }),
        write: (fault) => fault.groups.map((group) => [...group]),
        restrict: (fault, kept) => {
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
            if (body === undefined)
                return undefined;
            const from = reader.read(body.from, [...path, 'from'], (v) => parseTargetList(v, true));
            const to = body.to === undefined ? 'all' : reader.read(body.to, [...path, 'to'], (v) => parseTargetList(v, true));
            return from === undefined || to === undefined ? undefined : { kind: 'cut-one-way', from, to };
        },
        lasting: healed,
        check: (fault, check) => {
            for (const side of ['from', 'to']) {
                const list = fault[side];
                if (list !== 'all')
                    list.forEach((id, k) => check.node([...check.path, side, ...(list.length > 1 ? [k] : [])], id, true));
            }
        },
        // A cut from `all` becomes one cut per node (each from that node to the targets), so that a target resolved
        // at run time (`to: leader`) is left out of the senders.
        toSim: (fault, context) => fault.from === 'all'
            ? context.nodeIds.map((id) => ({ kind: 'cut-one-way', from: [id], to: targetsOf(fault.to, context.nodeIds) }))
            : [{ kind: 'cut-one-way', from: targetsOf(fault.from, context.nodeIds), to: targetsOf(fault.to, context.nodeIds) }],
        fromSim: (fault) => ({ kind: 'cut-one-way', from: [...fault.from], to: [...fault.to] }),
        write: (fault) => ({ from: writeTargetList(fault.from), to: writeTargetList(fault.to) }),
        restrict: (fault, kept) => {
            const keep = (id) => kept.keepsTarget(id);
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
                if (fault.sideB.includes(id) && id !== fault.bridge)
                    check.add([...check.path, 'sideB'], describeFound(id), 'sides with no node in common (except the bridge)');
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
};
//# sourceMappingURL=network.js.map