import { configuredClock } from '../cluster-options.js';
import { describeFound } from '../errors.js';
import { dynamicTargets, parseTarget } from '../node-ids.js';
import { formatPpm, formatSignedDuration, parsePpm, parseSignedDuration, UnitError } from '../units.js';
const parseDrift = (value) => {
    const drift = parsePpm(value);
    if (Math.abs(drift) > 100_000)
        throw new UnitError('a drift from -100000ppm to +100000ppm');
    return drift;
};
const parseClock = (value, reader, path) => {
    const body = reader.mapping(value, path, ['node'], ['offset', 'drift', 'step'], '{node: n2, offset: +80ms}');
    if (body === undefined)
        return undefined;
    const node = reader.read(body.node, [...path, 'node'], parseTarget);
    const changes = ['offset', 'drift', 'step'].filter((key) => body[key] !== undefined);
    if (changes.length !== 1) {
        reader.fail(path, value, 'exactly one of offset (+80ms), drift (50ppm) or step (-200ms)');
        return undefined;
    }
    const change = changes[0];
    if (node === undefined)
        return undefined;
    if (change === 'offset') {
        const offsetUs = reader.read(body.offset, [...path, 'offset'], parseSignedDuration);
        return offsetUs === undefined ? undefined : { kind: 'clock-offset', node, offsetUs };
    }
    if (change === 'drift') {
        const driftPpm = reader.read(body.drift, [...path, 'drift'], parseDrift);
        return driftPpm === undefined ? undefined : { kind: 'clock-drift', node, driftPpm };
    }
    const deltaUs = reader.read(body.step, [...path, 'step'], parseSignedDuration);
    return deltaUs === undefined ? undefined : { kind: 'clock-step', node, deltaUs };
};
/** The node of a clock change; with a `for`, a named one (the undo must reach the same node). */
function checkClockNode(node, check) {
    check.node([...check.path, 'node'], node, true);
    if (check.forUs !== undefined && dynamicTargets.has(node)) {
        check.add([...check.path, 'node'], describeFound(node), 'a named node when the clock change has a "for" (the undo must reach the same node)');
    }
}
export const clockFaults = {
    'clock-offset': {
        key: 'clock',
        parse: parseClock,
        lasting: { kind: 'undone', undo: (fault, context) => ({ kind: 'clock-offset', node: fault.node, offsetUs: configuredClock(context.full, context.nodeIds, fault.node).offsetUs }) },
        check: (fault, check) => checkClockNode(fault.node, check),
        toSim: (fault) => [fault],
        fromSim: (fault) => fault,
        write: (fault) => ({ node: fault.node, offset: formatSignedDuration(fault.offsetUs) }),
        restrict: (fault, kept) => (kept.keepsTarget(fault.node) ? fault : null),
    },
    'clock-drift': {
        key: 'clock',
        parse: parseClock,
        lasting: { kind: 'undone', undo: (fault, context) => ({ kind: 'clock-drift', node: fault.node, driftPpm: configuredClock(context.full, context.nodeIds, fault.node).driftPpm }) },
        check: (fault, check) => checkClockNode(fault.node, check),
        toSim: (fault) => [fault],
        fromSim: (fault) => fault,
        write: (fault) => ({ node: fault.node, drift: formatPpm(fault.driftPpm) }),
        restrict: (fault, kept) => (kept.keepsTarget(fault.node) ? fault : null),
    },
    'clock-step': {
        key: 'clock',
        parse: parseClock,
        lasting: { kind: 'undone', undo: (fault) => ({ kind: 'clock-step', node: fault.node, deltaUs: -fault.deltaUs }) },
        check: (fault, check) => checkClockNode(fault.node, check),
        toSim: (fault) => [fault],
        fromSim: (fault) => fault,
        write: (fault) => ({ node: fault.node, step: formatSignedDuration(fault.deltaUs) }),
        restrict: (fault, kept) => (kept.keepsTarget(fault.node) ? fault : null),
    },
};
//# sourceMappingURL=clocks.js.map