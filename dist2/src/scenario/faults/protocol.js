// Faults aimed at the protocol rather than at time: a fast process restart (bounce), a correlated power loss of
// several nodes, and message filters that hit one class of Raft traffic only. Keyed to protocol events with
// `after: vote-granted` (fault-items.ts) they reach the moments where the classic mistakes live.
import { messageClasses } from '../../../sim/nemesis.js';
import { parseTarget } from '../node-ids.js';
import { formatDuration, parseDuration, UnitError } from '../units.js';
import { noArgumentParser, nodeless, parseTargetList, targetsOf, writeTargetList } from './common.js';
const filterActions = ['drop', 'delay', 'hold'];
function parseMessageClass(value) {
    if (typeof value === 'string' && messageClasses.includes(value))
        return value;
    throw new UnitError(`a message class: ${messageClasses.join(', ')}`);
}
function parseFilterAction(value) {
    if (typeof value === 'string' && filterActions.includes(value))
        return value;
    throw new UnitError(`a filter action: ${filterActions.join(', ')}`);
}
function checkList(check, side, list) {
    if (list !== 'all')
        list.forEach((id, k) => check.node([...check.path, side, ...(list.length > 1 ? [k] : [])], id, true));
}
function restrictList(list, keepsTarget) {
    if (list === 'all')
        return list;
    const kept = list.filter(keepsTarget);
    return kept.length === 0 ? null : kept;
}
export const protocolFaults = {
    bounce: {
        key: 'bounce',
        parse: (value, reader, path) => {
            const body = reader.mapping(value, path, ['node', 'down'], [], '{node: event-node, down: 20ms}');
            if (body === undefined)
                return undefined;
            const node = reader.read(body.node, [...path, 'node'], parseTarget);
            const downUs = reader.read(body.down, [...path, 'down'], parseDuration);
            return node === undefined || downUs === undefined ? undefined : { kind: 'bounce', node, downUs };
        },
        lasting: { kind: 'instant' },
        check: (fault, check) => check.node([...check.path, 'node'], fault.node, true),
        toSim: (fault) => [fault],
        fromSim: (fault) => fault,
        write: (fault) => ({ node: fault.node, down: formatDuration(fault.downUs) }),
        restrict: (fault, kept) => (kept.keepsTarget(fault.node) ? fault : null),
    },
    'power-loss': {
        key: 'power-loss',
        parse: (value, reader, path) => {
            const body = reader.mapping(value, path, ['nodes', 'down'], [], '{nodes: all, down: 500ms}');
            if (body === undefined)
                return undefined;
            const nodes = reader.read(body.nodes, [...path, 'nodes'], (v) => parseTargetList(v, true));
            const downUs = reader.read(body.down, [...path, 'down'], parseDuration);
            return nodes === undefined || downUs === undefined ? undefined : { kind: 'power-loss', nodes, downUs };
        },
        lasting: { kind: 'instant' },
        check: (fault, check) => checkList(check, 'nodes', fault.nodes),
        toSim: (fault, context) => [{ kind: 'power-loss', nodes: targetsOf(fault.nodes, context.nodeIds), downUs: fault.downUs }],
        fromSim: (fault) => ({ kind: 'power-loss', nodes: [...fault.nodes], downUs: fault.downUs }),
        write: (fault) => ({ nodes: writeTargetList(fault.nodes), down: formatDuration(fault.downUs) }),
        restrict: (fault, kept) => {
            const nodes = restrictList(fault.nodes, (id) => kept.keepsTarget(id));
            return nodes === null ? null : { ...fault, nodes };
        },
    },
    filter: {
        key: 'filter',
        parse: (value, reader, path) => {
            const body = reader.mapping(value, path, ['messages', 'action'], ['from', 'to', 'delay'], '{messages: append, action: hold, from: leader, to: all}');
            if (body === undefined)
                return undefined;
            const messages = reader.read(body.messages, [...path, 'messages'], parseMessageClass);
            const action = reader.read(body.action, [...path, 'action'], parseFilterAction);
            const from = body.from === undefined ? 'all' : reader.read(body.from, [...path, 'from'], (v) => parseTargetList(v, true));
            const to = body.to === undefined ? 'all' : reader.read(body.to, [...path, 'to'], (v) => parseTargetList(v, true));
            const delayUs = body.delay === undefined ? 0 : reader.read(body.delay, [...path, 'delay'], parseDuration);
            if (action === 'delay' && body.delay === undefined)
                reader.fail([...path, 'delay'], undefined, 'a delay for action: delay, e.g. delay: 200ms');
            if (messages === undefined || action === undefined || from === undefined || to === undefined || delayUs === undefined)
                return undefined;
            return { kind: 'filter', from, to, messages, action, delayUs };
        },
        lasting: { kind: 'undone', undo: () => ({ kind: 'clear-filters' }) },
        check: (fault, check) => {
            checkList(check, 'from', fault.from);
            checkList(check, 'to', fault.to);
        },
        toSim: (fault, context) => [{ kind: 'filter', from: targetsOf(fault.from, context.nodeIds), to: targetsOf(fault.to, context.nodeIds), messages: fault.messages, action: fault.action, delayUs: fault.delayUs }],
        fromSim: (fault) => ({ ...fault, from: [...fault.from], to: [...fault.to] }),
        write: (fault) => ({
            messages: fault.messages,
            action: fault.action,
            from: writeTargetList(fault.from),
            to: writeTargetList(fault.to),
            ...(fault.action === 'delay' ? { delay: formatDuration(fault.delayUs) } : {}),
        }),
        restrict: (fault, kept) => {
            const from = restrictList(fault.from, (id) => kept.keepsTarget(id));
            const to = restrictList(fault.to, (id) => kept.keepsTarget(id));
            return from === null || to === null ? null : { ...fault, from, to };
        },
    },
    'clear-filters': {
        key: 'clear-filters',
        parse: noArgumentParser({ kind: 'clear-filters' }),
        ...nodeless,
        toSim: (fault) => [fault],
        fromSim: (fault) => fault,
        restrict: (fault) => fault,
    },
};
//# sourceMappingURL=protocol.js.map