/** Typed-array slots allocated up front; doubled as needed, up to the limit. */
const initialCapacity = 256;
/** A bounded sample of a long stream of values: beyond `limit` values it keeps every other one and halves its
 *  intake, so memory stays bounded while the sample stays spread over the whole run (a distribution's shape,
 *  and so its percentiles, survive).
 *
 *  Storage is a typed array outside the garbage-collected heap, thinned in place: a long run keeps up to
 *  `limit` samples in each of several of these, and as JS arrays they were a sizable part of the live heap
 *  (which V8 lets grow to several times its size before collecting) and were reallocated on every growth and
 *  every thinning. Values are kept exactly: 4 bytes each while every value is an int32 (latencies in
 *  microseconds, entry counts), 8 bytes (a Float64Array) from the first value that is not. */
export class BoundedSamples {
    limit;
    ints = new Int32Array(initialCapacity);
    floats = null;
    length = 0;
    stride = 1;
    seen = 0;
    constructor(limit) {
        this.limit = limit;
        if (!(limit >= 2))
            throw new Error(`BoundedSamples: limit must be >= 2, got ${limit}`);
    }
    /** The kept values, in arrival order, without copying: valid until the next add(). */
    get view() {
        return (this.ints ?? this.floats).subarray(0, this.length);
    }
    add(value) {
        this.seen++;
        if (this.seen % this.stride !== 0)
            return;
        const at = this.length;
        const ints = this.ints;
        // -0 is not an int32 value here: Int32Array would store it as 0.
        if (ints !== null && (value | 0) === value && !(value === 0 && 1 / value < 0)) {
            if (at === ints.length)
                this.grow();
            this.ints[at] = value;
        }
        else {
            if (ints !== null)
                this.toFloats();
            if (at === this.floats.length)
                this.grow();
            this.floats[at] = value;
        }
        this.length = at + 1;
        if (this.length >= this.limit)
            this.thin();
    }
    /** Keeps the values at even positions (what `filter((_, k) => k % 2 === 0)` kept) and halves the intake. */
    thin() {
        const store = this.ints ?? this.floats;
        const length = this.length;
        let kept = 0;
        for (let k = 0; k < length; k += 2)
            store[kept++] = store[k];
        this.length = kept;
        this.stride *= 2;
    }
    grow() {
        const store = this.ints ?? this.floats;
        const capacity = Math.min(this.limit, store.length * 2);
        if (this.ints !== null) {
            const next = new Int32Array(capacity);
            next.set(this.ints);
            this.ints = next;
        }
        else {
            const next = new Float64Array(capacity);
            next.set(this.floats);
            this.floats = next;
        }
    }
    toFloats() {
        const floats = new Float64Array(this.ints.length);
        floats.set(this.ints);
        this.floats = floats;
        this.ints = null;
    }
}
//# sourceMappingURL=samples.js.map