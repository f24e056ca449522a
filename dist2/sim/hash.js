/**
 * Fast 64-bit string hashing for trace fingerprints (not for security: it only needs to make accidental
 * collisions between two runs' traces vanishingly unlikely).
 *
 * Two 32-bit multiply-xor lanes with different odd multipliers (the cyrb53 construction), fed one UTF-16
 * code unit at a time, with an avalanche step applied only when a digest is read. Because the per-char
 * state carries no framing, feeding "ab" then "c" equals feeding "abc": the digest of a trace equals
 * hashString() of the concatenated file content.
 */
const SEED_1 = 0xdeadbeef;
const SEED_2 = 0x41c6ce57;
/** Two lowercase hex digits per byte value: toHex8 runs for every client command's digest, and four table
 *  lookups are cheaper than toString(16) + padStart. */
const hexByte = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
function toHex8(value) {
    return hexByte[(value >>> 24) & 0xff] + hexByte[(value >>> 16) & 0xff] + hexByte[(value >>> 8) & 0xff] + hexByte[value & 0xff];
}
function finalize(h1In, h2In) {
    let h1 = Math.imul(h1In ^ (h1In >>> 16), 2246822507);
    h1 ^= Math.imul(h2In ^ (h2In >>> 13), 3266489909);
    let h2 = Math.imul(h2In ^ (h2In >>> 16), 2246822507);
    h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    // toLowerCase (a no-op on lowercase hex) turns the two-part rope the + builds (about 80 bytes in V8) into one
    // flat 32-byte string: command digests live as long as their log entries, tens of thousands in a long run.
    return (toHex8(h2) + toHex8(h1)).toLowerCase();
}
export class IncrementalHash {
    h1 = SEED_1;
    h2 = SEED_2;
    length = 0;
    update(text) {
        let h1 = this.h1;
        let h2 = this.h2;
        for (let i = 0; i < text.length; i++) {
            const ch = text.charCodeAt(i);
            h1 = Math.imul(h1 ^ ch, 2654435761);
            h2 = Math.imul(h2 ^ ch, 1597334677);
        }
        this.h1 = h1;
        this.h2 = h2;
        this.length += text.length;
    }
    /** 16 hex chars for everything fed so far. Does not change the state (can be read mid-stream). */
    digest() {
        // Mixing in the length keeps inputs of different lengths apart even if their lane states collide.
        return finalize(this.h1 ^ this.length, (this.h2 + this.length) | 0);
    }
}
/** 16 hex chars; equals an IncrementalHash fed `text` in any chunking. */
export function hashString(text) {
    const h = new IncrementalHash();
    h.update(text);
    return h.digest();
}
/** 32-bit FNV-1a of a string, as an unsigned integer: cheap per-line fingerprints. */
export function hash32(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    }
    return h >>> 0;
}
//# sourceMappingURL=hash.js.map