/**
 * Kernel micro-benchmark: how close the Scheduler gets to a bare EventQueue loop.
 *
 * Both loops keep `pending` events in flight; each event, when run, schedules one successor at
 * now + (1..1024 us) drawn from the same cheap inline LCG, so both heaps see the same key sequence.
 * Runs alternate bare/scheduler so machine noise hits both alike; we report medians of each and the
 * ratio of the medians.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { EventQueue } from '../sim/event-queue.js';
import { Scheduler } from '../sim/scheduler.js';
const noop = () => { };
/** Bare loop: pop, call the no-op handler, push a successor. Returns events per second. */
function runBare(events, pending) {
    const queue = new EventQueue();
    let lcg = 12345;
    for (let i = 0; i < pending; i++) {
        lcg = (Math.imul(lcg, 1664525) + 1013904223) | 0;
        queue.push(1 + ((lcg >>> 22) & 1023), noop);
    }
    const start = performance.now();
    for (let i = 0; i < events; i++) {
        const handler = queue.pop();
        handler(undefined);
        lcg = (Math.imul(lcg, 1664525) + 1013904223) | 0;
        queue.push(queue.lastPoppedTimeUs + 1 + ((lcg >>> 22) & 1023), handler);
    }
    const elapsedMs = performance.now() - start;
    if (queue.size !== pending)
        throw new Error('bench: bare queue lost events');
    return (events / elapsedMs) * 1000;
}
/** Scheduler loop: the handler does the same work (no-op) and schedules its successor through at(). */
function runScheduler(events, pending) {
    const scheduler = new Scheduler();
    let lcg = 12345;
    const handler = () => {
        lcg = (Math.imul(lcg, 1664525) + 1013904223) | 0;
        scheduler.at(scheduler.nowUs + 1 + ((lcg >>> 22) & 1023), handler);
    };
    for (let i = 0; i < pending; i++) {
        lcg = (Math.imul(lcg, 1664525) + 1013904223) | 0;
        scheduler.at(1 + ((lcg >>> 22) & 1023), handler);
    }
    const start = performance.now();
    const why = scheduler.runUntil(Number.MAX_SAFE_INTEGER, events);
    const elapsedMs = performance.now() - start;
    if (why !== 'maxEvents' || scheduler.pendingEvents !== pending)
        throw new Error(`bench: scheduler stopped early (${why})`);
    return (events / elapsedMs) * 1000;
}
/** Median of repeated measurements (the mean of the middle two for an even count); every bench figure uses it. */
export function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
export function benchKernel(options = {}) {
    const events = options.events ?? 2_000_000;
    const pending = options.pending ?? 1000;
    const repeats = options.repeats ?? 7;
    // Warm-up so both loops are optimized before measuring.
    runBare(Math.min(events, 200_000), pending);
    runScheduler(Math.min(events, 200_000), pending);
    const bare = [];
    const sched = [];
    for (let r = 0; r < repeats; r++) {
        bare.push(runBare(events, pending));
        sched.push(runScheduler(events, pending));
    }
    const bareEventsPerSec = median(bare);
    const schedulerEventsPerSec = median(sched);
    return { bareEventsPerSec, schedulerEventsPerSec, ratio: schedulerEventsPerSec / bareEventsPerSec, pending, events };
}
// Allow `node dist/bench/kernel.js` to print a result directly.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
    const result = benchKernel();
    console.log(JSON.stringify(result));
}
//# sourceMappingURL=kernel.js.map