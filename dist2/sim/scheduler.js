/**
 * The virtual-time event loop.
 *
 * Events are (timeUs, handler, arg) triples ordered by (timeUs, insertion sequence), kept in EventQueue: the
 * handler and its argument sit in parallel arrays there, so the scheduler allocates no record per event and the
 * kernel benchmark's bare loop runs over the very same heap.
 *
 * Handlers receive `arg` so callers can pass a pre-built record instead of allocating a closure per event.
 */
import { fail } from './assert.js';
import { EventQueue } from './event-queue.js';
export class Scheduler {
    nowUs = 0;
    eventsProcessed = 0;
    maxPendingEvents;
    /** The same binary heap the kernel benchmark's bare loop runs (sim/event-queue.ts): (time, insertion
     *  sequence) order, handler and argument in parallel arrays, so scheduling an event allocates nothing. */
    queue;
    stopRequested = false;
    running = false;
    constructor(options = {}) {
        const max = options.maxPendingEvents ?? 10_000_000;
        if (!Number.isSafeInteger(max) || max < 1)
            fail(`Scheduler: maxPendingEvents must be a positive integer, got ${max}`);
        this.maxPendingEvents = max;
        this.queue = new EventQueue(max, 'Scheduler: pending events would exceed maxPendingEvents');
    }
    get pendingEvents() {
        return this.queue.size;
    }
    nextEventTimeUs() {
        return this.queue.peekTimeUs();
    }
    /** Schedules `handler(arg)` at true time `timeUs` (>= now). Events at the same time run in the order scheduled. */
    at(timeUs, handler, arg) {
        if (!(timeUs >= this.nowUs && timeUs <= Number.MAX_SAFE_INTEGER && Math.floor(timeUs) === timeUs)) {
            this.badTime(timeUs);
        }
        this.queue.push(timeUs, handler, arg);
    }
    after(delayUs, handler, arg) {
        if (!(delayUs >= 0))
            fail(`Scheduler.after: delayUs must be >= 0, got ${String(delayUs)}`);
        this.at(this.nowUs + delayUs, handler, arg);
    }
    /** Makes the running (or the next) runUntil return 'stopped' before its next event. */
    stop() {
        this.stopRequested = true;
    }
    /**
     * Runs events in order until the queue is empty, the next event is later than endUs, maxEvents were run,
     * or stop() was called. When it stops because of endUs (or drains with a finite endUs), nowUs becomes endUs.
     */
    runUntil(endUs, maxEvents = Infinity) {
        if (this.running)
            fail('Scheduler.runUntil: re-entrant call from inside an event handler');
        if (!(endUs >= this.nowUs))
            fail(`Scheduler.runUntil: endUs=${String(endUs)} is before nowUs=${this.nowUs}`);
        if (!(maxEvents >= 0))
            fail(`Scheduler.runUntil: maxEvents must be >= 0, got ${String(maxEvents)}`);
        this.running = true;
        const queue = this.queue;
        let ran = 0;
        try {
            for (;;) {
                if (this.stopRequested) {
                    this.stopRequested = false;
                    return 'stopped';
                }
                if (ran >= maxEvents)
                    return 'maxEvents';
                if (queue.size === 0) {
                    if (endUs !== Infinity)
                        this.nowUs = endUs;
                    return 'drained';
                }
                if (queue.peekTimeUs() > endUs) {
                    this.nowUs = endUs;
                    return 'end';
                }
                const handler = queue.pop();
                const arg = queue.lastPoppedArg;
                queue.lastPoppedArg = undefined;
                this.nowUs = queue.lastPoppedTimeUs;
                ran++;
                this.eventsProcessed++;
                handler(arg);
            }
        }
        finally {
            this.running = false;
        }
    }
    badTime(timeUs) {
        if (typeof timeUs === 'number' && timeUs < this.nowUs) {
            fail(`Scheduler.at: timeUs=${timeUs} is in the past (nowUs=${this.nowUs})`);
        }
        fail(`Scheduler.at: timeUs must be a safe integer number of microseconds, got ${String(timeUs)}`);
    }
}
//# sourceMappingURL=scheduler.js.map