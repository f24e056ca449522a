/**
 * A binary min-heap of items keyed by (timeUs, insertion sequence). It is the scheduler's heap, and the heap
 * the kernel benchmark's bare loop runs, so the benchmark measures the scheduler against the same structure.
 *
 * Why this shape:
 * - Keys live in parallel Float64Arrays (time, seq) and the item and its argument in plain arrays, so a push
 *   or pop allocates nothing and comparisons read unboxed doubles. Both keys are exact integers below 2^53;
 *   we never fold them into one floating-point key (that would silently lose the tie order).
 * - The sequence number makes the order total: two items with the same time pop in insertion order, which
 *   is what makes a simulation reproducible regardless of heap shape.
 * - Sift operations move a "hole" instead of swapping, halving the number of writes.
 */
import { fail } from './assert.js';
const INITIAL_CAPACITY = 1024;
export class EventQueue {
    /** Time of the item last popped. */
    lastPoppedTimeUs = 0;
    /** Argument of the item last popped (the second payload pushed with it). */
    lastPoppedArg = undefined;
    times;
    seqs;
    items = [];
    args = [];
    count = 0;
    capacity;
    nextSeq = 0;
    maxSize;
    boundName;
    /** `boundName` names the bound in the error a runaway producer gets (the scheduler passes its own). */
    constructor(maxSize = 10_000_000, boundName = 'EventQueue: size would exceed maxSize') {
        if (!Number.isSafeInteger(maxSize) || maxSize < 1)
            fail(`EventQueue: maxSize must be a positive integer, got ${maxSize}`);
        this.maxSize = maxSize;
        this.boundName = boundName;
        this.capacity = Math.min(INITIAL_CAPACITY, maxSize);
        this.times = new Float64Array(this.capacity);
        this.seqs = new Float64Array(this.capacity);
    }
    get size() {
        return this.count;
    }
    /** Inserts `item` (with an optional argument) at `timeUs`. Ties on time pop in insertion order. */
    push(timeUs, item, arg) {
        // Inline check (no message built on the fast path): a non-integer or negative time would break ordering.
        if (!(timeUs >= 0 && timeUs <= Number.MAX_SAFE_INTEGER && Math.floor(timeUs) === timeUs)) {
            fail(`EventQueue.push: timeUs must be a non-negative safe integer, got ${String(timeUs)}`);
        }
        const n = this.count;
        if (n === this.capacity)
            this.grow();
        const times = this.times;
        const seqs = this.seqs;
        const items = this.items;
        const args = this.args;
        const seq = this.nextSeq++;
        // Sift up. The new seq is larger than every seq in the heap, so on equal times the parent wins and only
        // the time needs comparing.
        let i = n;
        while (i > 0) {
            const p = (i - 1) >>> 1;
            const pt = times[p];
            if (pt <= timeUs)
                break;
            times[i] = pt;
            seqs[i] = seqs[p];
            items[i] = items[p];
            args[i] = args[p];
            i = p;
        }
        times[i] = timeUs;
        seqs[i] = seq;
        items[i] = item;
        args[i] = arg;
        this.count = n + 1;
    }
    /** Removes and returns the minimum (timeUs, seq) item; its time and argument are left in lastPopped*. */
    pop() {
        const n = this.count;
        if (n === 0)
            return undefined;
        const times = this.times;
        const seqs = this.seqs;
        const items = this.items;
        const args = this.args;
        const top = items[0];
        this.lastPoppedTimeUs = times[0];
        this.lastPoppedArg = args[0];
        const last = n - 1;
        this.count = last;
        if (last > 0) {
            // Sift the last element down from the root.
            const t = times[last];
            const s = seqs[last];
            const it = items[last];
            const a = args[last];
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
                if (t < ct || (t === ct && s < cs))
                    break;
                times[i] = ct;
                seqs[i] = cs;
                items[i] = items[c];
                args[i] = args[c];
                i = c;
            }
            times[i] = t;
            seqs[i] = s;
            items[i] = it;
            args[i] = a;
        }
        items[last] = undefined; // drop the references so popped items can be collected
        args[last] = undefined;
        return top;
    }
    /** Time of the next item, Infinity when empty. */
    peekTimeUs() {
        return this.count === 0 ? Infinity : this.times[0];
    }
    peek() {
        return this.count === 0 ? undefined : this.items[0];
    }
    clear() {
        this.items.length = 0;
        this.args.length = 0;
        this.count = 0;
        this.nextSeq = 0;
        this.lastPoppedTimeUs = 0;
        this.lastPoppedArg = undefined;
    }
    grow() {
        if (this.capacity >= this.maxSize) {
            fail(`${this.boundName}=${this.maxSize} (runaway event generation?)`);
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
//# sourceMappingURL=event-queue.js.map