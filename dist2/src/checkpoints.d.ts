import type { TraceSink } from '../sim/trace.js';
export interface Checkpoint {
    /** Lines hashed so far (the checkpoint covers lines 1..line). */
    readonly line: number;
    /** Time of the checkpoint's last line, microseconds. */
    readonly t: number;
    /** Digest of lines 2..line (the events after the meta record). */
    readonly digest: string;
}
export interface Checkpoints {
    readonly every: number;
    readonly points: Checkpoint[];
}
export declare const defaultCheckpointInterval = 1000;
/**
 * A sink that records checkpoints, and forwards every line to another sink when given. The first line (the
 * `meta` record with the run's parameters) is not hashed: checkpoints locate differences between events.
 */
export declare class CheckpointSink implements TraceSink {
    readonly every: number;
    private readonly next;
    readonly points: Checkpoint[];
    private readonly hash;
    private lines;
    constructor(every?: number, next?: TraceSink | null);
    write(line: string): void;
    close(): void;
    checkpoints(): Checkpoints;
}
/** The first checkpoint at which two runs differ, with the one before it (the window of the first difference). */
export declare function firstDifferentCheckpoint(recorded: Checkpoints, replayed: Checkpoints): {
    from: Checkpoint | null;
    to: Checkpoint | null;
    replayedTo: Checkpoint | null;
} | null;
