// Node ids and fault targets as written in a scenario file. A target is a node id or one of the dynamic
// targets that sim/nemesis.ts resolves when the fault fires.
import { UnitError } from './units.js';
/** Targets chosen when the fault fires (sim/nemesis.ts NodeTarget): the current leader, a random follower, any
 *  node, or the most recently crashed node still down (to restart exactly the node a `crash: leader` took).
 *  An event-node is the node whose protocol event fired the fault's trigger (`after: vote-granted`). */
export const dynamicTargets = new Set(['leader', 'follower', 'random', 'last-crashed', 'event-node']);
const reserved = new Set([...dynamicTargets, 'all']);
const nodeIdPattern = /^[A-Za-z][\w-]{0,31}$/;
export function parseNodeId(value) {
    if (typeof value !== 'string' || !nodeIdPattern.test(value) || reserved.has(value)) {
        throw new UnitError('a node id such as n1 (a letter, then letters, digits, - or _; not leader, follower, random, last-crashed, event-node or all)');
    }
    return value;
}
export function parseTarget(value) {
    if (typeof value === 'string' && dynamicTargets.has(value))
        return value;
    try {
        return parseNodeId(value);
    }
    catch {
        throw new UnitError('a node: leader, follower, random, last-crashed, event-node or a node id such as n2');
    }
}
//# sourceMappingURL=node-ids.js.map