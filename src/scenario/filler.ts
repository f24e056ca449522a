// The filler behind fill.ts: each open field of a scenario gets the given value, else (in swarm mode) a draw from
// its own child stream `swarm/<path>`, else the default; and how drawn values are shown in the run's summary.
import type { Distribution, Random } from '../../sim/random.js';
import type { DurationRange } from './units.js';
import { formatDistribution, formatDuration, formatProbability, formatRange, formatSize } from './units.js';

export class Filler {
  readonly drawn = new Map<string, unknown>();
  readonly drawnText: Record<string, unknown> = {};
  readonly defaults: string[] = [];

  constructor(private readonly swarm: Random | null) {}

  /** The given value, else a draw (swarm mode, when `draw` exists), else the default. */
  take<T>(path: string, given: T | undefined, fallback: () => T, draw: ((random: Random) => T) | null, show: (value: T) => unknown): T {
    if (given !== undefined) return given;
    if (this.swarm !== null && draw !== null) {
      const value = draw(this.swarm.child(path));
      this.drawn.set(path, value);
      this.drawnText[path] = show(value);
      return value;
    }
    this.defaults.push(path);
    return fallback();
  }
}

export const same = <T>(value: T): T => value;
export const showDistribution = (value: Distribution): unknown => formatDistribution(value);
export const showRange = (value: DurationRange): string => formatRange(value);
export const showSize = (value: number): string => formatSize(value);
export const showDuration = (value: number): string => formatDuration(value);
export const showProbability = (value: number): string => formatProbability(value);
export const showOff = (value: number | null, show: (v: number) => unknown): unknown => (value === null ? 'off' : show(value));

export const coin = (random: Random): boolean => random.chance(1, 2);
