// Trace checkpoints: the running trace digest every N lines, kept in result.json. A replay that does not
// reproduce the trace hash compares checkpoints to find the window of lines where the two runs first differ,
// even when the original trace file was not kept.
import { IncrementalHash } from '../sim/hash.js';
export const defaultCheckpointInterval = 1_000;
/**
 * A sink that records checkpoints, and forwards every line to another sink when given. The first line (the
 * `meta` record with the run's parameters) is not hashed: checkpoints locate differences between events.
 */
export class CheckpointSink {
    every;
    next;
    points = [];
    hash = new IncrementalHash();
    lines = 0;
    constructor(every = defaultCheckpointInterval, next = null) {
        this.every = every;
        this.next = next;
    }
    write(line) {
        this.lines++;
        if (this.lines > 1)
            this.hash.update(line);
        if (this.lines % this.every === 0) {
            const match = /^\{"t":(\d+)/.exec(line);
            this.points.push({ line: this.lines, t: match === null ? -1 : Number(match[1]), digest: this.hash.digest() });
        }
        this.next?.write(line);
    }
    close() {
        this.next?.close?.();
    }
    checkpoints() {
        return { every: this.every, points: this.points };
    }
}
/** The first checkpoint at which two runs differ, with the one before it (the window of the first difference). */
export function firstDifferentCheckpoint(recorded, replayed) {
    if (recorded.every !== replayed.every)
        return null;
    const count = Math.min(recorded.points.length, replayed.points.length);
    for (let k = 0; k < count; k++) {
        if (recorded.points[k].digest !== replayed.points[k].digest)
            return { from: k === 0 ? null : recorded.points[k - 1], to: recorded.points[k], replayedTo: replayed.points[k] };
    }
    if (recorded.points.length !== replayed.points.length) {
        const last = count === 0 ? null : recorded.points[count - 1];
        return { from: last, to: recorded.points[count] ?? null, replayedTo: replayed.points[count] ?? null };
    }
    return { from: recorded.points[count - 1] ?? null, to: null, replayedTo: null };
}
//# sourceMappingURL=checkpoints.js.map