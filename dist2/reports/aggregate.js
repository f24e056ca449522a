// Pure aggregation helpers: downsampling series, bucketing events, quantiles. They are what keeps a 100k+
// event trace to a report of a few thousand SVG elements.
import { percentile } from '../contract/percentile.js';
/**
 * Reduces a step series to at most ~maxPoints points over [fromUs, toUs], keeping per time bucket the
 * first, minimum, maximum and last sample (M4 downsampling): a step line drawn from the result shows the
 * same extremes as the full series at pixel resolution, so a one-sample spike is never averaged away.
 * The value in force at fromUs is carried in as a first point, and the last value is extended to toUs.
 */
export function downsampleSteps(series, fromUs, toUs, maxPoints = 1000) {
    const { tUs, value } = series;
    const out = [];
    if (tUs.length === 0 || toUs <= fromUs)
        return out;
    let start = lowerBound(tUs, fromUs);
    const stop = upperBound(tUs, toUs);
    if (start > 0 && (start === tUs.length || tUs[start] > fromUs))
        out.push([fromUs, value[start - 1]]);
    const count = stop - start;
    if (count <= maxPoints - 2) {
        for (; start < stop; start++)
            out.push([tUs[start], value[start]]);
    }
    else {
        const buckets = Math.max(1, Math.floor((maxPoints - 2) / 4));
        const widthUs = (toUs - fromUs) / buckets;
        let k = start;
        for (let b = 0; b < buckets && k < stop; b++) {
            const bucketEndUs = b === buckets - 1 ? Number.POSITIVE_INFINITY : fromUs + (b + 1) * widthUs;
            if (tUs[k] >= bucketEndUs)
                continue;
            const first = k;
            let min = k;
            let max = k;
            for (; k < stop && tUs[k] < bucketEndUs; k++) {
                if (value[k] < value[min])
                    min = k;
                if (value[k] > value[max])
                    max = k;
            }
            const last = k - 1;
            // Emit in time order, without repeating an index.
            const picks = [first, min, max, last].sort((a, b2) => a - b2).filter((index, n, all) => n === 0 || index !== all[n - 1]);
            for (const index of picks)
                out.push([tUs[index], value[index]]);
        }
    }
    const lastPoint = out[out.length - 1];
    if (lastPoint !== undefined && lastPoint[0] < toUs)
        out.push([toUs, lastPoint[1]]);
    return out;
}
/** First index with array[index] >= value (array sorted ascending). */
export function lowerBound(array, value) {
    let lo = 0;
    let hi = array.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (array[mid] < value)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** First index with array[index] > value (array sorted ascending). */
export function upperBound(array, value) {
    let lo = 0;
    let hi = array.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (array[mid] <= value)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** Equal time buckets over [fromUs, toUs). */
export class Buckets {
    fromUs;
    toUs;
    count;
    widthUs;
    constructor(fromUs, toUs, count) {
        this.fromUs = fromUs;
        this.toUs = toUs;
        this.count = count;
        this.widthUs = Math.max(1, toUs - fromUs) / count;
    }
    /** Bucket of tUs, or -1 outside [fromUs, toUs] (toUs itself falls in the last bucket). */
    index(tUs) {
        if (tUs < this.fromUs || tUs > this.toUs)
            return -1;
        return Math.min(this.count - 1, Math.floor((tUs - this.fromUs) / this.widthUs));
    }
    startUs(bucket) {
        return this.fromUs + bucket * this.widthUs;
    }
    endUs(bucket) {
        return bucket === this.count - 1 ? this.toUs : this.fromUs + (bucket + 1) * this.widthUs;
    }
}
/** Counts every message by node pair (both directions together) and bucket of its start time. */
export function aggregateTraffic(messages, nodeCount, buckets) {
    const pairIndex = (a, b) => (a < b ? a * nodeCount + b : b * nodeCount + a);
    const sent = new Map();
    const dropped = new Map();
    const sentPerBucket = new Uint32Array(buckets.count);
    const droppedPerBucket = new Uint32Array(buckets.count);
    for (let m = 0; m < messages.count; m++) {
        const bucket = buckets.index(messages.startUs(m));
        if (bucket < 0)
            continue;
        const key = pairIndex(messages.from[m], messages.to[m]);
        let s = sent.get(key);
        if (s === undefined) {
            s = new Uint32Array(buckets.count);
            sent.set(key, s);
            dropped.set(key, new Uint32Array(buckets.count));
        }
        s[bucket]++;
        sentPerBucket[bucket]++;
        if (!Number.isNaN(messages.dropUs[m])) {
            dropped.get(key)[bucket]++;
            droppedPerBucket[bucket]++;
        }
    }
    const pairs = [];
    let maxPairBucket = 0;
    for (const key of [...sent.keys()].sort((x, y) => x - y)) {
        const s = sent.get(key);
        let total = 0;
        for (const count of s) {
            total += count;
            if (count > maxPairBucket)
                maxPairBucket = count;
        }
        pairs.push({ a: Math.floor(key / nodeCount), b: key % nodeCount, sent: s, dropped: dropped.get(key), total });
    }
    return { buckets, pairs, sentPerBucket, droppedPerBucket, maxPairBucket };
}
/** Indexes of the messages that entered the network in [fromUs, toUs], in time order. */
export function messagesInWindow(messages, fromUs, toUs) {
    const out = [];
    // The table is in order of each message's first record, i.e. time order: stop at the first one after toUs.
    for (let m = 0; m < messages.count; m++) {
        const startUs = messages.startUs(m);
        if (Number.isNaN(startUs))
            continue; // only a deliver record was seen (a trace fragment)
        if (startUs > toUs)
            break;
        if (startUs >= fromUs)
            out.push(m);
    }
    return out;
}
/**
 * Nearest-rank percentile of ascending `sorted` (p in 0..100), the definition of docs/metrics.md and
 * sim/metrics.ts: the value at rank ceil(p/100 × n). NaN for no values.
 */
export function nearestRank(sorted, p) {
    return percentile(sorted, p) ?? NaN;
}
//# sourceMappingURL=aggregate.js.map