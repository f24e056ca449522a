// A ring buffer of in-flight AppendEntries, bounded by count and by bytes (etcd-io/raft tracker/inflights.go).
// The leader stops sending to a follower in replicate state while the window is full.
export class Inflights {
    maxMessages;
    maxBytes;
    lastIndexes;
    sizes;
    start = 0;
    count = 0;
    bytes = 0;
    constructor(maxMessages, maxBytes) {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
        if (!(maxMessages >= 1))
            throw new Error(`Inflights: maxMessages must be >= 1, got ${maxMessages}`);
        this.lastIndexes = new Array(maxMessages).fill(0);
        this.sizes = new Array(maxMessages).fill(0);
    }
    /** Records a message whose last entry is `lastIndex`. Indexes must increase. */
    add(lastIndex, bytes) {
        if (this.isFull())
            throw new Error('Inflights.add: window is full (the caller must check isFull first)');
        if (this.count > 0) {
            const newest = this.lastIndexes[(this.start + this.count - 1) % this.maxMessages];
            if (lastIndex <= newest)
                throw new Error(`Inflights.add: index ${lastIndex} does not increase past ${newest}`);
        }
        const slot = (this.start + this.count) % this.maxMessages;
        this.lastIndexes[slot] = lastIndex;
        this.sizes[slot] = bytes;
        this.count++;
        this.bytes += bytes;
    }
    /** Frees every message whose last index is <= index (they were acknowledged). */
    freeLE(index) {
        while (this.count > 0 && this.lastIndexes[this.start] <= index) {
            this.bytes -= this.sizes[this.start];
            this.start = (this.start + 1) % this.maxMessages;
            this.count--;
        }
        if (this.count === 0)
            this.start = 0;
    }
    /** Frees the oldest message, whatever its index. */
    freeFirst() {
        if (this.count === 0)
            return;
        this.freeLE(this.lastIndexes[this.start]);
    }
    reset() {
        this.start = 0;
        this.count = 0;
        this.bytes = 0;
    }
    isFull() {
        return this.count >= this.maxMessages || (this.bytes >= this.maxBytes && this.count > 0);
    }
    get messages() {
        return this.count;
    }
    get totalBytes() {
        return this.bytes;
    }
}
//# sourceMappingURL=inflights.js.map