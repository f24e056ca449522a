import type { FaultKind } from '../../../sim/nemesis.js';
import type { FaultKindEntry } from './entry.js';
type NetworkKind = Extract<FaultKind, 'partition' | 'isolate' | 'cut-one-way' | 'bridge' | 'heal'>;
export declare const networkFaults: {
    readonly [K in NetworkKind]: FaultKindEntry<K>;
};
export {};
