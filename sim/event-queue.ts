/**
 * A binary min-heap of items keyed by (timeUs, insertion sequence).
 *
 * Why this shape:
 * - Keys live in parallel Float64Arrays (time, seq) and items in a plain array, so a push or pop allocates
 *   nothing and comparisons read unboxed doubles. Both keys are exact integers below 2^53; we never fold
 *   them into one floating-point key (that would silently lose the tie order).
 * - The sequence number makes the order total: two items with the same time pop in insertion order, which
 *   is what makes a simulation reproducible regardless of heap shape.
 * - Sift operations move a "hole" instead of swapping, halving the number of writes.
 */
import { fail } from './assert.js';

const INITIAL_CAPACITY = 1024;

export class EventQueue<T> {
  /** Time of the item returned by the last successful pop() (0 before the first pop). */
  lastPoppedTimeUs = 0;

  private times: Float64Array;
  private seqs: Float64Array;
  private items: (T | undefined)[] = [];
  private count = 0;
  private capacity: number;
  private nextSeq = 0;
  private readonly maxSize: number;

  constructor(maxSize = 10_000_000) {
    if (!Number.isSafeInteger(maxSize) || maxSize < 1) fail(`EventQueue: maxSize must be a positive integer, got ${maxSize}`);
    this.maxSize = maxSize;
    this.capacity = Math.min(INITIAL_CAPACITY, maxSize);
    this.times = new Float64Array(this.capacity);
    this.seqs = new Float64Array(this.capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Inserts `item` at `timeUs`. Ties on time pop in insertion order. */
  push(timeUs: number, item: T): void {
    // Inline check (no message built on the fast path): a non-integer or negative time is a caller bug.
    if (!(timeUs >= 0 && timeUs <= Number.MAX_SAFE_INTEGER && Math.floor(timeUs) === timeUs)) {
      fail(`EventQueue.push: timeUs must be a non-negative safe integer, got ${String(timeUs)}`);
    }
    const n = this.count;
    if (n === this.capacity) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    const seq = this.nextSeq++;
    // Sift up. The new seq is larger than every seq in the heap, so on equal times the parent already
    // wins and only the time needs comparing.
    let i = n;
    while (i > 0) {
      const p = (i - 1) >>> 1;
      const pt = times[p];
      if (pt <= timeUs) break;
      times[i] = pt;
      seqs[i] = seqs[p];
      items[i] = items[p];
      i = p;
    }
    times[i] = timeUs;
    seqs[i] = seq;
    items[i] = item;
    this.count = n + 1;
  }

  /** Removes and returns the item with the smallest (timeUs, seq); undefined when empty. */
  pop(): T | undefined {
    const n = this.count;
    if (n === 0) return undefined;
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    const top = items[0];
    this.lastPoppedTimeUs = times[0];
    const last = n - 1;
    this.count = last;
    if (last > 0) {
      const t = times[last];
      const s = seqs[last];
      const it = items[last];
      let i = 0;
      const half = last >>> 1; // nodes with at least one child inside [0, last)
      while (i < half) {
        let c = 2 * i + 1;
        let ct = times[c];
        let cs = seqs[c];
        const r = c + 1;
        if (r < last) {
          const rt = times[r];
          if (rt < ct || (rt === ct && seqs[r] < cs)) {
            c = r;
            ct = rt;
            cs = seqs[r];
          }
        }
        if (t < ct || (t === ct && s < cs)) break;
        times[i] = ct;
        seqs[i] = cs;
        items[i] = items[c];
        i = c;
      }
      times[i] = t;
      seqs[i] = s;
      items[i] = it;
    }
    items[last] = undefined; // drop the reference so popped items can be collected
    return top;
  }

  /** Time of the next item, or Infinity when empty. */
  peekTimeUs(): number {
    return this.count === 0 ? Infinity : this.times[0];
  }

  /** The next item without removing it. */
  peek(): T | undefined {
    return this.count === 0 ? undefined : this.items[0];
  }

  clear(): void {
    this.items.length = 0;
    this.count = 0;
    this.nextSeq = 0;
    this.lastPoppedTimeUs = 0;
  }

  private grow(): void {
    if (this.capacity >= this.maxSize) {
      fail(`EventQueue: size would exceed maxSize=${this.maxSize} (runaway event generation?)`);
    }
    const capacity = Math.min(this.capacity * 2, this.maxSize);
    const times = new Float64Array(capacity);
    times.set(this.times);
    const seqs = new Float64Array(capacity);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
    this.capacity = capacity;
  }
}
