export type KvOperation = {
    readonly op: 'put';
    readonly key: string;
    readonly value: string;
} | {
    readonly op: 'get';
    readonly key: string;
} | {
    readonly op: 'cas';
    readonly key: string;
    readonly expected: string | null;
    readonly value: string;
};
/** What a log entry carries for the key-value store. */
export interface KvCommand {
    readonly client: string;
    readonly seq: number;
    readonly operation: KvOperation;
    /** Stable hash of the command, computed once at proposal: the trace's `digest` and the checker's identity. */
    readonly digest: string;
}
export type KvResult = {
    readonly kind: 'put';
    readonly ok: true;
} | {
    readonly kind: 'get';
    readonly value: string | null;
} | {
    readonly kind: 'cas';
    readonly ok: boolean;
    readonly value: string | null;
};
export interface KvImage {
    readonly data: readonly (readonly [string, string])[];
    /** Per client: last sequence number, its result, and the log index at which it took effect. */
    readonly sessions: readonly (readonly [string, number, KvResult, number])[];
    readonly appliedIndex: number;
}
/** Bytes a command occupies in the log (for message, inflight and disk accounting). */
export declare function kvCommandBytes(command: KvCommand): number;
export declare function makeKvCommand(client: string, seq: number, operation: KvOperation): KvCommand;
export declare class KvStore {
    private data;
    /** Per client: last applied sequence number and its result. One entry per client bounds memory. */
    private sessions;
    /** The log index at which the last applied command took effect: its own index, or for a duplicate the index
     *  of the original (a retried write answers with where it really happened). */
    lastEffectIndex: number;
    appliedIndex: number;
    /** Bytes of keys and values held: the size of a snapshot of this store. */
    private bytesHeld;
    /** Applies a committed command at `index`. A duplicate (seq already applied) returns the remembered result
     *  without applying again. */
    apply(index: number, command: KvCommand): KvResult;
    /** A log position with no command (a leader's noop). */
    skip(index: number): void;
    /** Linearizable read, served after a ReadIndex round once appliedIndex >= the read index. */
    read(key: string): string | null;
    get sizeBytes(): number;
    get keyCount(): number;
    image(): KvImage;
    static fromImage(image: KvImage): KvStore;
    private execute;
    private set;
}
