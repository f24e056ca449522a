// What the run report shows, checked on the parsed SVG: lanes, leader bands, arrows, the violation marker,
// hover titles, skipped charts; plus determinism, malformed input and the size bound at 100k events.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { D3Node } from 'd3-node';
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { chooseDetailWindow, parseTrace, renderRunReport, TraceFormatError, DEFAULT_MAX_ARROWS } from '../reports/index.js';
import { largeTraceLines, safetyTraceLines } from './fixtures/reports/synthetic.js';

const fixtures = fileURLToPath(new URL('./fixtures/reports/', import.meta.url));
const fixtureLines = (name: string): string[] => readFileSync(`${fixtures}${name}.jsonl`, 'utf8').split('\n');

const parser = new (new D3Node().document.defaultView!.DOMParser)();

/** Parses the SVG as XML (what a browser does with a .svg file) and fails on any XML error. */
function parseSvg(svg: string): Document {
  expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
  const doc = parser.parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror').length, 'the SVG must be well-formed XML').toBe(0);
  expect(doc.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
  return doc;
}

const titles = (doc: Document): string[] => Array.from(doc.getElementsByTagName('title'), (title) => title.textContent ?? '');
const texts = (doc: Document): string[] => Array.from(doc.getElementsByTagName('text'), (text) => text.textContent ?? '');
const records = (lines: string[]): Record<string, unknown>[] => lines.filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>);

/** Messages entering the network in [fromUs, toUs], counted from the raw records (independently of the model). */
function messagesIn(lines: string[], fromUs: number, toUs: number): number {
  const firstSeen = new Map<number, number>();
  for (const record of records(lines)) {
    if ((record.type === 'send' || record.type === 'drop') && !firstSeen.has(record.id as number)) firstSeen.set(record.id as number, record.t as number);
  }
  return [...firstSeen.values()].filter((t) => t >= fromUs && t <= toUs).length;
}

const arrowCount = (doc: Document): number => doc.querySelectorAll('g.arrows > *').length;

