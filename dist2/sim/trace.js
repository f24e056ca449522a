/**
 * Deterministic JSON Lines trace with an incremental fingerprint.
 *
 * Every record becomes one line: JSON.stringify keeps keys in insertion order, so identical runs produce
 * byte-identical lines. The running hash (see hash.ts) of all lines is the run's fingerprint: two runs with
 * the same seed must have the same digest, and the per-line hashes let us find the first divergence of two
 * long runs without keeping either trace in memory.
 */
import * as fs from 'node:fs';
import { fail } from './assert.js';
import { IncrementalHash, hash32 } from './hash.js';
/** Bound on kept per-line hashes (8 bytes each). */
const MAX_LINE_HASHES = 100_000_000;
/** Bound on the cache of JSON-quoted names (node ids, message types, digests are not cached past it). */
const MAX_CACHED_STRINGS = 4096;
export class Trace {
    /** True when there is a sink or hashing is on; emitters check this before building records. */
    enabled;
    lines = 0;
    /** Per-line 32-bit hashes (FNV-1a of the line incl. "\n") when keepLineHashes was set. */
    lineHashes;
    sink;
    hasher;
    constructor(options = {}) {
        this.sink = options.sink;
        this.hasher = (options.hash ?? true) ? new IncrementalHash() : null;
        this.lineHashes = options.keepLineHashes === true ? [] : null;
        this.enabled = this.sink !== undefined || this.hasher !== null || this.lineHashes !== null;
    }
    /** Whether the trace computes a digest. */
    get hashing() {
        return this.hasher !== null;
    }
    emit(record) {
        if (!this.enabled)
            return;
        if (typeof record.type !== 'string' || !Number.isFinite(record.t)) {
            fail(`Trace.emit: a record needs a numeric t and a string type, got ${String(record.t)} / ${String(record.type)}`);
        }
        const json = JSON.stringify(record);
        const line = json + '\n';
        // Fed in two parts: hashing the joined rope would make V8 flatten it first (see emitParts).
        if (this.hasher !== null) {
            this.hasher.update(json);
            this.hasher.update('\n');
        }
        const lineHashes = this.lineHashes;
        if (lineHashes !== null) {
            if (lineHashes.length >= MAX_LINE_HASHES)
                fail(`Trace: more than ${MAX_LINE_HASHES} line hashes kept`);
            lineHashes.push(hash32(line));
        }
        if (this.sink !== undefined)
            this.sink.write(line);
        this.lines++;
    }
    /**
     * The hot records, byte-identical to emit({ t, type, from, to, msg, id }) but without building a record
     * object or running JSON.stringify: the text between the numbers is cached per (type, from, to, msg).
     * send and deliver are about 85% of a busy run's lines, and this path made a hashed run about 1.6x cheaper
     * than going through emit (docs/benchmarks.md). `t` and `id` are integers, which JSON writes as String() does.
     */
    emitMessage(t, type, from, to, msg, id) {
        if (!this.enabled)
            return;
        const middle = this.cached(type, from, to, msg);
        this.emitParts(t, middle, String(id), '}\n');
    }
    /** Byte-identical to emit({ t, type: 'commit', node, index, term }). */
    emitCommit(t, node, index, term) {
        if (!this.enabled)
            return;
        this.emitParts(t, this.cached('commit', node, '', ''), String(index), ',"term":' + term + '}\n');
    }
    /** Byte-identical to emit({ t, type: 'apply', node, index, term, digest }) for a digest that JSON needs not
     *  escape: entry digests are hex (hashString) or the word 'noop'. */
    emitApply(t, node, index, term, digest) {
        if (!this.enabled)
            return;
        this.emitParts(t, this.cached('apply', node, '', ''), String(index), ',"term":' + term + ',"digest":"' + digest + '"}\n');
    }
    /** Lines whose text between `{"t":<t>` and the first number after it is fixed per key. */
    middles = new Map();
    quoted = new Map();
    quote(text) {
        let quoted = this.quoted.get(text);
        if (quoted === undefined) {
            quoted = JSON.stringify(text);
            if (this.quoted.size < MAX_CACHED_STRINGS)
                this.quoted.set(text, quoted);
        }
        return quoted;
    }
    cached(type, a, b, c) {
        let byA = this.middles.get(type);
        if (byA === undefined)
            this.middles.set(type, (byA = new Map()));
        let byB = byA.get(a);
        if (byB === undefined)
            byA.set(a, (byB = new Map()));
        let byC = byB.get(b);
        if (byC === undefined)
            byB.set(b, (byC = new Map()));
        let middle = byC.get(c);
        if (middle === undefined) {
            middle =
                type === 'send' || type === 'deliver'
                    ? `,"type":"${type}","from":${this.quote(a)},"to":${this.quote(b)},"msg":${this.quote(c)},"id":`
                    : `,"type":"${type}","node":${this.quote(a)},"index":`;
            byC.set(c, middle);
        }
        return middle;
    }
    /** Writes '{"t":' + t + middle + number + tail. The hash is fed the parts: joining them first would make
     *  the hash walk a rope (V8 flattens it, one more copy per line); the sink gets the joined rope and
     *  flattens a whole batch at once. */
    emitParts(t, middle, number, tail) {
        if (!Number.isFinite(t))
            fail(`Trace.emit: a record needs a numeric t, got ${String(t)}`);
        const time = String(t);
        const hasher = this.hasher;
        if (hasher !== null) {
            hasher.update('{"t":');
            hasher.update(time);
            hasher.update(middle);
            hasher.update(number);
            hasher.update(tail);
        }
        if (this.sink !== undefined || this.lineHashes !== null) {
            const line = '{"t":' + time + middle + number + tail;
            if (this.lineHashes !== null) {
                if (this.lineHashes.length >= MAX_LINE_HASHES)
                    fail(`Trace: more than ${MAX_LINE_HASHES} line hashes kept`);
                this.lineHashes.push(hash32(line));
            }
            if (this.sink !== undefined)
                this.sink.write(line);
        }
        this.lines++;
    }
    /** Hash of all lines so far (16 hex chars); equals hashString() of the trace file's content. */
    digest() {
        if (this.hasher === null)
            fail('Trace.digest: hashing is disabled for this trace (hash: false)');
        return this.hasher.digest();
    }
    close() {
        this.sink?.close?.();
    }
}
function stripNewline(line) {
    return line.endsWith('\n') ? line.slice(0, -1) : line;
}
/** Keeps lines (without "\n") in memory; throws beyond maxLines so a runaway run fails loudly. */
export class MemorySink {
    lines = [];
    maxLines;
    constructor(maxLines = 1_000_000) {
        if (!Number.isSafeInteger(maxLines) || maxLines < 0)
            fail(`MemorySink: maxLines must be a non-negative integer, got ${maxLines}`);
        this.maxLines = maxLines;
    }
    write(line) {
        if (this.lines.length >= this.maxLines)
            fail(`MemorySink: more than maxLines=${this.maxLines} lines`);
        this.lines.push(stripNewline(line));
    }
    /** The trace as file content (every line followed by "\n"). */
    text() {
        return this.lines.length === 0 ? '' : this.lines.join('\n') + '\n';
    }
}
const FILE_SINK_FLUSH_CHARS = 64 * 1024;
/**
 * Writes lines to a file, batching about 64 KiB (counted in UTF-16 units) per fs.writeSync. Synchronous
 * I/O keeps the output order exactly the emit order. close() flushes. This is the one place in sim/ that
 * touches the filesystem.
 */
