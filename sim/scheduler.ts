/**
 * The virtual-time event loop.
 *
 * Events are (timeUs, handler, arg) triples ordered by (timeUs, insertion sequence). The heap is inlined
 * here instead of wrapping EventQueue<{handler, arg}> because the scheduler is the innermost loop of every
 * run: parallel arrays avoid allocating a record per event and one level of indirection per access. The
 * ordering rules are identical to EventQueue (and tested against the same reference).
 *
 * Handlers receive `arg` so callers can pass a pre-built record instead of allocating a closure per event.
 */
import { fail } from './assert.js';

export type EventHandler = (arg: any) => void;

export type RunResult = 'drained' | 'end' | 'maxEvents' | 'stopped';

const INITIAL_CAPACITY = 1024;

export class Scheduler {
  /** Current true (virtual) time in microseconds. Only moves forward. */
  nowUs = 0;
  /** Total events run by this scheduler since construction. */
  eventsProcessed = 0;
  readonly maxPendingEvents: number;

  private times: Float64Array;
  private seqs: Float64Array;
  private handlers: (EventHandler | undefined)[] = [];
  private args: unknown[] = [];
  private count = 0;
  private capacity: number;
  private nextSeq = 0;
  private stopRequested = false;
  private running = false;

  constructor(options: { maxPendingEvents?: number } = {}) {
    const max = options.maxPendingEvents ?? 10_000_000;
    if (!Number.isSafeInteger(max) || max < 1) fail(`Scheduler: maxPendingEvents must be a positive integer, got ${max}`);
    this.maxPendingEvents = max;
    this.capacity = Math.min(INITIAL_CAPACITY, max);
    this.times = new Float64Array(this.capacity);
    this.seqs = new Float64Array(this.capacity);
  }

  get pendingEvents(): number {
    return this.count;
  }

  /** Time of the next pending event, or Infinity when none. */
  nextEventTimeUs(): number {
    return this.count === 0 ? Infinity : this.times[0];
  }

  /** Schedules `handler(arg)` at absolute true time `timeUs` (>= nowUs, integer). */
  at(timeUs: number, handler: EventHandler, arg?: unknown): void {
    // One combined range/integer test on the fast path; NaN fails every comparison and lands here too.
    if (!(timeUs >= this.nowUs && timeUs <= Number.MAX_SAFE_INTEGER && Math.floor(timeUs) === timeUs)) {
      this.badTime(timeUs);
    }
    const n = this.count;
    if (n === this.capacity) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    const handlers = this.handlers;
    const args = this.args;
    const seq = this.nextSeq++;
    // Sift up; the new seq is the largest in the heap, so an equal-time parent stays above us.
    let i = n;
    while (i > 0) {
      const p = (i - 1) >>> 1;
      const pt = times[p];
      if (pt <= timeUs) break;
      times[i] = pt;
      seqs[i] = seqs[p];
      handlers[i] = handlers[p];
      args[i] = args[p];
      i = p;
    }
    times[i] = timeUs;
    seqs[i] = seq;
    handlers[i] = handler;
    args[i] = arg;
    this.count = n + 1;
  }

  /** Schedules `handler(arg)` `delayUs` (>= 0, integer) after nowUs. */
  after(delayUs: number, handler: EventHandler, arg?: unknown): void {
    if (!(delayUs >= 0)) fail(`Scheduler.after: delayUs must be >= 0, got ${String(delayUs)}`);
    this.at(this.nowUs + delayUs, handler, arg);
  }

  /** Makes the current (or next) runUntil return 'stopped' after the running handler returns. */
  stop(): void {
    this.stopRequested = true;
  }

  /**
   * Runs events in (time, seq) order until the queue is empty ('drained'), the next event is later than
   * endUs ('end'; nowUs is then set to endUs), maxEvents were run in this call ('maxEvents') or stop() was
   * called ('stopped'). Events exactly at endUs run. On 'drained' with a finite endUs, nowUs also moves
   * to endUs (time passes even when nothing happens), so after 'end' or 'drained' nowUs === endUs; with
   * endUs = Infinity it stays at the last event's time. On 'maxEvents' and 'stopped' nowUs is the time of
   * the last event run. A pending stop() request is consumed by the call that returns 'stopped'.
   */
  runUntil(endUs: number, maxEvents: number = Infinity): RunResult {
    if (this.running) fail('Scheduler.runUntil: re-entrant call from inside an event handler');
    if (!(endUs >= this.nowUs)) fail(`Scheduler.runUntil: endUs=${String(endUs)} is before nowUs=${this.nowUs}`);
    if (!(maxEvents >= 0)) fail(`Scheduler.runUntil: maxEvents must be >= 0, got ${String(maxEvents)}`);
    this.running = true;
    let ran = 0;
    try {
      for (;;) {
        if (this.stopRequested) {
          this.stopRequested = false;
          return 'stopped';
        }
        if (ran >= maxEvents) return 'maxEvents';
        const n = this.count;
        if (n === 0) {
          if (endUs !== Infinity) this.nowUs = endUs;
          return 'drained';
        }
        // Re-read the arrays every iteration: a handler may have grown (replaced) them.
        const times = this.times;
        const timeUs = times[0];
        if (timeUs > endUs) {
          this.nowUs = endUs;
          return 'end';
        }
        const handlers = this.handlers;
        const args = this.args;
        const handler = handlers[0] as EventHandler;
        const arg = args[0];

        // Pop: move the last entry into the root hole and sift it down.
        const last = n - 1;
        this.count = last;
        if (last > 0) {
          const seqs = this.seqs;
          const t = times[last];
          const s = seqs[last];
          const h = handlers[last];
          const a = args[last];
          let i = 0;
          const half = last >>> 1;
          while (i < half) {
            let c = 2 * i + 1;
            let ct = times[c];
            let cs = seqs[c];
            const r = c + 1;
            if (r < last) {
              const rt = times[r];
              if (rt < ct || (rt === ct && seqs[r] < cs)) {
                c = r;
                ct = rt;
                cs = seqs[r];
              }
            }
            if (t < ct || (t === ct && s < cs)) break;
            times[i] = ct;
            seqs[i] = cs;
            handlers[i] = handlers[c];
            args[i] = args[c];
            i = c;
          }
          times[i] = t;
          seqs[i] = s;
          handlers[i] = h;
          args[i] = a;
        }
        // Release references held by the vacated slot so delivered messages can be collected.
        handlers[last] = undefined;
        args[last] = undefined;

        this.nowUs = timeUs;
        ran++;
        this.eventsProcessed++;
        handler(arg);
      }
    } finally {
      this.running = false;
    }
  }

  private badTime(timeUs: number): never {
    if (typeof timeUs === 'number' && timeUs < this.nowUs) {
      fail(`Scheduler.at: timeUs=${timeUs} is in the past (nowUs=${this.nowUs})`);
    }
    fail(`Scheduler.at: timeUs must be a safe integer number of microseconds, got ${String(timeUs)}`);
  }

  private grow(): void {
    if (this.capacity >= this.maxPendingEvents) {
      fail(`Scheduler: pending events would exceed maxPendingEvents=${this.maxPendingEvents} (runaway event generation?)`);
    }
    const capacity = Math.min(this.capacity * 2, this.maxPendingEvents);
    const times = new Float64Array(capacity);
    times.set(this.times);
    const seqs = new Float64Array(capacity);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
    this.capacity = capacity;
  }
}
