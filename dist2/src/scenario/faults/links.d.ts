import type { FaultKind } from '../../../sim/nemesis.js';
import type { FaultKindEntry } from './entry.js';
type LinkKind = Extract<FaultKind, 'link' | 'reset-links' | 'clog' | 'unclog'>;
export declare const linkFaults: {
    readonly [K in LinkKind]: FaultKindEntry<K>;
};
export {};
