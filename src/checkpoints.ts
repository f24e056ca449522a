// Trace checkpoints: the running trace digest every N lines, kept in result.json. A replay that does not
// reproduce the trace hash compares checkpoints to find the window of lines where the two runs first differ,
// even when the original trace file was not kept.
import { IncrementalHash } from '../sim/hash.js';
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

export const defaultCheckpointInterval = 1_000;

/**
 * A sink that records checkpoints, and forwards every line to another sink when given. The first line (the
 * `meta` record with the run's parameters) is not hashed: checkpoints locate differences between events.
 */
export class CheckpointSink implements TraceSink {
  readonly points: Checkpoint[] = [];
  private readonly hash = new IncrementalHash();
  private lines = 0;

  constructor(
    readonly every: number = defaultCheckpointInterval,
    private readonly next: TraceSink | null = null,
  ) {}

  write(line: string): void {
    this.lines++;
    if (this.lines > 1) this.hash.update(line);
    if (this.lines % this.every === 0) {
      const match = /^\{"t":(\d+)/.exec(line);
      this.points.push({ line: this.lines, t: match === null ? -1 : Number(match[1]), digest: this.hash.digest() });
    }
    this.next?.write(line);
  }

  close(): void {
    this.next?.close?.();
  }

  checkpoints(): Checkpoints {
    return { every: this.every, points: this.points };
  }
}

/** The first checkpoint at which two runs differ, with the one before it (the window of the first difference). */
export function firstDifferentCheckpoint(recorded: Checkpoints, replayed: Checkpoints): { from: Checkpoint | null; to: Checkpoint | null; replayedTo: Checkpoint | null } | null {
  if (recorded.every !== replayed.every) return null;
  const count = Math.min(recorded.points.length, replayed.points.length);
  for (let k = 0; k < count; k++) {
    if (recorded.points[k]!.digest !== replayed.points[k]!.digest) return { from: k === 0 ? null : recorded.points[k - 1]!, to: recorded.points[k]!, replayedTo: replayed.points[k]! };
  }
  if (recorded.points.length !== replayed.points.length) {
    const last = count === 0 ? null : recorded.points[count - 1]!;
    return { from: last, to: recorded.points[count] ?? null, replayedTo: replayed.points[count] ?? null };
  }
  return { from: recorded.points[count - 1] ?? null, to: null, replayedTo: null };
}
