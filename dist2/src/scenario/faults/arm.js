// A fault armed for one protocol event: `arm: {on: vote-granted, within: 2s, do: {bounce: {node: event-node,
// down: 20ms}}}` waits from the moment it is applied until the first such event (at most `within`), then applies
// its fault (after `delay`), with event-node meaning the node of the event. Random exploration draws these so
// that faults land right after a vote, between a write and its fsync, after a leader commits, ... (issue:
// the classic mistakes live at those moments, and time-keyed faults almost never hit them).
import { armEventKinds } from '../../../sim/protocol-events.js';
import { formatDuration, parseDuration, UnitError } from '../units.js';
function parseArmEvent(value) {
    if (typeof value === 'string' && armEventKinds.includes(value))
        return value;
    throw new UnitError(`a protocol event: ${armEventKinds.join(', ')}`);
}
export function armEntry(nested) {
    return {
        key: 'arm',
        parse: (value, reader, path) => {
            const body = reader.mapping(value, path, ['on', 'within', 'do'], ['delay'], '{on: vote-granted, within: 2s, do: {bounce: {node: event-node, down: 20ms}}}');
            if (body === undefined)
                return undefined;
            const after = reader.read(body.on, [...path, 'on'], parseArmEvent);
            const withinUs = reader.read(body.within, [...path, 'within'], parseDuration);
            const delayUs = body.delay === undefined ? 0 : reader.read(body.delay, [...path, 'delay'], parseDuration);
            const inner = body.do;
            const keys = typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? Object.keys(inner) : [];
            if (keys.length !== 1) {
                reader.fail([...path, 'do'], inner, `one fault, written as in a fault item: one of ${nested.keys().join(', ')}`);
                return undefined;
            }
            const key = keys[0];
            const parse = nested.parser(key);
            if (parse === undefined) {
                reader.fail([...path, 'do', key], inner[key], `a fault: one of ${nested.keys().join(', ')}`, `an unknown fault "${key}"`);
                return undefined;
            }
            const fault = parse(inner[key], reader, [...path, 'do', key]);
            if (after === undefined || withinUs === undefined || delayUs === undefined || fault === undefined)
                return undefined;
            return { kind: 'arm', after, withinUs, delayUs, fault };
        },
        // The nested fault must end by itself (a bounce, a pause, a power loss): nothing undoes it.
        lasting: { kind: 'instant' },
        check: (fault, check) => nested.check(fault.fault, { ...check, path: [...check.path, 'do'] }),
        toSim: (fault, context) => nested.toSim(fault.fault, { ...context, forUs: undefined }).map((inner) => ({ kind: 'arm', after: fault.after, withinUs: fault.withinUs, delayUs: fault.delayUs, fault: inner })),
        fromSim: (fault) => ({ kind: 'arm', after: fault.after, withinUs: fault.withinUs, delayUs: fault.delayUs, fault: nested.fromSim(fault.fault) }),
        write: (fault) => {
            const [key, value] = nested.write(fault.fault);
            return { on: fault.after, within: formatDuration(fault.withinUs), ...(fault.delayUs > 0 ? { delay: formatDuration(fault.delayUs) } : {}), do: { [key]: value } };
        },
        restrict: (fault, kept) => {
            const inner = nested.restrict(fault.fault, kept);
            return inner === null ? null : { ...fault, fault: inner };
        },
    };
}
//# sourceMappingURL=arm.js.map