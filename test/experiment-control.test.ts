// The experimental control Figure 16 of the Raft paper needs (docs/scenarios.md, "Experiments"): followers whose
// logs lag (a filter dropping AppendEntries to them), a pinned first leader (`campaign`), and a crash keyed to
// the leader's heartbeat broadcast with a uniformly drawn offset (`after: heartbeat-sent`, `delay: a..b`).
import { describe, expect, it } from 'vitest';
import { runScenarioSpec } from '../src/api.js';
import { parseScenarioText } from '../src/scenario/load.js';
import { MemorySink, Trace } from '../sim/trace.js';
import type { ScenarioInput } from '../src/scenario/input.js';

interface Rec {
  t: number;
  type: string;
  node?: string;
  role?: string;
  from?: string;
  msg?: string;
}

function figure16(delay: string, faults: 'all' | 'no-filter' = 'all'): ScenarioInput {
  return {
    question: 'Who leads after the leader crashes right after a heartbeat, with n4 and n5 behind?',
    cluster: { nodes: 5 },
    raft: { profile: 'logcabin', electionTimeout: '150ms..300ms' },
    network: { latency: '1500us..3ms' },
    workload: { clients: 0 },
    duration: '2s',
    faults: [
      ...(faults === 'all' ? [{ at: 0, filter: { messages: 'append', action: 'drop', from: 'all', to: ['n4', 'n5'] } } as const] : []),
      { at: 0, campaign: 'n1' },
      { after: 'heartbeat-sent', from: '500ms', delay, crash: 'event-node' },
    ],
  } as ScenarioInput;
}

function records(spec: ScenarioInput, seed: number): Rec[] {
  const sink = new MemorySink(1_000_000);
  runScenarioSpec(spec, { seed, trace: new Trace({ sink }) });
  return sink.lines.map((line) => JSON.parse(line) as Rec);
}

describe('experimental control for the Raft paper Figure 16', () => {
  it('campaign pins the first leader; the crash follows the first heartbeat after `from` by a drawn offset', () => {
    const offsets: number[] = [];
    for (let seed = 1; seed <= 8; seed++) {
      const recs = records(figure16('0..75ms'), seed);
      const leaders = recs.filter((r) => r.type === 'role' && r.role === 'leader');
      expect(leaders[0]!.node, `seed ${seed}`).toBe('n1');
      const crash = recs.find((r) => r.type === 'crash')!;
      expect(crash.node).toBe('n1');
      const heartbeat = recs.find((r) => r.type === 'send' && r.msg === 'Heartbeat' && r.from === 'n1' && r.t >= 500_000)!;
      const offset = crash.t - heartbeat.t;
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThanOrEqual(75_000);
      offsets.push(offset);
    }
    // Drawn, not fixed: the offsets differ across seeds.
    expect(new Set(offsets).size).toBeGreaterThan(4);
    // A fixed delay gives the same offset every time.
    const fixed = [1, 2].map((seed) => {
      const recs = records(figure16('20ms'), seed);
      const heartbeat = recs.find((r) => r.type === 'send' && r.msg === 'Heartbeat' && r.from === 'n1' && r.t >= 500_000)!;
      return recs.find((r) => r.type === 'crash')!.t - heartbeat.t;
    });
    expect(fixed).toEqual([20_000, 20_000]);
  });

  it('followers cut off from AppendEntries cannot win: only n2 or n3 succeed n1, and n4/n5 lose when they run', () => {
    let staleRan = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const recs = records(figure16('0..75ms'), seed);
      const crashAt = recs.find((r) => r.type === 'crash')!.t;
      const next = recs.find((r) => r.type === 'role' && r.role === 'leader' && r.t > crashAt)!;
      expect(['n2', 'n3'], `seed ${seed}`).toContain(next.node);
      staleRan += recs.filter((r) => r.t > crashAt && r.t < next.t && r.type === 'role' && r.role === 'candidate' && (r.node === 'n4' || r.node === 'n5')).length;
    }
    expect(staleRan).toBeGreaterThan(0);
    // Without the filter, n4 or n5 wins some of these elections.
    const winners = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const recs = records(figure16('0..75ms', 'no-filter'), seed);
      const crashAt = recs.find((r) => r.type === 'crash')!.t;
      winners.add(recs.find((r) => r.type === 'role' && r.role === 'leader' && r.t > crashAt)!.node!);
    }
    expect([...winners].some((node) => node === 'n4' || node === 'n5')).toBe(true);
  });

  it('a drawn delay, from and until are read and checked', () => {
    const load = (faults: string) => parseScenarioText(`question: q?\nfaults:\n${faults}`, { kind: 'file', ref: 'x.yaml', path: null }, 'x');
    expect(load('  - {after: heartbeat-sent, from: 1s, until: 2s, delay: 0..75ms, crash: event-node}\n').spec.faults![0]!.when).toEqual({ kind: 'after', event: 'heartbeat-sent', delayUs: 0, times: 1, delayMaxUs: 75_000, fromUs: 1_000_000, untilUs: 2_000_000 });
    expect(() => load('  - {after: heartbeat-sent, delay: 0..75ms, pause: n1, for: 1s}\n')).toThrow(/no "for" with a drawn delay/);
    expect(() => load('  - {at: 1s, from: 1s, crash: n1}\n')).toThrow(/from only together with every: or after:/);
    expect(() => load('  - {at: 1s, campaign: n9}\n').compile(1)).toThrow(/campaign: found "n9"/);
  });
});
