import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { IncrementalHash, hashString } from '../sim/hash.js';
import { Network } from '../sim/network.js';
import { Random } from '../sim/random.js';
import { Scheduler } from '../sim/scheduler.js';
import { FileSink, MemorySink, Trace, checkDeterminism, type TraceRecord } from '../sim/trace.js';
import type { TraceMessageType } from '../contract/trace.js';

/** The serializer and the hash are tested on records outside the contract too (made-up types, odd strings). */
const loose = (record: { t: number; type: string; [field: string]: unknown }): TraceRecord => record as unknown as TraceRecord;

interface Ping {
  kind: 'ping' | 'pong';
  seq: number;
}

/**
 * Small demo run: 5 nodes ping random peers over a lossy, jittery network for 200 ms of virtual time and
 * answer pings with pongs; every send, delivery and drop is traced. `tamper` lets a test perturb one record.
 */
function demoRun(seed: number, trace: Trace, tamper?: (lineIndex: number) => Record<string, unknown> | null): void {
  const root = Random.fromSeed(seed);
  const scheduler = new Scheduler();
  const nodes = ['n1', 'n2', 'n3', 'n4', 'n5'];
  const workload = root.child('workload');
  let lineIndex = 0;
  const emit = (type: string, fields: Record<string, unknown>): void => {
    if (!trace.enabled) return;
    const extra = tamper?.(lineIndex) ?? null;
    trace.emit(loose({ t: scheduler.nowUs, type, ...fields, ...(extra ?? {}) }));
    lineIndex++;
  };
  const network: Network<Ping> = new Network<Ping>(
    scheduler,
    root.child('network'),
    {
      nodes,
      maxMessageBytes: 1024,
      defaultLink: {
        latency: { kind: 'tail', baseUs: 300, jitterUs: 400, tailChance: 0.02, tailMeanUs: 5000 },
        dropChance: 0.03,
        duplicateChance: 0.02,
        reorderChance: 0.05,
        reorderDelay: { kind: 'uniform', minUs: 100, maxUs: 2000 },
      },
    },
    {
      deliver: (from, to, message, id) => {
        emit('deliver', { from, to, id, kind: message.kind, seq: message.seq });
        if (message.kind === 'ping') {
          const replyId = network.send(to, from, { kind: 'pong', seq: message.seq }, 64);
          emit('send', { from: to, to: from, id: replyId, kind: 'pong' });
        }
      },
      dropped: (from, to, _message, id, reason) => emit('drop', { from, to, id, reason }),
    },
  );
  let seq = 0;
  const tick = (node: string): void => {
    let to = workload.pick(nodes);
    if (to === node) to = nodes[(nodes.indexOf(node) + 1) % nodes.length];
    const id = network.send(node, to, { kind: 'ping', seq: seq++ }, 64);
    emit('send', { from: node, to, id, kind: 'ping' });
    scheduler.after(workload.int(1000, 5000), tick, node);
  };
  for (const node of nodes) scheduler.at(workload.int(0, 1000), tick, node);
  scheduler.runUntil(200_000);
  emit('end', { events: scheduler.eventsProcessed, stats: network.stats });
}

describe('hash', () => {
  test.prop([fc.string({ maxLength: 200 }), fc.array(fc.nat(), { maxLength: 5 })])(
    'incremental hashing is independent of chunking',
    (text, cuts) => {
      const h = new IncrementalHash();
      let pos = 0;
      for (const c of [...cuts].sort((a, b) => a - b)) {
        const end = Math.min(text.length, c);
        if (end < pos) continue;
        h.update(text.slice(pos, end));
        pos = end;
      }
      h.update(text.slice(pos));
      expect(h.digest()).toBe(hashString(text));
      expect(hashString(text)).toMatch(/^[0-9a-f]{16}$/);
    },
  );

  test('distinguishes near-identical strings', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(hashString(`{"t":${i},"type":"x"}`));
    seen.add(hashString(''));
    seen.add(hashString('\0'));
    seen.add(hashString('\0\0'));
    expect(seen.size).toBe(20_003);
  });
});

