import type { FaultKind } from '../../../sim/nemesis.js';
import type { FaultKindEntry } from './entry.js';
type ClockKind = Extract<FaultKind, 'clock-offset' | 'clock-drift' | 'clock-step'>;
export declare const clockFaults: {
    readonly [K in ClockKind]: FaultKindEntry<K>;
};
export {};
