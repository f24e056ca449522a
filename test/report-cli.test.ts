// The SVG reports from the command line: `run --report`, `report`, `compare` (two traces or two sweep.json
// files), `sweep --report` and `merge --report`. Checked: valid SVGs with the expected content, byte-identical
// output for the same trace, the detail window flags, and bad input (a corrupt or truncated trace, mismatched
// inputs) exiting 2 with one line naming the file and the line, without writing anything.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { D3Node } from 'd3-node';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text), isTerminal: false });
  return { code, out, err };
}

const parser = new (new D3Node().document.defaultView!.DOMParser)();

/** Parses the SVG as XML, as a browser opens a .svg file, failing on any XML error. */
function parseSvg(file: string): Document {
  const svg = readFileSync(file, 'utf8');
  expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
  const doc = parser.parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror').length, `${file} must be well-formed XML`).toBe(0);
  expect(doc.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
  return doc;
}

const texts = (doc: Document): string[] => Array.from(doc.getElementsByTagName('text'), (text) => text.textContent ?? '');
const detailNote = (doc: Document): string => texts(doc).find((text) => / messages.* · dashed = response/.test(text)) ?? '';

/** Exit 2, one line on stderr naming what is wrong, no stack trace, nothing on stdout. */
function expectUsageError(result: { code: number; out: string; err: string }, pattern: RegExp): void {
  expect(result.code, result.err).toBe(2);
  expect(result.err).toMatch(/^raftsim: /);
  expect(result.err).toMatch(pattern);
  expect(result.err.trim().split('\n')).toHaveLength(1);
  expect(result.err).not.toMatch(/\n\s+at /);
  expect(result.out).toBe('');
}

const dir = mkdtempSync(join(tmpdir(), 'raftsim-report-cli-'));
const runA = join(dir, 'a');
const runB = join(dir, 'b');
const brokenCommit = join(dir, 'broken-commit.yaml');
writeFileSync(
  brokenCommit,
  `name: broken-commit
question: Does the checker catch votes granted without the up-to-date check (paper 5.4.1)?
cluster: {nodes: 5}
raft:
  unsafe: {skipUpToDateCheck: true}
chaos:
  kinds: [crash, partition, isolate, pause]
  meanGap: 400ms
  maxFaultDuration: 1.5s
duration: 4s
`,
);

describe('raftsim run --report and raftsim report', () => {
  it('run --out D --report writes D/report.svg (and the trace it is drawn from): the scenario, a lane per node; the summary names it', async () => {
    const { code, out } = await cli('run', 'flapping-links', '--seed', '2', '--duration', '4s', '--out', runA, '--report');
    expect(code).toBe(0);
    expect(out).toContain(`written     ${join(runA, 'result.json')}, ${join(runA, 'trace.jsonl')}, ${join(runA, 'report.svg')}`);
    const result = JSON.parse(readFileSync(join(runA, 'result.json'), 'utf8'));
    expect(result.traceFile).toBe('trace.jsonl');
    const doc = parseSvg(join(runA, 'report.svg'));
    expect(texts(doc)[0]).toBe('raftsim run report · flapping-links · seed 2');
    expect(texts(doc).join('\n')).toContain(`trace hash ${result.traceHash}`);
    const nodes = result.options.cluster.nodeIds as string[];
    expect(nodes.length).toBeGreaterThan(2);
    // One lane per node in the whole-run timeline, and again in the detail panel.
    expect(Array.from(doc.querySelectorAll('text.lane'), (text) => text.textContent)).toEqual([...nodes, ...nodes]);
    expect(readdirSync(runA).sort()).toEqual(['report.svg', 'result.json', 'trace.jsonl']);
  });

  it('report on that trace writes the same bytes (default output: report.svg next to the trace)', async () => {
    const copy = join(dir, 'copy.svg');
    const { code, out, err } = await cli('report', join(runA, 'trace.jsonl'), '-o', copy);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatch(new RegExp(`^wrote ${copy} \\(\\d+ KiB\\): run report of flapping-links seed 2, \\d+ nodes\\n$`));
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(join(runA, 'report.svg'), 'utf8'));
    const before = readFileSync(join(runA, 'report.svg'), 'utf8');
    expect((await cli('report', runA)).code).toBe(0); // a directory stands for its trace.jsonl
    expect(readFileSync(join(runA, 'report.svg'), 'utf8')).toBe(before);
  });

  it('--from/--to choose the detail window, as human durations; run --report takes them too', async () => {
    const zoom = join(dir, 'zoom.svg');
    const { code, out } = await cli('report', join(runA, 'trace.jsonl'), '-o', zoom, '--from', '1.5s', '--to', '2500ms', '--title', 'flapping links, 1.5 s to 2.5 s');
    expect(code).toBe(0);
    expect(out).toContain('detail 1.5s..2.5s');
    const doc = parseSvg(zoom);
    expect(texts(doc)[0]).toBe('flapping links, 1.5 s to 2.5 s');
    expect(detailNote(doc)).toMatch(/^1\.50* s – 2\.50* s \(1 s\): chosen window · /);
    expect(detailNote(parseSvg(join(runA, 'report.svg')))).not.toContain('chosen window');

    const run = await cli('run', 'flapping-links', '--seed', '2', '--duration', '4s', '--out', runB, '--report', '--from', '1.5s', '--to', '2.5s');
    expect(run.code).toBe(0);
    const plain = join(dir, 'zoom-plain.svg');
    await cli('report', join(runA, 'trace.jsonl'), '-o', plain, '--from', '1.5s', '--to', '2.5s');
    expect(readFileSync(join(runB, 'report.svg'), 'utf8')).toBe(readFileSync(plain, 'utf8'));
  });

  it('a truncated or corrupt trace exits 2 naming the file and the line, and writes nothing', async () => {
    const text = readFileSync(join(runA, 'trace.jsonl'), 'utf8');
    const truncated = join(dir, 'truncated.jsonl');
    const cut = Math.floor(text.length / 2);
    writeFileSync(truncated, text.slice(0, cut));
    const lineOfCut = text.slice(0, cut).split('\n').length;
    expect(text[cut - 1]).not.toBe('\n');
    const output = join(dir, 'bad', 'report.svg');
    expectUsageError(await cli('report', truncated, '-o', output), new RegExp(`truncated\\.jsonl: line ${lineOfCut}: invalid JSON .*expected a trace\\.jsonl written by \`raftsim run --out DIR --trace\``));
    expect(existsSync(join(dir, 'bad'))).toBe(false);

    const lines = text.split('\n');
    const corrupt = join(dir, 'corrupt.jsonl');
    writeFileSync(corrupt, [...lines.slice(0, 99), lines[99]!.replace(/"t":\d+/, '"t":-5'), ...lines.slice(100)].join('\n'));
    // An existing output file is left as it was.
    writeFileSync(join(dir, 'keep.svg'), 'old');
    expectUsageError(await cli('report', corrupt, '-o', join(dir, 'keep.svg')), /corrupt\.jsonl: line 100: "t" must be a non-negative integer/);
    expect(readFileSync(join(dir, 'keep.svg'), 'utf8')).toBe('old');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    expectUsageError(await cli('report', join(runA, 'result.json')), /result\.json: line 1: found a JSON document spread over many lines \(a result\.json or sweep\.json\?\), not a trace/);
  });

  it('a trace cut at a line boundary (no end record) is drawn, with a note that its verdict is unknown', async () => {
    const partial = join(dir, 'partial.jsonl');
    writeFileSync(partial, readFileSync(join(runA, 'trace.jsonl'), 'utf8').split('\n').slice(0, 2000).join('\n') + '\n');
    const { code, err } = await cli('report', partial, '-o', join(dir, 'partial.svg'));
    expect(code).toBe(0);
    expect(err).toMatch(/^raftsim: note: .*partial\.jsonl has no end record/);
    parseSvg(join(dir, 'partial.svg'));
  });

  it.each([
    [['report', '/nonexistent/trace.jsonl'], /\/nonexistent\/trace\.jsonl: no such file; expected a trace\.jsonl/],
    [['report', 'TRACE', '--from', 'soon'], /--from soon: expected a time into the run such as 12\.5s/],
    [['report', 'TRACE', '--from', '3s', '--to', '2s'], /--from 3s --to 2s: expected --from before --to/],
    [['report', 'TRACE', '--from', '10min'], /--from 10min: the run in .*trace\.jsonl ends at [\d.]+s; expected a time inside the run/],
    [['report', 'TRACE', '--to', '0'], /--to 0: expected a time after the start of the run/],
    [['report', 'TRACE', '-o', 'DIR'], /-o .*: is a directory; expected a file name such as .*report\.svg/],
    [['run', '--report'], /--report writes DIR\/report\.svg .* needs --out DIR/],
    [['run', '--from', '2s'], /--from selects the detail window of the report and needs --report/],
    [['run', 'steady-state', '--out', 'DIR', '--report', '--to', 'x'], /--to x: expected a time into the run/],
    [['sweep', 'steady-state', '--report'], /--report writes DIR\/sweep\.svg .* needs --out DIR/],
    [['merge', 'SWEEP', '--report'], /--report writes DIR\/sweep\.svg .* needs --out DIR/],
  ])('%j exits 2', async (argv, pattern) => {
    const args = argv.map((arg) => (arg === 'TRACE' ? join(runA, 'trace.jsonl') : arg === 'DIR' ? runA : arg === 'SWEEP' ? join(dir, 'none.json') : arg));
    expectUsageError(await cli(...args), pattern);
  });
});