describe('Trace', () => {
  test('the same seed gives a byte-identical trace; different seeds differ', () => {
    const sinkA = new MemorySink();
    const sinkB = new MemorySink();
    const a = new Trace({ sink: sinkA });
    const b = new Trace({ sink: sinkB });
    demoRun(42, a);
    demoRun(42, b);
    expect(a.lines).toBeGreaterThan(500);
    expect(sinkA.text()).toBe(sinkB.text());
    expect(a.digest()).toBe(b.digest());
    expect(a.digest()).toBe(hashString(sinkA.text())); // digest == hash of the file content
    const c = new Trace({});
    demoRun(43, c);
    expect(c.digest()).not.toBe(a.digest());
    // Every line is valid JSON with t and type first.
    for (const line of sinkA.lines.slice(0, 50)) {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(parsed).slice(0, 2)).toEqual(['t', 'type']);
    }
  });

  test.prop([
    fc.array(
      fc.record({
        kind: fc.constantFrom('send', 'deliver', 'commit', 'apply', 'other'),
        t: fc.nat(),
        a: fc.constantFrom('n1', 'n2', 'dc-"eu"\\1', 'ü\n'),
        b: fc.constantFrom('n1', 'n3', 'x\ty'),
        msg: fc.constantFrom('AppendEntries', 'Heartbeat', 'Vote"Request'),
        n: fc.nat(),
        term: fc.nat(),
        digest: fc.constantFrom('noop', '0123456789abcdef'),
      }),
      { maxLength: 40 },
    ),
  ])('the fast emitters write exactly what emit writes, with a sink or with only a hash', (records) => {
    const viaEmit = new MemorySink();
    const viaFast = new MemorySink();
    const slow = new Trace({ sink: viaEmit });
    const fast = new Trace({ sink: viaFast });
    const hashOnly = new Trace({});
    const withLineHashes = new Trace({ keepLineHashes: true, hash: false });
    const slowLineHashes = new Trace({ keepLineHashes: true, hash: false });
    for (const r of records) {
      const record = loose(
        r.kind === 'send' || r.kind === 'deliver'
          ? { t: r.t, type: r.kind, from: r.a, to: r.b, msg: r.msg, id: r.n }
          : r.kind === 'commit'
            ? { t: r.t, type: 'commit', node: r.a, index: r.n, term: r.term }
            : r.kind === 'apply'
              ? { t: r.t, type: 'apply', node: r.a, index: r.n, term: r.term, digest: r.digest }
              : { t: r.t, type: 'other', node: r.a },
      );
      slow.emit(record);
      slowLineHashes.emit(record);
      for (const trace of [fast, hashOnly, withLineHashes]) {
        if (r.kind === 'send' || r.kind === 'deliver') trace.emitMessage(r.t, r.kind, r.a, r.b, r.msg as TraceMessageType, r.n);
        else if (r.kind === 'commit') trace.emitCommit(r.t, r.a, r.n, r.term);
        else if (r.kind === 'apply') trace.emitApply(r.t, r.a, r.n, r.term, r.digest);
        else trace.emit(record);
      }
    }
    expect(viaFast.text()).toBe(viaEmit.text());
    expect(fast.digest()).toBe(slow.digest());
    expect(hashOnly.digest()).toBe(slow.digest());
    expect(hashOnly.lines).toBe(records.length);
    expect(withLineHashes.lineHashes).toEqual(slowLineHashes.lineHashes);
  });

  test('checkDeterminism reports identical for a deterministic run', () => {
    const report = checkDeterminism((seed, trace) => demoRun(seed, trace), 7);
    expect(report.identical).toBe(true);
    expect(report.firstDivergence).toBeNull();
    expect(report.hashA).toBe(report.hashB);
    expect(report.lines).toBeGreaterThan(500);
  });

  test('checkDeterminism finds the first diverging line of a nondeterministic run', () => {
    // An outside counter makes only the second run emit a different record 37 (line 38, 1-based).
    let runs = 0;
    const expected = new MemorySink();
    demoRun(9, new Trace({ sink: expected }));
    const report = checkDeterminism((seed, trace) => {
      runs++;
      const thisRun = runs;
      demoRun(seed, trace, (i) => (thisRun === 2 && i === 37 ? { tampered: true } : null));
    }, 9);
    expect(report.identical).toBe(false);
    expect(report.hashA).not.toBe(report.hashB);
    expect(report.firstDivergence).not.toBeNull();
    expect(report.firstDivergence?.line).toBe(38);
    expect(report.firstDivergence?.a).toBe(expected.lines[37]);
    expect(report.firstDivergence?.b).toBe(expected.lines[37].slice(0, -1) + ',"tampered":true}');
  });

  test('checkDeterminism reports a run that ends early', () => {
    let runs = 0;
    const report = checkDeterminism((_seed, trace) => {
      runs++;
      const count = runs === 2 ? 3 : 5;
      for (let i = 0; i < count; i++) trace.emit(loose({ t: i, type: 'x' }));
    }, 1);
    expect(report.identical).toBe(false);
    expect(report.firstDivergence).toEqual({ line: 4, a: '{"t":3,"type":"x"}', b: '<end of trace>' });
  });

  test('disabled trace, bounds and validation', () => {
    const off = new Trace({ hash: false });
    expect(off.enabled).toBe(false);
    off.emit(loose({ t: 1, type: 'x' }));
    expect(off.lines).toBe(0);
    expect(() => off.digest()).toThrow(/hashing is disabled/);
    const sink = new MemorySink(2);
    const trace = new Trace({ sink, keepLineHashes: true });
    trace.emit(loose({ t: 1, type: 'a' }));
    trace.emit(loose({ t: 2, type: 'b', nested: { x: [1, 2] } }));
    expect(sink.lines).toEqual(['{"t":1,"type":"a"}', '{"t":2,"type":"b","nested":{"x":[1,2]}}']);
    expect(trace.lineHashes).toHaveLength(2);
    expect(() => trace.emit(loose({ t: 3, type: 'c' }))).toThrow(/maxLines=2/);
    expect(() => new Trace({}).emit(loose({ t: Number.NaN, type: 'x' }))).toThrow(/numeric t/);
  });

  test('FileSink writes the same bytes the trace hashed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raftsim-trace-'));
    const file = path.join(dir, 'trace.jsonl');
    try {
      const trace = new Trace({ sink: new FileSink(file) });
      demoRun(5, trace);
      trace.close();
      const content = fs.readFileSync(file, 'utf8');
      expect(content.split('\n').length - 1).toBe(trace.lines);
      expect(content.length).toBeGreaterThan(64 * 1024); // exercised the batched flush
      expect(hashString(content)).toBe(trace.digest());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
