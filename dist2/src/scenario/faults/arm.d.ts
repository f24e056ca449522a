import type { Fault } from '../../../sim/nemesis.js';
import type { FaultSpec } from '../spec.js';
import type { FaultCheck, FaultContext, FaultKindEntry, FaultParser, KeptNodes } from './entry.js';
/** The catalogue functions for the nested fault (index.ts passes them, which keeps this file below it). */
export interface NestedFaults {
    parser(key: string): FaultParser | undefined;
    keys(): readonly string[];
    check(fault: FaultSpec, check: FaultCheck): void;
    toSim(fault: FaultSpec, context: FaultContext): Fault[];
    fromSim(fault: Fault): FaultSpec;
    write(fault: FaultSpec): [string, unknown];
    restrict(fault: FaultSpec, kept: KeptNodes): FaultSpec | null;
}
export declare function armEntry(nested: NestedFaults): FaultKindEntry<'arm'>;
