import type { Fault, FaultKind } from '../../../sim/nemesis.js';
import type { FaultSpec } from '../spec.js';
import type { FaultCatalogue, FaultCheck, FaultContext, FaultParser, KeptNodes, Lasting } from './entry.js';
export type { FaultCheck, FaultContext, KeptNodes } from './entry.js';
/** Every fault kind. The order is the order of the keys in messages ("one of crash, restart, ..."). */
export declare const faultCatalogue: FaultCatalogue;
/** The keys a fault is written under in a fault item, in catalogue order. */
export declare const faultKeys: readonly string[];
/** The keys of faults that take a `for:` (an undo, or a length), in catalogue order. */
export declare const lastingFaultKeys: readonly string[];
export declare function faultParser(key: string): FaultParser | undefined;
/** The key a fault is written under. */
export declare function faultKey(fault: FaultSpec): string;
/** What a `for:` means for this fault: none, its own length, or an undo. */
export declare function lastingKind(fault: FaultSpec): Lasting<FaultKind>['kind'];
/** A fault that ends by itself: the length it gives itself (undefined when it leaves it to `for:`), and the
 *  messages for an item that gives both or neither. */
export interface OwnDuration {
    readonly durationUs: number | undefined;
    readonly both: string;
    readonly neither: string;
}
/** For a fault that ends by itself, its own length; null for other faults. */
export declare function ownDuration(fault: FaultSpec): OwnDuration | null;
/** A fault that ends by itself, with its own length set; other faults unchanged. */
export declare function withOwnDuration(fault: FaultSpec, durationUs: number): FaultSpec;
export declare function checkFault(fault: FaultSpec, check: FaultCheck): void;
/** The simulator faults for one scenario fault. */
export declare function toSimFaults(fault: FaultSpec, context: FaultContext): Fault[];
/** The fault that undoes `fault` after its `for`, or null when the fault has no undo (it is instant, or ends by
 *  itself). */
export declare function undoOf(fault: FaultSpec, context: FaultContext): Fault | null;
/** A simulator fault in the scenario's form (as an explicit item would write it). */
export declare function fromSimFault(fault: Fault): FaultSpec;
/** The fault in the file's form: its key and the value written under it. */
export declare function writeFault(fault: FaultSpec): [string, unknown];
/** The fault restricted to the kept nodes, or null when it no longer makes sense. */
export declare function restrictFault(fault: FaultSpec, kept: KeptNodes): FaultSpec | null;
