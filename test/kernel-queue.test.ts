import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { EventQueue } from '../sim/event-queue.js';
import { Scheduler } from '../sim/scheduler.js';

type Op = { kind: 'push'; timeUs: number } | { kind: 'pop' };

/** Small time range so ties are frequent. */
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 20 }).map((timeUs): Op => ({ kind: 'push', timeUs })) },
  { weight: 2, arbitrary: fc.constant<Op>({ kind: 'pop' }) },
);

describe('EventQueue', () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 400 })])(
    'pops in (time, insertion) order, ties included',
    (times) => {
      const queue = new EventQueue<number>();
      times.forEach((t, i) => queue.push(t, i));
      const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i);
      const got: number[] = [];
      for (;;) {
        const before = queue.peekTimeUs();
        const item = queue.pop();
        if (item === undefined) break;
        expect(queue.lastPoppedTimeUs).toBe(before);
        got.push(item);
      }
      expect(got).toEqual(expected.map((e) => e.i));
      expect(queue.size).toBe(0);
      expect(queue.peekTimeUs()).toBe(Infinity);
    },
  );

  test.prop([fc.array(opArb, { maxLength: 600 })])('interleaved push/pop matches a reference', (ops) => {
    const queue = new EventQueue<number>();
    const reference: { t: number; i: number }[] = [];
    let next = 0;
    for (const op of ops) {
      if (op.kind === 'push') {
        queue.push(op.timeUs, next);
        reference.push({ t: op.timeUs, i: next });
        next++;
      } else {
        let best = -1;
        for (let k = 0; k < reference.length; k++) {
          const r = reference[k];
          if (best < 0 || r.t < reference[best].t || (r.t === reference[best].t && r.i < reference[best].i)) best = k;
        }
        const want = best < 0 ? undefined : reference.splice(best, 1)[0].i;
        expect(queue.pop()).toBe(want);
      }
      expect(queue.size).toBe(reference.length);
    }
  });

  test('rejects bad times and enforces maxSize', () => {
    const queue = new EventQueue<string>(3);
    expect(() => queue.push(-1, 'x')).toThrow(/non-negative safe integer/);
    expect(() => queue.push(1.5, 'x')).toThrow(/non-negative safe integer/);
    expect(() => queue.push(Number.NaN, 'x')).toThrow(/non-negative safe integer/);
    expect(() => queue.push(2 ** 53, 'x')).toThrow(/non-negative safe integer/);
    queue.push(3, 'a');
    queue.push(1, 'b');
    queue.push(2, 'c');
    expect(() => queue.push(4, 'd')).toThrow(/maxSize=3/);
    expect(queue.peek()).toBe('b');
    queue.clear();
    expect(queue.size).toBe(0);
    expect(queue.pop()).toBeUndefined();
  });

  test('grows past its initial capacity', () => {
    const queue = new EventQueue<number>();
    for (let i = 0; i < 5000; i++) queue.push((i * 7919) % 1000, i);
    let last = -1;
    let count = 0;
    while (queue.size > 0) {
      queue.pop();
      expect(queue.lastPoppedTimeUs).toBeGreaterThanOrEqual(last);
      last = queue.lastPoppedTimeUs;
      count++;
    }
    expect(count).toBe(5000);
  });
});

