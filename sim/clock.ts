/**
 * A node's local clock as a piecewise-linear function of true (virtual) time.
 *
 * Within a segment starting at the anchor (anchorTrueUs, anchorLocalUs):
 *   local(T) = anchorLocalUs + dt + floor(dt * driftPpm / 1e6),  dt = T - anchorTrueUs >= 0
 * setDrift, step and setOffset start a new segment at "now", which is how NTP slews and steps look to a
 * process on a real host.
 *
 * Why integer math with a split product: dt may reach 6e11 us (7 days) and |driftPpm| 1e5, so dt*driftPpm
 * (6e16) would exceed 2^53 and lose exactness. Writing dt = q*1e6 + r gives
 *   floor(dt*ppm/1e6) = q*ppm + floor(r*ppm/1e6)
 * where both products stay below 1e11 for any safe dt, so the result is exact for every input we accept.
 *
 * Since |driftPpm| <= 1e5, the rate 1 + drift is at least 0.9 > 0, so local time is non-decreasing within
 * a segment and every local deadline is eventually reached.
 *
 * Two readings, as a process on a real host has: the WALL clock (localAt: offset, drift and every step) and
 * the MONOTONIC clock (monotonicAt: the same oscillator, so the same drift, but no steps - CLOCK_MONOTONIC is
 * never stepped by NTP or settimeofday). Timers and leases must run on the monotonic one: a backward step of the
 * wall clock under a leader stretches its lease past the moment followers stop honouring it (Raft thesis 6.4.1
 * assumes bounded drift, not jumps; golang/go#12914 added monotonic readings to Go's time after wall-clock
 * steps broke elapsed-time measurements, the Cloudflare leap-second outage). Wall time drives what users
 * schedule by the clock (time-based compaction windows) and the offsets the reports show.
 */
import { assertSafeInteger, fail } from './assert.js';

const MICROS_PER_SECOND = 1_000_000;
export const MAX_ABS_DRIFT_PPM = 100_000;
/** Bound on the fix-up steps after the floating-point estimate in trueWhenLocal (it needs at most a few). */
const MAX_FIXUP_STEPS = 64;

function assertDrift(driftPpm: number): void {
  if (!Number.isSafeInteger(driftPpm) || Math.abs(driftPpm) > MAX_ABS_DRIFT_PPM) {
    fail(`NodeClock: driftPpm must be an integer with |driftPpm| <= ${MAX_ABS_DRIFT_PPM}, got ${String(driftPpm)}`);
  }
}

/** floor(dt * (1e6 + ppm) / 1e6) - exact for any non-negative safe dt. */
function scaledElapsed(dtUs: number, driftPpm: number): number {
  let q = Math.floor(dtUs / MICROS_PER_SECOND);
  let r = dtUs - q * MICROS_PER_SECOND;
  // The division may round across an integer for huge dt; repair so 0 <= r < 1e6 exactly.
  if (r < 0) {
    q -= 1;
    r += MICROS_PER_SECOND;
  } else if (r >= MICROS_PER_SECOND) {
    q += 1;
    r -= MICROS_PER_SECOND;
  }
  return dtUs + q * driftPpm + Math.floor((r * driftPpm) / MICROS_PER_SECOND);
}

export class NodeClock {
  private anchorTrueUs = 0;
  private anchorLocalUs: number;
  private drift: number;
  /** Sum of every step (and offset change) so far: wall time minus monotonic time. */
  private stepsUs = 0;

  constructor(options: { offsetUs?: number; driftPpm?: number } = {}) {
    const offsetUs = options.offsetUs ?? 0;
    const driftPpm = options.driftPpm ?? 0;
    assertSafeInteger(offsetUs, 'NodeClock: offsetUs');
    assertDrift(driftPpm);
    this.anchorLocalUs = offsetUs;
    this.drift = driftPpm;
  }

  get driftPpm(): number {
    return this.drift;
  }

  /** Local time at true time `trueUs` (must not precede the last re-anchor: past segments are not kept). */
  localAt(trueUs: number): number {
    const dt = trueUs - this.anchorTrueUs;
    if (!(dt >= 0) || !Number.isSafeInteger(trueUs)) this.badTrueTime('localAt', trueUs);
    // Drift-free clocks (most nodes of most runs) skip the split product: scaledElapsed(dt, 0) === dt.
    const local = this.anchorLocalUs + (this.drift === 0 ? dt : scaledElapsed(dt, this.drift));
    if (!Number.isSafeInteger(local)) fail(`NodeClock.localAt: local time overflowed at trueUs=${trueUs}`);
    return local;
  }

