/**
 * What the read check needs to know of one key's writes, in typed columns rather than an object per write (a
 * long run keeps writeMemoryUs of writes for every key, about 17,000 at 200 operations per second, and they
 * were the largest part of the workload's heap):
 * - the writes invoked in the last writeMemoryUs, in invocation order, each with its (unique) value, invocation
 *   time, and log index once acknowledged;
 * - the acknowledged writes in completion order, each with the newest write (highest log index) acknowledged up
 *   to then: its value, index and completion time.
 * Both are rings indexed by a running sequence number (slot = number & mask), forgotten from the oldest.
 */
export declare class KeyHistory {
    /** Writes [writeHead, writeNext) are remembered. */
    writeHead: number;
    writeNext: number;
    private writeMask;
    private writeValues;
    private writeInvokedUs;
    /** NaN until acknowledged. */
    private writeIndex;
    /** Completions [head, completionNext) are kept; those before `head` are forgotten. */
    head: number;
    completionNext: number;
    private completionMask;
    private completedUs;
    private maxValues;
    private maxIndex;
    private maxCompletedUs;
    get writeCount(): number;
    addWrite(value: string, invokedUs: number): void;
    /** Forgets the oldest writes invoked before `horizonUs` (invocation times only increase). */
    forgetWritesBefore(horizonUs: number): void;
    /** The sequence number of the remembered write of `value`, or -1. Searches from the newest: acknowledgements
     *  and reads mostly concern recent writes. */
    findWrite(value: string): number;
    /** Log index of a remembered write, or null while it is not acknowledged. */
    writeIndexOf(write: number): number | null;
    /** Records the acknowledgement of a remembered write, and the completion with its running maximum. */
    complete(write: number, index: number, completedUs: number): void;
    /** Moves `head` up while the completion after it is before the horizon: the last completion before the
     *  horizon is kept, as its running maximum still speaks for everything older. */
    forgetCompletionsBefore(horizonUs: number): void;
    completionUs(completion: number): number;
    /** The newest write acknowledged by completion `completion`: value, log index, completion time. */
    maxValue(completion: number): string;
    maxIndexOf(completion: number): number;
    maxCompletedUsOf(completion: number): number;
    private growWrites;
    private growCompletions;
}
