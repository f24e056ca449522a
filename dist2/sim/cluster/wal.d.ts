import type { DurableState } from '../../raft/node.js';
import type { Entry, HardState, Snapshot } from '../../raft/types.js';
import type { DiskRecord } from '../disk.js';
export type WalRecord = {
    readonly kind: 'hardState';
    readonly hardState: HardState;
} | {
    readonly kind: 'entries';
    readonly entries: readonly Entry[];
}
/** A snapshot received from the leader: it replaces the whole log before it. */
 | {
    readonly kind: 'snapshot';
    readonly snapshot: Snapshot;
}
/** A snapshot this node took of its own state machine; the log after it stays. */
 | {
    readonly kind: 'local-snapshot';
    readonly snapshot: Snapshot;
};
export interface Recovery {
    readonly durable: DurableState;
    /** Position of the first torn record (its checksum fails): the WAL must be cut there. Null when none is. */
    readonly tornAt: number | null;
}
/** Rebuilds durable state from the write-ahead records, stopping at a torn record. */
export declare function recover(records: readonly DiskRecord<WalRecord>[]): Recovery;