describe('raftsim sweep --report, merge --report and compare', () => {
  const sweepA = join(dir, 'sweep-a');
  const sweepB = join(dir, 'sweep-b');

  it('sweep --report writes sweep.svg: the seeds, their distributions, and every failing seed with the command that replays it', async () => {
    const { code, out } = await cli('sweep', brokenCommit, '--seeds', '1..10', '--workers', '1', '--drop', '0.5%', '--out', sweepA, '--report');
    expect([0, 1]).toContain(code);
    expect(out).toContain(`  report      ${join(sweepA, 'sweep.svg')}\n`);
    const sweep = JSON.parse(readFileSync(join(sweepA, 'sweep.json'), 'utf8'));
    const failing = sweep.summary.failing as { seed: number; replay: string }[];
    expect(failing.length, 'the broken vote rule fails on some of seeds 1..10').toBeGreaterThan(0);
    const doc = parseSvg(join(sweepA, 'sweep.svg'));
    const all = texts(doc);
    expect(all[0]).toBe('raftsim sweep report · broken-commit');
    expect(all).toContain('10 seeds (1–10)');
    // The replay commands are the ones the sweep printed, overrides included.
    const rows = Array.from(doc.querySelectorAll('g.failing-seed'), (row) => Array.from(row.getElementsByTagName('text'), (text) => text.textContent ?? ''));
    expect(rows.map((row) => row[0])).toEqual(failing.map((seed) => `seed ${seed.seed}`));
    for (const seed of failing) {
      expect(seed.replay).toBe(`npx raftsim run ${brokenCommit} --seed ${seed.seed} --drop 0.5%`);
      expect(out).toContain(`replay: ${seed.replay}`);
      expect(all).toContain(`$ ${seed.replay}`);
    }
    // The per-seed headline metrics of sweep.json, drawn as distributions (or listed when constant).
    const metrics = Array.from(doc.querySelectorAll('g.metric'), (panel) => panel.getAttribute('data-metric'));
    expect(metrics).toEqual(expect.arrayContaining(['electionLatency.p99', 'logGrowth.peakEntries', 'commitLatency.p99']));
    expect(all.join('\n')).toContain('raft.unsafe.skipUpToDateCheck on');
  });

  it('merge --report draws the merged seeds: one sweep.json merged gives the same sweep.svg', async () => {
    const merged = join(dir, 'merged');
    const { code, out } = await cli('merge', join(sweepA, 'sweep.json'), '--out', merged, '--report');
    expect([0, 1]).toContain(code);
    expect(out).toContain(`  report      ${join(merged, 'sweep.svg')}\n`);
    expect(readFileSync(join(merged, 'sweep.svg'), 'utf8')).toBe(readFileSync(join(sweepA, 'sweep.svg'), 'utf8'));
  });

  it('compare of two traces writes the comparison report; labels default to scenario and seed', async () => {
    await cli('run', 'flapping-links', '--seed', '3', '--duration', '4s', '--out', runB, '--trace');
    const output = join(dir, 'compare.svg');
    const { code, out } = await cli('compare', join(runA, 'trace.jsonl'), join(runB, 'trace.jsonl'), '-o', output);
    expect(code).toBe(0);
    expect(out).toMatch(/comparison of two runs: A flapping-links seed 2, B flapping-links seed 3/);
    const doc = parseSvg(output);
    expect(texts(doc)[0]).toBe('raftsim comparison · flapping-links seed 2 vs flapping-links seed 3');
    expect(doc.querySelectorAll('[data-run="A"]').length).toBeGreaterThan(0);
    expect(doc.querySelectorAll('[data-run="B"]').length).toBeGreaterThan(0);
    const labelled = await cli('compare', runA, runB, '-o', output, '--label-a', 'seed two', '--label-b', 'seed three');
    expect(labelled.code).toBe(0);
    expect(texts(parseSvg(output))[0]).toBe('raftsim comparison · seed two vs seed three');
  });

  it('compare of two sweep.json files writes the sweep comparison', async () => {
    expect((await cli('sweep', brokenCommit, '--seeds', '11..14', '--workers', '1', '--out', sweepB)).code).not.toBe(2);
    const output = join(dir, 'sweeps.svg');
    const { code, out } = await cli('compare', join(sweepA, 'sweep.json'), join(sweepB, 'sweep.json'), '-o', output);
    expect(code).toBe(0);
    expect(out).toMatch(/comparison of two sweeps: A broken-commit --drop 0\.5% seeds 1\.\.10 \(10 seeds\), B broken-commit seeds 11\.\.14 \(4 seeds\)/);
    const doc = parseSvg(output);
    expect(texts(doc)[0]).toBe('raftsim sweep comparison · broken-commit --drop 0.5% seeds 1..10 vs broken-commit seeds 11..14');
    expect(doc.querySelectorAll('g.metric').length).toBeGreaterThan(3);
  });

  it('mismatched or unknown inputs exit 2 and write nothing', async () => {
    const output = join(dir, 'never.svg');
    const cases: [string, string, RegExp][] = [
      [join(sweepA, 'sweep.json'), join(runA, 'trace.jsonl'), /compare: A \(.*sweep\.json\) is a sweep\.json but B \(.*trace\.jsonl\) is a trace; expected two traces .* or two sweep\.json files/],
      [join(runA, 'trace.jsonl'), sweepB, /A \(.*trace\.jsonl\) is a trace but B \(.*sweep-b\/sweep\.json\) is a sweep\.json/],
      [join(runA, 'result.json'), join(runB, 'trace.jsonl'), /result\.json: is a result\.json, which holds a run's figures but not its events/],
      [brokenCommit, join(runB, 'trace.jsonl'), /broken-commit\.yaml: found neither a trace nor a sweep\.json/],
      [join(runA, 'trace.jsonl'), join(dir, 'truncated.jsonl'), /truncated\.jsonl: line \d+: invalid JSON/],
      [join(runA, 'trace.jsonl'), '/nonexistent/b.jsonl', /\/nonexistent\/b\.jsonl: no such file/],
    ];
    for (const [a, b, pattern] of cases) expectUsageError(await cli('compare', a, b, '-o', output), pattern);
    expect(existsSync(output)).toBe(false);
  });

  it.each(['report', 'compare'])('%s --help prints usage and exits 0', async (command) => {
    const { code, out, err } = await cli(command, '--help');
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`raftsim ${command}`));
    expect(err).toBe('');
  });
});

describe('the built executable', () => {
  const bin = join(process.cwd(), 'dist', 'src', 'bin.js');

  it.skipIf(!existsSync(bin))('draws the same report as the in-process command, and refuses a truncated trace with exit 2', () => {
    const output = join(dir, 'spawned.svg');
    const ok = spawnSync(process.execPath, [bin, 'report', join(runA, 'trace.jsonl'), '-o', output], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(readFileSync(join(dir, 'copy.svg'), 'utf8'));
    const bad = spawnSync(process.execPath, [bin, 'report', join(dir, 'truncated.jsonl'), '-o', join(dir, 'spawned-bad.svg')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^raftsim: .*truncated\.jsonl: line \d+: invalid JSON/);
    // A stack frame starts a line ("    at fn (file:line)"); the one-line message may itself say "in JSON at position".
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'spawned-bad.svg'))).toBe(false);
  });
});
