import type { FaultKind } from '../../../sim/nemesis.js';
import type { FaultKindEntry } from './entry.js';
type ProcessKind = Extract<FaultKind, 'crash' | 'restart' | 'restart-all' | 'pause' | 'slow'>;
export declare const processFaults: {
    readonly [K in ProcessKind]: FaultKindEntry<K>;
};
export {};
