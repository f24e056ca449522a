import { parseTarget } from '../node-ids.js';
import { UnitError } from '../units.js';
/** A node or a list of nodes; with allowAll also all (or others): every node. */
export function parseTargetList(value, allowAll) {
    if (allowAll && (value === 'all' || value === 'others'))
        return 'all';
    if (typeof value === 'string')
        return [parseTarget(value)];
    if (Array.isArray(value) && value.length > 0)
        return Array.from(value, (item) => parseTarget(item));
    throw new UnitError(`a node or a list of nodes${allowAll ? ', or all' : ''}`);
}
/** The targets of a list, with all expanded to the cluster's nodes. */
export function targetsOf(list, nodeIds) {
    return list === 'all' ? [...nodeIds] : [...list];
}
/** The file form of a target list: one target alone, several as a list. */
export function writeTargetList(list) {
    if (list === 'all')
        return 'all';
    return list.length === 1 ? list[0] : [...list];
}
function parseNoArgument(value) {
    if (value === null || value === true || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0))
        return true;
    throw new UnitError('nothing (write the key alone, e.g. "heal:"), or true');
}
/** The parser of a key written alone (`heal:`), for the fault `{kind}`. */
export function noArgumentParser(fault) {
    return (value, reader, path) => (reader.read(value, path, parseNoArgument) === undefined ? undefined : fault);
}
/** The entry parts of a fault that names no node and has no undo. */
export const nodeless = {
    lasting: { kind: 'instant' },
    check: () => undefined,
    write: () => true,
};
//# sourceMappingURL=common.js.map