describe('run report content', () => {
  const faults = fixtureLines('faults-3n');
  const faultsSvg = renderRunReport(faults);
  const faultsDoc = parseSvg(faultsSvg);

  it('is deterministic: the same trace gives the same bytes', () => {
    expect(renderRunReport(faults)).toBe(faultsSvg);
    const safety = safetyTraceLines();
    expect(renderRunReport(safety, { widthPx: 900 })).toBe(renderRunReport(safety, { widthPx: 900 }));
  });

  it('has a header with scenario, seed, verdict, parameters and the trace hash', () => {
    const all = texts(faultsDoc).join('\n');
    expect(all).toContain('fixture-faults');
    expect(all).toContain('seed 2');
    expect(all).toContain('OK');
    expect(all).toContain('election timeout 150 ms–300 ms');
    expect(all).toContain('heartbeat 50 ms');
    expect(all).toContain('preVote on');
    expect(all).toContain('checkQuorum on');
    expect(all).toContain('20 ops/s');
    const end = records(faults).find((record) => record.type === 'end')!;
    expect(all).toContain(`trace hash ${end.hash as string}`);
  });

  it('draws one lane per node in the timeline and the detail panel', () => {
    const laneLabels = Array.from(faultsDoc.querySelectorAll('text.lane'), (text) => text.textContent);
    expect(laneLabels).toEqual(['n1', 'n2', 'n3', 'n1', 'n2', 'n3']);
  });

  it('draws a leader band for every leader term in the trace', () => {
    for (const [name, lines] of [
      ['faults-3n', faults],
      ['small-3n', fixtureLines('small-3n')],
      ['synthetic-safety', safetyTraceLines()],
    ] as const) {
      const leaders = records([...lines]).filter((record) => record.type === 'role' && record.role === 'leader');
      expect(leaders.length, name).toBeGreaterThan(0);
      const doc = parseSvg(renderRunReport(lines));
      const leaderBandTitles = Array.from(doc.querySelectorAll('rect.r-leader > title'), (title) => title.textContent ?? '');
      for (const leader of leaders) {
        expect(
          leaderBandTitles.some((title) => title.startsWith(`${leader.node as string} leader · term ${leader.term as number} ·`)),
          `${name}: a band for ${leader.node as string} leading term ${leader.term as number}`,
        ).toBe(true);
      }
    }
  });

  it('writes the term on wide leader bands', () => {
    expect(Array.from(faultsDoc.querySelectorAll('text.term'), (text) => text.textContent)).toEqual(expect.arrayContaining(['term 1', 'term 2', 'term 3']));
  });

  it('draws faults, down and pause periods with hover titles', () => {
    const all = titles(faultsDoc);
    expect(all.some((title) => title.startsWith('isolate n1 ·'))).toBe(true);
    expect(all.some((title) => title.startsWith('clog n1→n2 ·'))).toBe(true);
    expect(all.some((title) => title.startsWith('link n1↔n3 drop 30% ·'))).toBe(true);
    expect(all.some((title) => title.startsWith('n2 down ·') && title.includes('restarted with term 2'))).toBe(true);
    expect(all.some((title) => title.startsWith('n3 paused ·'))).toBe(true);
    expect(all.some((title) => title.includes('clock-offset: local clock now +40 ms'))).toBe(true);
    expect(faultsDoc.querySelectorAll('rect.down').length).toBeGreaterThan(0);
    expect(faultsDoc.querySelectorAll('rect.f-partition').length).toBeGreaterThan(0);
    expect(faultsDoc.querySelectorAll('line.liveness').length).toBeGreaterThan(0);
  });

  it('gives hover titles with exact values to arrows', () => {
    const arrowTitles = Array.from(faultsDoc.querySelectorAll('g.arrows > * > title'), (title) => title.textContent ?? '');
    expect(arrowTitles.length).toBe(arrowCount(faultsDoc));
    expect(arrowTitles).toContain('AppendEntries #107 n1→n2 · sent 0.582280 s · dropped 0.582280 s (partition)');
    expect(arrowTitles.some((title) => /^PreVote #1 n1→n[23] · sent 0\.178652 s · delivered 0\.\d{6} s \(\+[\d.]+ (µs|ms)\)$/.test(title))).toBe(true);
  });

  it('draws one arrow per message when the whole run fits in maxArrows', () => {
    const total = messagesIn(faults, 0, Number.MAX_SAFE_INTEGER);
    expect(total).toBeLessThanOrEqual(DEFAULT_MAX_ARROWS);
    expect(arrowCount(faultsDoc)).toBe(total);
  });

  it('draws min(messages in window, maxArrows) arrows for a chosen window', () => {
    const window = { fromUs: 400_000, toUs: 700_000 };
    const inWindow = messagesIn(faults, window.fromUs, window.toUs);
    expect(inWindow).toBeGreaterThan(20);
    expect(arrowCount(parseSvg(renderRunReport(faults, window)))).toBe(inWindow);
    expect(arrowCount(parseSvg(renderRunReport(faults, { ...window, maxArrows: 20 })))).toBe(20);
    expect(arrowCount(parseSvg(renderRunReport(faults, { ...window, maxArrows: 0 })))).toBe(0);
  });

  it('marks a safety violation with its invariant and message and centres the window on it', () => {
    const lines = safetyTraceLines();
    const doc = parseSvg(renderRunReport(lines));
    expect(doc.querySelectorAll('line.violation').length).toBeGreaterThanOrEqual(2);
    const all = texts(doc).join('\n');
    expect(all).toContain('SAFETY VIOLATION');
    expect(all).toContain('✖ ElectionSafety');
    expect(all).toContain('two leaders in term 2: n2 and n3');
    expect(titles(doc).some((title) => title.startsWith('safety violation at 1.400000 s: ElectionSafety: two leaders in term 2'))).toBe(true);
    const window = chooseDetailWindow(parseTrace(lines), { maxArrows: DEFAULT_MAX_ARROWS });
    expect(window.rule).toBe('violation');
    // The violation ends the run, so the 1 s window centred on it is shifted left to stay inside the run.
    expect(window).toMatchObject({ fromUs: 400_000, toUs: 1_400_000 });
    expect(arrowCount(doc)).toBe(messagesIn(lines, window.fromUs, window.toUs));
    // With a tight maxArrows the window narrows around the violation instead of dropping arrows.
    const narrow = chooseDetailWindow(parseTrace(lines), { maxArrows: 10 });
    expect(narrow.toUs).toBe(1_400_000);
    expect(narrow.messages.length).toBeLessThanOrEqual(10);
    expect(narrow.messages.length).toBeGreaterThan(0);
  });

  it('starts the automatic window at the first successful election when the run has no faults and more than maxArrows messages', () => {
    const small = fixtureLines('small-3n');
    const window = chooseDetailWindow(parseTrace(small), { maxArrows: 50 });
    expect(window.rule).toBe('first-leader');
    expect(window.messages.length).toBe(50);
    expect(messagesIn(small, window.fromUs, window.toUs)).toBe(50);
    expect(arrowCount(parseSvg(renderRunReport(small, { maxArrows: 50 })))).toBe(50);
  });

  it('with faults, the automatic window starts before the first fault after the first leader', () => {
    const window = chooseDetailWindow(parseTrace(faults), { maxArrows: 50 });
    expect(window.rule).toBe('first-fault');
    expect(window.messages.length).toBeLessThanOrEqual(50);
    expect(messagesIn(faults, window.fromUs, window.toUs)).toBe(window.messages.length);
  });

  it('shows the end of the run for a liveness failure', () => {
    const failed = faults.map((line) => line.replace('"verdict":"ok"', '"verdict":"liveness"'));
    const model = parseTrace(failed);
    const window = chooseDetailWindow(model, { maxArrows: DEFAULT_MAX_ARROWS });
    expect(window).toMatchObject({ rule: 'liveness', toUs: model.endUs, fromUs: model.endUs - 1_000_000 });
    const all = texts(parseSvg(renderRunReport(failed)));
    expect(all).toContain('LIVENESS FAILURE');
  });

  it('renders the log, snapshot and election-latency charts only when their records are present', () => {
    const withThem = texts(parseSvg(renderRunReport(safetyTraceLines())));
    for (const heading of ['Retained log', 'Snapshot lag', 'Election latency']) expect(withThem).toContain(heading);
    expect(withThem.some((text) => text.startsWith('p50 ') && text.endsWith('ms'))).toBe(true);
    const without = texts(faultsDoc);
    for (const heading of ['Retained log', 'Snapshot lag', 'Election latency']) expect(without).not.toContain(heading);
    for (const heading of ['Commit index', 'Apply lag', 'Client latency', 'Elections', 'Network']) expect(without).toContain(heading);
  });

  it('draws snapshot and snapshot-install marks on the lanes', () => {
    const doc = parseSvg(renderRunReport(safetyTraceLines()));
    expect(doc.querySelectorAll('path.k-snapshot').length).toBeGreaterThanOrEqual(3);
    expect(doc.querySelectorAll('path.k-snapshot-install').length).toBeGreaterThanOrEqual(1);
    expect(titles(doc).some((title) => title.includes('snapshot taken: index 10, term 1, trigger count'))).toBe(true);
  });

  it('skips every chart cleanly for a trace with no events', () => {
    const doc = parseSvg(renderRunReport(['{"t":0,"type":"meta","seed":1,"scenario":"empty","params":{"nodes":["n1"]}}', '{"t":5,"type":"end","hash":"00","verdict":"ok"}']));
    const all = texts(doc);
    for (const heading of ['Commit index', 'Apply lag', 'Client latency', 'Elections', 'Network']) expect(all).not.toContain(heading);
    expect(all).toContain('n1');
    expect(doc.querySelectorAll('g.chart').length).toBe(0);
  });

  it('renders a trace cut short (no end record) with an unknown verdict', () => {
    const cut = faults.filter((line) => !line.includes('"type":"end"'));
    expect(texts(parseSvg(renderRunReport(cut))).some((text) => text.includes('(no end record)'))).toBe(true);
  });

  it('rejects bad options with a RangeError', () => {
    expect(() => renderRunReport(faults, { widthPx: 10 })).toThrow(RangeError);
    expect(() => renderRunReport(faults, { maxArrows: -1 })).toThrow(RangeError);
    expect(() => renderRunReport(faults, { fromUs: 5, toUs: 5 })).toThrow(/fromUs < toUs/);
  });
});

describe('malformed traces', () => {
  const meta = '{"t":0,"type":"meta","seed":1,"scenario":"x","params":{"nodes":["n1","n2"]}}';
  const role = '{"t":0,"type":"role","node":"n1","role":"follower","term":0,"leader":null}';

  const expectError = (lines: string[], line: number, message: RegExp): void => {
    let caught: unknown;
    try {
      renderRunReport(lines);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TraceFormatError);
    const error = caught as TraceFormatError;
    expect(error.line).toBe(line);
    expect(error.message).toMatch(new RegExp(`^trace line ${line}: `));
    expect(error.message).toMatch(message);
  };

  it('names the line of invalid JSON', () => expectError([meta, role, '{"t":5,"type":"role",', role], 3, /invalid JSON/));
  it('requires a meta record first', () => expectError([role, meta], 1, /first record must be "meta", got "role"/));
  it('rejects a non-integer t', () => expectError([meta, '{"t":1.5,"type":"heal"}'], 2, /"t" must be a non-negative integer/));
  it('rejects a string t', () => expectError([meta, role, '{"t":"7","type":"heal"}'], 3, /"t" must be a non-negative integer/));
  it('rejects a missing t', () => expectError([meta, '{"type":"heal"}'], 2, /missing "t"/));
  it('rejects a missing type', () => expectError([meta, '{"t":3}'], 2, /missing "type"/));
  it('rejects time going backwards', () => expectError([meta, '{"t":9,"type":"heal"}', '{"t":3,"type":"heal"}'], 3, /time goes backwards/));
  it('rejects a record that is not an object', () => expectError([meta, '[1,2]'], 2, /JSON object/));
  it('rejects a bad field of a known record', () => expectError([meta, '{"t":3,"type":"role","node":"n1","role":"boss","term":1,"leader":null}'], 2, /unknown role "boss"/));
  it('rejects an unknown record type', () => expectError([meta, '{"t":3,"type":"bogus"}'], 2, /unknown record type "bogus"/));
  it('rejects a record that lacks a field of the contract', () =>
    expectError([meta, '{"t":3,"type":"crash","node":"n1","lostRecords":0}'], 2, /crash record: field "tornRecords" must be an integer, got nothing/));
  it('rejects a field the contract does not name', () => expectError([meta, '{"t":3,"type":"resume","node":"n1","why":"x"}'], 2, /resume record: unexpected field "why"/));
  it('rejects a value outside a closed set', () => expectError([meta, '{"t":3,"type":"drop","from":"n1","to":"n2","msg":"Heartbeat","id":1,"reason":"gremlins"}'], 2, /drop record: unknown reason "gremlins"/));
  it('rejects records after the end', () => expectError([meta, '{"t":3,"type":"end","hash":"0","verdict":"ok"}', '{"t":4,"type":"heal"}'], 3, /after the "end" record/));
  it('rejects an empty trace', () => expectError(['', ''], 2, /empty trace/));
  it('counts blank lines in line numbers', () => expectError([meta, '', '  ', 'nope'], 4, /invalid JSON/));

  fcTest.prop([fc.array(fc.oneof(fc.string(), fc.json(), fc.constantFrom(role, '{"t":1,"type":"send","from":"n1","to":"n2","msg":"Heartbeat","id":1}')), { maxLength: 8 })], {
    numRuns: 40,
  })('throws nothing but TraceFormatError on arbitrary input', (lines) => {
    try {
      expect(renderRunReport([meta, ...lines])).toMatch(/<\/svg>\n$/);
    } catch (error) {
      if (!(error instanceof TraceFormatError)) throw error;
    }
  });
});

describe('scale', () => {
  it('renders a 100,000-event trace to a standalone SVG under 3 MB', () => {
    const lines = largeTraceLines(100_000);
    expect(lines.length).toBeGreaterThanOrEqual(99_000);
    const svg = renderRunReport(lines);
    expect(Buffer.byteLength(svg)).toBeLessThan(3 * 1024 * 1024);
    const doc = parseSvg(svg);
    expect(arrowCount(doc)).toBeLessThanOrEqual(DEFAULT_MAX_ARROWS);
    expect(arrowCount(doc)).toBeGreaterThan(0);
    // Aggregates, not one element per event.
    expect(doc.getElementsByTagName('*').length).toBeLessThan(30_000);
  });
});