export class FileSink {
    fd;
    chunks = [];
    bufferedChars = 0;
    constructor(path) {
        this.fd = fs.openSync(path, 'w');
    }
    write(line) {
        if (this.fd === null)
            fail('FileSink.write: sink is closed');
        this.chunks.push(line);
        this.bufferedChars += line.length;
        if (this.bufferedChars >= FILE_SINK_FLUSH_CHARS)
            this.flush();
    }
    flush() {
        if (this.fd === null || this.chunks.length === 0)
            return;
        fs.writeSync(this.fd, this.chunks.join(''));
        this.chunks = [];
        this.bufferedChars = 0;
    }
    close() {
        if (this.fd === null)
            return;
        this.flush();
        fs.closeSync(this.fd);
        this.fd = null;
    }
}
const END_OF_TRACE = '<end of trace>';
/** A sink that keeps only line `index` (0-based). */
class CaptureLineSink {
    index;
    captured = null;
    next = 0;
    constructor(index) {
        this.index = index;
    }
    write(line) {
        if (this.next === this.index)
            this.captured = stripNewline(line);
        this.next++;
    }
}
/**
 * Runs `run(seed, trace)` twice and compares digests. On a difference, finds the first diverging line via
 * per-line hashes: run B compares each line against run A's hash as it is emitted, so B's text is captured
 * live (robust even if only that one run misbehaves); run A is rerun once to recover its text for that line.
 */
