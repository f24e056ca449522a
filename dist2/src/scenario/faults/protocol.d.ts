import type { FaultKindEntry } from './entry.js';
type ProtocolKind = 'bounce' | 'power-loss' | 'filter' | 'clear-filters';
export declare const protocolFaults: {
    readonly [K in ProtocolKind]: FaultKindEntry<K>;
};
export {};
