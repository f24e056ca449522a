// `raftsim export TRACE --format perfetto`: Chrome trace-event JSON that parses as the trace-event format —
// a named process per node, role slices, every message a flow from its send slice to its deliver slice,
// counters (term, commit, applied), faults as instant events — and whose counts round-trip with the trace.
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NETWORK_PID, parseTrace, PERFETTO_THREADS, type TraceEvent } from '../reports/index.js';
import { main } from '../src/cli.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), isTerminal: false });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'raftsim-perfetto-'));
const fixtures = new URL('./fixtures/reports/', import.meta.url);
const PHASES = new Set(['X', 'i', 'C', 's', 'f', 'M']);
const NODE_FAULTS = ['crash', 'restart', 'pause', 'resume', 'slow', 'clock', 'stall', 'leader-lost', 'step-down', 'snapshot-install'];
const NETWORK_FAULTS = ['partition', 'heal', 'link', 'link-reset', 'clog', 'unclog'];

/** The trace-event format's rules for the phases used (Trace Event Format, "JSON Object Format"). */
function checkFormat(json: unknown): TraceEvent[] {
  expect(json).toBeTypeOf('object');
  const { traceEvents, displayTimeUnit } = json as { traceEvents: unknown; displayTimeUnit: unknown };
  expect(Array.isArray(traceEvents)).toBe(true);
  expect(['ms', 'ns']).toContain(displayTimeUnit);
  for (const e of traceEvents as TraceEvent[]) {
    expect(typeof e.name).toBe('string');
    expect(PHASES.has(e.ph), e.ph).toBe(true);
    expect(Number.isFinite(e.ts) && e.ts >= 0).toBe(true);
    expect(Number.isInteger(e.pid) && Number.isInteger(e.tid)).toBe(true);
    if (e.ph === 'X') expect(e.dur! >= 0).toBe(true);
    if (e.ph === 's' || e.ph === 'f') expect(Number.isInteger(e.id)).toBe(true);
    if (e.ph === 'f') expect(e.bp).toBe('e');
    if (e.ph === 'i') expect(['p', 'g', 't']).toContain(e.s);
    if (e.ph === 'C') expect(Object.values(e.args ?? {}).every((v) => typeof v === 'number')).toBe(true);
  }
  return traceEvents as TraceEvent[];
}

describe('raftsim export --format perfetto', () => {
  for (const name of ['faults-3n', 'crash-3n']) {
    it(`${name}: parses as trace-event JSON and its counts round-trip with the trace`, async () => {
      const trace = join(dir, `${name}.jsonl`);
      copyFileSync(new URL(`${name}.jsonl`, fixtures), trace);
      const output = join(dir, `${name}.json`);
      const result = await cli('export', trace, '--format', 'perfetto', '-o', output);
      expect(result.code, result.err).toBe(0);
      expect(result.out).toMatch(/^wrote .*\.json \(\d+ KiB\): Perfetto trace of /);
      const events = checkFormat(JSON.parse(readFileSync(output, 'utf8')));
      const lines = readFileSync(trace, 'utf8').split('\n');
      const records = lines.filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
      const count = (type: string): number => records.filter((r) => r.type === type).length;
      const model = parseTrace(lines);
      const of = (test: (e: TraceEvent) => boolean): TraceEvent[] => events.filter(test);

      // One named process per node (and the network), with its threads.
      const names = of((e) => e.ph === 'M' && e.name === 'process_name');
      expect(names.map((e) => e.args!.name)).toEqual(['network', ...model.nodes]);
      expect(names.find((e) => e.args!.name === 'network')!.pid).toBe(NETWORK_PID);
      // Roles: one slice per role span of the report model.
      expect(of((e) => e.cat === 'role' && e.ph === 'X' && e.tid === PERFETTO_THREADS.roles)).toHaveLength(model.roleSpans.length);
      // Messages: a send slice per send record, a deliver slice per deliver record, a flow per delivered message.
      expect(of((e) => e.cat === 'send' && e.ph === 'X')).toHaveLength(count('send'));
      expect(of((e) => e.cat === 'deliver' && e.ph === 'X')).toHaveLength(count('deliver'));
      expect(of((e) => e.cat === 'drop')).toHaveLength(count('drop'));
      const sent = new Set(records.filter((r) => r.type === 'send').map((r) => r.id));
      const delivered = new Set(records.filter((r) => r.type === 'deliver' && sent.has(r.id)).map((r) => r.id));
      const starts = of((e) => e.ph === 's');
      const ends = of((e) => e.ph === 'f');
      expect(starts).toHaveLength(sent.size);
      expect(ends).toHaveLength(delivered.size);
      const startById = new Map(starts.map((e) => [e.id, e]));
      for (const end of ends) {
        const start = startById.get(end.id)!;
        expect(start.ts).toBeLessThanOrEqual(end.ts);
        // Each flow end is inside the receiver's deliver slice, each start inside the sender's send slice.
        expect(events.some((e) => e.cat === 'deliver' && e.pid === end.pid && e.tid === end.tid && e.ts === end.ts)).toBe(true);
        expect(events.some((e) => e.cat === 'send' && e.pid === start.pid && e.tid === start.tid && e.ts === start.ts)).toBe(true);
      }
      // Counters, and faults as instants.
      expect(of((e) => e.ph === 'C' && e.name === 'term')).toHaveLength(count('role'));
      expect(of((e) => e.ph === 'C' && e.name === 'commit')).toHaveLength(count('commit'));
      expect(of((e) => e.ph === 'C' && e.name === 'applied')).toHaveLength(count('apply'));
      const nodeFaults = NODE_FAULTS.reduce((sum, type) => sum + count(type), 0);
      const networkFaults = NETWORK_FAULTS.reduce((sum, type) => sum + count(type), 0);
      expect(nodeFaults + networkFaults).toBeGreaterThan(0);
      expect(of((e) => e.cat === 'fault' && e.s === 'p')).toHaveLength(nodeFaults);
      expect(of((e) => e.cat === 'fault' && e.s === 'g' && e.pid === NETWORK_PID)).toHaveLength(networkFaults);
    });
  }

  it('an unknown format or a corrupt trace exits 2 and writes nothing', async () => {
    const trace = join(dir, 'small.jsonl');
    copyFileSync(new URL('small-3n.jsonl', fixtures), trace);
    const bad = await cli('export', trace, '--format', 'pprof', '-o', join(dir, 'x.json'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--format pprof: expected one of perfetto/);
    const corrupt = join(dir, 'corrupt.jsonl');
    const text = readFileSync(trace, 'utf8');
    copyFileSync(trace, corrupt);
    await import('node:fs').then((fs) => fs.writeFileSync(corrupt, text.slice(0, Math.floor(text.length / 2))));
    const cut = await cli('export', corrupt, '-o', join(dir, 'y.json'));
    expect(cut.code).toBe(2);
    expect(cut.err).toMatch(/corrupt\.jsonl: line \d+/);
    expect(existsSync(join(dir, 'y.json'))).toBe(false);
  });
});
