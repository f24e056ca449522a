/** A bounded sample of a long stream of values: beyond `limit` values it keeps every other one and halves its
 *  intake, so memory stays bounded while the sample stays spread over the whole run (a distribution's shape,
 *  and so its percentiles, survive).
 *
 *  Storage is a typed array outside the garbage-collected heap, thinned in place: a long run keeps up to
 *  `limit` samples in each of several of these, and as JS arrays they were a sizable part of the live heap
 *  (which V8 lets grow to several times its size before collecting) and were reallocated on every growth and
 *  every thinning. Values are kept exactly: 4 bytes each while every value is an int32 (latencies in
 *  microseconds, entry counts), 8 bytes (a Float64Array) from the first value that is not. */
export declare class BoundedSamples {
    private readonly limit;
    private ints;
    private floats;
    private length;
    private stride;
    private seen;
    constructor(limit: number);
    /** The kept values, in arrival order, without copying: valid until the next add(). */
    get view(): Int32Array | Float64Array;
    add(value: number): void;
    /** Keeps the values at even positions (what `filter((_, k) => k % 2 === 0)` kept) and halves the intake. */
    private thin;
    private grow;
    private toFloats;
}