  /**
   * Earliest true time T >= fromTrueUs with localAt(T) >= localUs, assuming no further drift change or
   * step. Timers armed in local time fire at this true time; after a clock change the owner re-computes.
   */
  trueWhenLocal(localUs: number, fromTrueUs: number): number {
    assertSafeInteger(localUs, 'NodeClock.trueWhenLocal: localUs');
    if (this.localAt(fromTrueUs) >= localUs) return fromTrueUs;
    // Need the least dt with anchorLocal + scaledElapsed(dt) >= localUs. scaledElapsed is
    // floor(dt * rate), so the real-valued answer is ceil(need / rate); estimate it in floating point and
    // then step to the exact least integer (the estimate is off by at most a couple of units).
    const need = localUs - this.anchorLocalUs;
    const drift = this.drift;
    // Without drift local time advances one for one: the least dt is `need` itself (> fromDt, checked above).
    if (drift === 0) {
      const trueUs = this.anchorTrueUs + need;
      if (!Number.isSafeInteger(trueUs)) fail(`NodeClock.trueWhenLocal: local deadline ${localUs} is out of range`);
      return trueUs;
    }
    let dt = Math.ceil((need * MICROS_PER_SECOND) / (MICROS_PER_SECOND + drift));
    const fromDt = fromTrueUs - this.anchorTrueUs;
    if (dt <= fromDt) dt = fromDt + 1; // we already know fromDt is too early
    let steps = 0;
    while (scaledElapsed(dt, drift) < need) {
      dt++;
      if (++steps > MAX_FIXUP_STEPS) fail('NodeClock.trueWhenLocal: estimate did not converge (bug)');
    }
    while (dt - 1 > fromDt && scaledElapsed(dt - 1, drift) >= need) {
      dt--;
      if (++steps > MAX_FIXUP_STEPS) fail('NodeClock.trueWhenLocal: estimate did not converge (bug)');
    }
    const trueUs = this.anchorTrueUs + dt;
    if (!Number.isSafeInteger(trueUs)) fail(`NodeClock.trueWhenLocal: local deadline ${localUs} is out of range`);
    return trueUs;
  }

  /** Monotonic time at true time `trueUs`: the wall clock without its steps (same drift, never jumps). */
  monotonicAt(trueUs: number): number {
    return this.localAt(trueUs) - this.stepsUs;
  }

  /** Earliest true time T >= fromTrueUs with monotonicAt(T) >= monotonicUs (see trueWhenLocal). */
  trueWhenMonotonic(monotonicUs: number, fromTrueUs: number): number {
    return this.trueWhenLocal(monotonicUs + this.stepsUs, fromTrueUs);
  }

  /** Changes the drift from nowTrueUs on; local time stays continuous. */
  setDrift(nowTrueUs: number, driftPpm: number): void {
    assertDrift(driftPpm);
    this.reanchor(nowTrueUs, this.localAt(nowTrueUs));
    this.drift = driftPpm;
  }

  /** NTP step: at nowTrueUs local time jumps by deltaUs (either sign). */
  step(nowTrueUs: number, deltaUs: number): void {
    assertSafeInteger(deltaUs, 'NodeClock.step: deltaUs');
    this.reanchor(nowTrueUs, this.localAt(nowTrueUs) + deltaUs);
    this.stepsUs += deltaUs;
  }

  /** Makes localAt(nowTrueUs) == nowTrueUs + offsetUs (a step to an absolute offset); drift unchanged. */
  setOffset(nowTrueUs: number, offsetUs: number): void {
    assertSafeInteger(offsetUs, 'NodeClock.setOffset: offsetUs');
    const before = this.localAt(nowTrueUs); // also validates nowTrueUs against the current anchor
    this.reanchor(nowTrueUs, nowTrueUs + offsetUs);
    this.stepsUs += nowTrueUs + offsetUs - before;
  }

  /** localAt(trueUs) - trueUs. */
  offsetAt(trueUs: number): number {
    return this.localAt(trueUs) - trueUs;
  }

  /** Offset at the current anchor (the last re-anchor, or true time 0) and the current drift. */
  describe(): { offsetUs: number; driftPpm: number } {
    return { offsetUs: this.anchorLocalUs - this.anchorTrueUs, driftPpm: this.drift };
  }

  private reanchor(nowTrueUs: number, localUs: number): void {
    if (!Number.isSafeInteger(localUs)) fail(`NodeClock: local time ${String(localUs)} out of range`);
    this.anchorTrueUs = nowTrueUs;
    this.anchorLocalUs = localUs;
  }

  private badTrueTime(what: string, trueUs: number): never {
    fail(`NodeClock.${what}: trueUs=${String(trueUs)} must be a safe integer >= the last re-anchor time ${this.anchorTrueUs}`);
  }
}
