export declare class Inflights {
    readonly maxMessages: number;
    readonly maxBytes: number;
    private readonly lastIndexes;
    private readonly sizes;
    private start;
    private count;
    private bytes;
    constructor(maxMessages: number, maxBytes: number);
    /** Records a message whose last entry is `lastIndex`. Indexes must increase. */
    add(lastIndex: number, bytes: number): void;
    /** Frees every message whose last index is <= index (they were acknowledged). */
    freeLE(index: number): void;
    /** Frees the oldest message, whatever its index. */
    freeFirst(): void;
    reset(): void;
    isFull(): boolean;
    get messages(): number;
    get totalBytes(): number;
}
