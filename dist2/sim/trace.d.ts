import type { TraceMessageType, TraceRecord } from '../contract/trace.js';
/** The records a trace holds: the union of contract/trace.ts, one member per record type. */
export type { TraceRecord };
export interface TraceSink {
    /** Receives one complete line including its trailing "\n". */
    write(line: string): void;
    close?(): void;
}
export declare class Trace {
    /** True when there is a sink or hashing is on; emitters check this before building records. */
    readonly enabled: boolean;
    lines: number;
    /** Per-line 32-bit hashes (FNV-1a of the line incl. "\n") when keepLineHashes was set. */
    lineHashes: number[] | null;
    private readonly sink;
    private readonly hasher;
    constructor(options?: {
        sink?: TraceSink;
        hash?: boolean;
        keepLineHashes?: boolean;
    });
    /** Whether the trace computes a digest. */
    get hashing(): boolean;
    emit(record: TraceRecord): void;
    /**
     * The hot records, byte-identical to emit({ t, type, from, to, msg, id }) but without building a record
     * object or running JSON.stringify: the text between the numbers is cached per (type, from, to, msg).
     * send and deliver are about 85% of a busy run's lines, and this path made a hashed run about 1.6x cheaper
     * than going through emit (docs/benchmarks.md). `t` and `id` are integers, which JSON writes as String() does.
     */
    emitMessage(t: number, type: 'send' | 'deliver', from: string, to: string, msg: TraceMessageType, id: number): void;
    /** Byte-identical to emit({ t, type: 'commit', node, index, term }). */
    emitCommit(t: number, node: string, index: number, term: number): void;
    /** Byte-identical to emit({ t, type: 'apply', node, index, term, digest }) for a digest that JSON needs not
     *  escape: entry digests are hex (hashString) or the word 'noop'. */
    emitApply(t: number, node: string, index: number, term: number, digest: string): void;
    /** Lines whose text between `{"t":<t>` and the first number after it is fixed per key. */
    private readonly middles;
    private readonly quoted;
    private quote;
    private cached;
    /** Writes '{"t":' + t + middle + number + tail. The hash is fed the parts: joining them first would make
     *  the hash walk a rope (V8 flattens it, one more copy per line); the sink gets the joined rope and
     *  flattens a whole batch at once. */
    private emitParts;
    /** Hash of all lines so far (16 hex chars); equals hashString() of the trace file's content. */
    digest(): string;
    close(): void;
}
/** Keeps lines (without "\n") in memory; throws beyond maxLines so a runaway run fails loudly. */
export declare class MemorySink implements TraceSink {
    lines: string[];
    private readonly maxLines;
    constructor(maxLines?: number);
    write(line: string): void;
    /** The trace as file content (every line followed by "\n"). */
    text(): string;
}
/**
 * Writes lines to a file, batching about 64 KiB (counted in UTF-16 units) per fs.writeSync. Synchronous
 * I/O keeps the output order exactly the emit order. close() flushes. This is the one place in sim/ that
 * touches the filesystem.
 */
export declare class FileSink implements TraceSink {
    private fd;
    private chunks;
    private bufferedChars;
    constructor(path: string);
    write(line: string): void;
    flush(): void;
    close(): void;
}
export interface DeterminismReport {
    identical: boolean;
    hashA: string;
    hashB: string;
    /** Lines in run A. */
    lines: number;
    /** First differing line (1-based) with its text from each run; "<end of trace>" when a run has no such line. */
    firstDivergence: null | {
        line: number;
        a: string;
        b: string;
    };
}
/**
 * Runs `run(seed, trace)` twice and compares digests. On a difference, finds the first diverging line via
 * per-line hashes: run B compares each line against run A's hash as it is emitted, so B's text is captured
 * live (robust even if only that one run misbehaves); run A is rerun once to recover its text for that line.
 */
export declare function checkDeterminism(run: (seed: number, trace: Trace) => void, seed: number): DeterminismReport;
