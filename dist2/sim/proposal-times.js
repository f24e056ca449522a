/**
 * A leader's proposal times by log index, for commit and replication latency (docs/metrics.md).
 *
 * Indexes arrive in increasing order during one leadership (a leader only appends) and are forgotten as a
 * prefix once every follower acknowledged them and they are committed, so a queue of (index, time) pairs in
 * two parallel arrays does what a Map did, without hashing or iterator objects on every acknowledgement.
 */
import { fail } from './assert.js';
export class ProposalTimes {
    maxSize;
    indexes = [];
    times = [];
    head = 0;
    constructor(maxSize) {
        this.maxSize = maxSize;
        if (!(Number.isSafeInteger(maxSize) && maxSize >= 1))
            fail(`ProposalTimes: maxSize must be a positive integer, got ${maxSize}`);
    }
    get size() {
        return this.indexes.length - this.head;
    }
    /** Records `index` proposed at `timeUs`; beyond maxSize the oldest is dropped. */
    add(index, timeUs) {
        const last = this.indexes.length > this.head ? this.indexes[this.indexes.length - 1] : -1;
        if (!(index > last))
            fail(`ProposalTimes.add: index ${index} is not above the last recorded index ${last}`);
        this.indexes.push(index);
        this.times.push(timeUs);
        if (this.size > this.maxSize)
            this.dropHead(1);
    }
    /** Calls visit(timeUs) for every recorded index in [from, to], in index order. */
    forEachIn(from, to, visit) {
        const indexes = this.indexes;
        for (let at = this.lowerBound(from); at < indexes.length && indexes[at] <= to; at++)
            visit(this.times[at]);
    }
    /** Forgets every index <= floor. */
    forgetThrough(floor) {
        let drop = 0;
        const indexes = this.indexes;
        while (this.head + drop < indexes.length && indexes[this.head + drop] <= floor)
            drop++;
        if (drop > 0)
            this.dropHead(drop);
    }
    clear() {
        this.indexes = [];
        this.times = [];
        this.head = 0;
    }
    /** First position at or after head whose index is >= index. */
    lowerBound(index) {
        let lo = this.head;
        let hi = this.indexes.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (this.indexes[mid] < index)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
    dropHead(count) {
        this.head += count;
        // Compact once the dead prefix is both large and most of the arrays, so each entry moves O(1) times.
        if (this.head >= 1024 && this.head * 2 >= this.indexes.length) {
            this.indexes = this.indexes.slice(this.head);
            this.times = this.times.slice(this.head);
            this.head = 0;
        }
    }
}
//# sourceMappingURL=proposal-times.js.map