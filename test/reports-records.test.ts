// The compaction and measurement records in the run report (docs/trace-format.md): stalls as shaded spans
// with their reason, leader-lost marks and the leaderless row, skipped and incomplete snapshots, compact
// details on the snapshot mark; legend entries only when the records are present.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTrace, renderRunReport } from '../reports/index.js';
import { compactionTraceLines } from './fixtures/reports/synthetic.js';
import { parseSvg, recordsOf, textsIn, titlesIn } from './fixtures/reports/svg-doc.js';

const fixtures = fileURLToPath(new URL('./fixtures/reports/', import.meta.url));
const fixtureLines = (name: string): string[] => readFileSync(`${fixtures}${name}.jsonl`, 'utf8').split('\n');

describe('compaction and measurement records', () => {
  const lines = compactionTraceLines();
  const records = recordsOf(lines);
  const model = parseTrace(lines);
  const doc = parseSvg(renderRunReport(lines));
  const timeline = doc.querySelector('g.timeline')!;

  it('counts every record type', () => {
    const count = (type: string): number => records.filter((r) => r.type === type).length;
    expect(model.counts).toEqual({
      snapshots: count('snapshot'),
      snapshotStarts: count('snapshot-start'),
      snapshotSkips: count('snapshot-skip'),
      snapshotInstalls: count('snapshot-install'),
      compactions: count('compact'),
      stalls: count('stall'),
      leaderLost: count('leader-lost'),
      sends: count('send'),
      drops: count('drop'),
    });
    expect(model.counts.stalls).toBe(2);
  });

  it('shades a stall from beganAtUs to the node’s next snapshot (or the end), with the reason in the title', () => {
    expect(model.stallSpans.map((span) => [span.node, span.fromUs, span.toUs, span.open])).toEqual([
      ['n3', 1_000_000, 2_200_000, false],
      ['n1', 1_300_000, 3_000_000, true],
    ]);
    const stalls = Array.from(timeline.querySelectorAll('rect.stall'));
    expect(stalls.length).toBe(2);
    const stallTitles = stalls.map((rect) => rect.querySelector('title')!.textContent!);
    expect(stallTitles[0]).toMatch(/^n3 compaction stall · 1\.000000 s – 2\.200000 s \(1\.2 s\) · began 1\.000000 s, detected 1\.600000 s: the snapshot trigger \(applied − last snapshot >= 500\) never fired/);
    expect(stallTitles[1]).toContain('(until the end of the trace)');
    expect(stallTitles[1]).toContain('keyed on raft index - applied index: lag 480 > tolerance 100');
    expect(textsIn(timeline)).toContain('compaction stall');
  });

  it('marks leader-lost on the lost leader’s lane and draws the leaderless periods', () => {
    const marks = Array.from(timeline.querySelectorAll('path.k-leader-lost'), (mark) => mark.querySelector('title')!.textContent!);
    expect(marks).toEqual([
      'n1 leader lost\n1.000000 s: leader lost: n1 was the established leader of term 1 (crash)',
      'n2 leader lost\n2.800000 s: leader lost: n2 was the established leader of term 2 (pause)',
    ]);
    const leaderless = Array.from(timeline.querySelectorAll('rect.leaderless'), (rect) => rect.querySelector('title')!.textContent!);
    expect(leaderless.length).toBe(2);
    expect(leaderless[0]).toMatch(/^no established leader · 1\.000000 s – 1\.200000 s \(200 ms\) · n1 \(term 1\) lost: crash; new leader n2 \(term 2\) established after 200 ms$/);
    expect(leaderless[1]).toContain('(until the end of the trace)');
    expect(textsIn(timeline)).toContain('2 leaderless periods, 400 ms in total');
  });

  it('draws skipped windows and snapshots lost in a crash, and adds write time and compaction to snapshot marks', () => {
    const titles = titlesIn(timeline);
    expect(titles.some((title) => title.startsWith('n1 snapshot window skipped\n0.700000 s: snapshot window time:1 skipped: nothing applied since the last snapshot (stale applied index 0); window intended at 0.690000 s'))).toBe(true);
    expect(titles.some((title) => title.startsWith('n1 snapshot not completed\n1.000000 s: snapshot of index 320 (trigger time, round time:2) started 0.950000 s, lost in the crash'))).toBe(true);
    expect(titles).toContain(
      'n2 snapshot taken\n0.612000 s: snapshot taken: index 200, term 1, trigger count, 4096 bytes, round count:1; started 0.600000 s, durable after 12 ms; log compacted to index 150, 50 entries retained, 9000 bytes on disk',
    );
    expect(timeline.querySelectorAll('path.k-snapshot-skip').length).toBe(1);
    expect(timeline.querySelectorAll('path.k-snapshot-incomplete').length).toBe(1);
  });

  it('adds legend entries for the new records only when the trace has them', () => {
    const legend = (svgDoc: Document): string[] => textsIn(svgDoc.querySelector('g.legend')!);
    for (const entry of ['leader lost', 'no leader (until re-established)', 'compaction stall', 'snapshot window skipped', 'snapshot not completed']) {
      expect(legend(doc)).toContain(entry);
      expect(legend(parseSvg(renderRunReport(fixtureLines('faults-3n'))))).not.toContain(entry);
    }
  });

  it('reads the simulator’s records: a real leader crash', () => {
    const crash = fixtureLines('crash-3n');
    const crashModel = parseTrace(crash);
    const lost = recordsOf(crash).find((r) => r.type === 'leader-lost')!;
    const latency = recordsOf(crash).find((r) => r.type === 'election-latency')!;
    expect(crashModel.leaderLosses).toEqual([{ node: lost.node, term: lost.term, why: 'crash', tUs: lost.t }]);
    expect(crashModel.leaderless.map((span) => [span.fromUs, span.toUs, span.open])).toEqual([[latency.fromUs, latency.toUs, false]]);
    expect(crashModel.counts.compactions).toBe(3);
    const crashDoc = parseSvg(renderRunReport(crash));
    expect(crashDoc.querySelector('g.timeline')!.querySelectorAll('rect.leaderless').length).toBe(1);
  });
});
