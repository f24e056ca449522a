import { baseLink } from '../cluster-options.js';
import { compact, opt } from '../document.js';
import { describeFound } from '../errors.js';
import { dynamicTargets, parseTarget } from '../node-ids.js';
import { formatDistribution, formatProbability, parseDistribution, parseProbability } from '../units.js';
import { parseStrictSwitch } from '../schema-values.js';
import { noArgumentParser, nodeless } from './common.js';
const parseLink = (value, reader, path) => {
    const body = reader.mapping(value, path, ['from', 'to'], ['drop', 'latency', 'duplicate', 'reorder', 'bothWays'], '{from: n1, to: n2, drop: 30%, latency: 20ms..80ms}');
    if (body === undefined)
        return undefined;
    const from = reader.read(body.from, [...path, 'from'], parseTarget);
    const to = reader.read(body.to, [...path, 'to'], parseTarget);
    if (body.drop === undefined && body.latency === undefined && body.duplicate === undefined && body.reorder === undefined) {
        reader.fail(path, value, 'at least one of drop, latency, duplicate or reorder');
        return undefined;
    }
    const drop = reader.optional(body.drop, [...path, 'drop'], parseProbability);
    const duplicate = reader.optional(body.duplicate, [...path, 'duplicate'], parseProbability);
    const reorder = reader.optional(body.reorder, [...path, 'reorder'], parseProbability);
    const latency = reader.optional(body.latency, [...path, 'latency'], parseDistribution);
    const bothWays = body.bothWays === undefined ? false : reader.read(body.bothWays, [...path, 'bothWays'], parseStrictSwitch);
    if (from === undefined || to === undefined || bothWays === undefined || reader.failed)
        return undefined;
    return {
        kind: 'link',
        from,
        to,
        bothWays,
        ...(drop !== undefined ? { drop } : {}),
        ...(duplicate !== undefined ? { duplicate } : {}),
        ...(reorder !== undefined ? { reorder } : {}),
        ...(latency !== undefined ? { latency } : {}),
    };
};
/** A link between two nodes (from a node to itself only when a target is resolved at run time). */
function checkLinkEnds(fault, check) {
    check.node([...check.path, 'from'], fault.from, true);
    check.node([...check.path, 'to'], fault.to, true);
    if (fault.from === fault.to && !dynamicTargets.has(fault.from))
        check.add([...check.path, 'to'], describeFound(fault.to), 'a node other than from');
}
/** Between named nodes: restore exactly the fields the fault changed, on exactly its link(s). */
function undoLink(fault, context) {
    if (dynamicTargets.has(fault.from) || dynamicTargets.has(fault.to))
        return { kind: 'reset-links' };
    const base = baseLink(context.full, fault.from, fault.to);
    const patch = {};
    if (fault.drop !== undefined)
        patch.dropChance = base.dropChance;
    if (fault.duplicate !== undefined)
        patch.duplicateChance = base.duplicateChance;
    if (fault.reorder !== undefined)
        patch.reorderChance = base.reorderChance;
    if (fault.latency !== undefined) {
        if (fault.bothWays && JSON.stringify(baseLink(context.full, fault.to, fault.from).latency) !== JSON.stringify(base.latency))
            return { kind: 'reset-links' };
        patch.latency = base.latency;
    }
    return { kind: 'link', from: fault.from, to: fault.to, bothWays: fault.bothWays, patch };
}
function linkPatch(fault) {
    const patch = {};
    if (fault.drop !== undefined)
        patch.dropChance = fault.drop;
    if (fault.duplicate !== undefined)
        patch.duplicateChance = fault.duplicate;
    if (fault.reorder !== undefined)
        patch.reorderChance = fault.reorder;
    if (fault.latency !== undefined)
        patch.latency = fault.latency;
    return patch;
}
export const linkFaults = {
    link: {
        key: 'link',
        parse: parseLink,
        lasting: { kind: 'undone', undo: undoLink },
        check: checkLinkEnds,
        toSim: (fault) => [{ kind: 'link', from: fault.from, to: fault.to, bothWays: fault.bothWays, patch: linkPatch(fault) }],
        fromSim: (fault) => {
            const patch = fault.patch;
            return {
                kind: 'link',
                from: fault.from,
                to: fault.to,
                bothWays: fault.bothWays,
                ...(patch.dropChance !== undefined ? { drop: patch.dropChance } : {}),
                ...(patch.duplicateChance !== undefined ? { duplicate: patch.duplicateChance } : {}),
                ...(patch.reorderChance !== undefined ? { reorder: patch.reorderChance } : {}),
                ...(patch.latency !== undefined ? { latency: patch.latency } : {}),
            };
        },
        write: (fault) => compact({
            from: fault.from,
            to: fault.to,
            drop: opt(fault.drop, formatProbability),
            latency: opt(fault.latency, formatDistribution),
            duplicate: opt(fault.duplicate, formatProbability),
            reorder: opt(fault.reorder, formatProbability),
            bothWays: fault.bothWays ? true : undefined,
        }),
        restrict: (fault, kept) => (kept.keepsTarget(fault.from) && kept.keepsTarget(fault.to) ? fault : null),
    },
    'reset-links': {
        key: 'reset-links',
        parse: noArgumentParser({ kind: 'reset-links' }),
        ...nodeless,
        toSim: (fault) => [fault],
        fromSim: (fault) => fault,
        restrict: (fault) => fault,
    },
    clog: {
        key: 'clog',
        parse: (value, reader, path) => {
            const ends = parseEnds(value, reader, path);
            return ends === undefined ? undefined : { kind: 'clog', ...ends };
        },
        lasting: { kind: 'undone', undo: (fault) => ({ kind: 'unclog', from: fault.from, to: fault.to }) },
        check: checkLinkEnds,
        toSim: (fault) => [fault],
        fromSim: (fault) => fault,
        write: (fault) => ({ from: fault.from, to: fault.to }),
        restrict: (fault, kept) => (kept.keepsTarget(fault.from) && kept.keepsTarget(fault.to) ? fault : null),
    },
    unclog: {
        key: 'unclog',
        parse: (value, reader, path) => {
            const ends = parseEnds(value, reader, path);
            return ends === undefined ? undefined : { kind: 'unclog', ...ends };
        },
        lasting: { kind: 'instant' },
        check: checkLinkEnds,
        toSim: (fault) => [fault],
        fromSim: (fault) => fault,
        write: (fault) => ({ from: fault.from, to: fault.to }),
        restrict: (fault, kept) => (kept.keepsTarget(fault.from) && kept.keepsTarget(fault.to) ? fault : null),
    },
};
/** `{from, to}` of a clog or unclog. */
function parseEnds(value, reader, path) {
    const body = reader.mapping(value, path, ['from', 'to'], [], '{from: n1, to: n2}');
    if (body === undefined)
        return undefined;
    const from = reader.read(body.from, [...path, 'from'], parseTarget);
    const to = reader.read(body.to, [...path, 'to'], parseTarget);
    return from === undefined || to === undefined ? undefined : { from, to };
}
//# sourceMappingURL=links.js.map