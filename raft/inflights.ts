// A ring buffer of in-flight AppendEntries, bounded by count and by bytes (etcd-io/raft tracker/inflights.go).
// The leader stops sending to a follower in replicate state while the window is full.

export class Inflights {
  private readonly lastIndexes: number[];
  private readonly sizes: number[];
  private start = 0;
  private count = 0;
  private bytes = 0;

  constructor(
    readonly maxMessages: number,
    readonly maxBytes: number,
  ) {
    if (!(maxMessages >= 1)) throw new Error(`Inflights: maxMessages must be >= 1, got ${maxMessages}`);
    this.lastIndexes = new Array<number>(maxMessages).fill(0);
    this.sizes = new Array<number>(maxMessages).fill(0);
  }

  /** Records a message whose last entry is `lastIndex`. Indexes must increase. */
  add(lastIndex: number, bytes: number): void {
    if (this.isFull()) throw new Error('Inflights.add: window is full (the caller must check isFull first)');
    if (this.count > 0) {
      const newest = this.lastIndexes[(this.start + this.count - 1) % this.maxMessages]!;
      if (lastIndex <= newest) throw new Error(`Inflights.add: index ${lastIndex} does not increase past ${newest}`);
    }
    const slot = (this.start + this.count) % this.maxMessages;
    this.lastIndexes[slot] = lastIndex;
    this.sizes[slot] = bytes;
    this.count++;
    this.bytes += bytes;
  }

  /** Frees every message whose last index is <= index (they were acknowledged). */
  freeLE(index: number): void {
    while (this.count > 0 && this.lastIndexes[this.start]! <= index) {
      this.bytes -= this.sizes[this.start]!;
      this.start = (this.start + 1) % this.maxMessages;
      this.count--;
    }
    if (this.count === 0) this.start = 0;
  }

  /** Frees the oldest message, whatever its index. */
  freeFirst(): void {
    if (this.count === 0) return;
    this.freeLE(this.lastIndexes[this.start]!);
  }

  reset(): void {
    this.start = 0;
    this.count = 0;
    this.bytes = 0;
  }

  isFull(): boolean {
    return this.count >= this.maxMessages || (this.bytes >= this.maxBytes && this.count > 0);
  }

  get messages(): number {
    return this.count;
  }

  get totalBytes(): number {
    return this.bytes;
  }
}
