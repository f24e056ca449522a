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
export function zobristWord(position: number, salt: number): number {
  let h = Math.imul(position + 1, 0x9e3779b1) ^ salt;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

export class ConfigurationCache {
  private readonly words: number;
  private slots: Int32Array;
  private mask: number;
  private count = 0;
  private entryHash: Int32Array;
  private entryCheck: Int32Array;
  private entryState: Int32Array;
  private entryBits: Uint32Array;

  constructor(words: number, initialCapacity = 1024) {
    this.words = words;
    this.slots = new Int32Array(initialCapacity * 2).fill(EMPTY);
    this.mask = initialCapacity * 2 - 1;
    this.entryHash = new Int32Array(initialCapacity);
    this.entryCheck = new Int32Array(initialCapacity);
    this.entryState = new Int32Array(initialCapacity);
    this.entryBits = new Uint32Array(initialCapacity * words);
  }

  get size(): number {
    return this.count;
  }

  /** Adds the configuration (bits, stateId) and returns true, or returns false when it is already present.
   *  `hash` and `check` are two independent hashes of `bits`. */
  addIfAbsent(bits: Uint32Array, hash: number, check: number, stateId: number): boolean {
    const mixed = hash ^ Math.imul(stateId + 1, 0x27d4eb2d);
    let slot = mixed & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) break;
      if (this.entryCheck[entry] === check && this.entryState[entry] === stateId && this.sameBits(entry, bits)) return false;
      slot = (slot + 1) & this.mask;
    }
    if (this.count === this.entryHash.length) {
      this.grow();
      return this.insertNew(bits, mixed, check, stateId);
    }
    this.store(slot, bits, mixed, check, stateId);
    return true;
  }

  private sameBits(entry: number, bits: Uint32Array): boolean {
    const words = this.words;
    const base = entry * words;
    const entryBits = this.entryBits;
    for (let w = 0; w < words; w++) if (entryBits[base + w] !== bits[w]) return false;
    return true;
  }

  private insertNew(bits: Uint32Array, mixed: number, check: number, stateId: number): boolean {
    let slot = mixed & this.mask;
    while (this.slots[slot] !== EMPTY) slot = (slot + 1) & this.mask;
    this.store(slot, bits, mixed, check, stateId);
    return true;
  }

  private store(slot: number, bits: Uint32Array, mixed: number, check: number, stateId: number): void {
    const entry = this.count++;
    this.slots[slot] = entry;
    this.entryHash[entry] = mixed;
    this.entryCheck[entry] = check;
    this.entryState[entry] = stateId;
    this.entryBits.set(bits, entry * this.words);
  }

  /** Doubles the entry arrays and the slot table (load factor stays at most 1/2) and re-inserts. */
  private grow(): void {
    const capacity = this.entryHash.length * 2;
    this.entryHash = copyInto(new Int32Array(capacity), this.entryHash);
    this.entryCheck = copyInto(new Int32Array(capacity), this.entryCheck);
    this.entryState = copyInto(new Int32Array(capacity), this.entryState);
    const bits = new Uint32Array(capacity * this.words);
    bits.set(this.entryBits);
    this.entryBits = bits;
    this.slots = new Int32Array(capacity * 2).fill(EMPTY);
    this.mask = capacity * 2 - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let slot = this.entryHash[entry]! & this.mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.slots[slot] = entry;
    }
  }
}

function copyInto(target: Int32Array, source: Int32Array): Int32Array {
  target.set(source);
  return target;
}
