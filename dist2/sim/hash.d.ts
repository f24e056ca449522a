/**
 * Fast 64-bit string hashing for trace fingerprints (not for security: it only needs to make accidental
 * collisions between two runs' traces vanishingly unlikely).
 *
 * Two 32-bit multiply-xor lanes with different odd multipliers (the cyrb53 construction), fed one UTF-16
 * code unit at a time, with an avalanche step applied only when a digest is read. Because the per-char
 * state carries no framing, feeding "ab" then "c" equals feeding "abc": the digest of a trace equals
 * hashString() of the concatenated file content.
 */
export declare class IncrementalHash {
    private h1;
    private h2;
    private length;
    update(text: string): void;
    /** 16 hex chars for everything fed so far. Does not change the state (can be read mid-stream). */
    digest(): string;
}
/** 16 hex chars; equals an IncrementalHash fed `text` in any chunking. */
export declare function hashString(text: string): string;
/** 32-bit FNV-1a of a string, as an unsigned integer: cheap per-line fingerprints. */
export declare function hash32(text: string): number;
