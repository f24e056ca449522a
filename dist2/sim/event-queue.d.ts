export declare class EventQueue<T> {
    /** Time of the item last popped. */
    lastPoppedTimeUs: number;
    /** Argument of the item last popped (the second payload pushed with it). */
    lastPoppedArg: unknown;
    private times;
    private seqs;
    private items;
    private args;
    private count;
    private capacity;
    private nextSeq;
    private readonly maxSize;
    private readonly boundName;
    /** `boundName` names the bound in the error a runaway producer gets (the scheduler passes its own). */
    constructor(maxSize?: number, boundName?: string);
    get size(): number;
    /** Inserts `item` (with an optional argument) at `timeUs`. Ties on time pop in insertion order. */
    push(timeUs: number, item: T, arg?: unknown): void;
    /** Removes and returns the minimum (timeUs, seq) item; its time and argument are left in lastPopped*. */
    pop(): T | undefined;
    /** Time of the next item, Infinity when empty. */
    peekTimeUs(): number;
    peek(): T | undefined;
    clear(): void;
    private grow;
}