describe('Scheduler', () => {
  test.prop([
    fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 100 }),
    fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 200 }),
  ])('runs handlers in (time, scheduling) order and nowUs never decreases', (initialTimes, followUpDelays) => {
    const scheduler = new Scheduler();
    let nextId = 0;
    const scheduledAt = new Map<number, number>();
    const ran: { id: number; nowUs: number }[] = [];
    let delayIndex = 0;
    const handler = (id: number): void => {
      expect(scheduler.nowUs).toBe(scheduledAt.get(id));
      ran.push({ id, nowUs: scheduler.nowUs });
      if (delayIndex < followUpDelays.length) {
        const delay = followUpDelays[delayIndex++];
        const child = nextId++;
        scheduledAt.set(child, scheduler.nowUs + delay);
        scheduler.after(delay, handler, child);
      }
    };
    for (const t of initialTimes) {
      const id = nextId++;
      scheduledAt.set(id, t);
      scheduler.at(t, handler, id);
    }
    expect(scheduler.runUntil(Infinity)).toBe('drained');
    expect(ran.length).toBe(nextId);
    for (let k = 1; k < ran.length; k++) {
      const prev = ran[k - 1];
      const cur = ran[k];
      expect(cur.nowUs).toBeGreaterThanOrEqual(prev.nowUs);
      // Ids are assigned in scheduling order, so equal times must run in increasing id order.
      if (cur.nowUs === prev.nowUs) expect(cur.id).toBeGreaterThan(prev.id);
    }
    expect(scheduler.eventsProcessed).toBe(nextId);
  });

  test('runUntil stops at endUs, maxEvents, stop() and drained', () => {
    const scheduler = new Scheduler();
    const log: string[] = [];
    const record = (name: string): void => {
      log.push(`${name}@${scheduler.nowUs}`);
    };
    scheduler.at(10, record, 'a');
    scheduler.at(20, record, 'b');
    scheduler.at(30, record, 'c');
    scheduler.at(40, record, 'd');
    scheduler.at(50, record, 'e');

    expect(scheduler.runUntil(20)).toBe('end'); // events exactly at endUs run
    expect(log).toEqual(['a@10', 'b@20']);
    expect(scheduler.nowUs).toBe(20);

    expect(scheduler.runUntil(25)).toBe('end');
    expect(scheduler.nowUs).toBe(25); // advanced to endUs although no event ran
    expect(() => scheduler.at(24, record, 'x')).toThrow(/in the past/);

    expect(scheduler.runUntil(1000, 1)).toBe('maxEvents');
    expect(log.at(-1)).toBe('c@30');
    expect(scheduler.nowUs).toBe(30);

    scheduler.at(40, () => scheduler.stop());
    expect(scheduler.runUntil(1000)).toBe('stopped'); // d@40 then the stop handler at 40
    expect(log.at(-1)).toBe('d@40');
    expect(scheduler.nowUs).toBe(40);

    scheduler.stop(); // a stop requested between runs is honored (and consumed) by the next call
    expect(scheduler.runUntil(1000)).toBe('stopped');
    expect(scheduler.pendingEvents).toBe(1);

    expect(scheduler.runUntil(1000)).toBe('drained');
    expect(log.at(-1)).toBe('e@50');
    expect(scheduler.nowUs).toBe(1000); // drained with a finite end: time still advances to endUs
    expect(scheduler.nextEventTimeUs()).toBe(Infinity);

    scheduler.at(1500, record, 'f');
    expect(scheduler.runUntil(Infinity)).toBe('drained');
    expect(scheduler.nowUs).toBe(1500); // drained with no end: stays at the last event's time
  });

  test('validates times and arguments', () => {
    const scheduler = new Scheduler();
    const noop = (): void => {};
    expect(() => scheduler.at(-1, noop)).toThrow(/in the past/);
    expect(() => scheduler.at(1.5, noop)).toThrow(/safe integer/);
    expect(() => scheduler.at(Number.NaN, noop)).toThrow(/safe integer/);
    expect(() => scheduler.after(-5, noop)).toThrow(/delayUs/);
    expect(() => scheduler.runUntil(-1)).toThrow(/before nowUs/);
    scheduler.at(5, () => scheduler.runUntil(10));
    expect(() => scheduler.runUntil(10)).toThrow(/re-entrant/);
    // The scheduler stays usable after a handler threw.
    scheduler.at(7, noop);
    expect(scheduler.runUntil(10)).toBe('drained');
  });

  test('passes the argument to the handler without wrapping', () => {
    const scheduler = new Scheduler();
    const payload = { x: 1 };
    let seen: unknown = null;
    scheduler.at(3, (arg: unknown) => {
      seen = arg;
    }, payload);
    scheduler.runUntil(10);
    expect(seen).toBe(payload);
  });

  test('throws when pending events would exceed maxPendingEvents', () => {
    const scheduler = new Scheduler({ maxPendingEvents: 2000 });
    const noop = (): void => {};
    for (let i = 0; i < 2000; i++) scheduler.at(i, noop);
    expect(() => scheduler.at(5, noop)).toThrow(/maxPendingEvents=2000/);
    expect(scheduler.pendingEvents).toBe(2000);
    expect(scheduler.runUntil(Infinity)).toBe('drained');
    expect(() => new Scheduler({ maxPendingEvents: 0 })).toThrow(/maxPendingEvents/);
  });
});
