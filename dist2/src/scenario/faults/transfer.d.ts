import type { FaultKindEntry } from './entry.js';
export declare const transferFaults: {
    readonly 'transfer-leadership': FaultKindEntry<'transfer-leadership'>;
};