export function checkDeterminism(run, seed) {
    const traceA = new Trace({ keepLineHashes: true });
    run(seed, traceA);
    const hashesA = traceA.lineHashes;
    let firstMismatch = -1;
    let textB = null;
    let index = 0;
    const compareSink = {
        write(line) {
            if (firstMismatch < 0 && (index >= hashesA.length || hash32(line) !== hashesA[index])) {
                firstMismatch = index;
                textB = stripNewline(line);
            }
            index++;
        },
    };
    const traceB = new Trace({ sink: compareSink });
    run(seed, traceB);
    const hashA = traceA.digest();
    const hashB = traceB.digest();
    const identical = hashA === hashB && traceA.lines === traceB.lines;
    if (identical)
        return { identical, hashA, hashB, lines: traceA.lines, firstDivergence: null };
    if (firstMismatch < 0) {
        if (traceB.lines < traceA.lines) {
            firstMismatch = traceB.lines; // B is a strict prefix of A
        }
        else {
            // Every line hash matched yet the digests differ: a 32-bit line-hash collision. Compare full texts.
            const sinkA = new MemorySink();
            const sinkB = new MemorySink();
            run(seed, new Trace({ sink: sinkA, hash: false }));
            run(seed, new Trace({ sink: sinkB, hash: false }));
            const max = Math.max(sinkA.lines.length, sinkB.lines.length);
            for (let i = 0; i < max; i++) {
                if (sinkA.lines[i] !== sinkB.lines[i]) {
                    return {
                        identical,
                        hashA,
                        hashB,
                        lines: traceA.lines,
                        firstDivergence: { line: i + 1, a: sinkA.lines[i] ?? END_OF_TRACE, b: sinkB.lines[i] ?? END_OF_TRACE },
                    };
                }
            }
            return { identical, hashA, hashB, lines: traceA.lines, firstDivergence: null };
        }
    }
    let textA = END_OF_TRACE;
    if (firstMismatch < hashesA.length) {
        const capture = new CaptureLineSink(firstMismatch);
        run(seed, new Trace({ sink: capture, hash: false }));
        if (capture.captured === null)
            textA = `(rerun of A ended early) ${END_OF_TRACE}`;
        else if (hash32(capture.captured + '\n') !== hashesA[firstMismatch])
            textA = `(rerun of A differed) ${capture.captured}`;
        else
            textA = capture.captured;
    }
    return {
        identical,
        hashA,
        hashB,
        lines: traceA.lines,
        firstDivergence: { line: firstMismatch + 1, a: textA, b: textB ?? END_OF_TRACE },
    };
}
//# sourceMappingURL=trace.js.map