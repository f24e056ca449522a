// The read check's memory of one key's writes (sim/workload.ts): typed columns in rings, not an object per write.
/** Ring slots a key's history starts with (a power of two); doubled as needed. */
const initialHistoryCapacity = 64;
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
export class KeyHistory {
    /** Writes [writeHead, writeNext) are remembered. */
    writeHead = 0;
    writeNext = 0;
    writeMask = initialHistoryCapacity - 1;
    writeValues = new Array(initialHistoryCapacity).fill(undefined);
    writeInvokedUs = new Float64Array(initialHistoryCapacity);
    /** NaN until acknowledged. */
    writeIndex = new Float64Array(initialHistoryCapacity);
    /** Completions [head, completionNext) are kept; those before `head` are forgotten. */
    head = 0;
    completionNext = 0;
    completionMask = initialHistoryCapacity - 1;
    completedUs = new Float64Array(initialHistoryCapacity);
    maxValues = new Array(initialHistoryCapacity).fill(undefined);
    maxIndex = new Float64Array(initialHistoryCapacity);
    maxCompletedUs = new Float64Array(initialHistoryCapacity);
    get writeCount() {
        return this.writeNext - this.writeHead;
    }
    addWrite(value, invokedUs) {
        if (this.writeNext - this.writeHead > this.writeMask)
            this.growWrites();
        const slot = this.writeNext & this.writeMask;
        this.writeValues[slot] = value;
        this.writeInvokedUs[slot] = invokedUs;
        this.writeIndex[slot] = Number.NaN;
        this.writeNext++;
    }
    /** Forgets the oldest writes invoked before `horizonUs` (invocation times only increase). */
    forgetWritesBefore(horizonUs) {
        while (this.writeHead < this.writeNext) {
            const slot = this.writeHead & this.writeMask;
            if (this.writeInvokedUs[slot] >= horizonUs)
                break;
            this.writeValues[slot] = undefined;
            this.writeHead++;
        }
    }
    /** The sequence number of the remembered write of `value`, or -1. Searches from the newest: acknowledgements
     *  and reads mostly concern recent writes. */
    findWrite(value) {
        for (let write = this.writeNext - 1; write >= this.writeHead; write--) {
            if (this.writeValues[write & this.writeMask] === value)
                return write;
        }
        return -1;
    }
    /** Log index of a remembered write, or null while it is not acknowledged. */
    writeIndexOf(write) {
        const index = this.writeIndex[write & this.writeMask];
        return Number.isNaN(index) ? null : index;
    }
    /** Records the acknowledgement of a remembered write, and the completion with its running maximum. */
    complete(write, index, completedUs) {
        const slot = write & this.writeMask;
        this.writeIndex[slot] = index;
        let maxValue = this.writeValues[slot];
        let maxIndex = index;
        let maxCompletedUs = completedUs;
        if (this.completionNext > this.head) {
            const previous = (this.completionNext - 1) & this.completionMask;
            if (!(index > this.maxIndex[previous])) {
                maxValue = this.maxValues[previous];
                maxIndex = this.maxIndex[previous];
                maxCompletedUs = this.maxCompletedUs[previous];
            }
        }
        if (this.completionNext - this.head > this.completionMask)
            this.growCompletions();
        const at = this.completionNext & this.completionMask;
        this.completedUs[at] = completedUs;
        this.maxValues[at] = maxValue;
        this.maxIndex[at] = maxIndex;
        this.maxCompletedUs[at] = maxCompletedUs;
        this.completionNext++;
    }
    /** Moves `head` up while the completion after it is before the horizon: the last completion before the
     *  horizon is kept, as its running maximum still speaks for everything older. */
    forgetCompletionsBefore(horizonUs) {
        while (this.head < this.completionNext - 1 && this.completedUs[(this.head + 1) & this.completionMask] < horizonUs) {
            this.maxValues[this.head & this.completionMask] = undefined;
            this.head++;
        }
    }
    completionUs(completion) {
        return this.completedUs[completion & this.completionMask];
    }
    /** The newest write acknowledged by completion `completion`: value, log index, completion time. */
    maxValue(completion) {
        return this.maxValues[completion & this.completionMask];
    }
    maxIndexOf(completion) {
        return this.maxIndex[completion & this.completionMask];
    }
    maxCompletedUsOf(completion) {
        return this.maxCompletedUs[completion & this.completionMask];
    }
    growWrites() {
        const capacity = (this.writeMask + 1) * 2;
        const mask = capacity - 1;
        const values = new Array(capacity).fill(undefined);
        const invokedUs = new Float64Array(capacity);
        const index = new Float64Array(capacity);
        for (let write = this.writeHead; write < this.writeNext; write++) {
            const from = write & this.writeMask;
            const to = write & mask;
            values[to] = this.writeValues[from];
            invokedUs[to] = this.writeInvokedUs[from];
            index[to] = this.writeIndex[from];
        }
        this.writeValues = values;
        this.writeInvokedUs = invokedUs;
        this.writeIndex = index;
        this.writeMask = mask;
    }
    growCompletions() {
        const capacity = (this.completionMask + 1) * 2;
        const mask = capacity - 1;
        const completedUs = new Float64Array(capacity);
        const maxValues = new Array(capacity).fill(undefined);
        const maxIndex = new Float64Array(capacity);
        const maxCompletedUs = new Float64Array(capacity);
        for (let completion = this.head; completion < this.completionNext; completion++) {
            const from = completion & this.completionMask;
            const to = completion & mask;
            completedUs[to] = this.completedUs[from];
            maxValues[to] = this.maxValues[from];
            maxIndex[to] = this.maxIndex[from];
            maxCompletedUs[to] = this.maxCompletedUs[from];
        }
        this.completedUs = completedUs;
        this.maxValues = maxValues;
        this.maxIndex = maxIndex;
        this.maxCompletedUs = maxCompletedUs;
        this.completionMask = mask;
    }
}
//# sourceMappingURL=key-history.js.map