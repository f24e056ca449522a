import { armEntry } from './arm.js';
import { clockFaults } from './clocks.js';
import { linkFaults } from './links.js';
import { networkFaults } from './network.js';
import { processFaults } from './process.js';
import { protocolFaults } from './protocol.js';
import { transferFaults } from './transfer.js';
/** Every fault kind. The order is the order of the keys in messages ("one of crash, restart, ..."). */
export const faultCatalogue = {
    crash: processFaults.crash,
    restart: processFaults.restart,
    'restart-all': processFaults['restart-all'],
    pause: processFaults.pause,
    partition: networkFaults.partition,
    isolate: networkFaults.isolate,
    'cut-one-way': networkFaults['cut-one-way'],
    bridge: networkFaults.bridge,
    heal: networkFaults.heal,
    'clock-offset': clockFaults['clock-offset'],
    'clock-drift': clockFaults['clock-drift'],
    'clock-step': clockFaults['clock-step'],
    link: linkFaults.link,
    'reset-links': linkFaults['reset-links'],
    clog: linkFaults.clog,
    unclog: linkFaults.unclog,
    slow: processFaults.slow,
    'transfer-leadership': transferFaults['transfer-leadership'],
    bounce: protocolFaults.bounce,
    'power-loss': protocolFaults['power-loss'],
    filter: protocolFaults.filter,
    'clear-filters': protocolFaults['clear-filters'],
    // The nested fault goes through this same table; the functions are called only once the table exists.
    arm: armEntry({
        parser: (key) => faultParser(key),
        keys: () => faultKeys.filter((key) => key !== 'arm'),
        check: (fault, check) => checkFault(fault, check),
        toSim: (fault, context) => toSimFaults(fault, context),
        fromSim: (fault) => fromSimFault(fault),
        write: (fault) => writeFault(fault),
        restrict: (fault, kept) => restrictFault(fault, kept),
    }),
};
const entries = Object.values(faultCatalogue);
/** The parser of each key a fault item may use (kinds sharing a key share its parser). */
const parsers = (() => {
    const byKey = new Map();
    for (const entry of entries) {
        const known = byKey.get(entry.key);
        if (known !== undefined && known !== entry.parse)
            throw new Error(`fault kinds written under ${entry.key} must share one parser`);
        byKey.set(entry.key, entry.parse);
    }
    return byKey;
})();
/** The keys a fault is written under in a fault item, in catalogue order. */
export const faultKeys = [...parsers.keys()];
/** The keys of faults that take a `for:` (an undo, or a length), in catalogue order. */
export const lastingFaultKeys = [...new Set(entries.filter((entry) => entry.lasting.kind !== 'instant').map((entry) => entry.key))];
export function faultParser(key) {
    return parsers.get(key);
}
/** The key a fault is written under. */
export function faultKey(fault) {
    return faultCatalogue[fault.kind].key;
}
// Each function below dispatches on the kind with a type parameter K, so that the entry for K is handed the
// fault of kind K (TypeScript correlates `faultCatalogue[kind]` with `FaultSpecOf[K]`; no casts).
function lastingAs(kind) {
    return faultCatalogue[kind].lasting;
}
/** What a `for:` means for this fault: none, its own length, or an undo. */
export function lastingKind(fault) {
    return lastingAs(fault.kind).kind;
}
function ownDurationAs(kind, fault) {
    const lasting = lastingAs(kind);
    return lasting.kind === 'duration' ? { durationUs: lasting.ownDurationUs(fault), both: lasting.both, neither: lasting.neither } : null;
}
/** For a fault that ends by itself, its own length; null for other faults. */
export function ownDuration(fault) {
    return ownDurationAs(fault.kind, fault);
}
function withOwnDurationAs(kind, fault, durationUs) {
    const lasting = lastingAs(kind);
    return lasting.kind === 'duration' ? lasting.withDurationUs(fault, durationUs) : fault;
}
/** A fault that ends by itself, with its own length set; other faults unchanged. */
export function withOwnDuration(fault, durationUs) {
    return withOwnDurationAs(fault.kind, fault, durationUs);
}
function checkAs(kind, fault, check) {
    faultCatalogue[kind].check(fault, check);
}
export function checkFault(fault, check) {
    checkAs(fault.kind, fault, check);
}
function toSimAs(kind, fault, context) {
    return faultCatalogue[kind].toSim(fault, context);
}
/** The simulator faults for one scenario fault. */
export function toSimFaults(fault, context) {
    return toSimAs(fault.kind, fault, context);
}
function undoAs(kind, fault, context) {
    const lasting = lastingAs(kind);
    return lasting.kind === 'undone' ? lasting.undo(fault, context) : null;
}
/** The fault that undoes `fault` after its `for`, or null when the fault has no undo (it is instant, or ends by
 *  itself). */
export function undoOf(fault, context) {
    return undoAs(fault.kind, fault, context);
}
function fromSimAs(kind, fault) {
    return faultCatalogue[kind].fromSim(fault);
}
/** A simulator fault in the scenario's form (as an explicit item would write it). */
export function fromSimFault(fault) {
    return fromSimAs(fault.kind, fault);
}
function writeAs(kind, fault) {
    return faultCatalogue[kind].write(fault);
}
/** The fault in the file's form: its key and the value written under it. */
export function writeFault(fault) {
    return [faultKey(fault), writeAs(fault.kind, fault)];
}
function restrictAs(kind, fault, kept) {
    return faultCatalogue[kind].restrict(fault, kept);
}
/** The fault restricted to the kept nodes, or null when it no longer makes sense. */
export function restrictFault(fault, kept) {
    return restrictAs(fault.kind, fault, kept);
}
//# sourceMappingURL=index.js.map