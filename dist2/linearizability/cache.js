// Lowe's memoization (Lowe 2017, "Testing for linearizability", section 4): a configuration is the set of
// operations linearized so far plus the model state they left. Two paths reaching the same configuration have
// the same futures, so the second is pruned. Porcupine keys its cache the same way (bitset + state).
//
// Open addressing over typed arrays: no object per entry, so the search does not allocate per step (the
// entry arrays grow by doubling). The bitset's hash is maintained incrementally by the search (Zobrist
// hashing: XOR of a fixed random word per set bit), so a lookup costs O(1) unless two configurations share
// both 32-bit hashes and the state, when the bitsets are compared word by word.
const EMPTY = -1;
/** A fixed, well-mixed 32-bit word per bit position (murmur3's finalizer over a counter): deterministic. */
export function zobristWord(position, salt) {
    let h = Math.imul(position + 1, 0x9e3779b1) ^ salt;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h | 0;
}
/**
 * Slots are pairs [check, entry] (entry -1: empty), so a probe compares the second hash without leaving the
 * slot table; entries are records [mixed hash, check, state id, bitset words...] appended to one array, so a
 * match touches one record. Two memory reads per lookup in the common cases (a new configuration, a miss).
 */
export class ConfigurationCache {
    words;
    stride;
    slots;
    mask;
    count = 0;
    capacity;
    records;
    /** `initialCapacity` must be a power of two. */
    constructor(words, initialCapacity = 1024) {
        if ((initialCapacity & (initialCapacity - 1)) !== 0)
            throw new RangeError(`ConfigurationCache: capacity ${initialCapacity} is not a power of two`);
        this.words = words;
        this.stride = 3 + words;
        this.capacity = initialCapacity;
        this.slots = new Int32Array(initialCapacity * 4).fill(EMPTY);
        this.mask = initialCapacity * 2 - 1;
        this.records = new Uint32Array(initialCapacity * this.stride);
    }
    get size() {
        return this.count;
    }
    /** Adds the configuration (bits, stateId) and returns true, or returns false when it is already present.
     *  `hash` and `check` are two independent hashes of `bits`. */
    addIfAbsent(bits, hash, check, stateId) {
        const mixed = hash ^ Math.imul(stateId + 1, 0x27d4eb2d);
        const slots = this.slots;
        const mask = this.mask;
        let slot = mixed & mask;
        for (;;) {
            const entry = slots[2 * slot + 1];
            if (entry === EMPTY)
                break;
            if (slots[2 * slot] === check && this.matches(entry, bits, stateId))
                return false;
            slot = (slot + 1) & mask;
        }
        if (this.count === this.capacity) {
            this.grow();
            slot = this.freeSlot(mixed);
        }
        this.store(slot, bits, mixed, check, stateId);
        return true;
    }
    matches(entry, bits, stateId) {
        const records = this.records;
        const base = entry * this.stride;
        if (records[base + 2] !== stateId >>> 0)
            return false;
        const words = this.words;
        for (let w = 0; w < words; w++)
            if (records[base + 3 + w] !== bits[w])
                return false;
        return true;
    }
    freeSlot(mixed) {
        let slot = mixed & this.mask;
        while (this.slots[2 * slot + 1] !== EMPTY)
            slot = (slot + 1) & this.mask;
        return slot;
    }
    store(slot, bits, mixed, check, stateId) {
        const entry = this.count++;
        this.slots[2 * slot] = check;
        this.slots[2 * slot + 1] = entry;
        const base = entry * this.stride;
        const records = this.records;
        records[base] = mixed;
        records[base + 1] = check;
        records[base + 2] = stateId;
        records.set(bits, base + 3);
    }
    /** Doubles the records and the slot table (the load factor stays at most 1/2) and re-inserts. */
    grow() {
        this.capacity *= 2;
        const records = new Uint32Array(this.capacity * this.stride);
        records.set(this.records);
        this.records = records;
        this.slots = new Int32Array(this.capacity * 4).fill(EMPTY);
        this.mask = this.capacity * 2 - 1;
        for (let entry = 0; entry < this.count; entry++) {
            const base = entry * this.stride;
            const slot = this.freeSlot(records[base] | 0);
            this.slots[2 * slot] = records[base + 1] | 0;
            this.slots[2 * slot + 1] = entry;
        }
    }
}
//# sourceMappingURL=cache.js.map