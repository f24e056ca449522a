/** A fixed, well-mixed 32-bit word per bit position (murmur3's finalizer over a counter): deterministic. */
export declare function zobristWord(position: number, salt: number): number;
/**
 * Slots are pairs [check, entry] (entry -1: empty), so a probe compares the second hash without leaving the
 * slot table; entries are records [mixed hash, check, state id, bitset words...] appended to one array, so a
 * match touches one record. Two memory reads per lookup in the common cases (a new configuration, a miss).
 */
export declare class ConfigurationCache {
    private readonly words;
    private readonly stride;
    private slots;
    private mask;
    private count;
    private capacity;
    private records;
    /** `initialCapacity` must be a power of two. */
    constructor(words: number, initialCapacity?: number);
    get size(): number;
    /** Adds the configuration (bits, stateId) and returns true, or returns false when it is already present.
     *  `hash` and `check` are two independent hashes of `bits`. */
    addIfAbsent(bits: Uint32Array, hash: number, check: number, stateId: number): boolean;
    private matches;
    private freeSlot;
    private store;
    /** Doubles the records and the slot table (the load factor stays at most 1/2) and re-inserts. */
    private grow;
}
