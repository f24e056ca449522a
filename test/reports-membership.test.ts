// Membership in the run report (issue #12, reports part): the configuration changes' labels (changeLabel), the
// lanes' membership spans and the joint spans the builder makes from grow-3-to-5 and replace-leader runs
// (checked against the raw trace records), and the membership figures shown only for runs that changed
// membership.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { D3Node } from 'd3-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTrace, renderModel, withRunResult, type RunModel } from '../reports/index.js';
import { formatExactDurationUs } from '../reports/format.js';
import { changeLabel, memberStatus, parseConfig } from '../reports/membership-config.js';
import { runScenario } from '../src/api.js';
import { runResultInfo } from '../src/reports.js';
import type { ResultJson } from '../src/result.js';

const dir = mkdtempSync(join(tmpdir(), 'raftsim-membership-report-'));
const parser = new (new D3Node().document.defaultView!.DOMParser)();
/** Each text element's own text, without its hover <title>. */
const texts = (svg: string): string[] =>
  Array.from(parser.parseFromString(svg, 'image/svg+xml').getElementsByTagName('text'), (t) =>
    Array.from(t.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.nodeValue ?? '')
      .join(''),
  );
const fixtures = fileURLToPath(new URL('./fixtures/reports/', import.meta.url));

interface Rec {
  readonly t: number;
  readonly type: string;
  readonly node?: string;
  readonly index?: number;
  readonly config?: string;
}

interface Run {
  readonly model: RunModel;
  readonly records: readonly Rec[];
  readonly json: ResultJson;
}

function run(scenario: string): Run {
  const tracePath = join(dir, `${scenario}.jsonl`);
  const result = runScenario(scenario, { seed: 1, tracePath });
  const lines = readFileSync(tracePath, 'utf8').split('\n');
  const records = lines.filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Rec);
  return { model: parseTrace(lines), records, json: result.json() };
}

/** The first `membership` record of each index above every earlier one, straight from the records. */
function firstInForce(records: readonly Rec[]): Rec[] {
  const out: Rec[] = [];
  for (const r of records) if (r.type === 'membership' && (out.length === 0 || r.index! > out[out.length - 1]!.index!)) out.push(r);
  return out;
}

const bootOf = (records: readonly Rec[], node: string): number => records.find((r) => r.type === 'boot' && r.node === node)!.t;

describe('changeLabel: the label of a change between consecutive configurations', () => {
  const c = parseConfig;
  it.each([
    ['voters=(n1 n2 n3)', 'voters=(n1 n2 n3 n4)', 177, '+n4 @177'],
    ['voters=(n1 n2 n3)', 'voters=(n1 n2 n3) learners=(n4)', 9, '+n4 learner @9'],
    ['voters=(n1 n2 n3) learners=(n4)', 'voters=(n1 n2 n3 n4)', 20, 'n4 promoted @20'],
    ['voters=(n1 n2 n3 n4)', 'voters=(n1 n3 n4)', 30, '-n2 @30'],
    ['voters=(n1 n2 n3)', 'voters=(n1 n2) learners=(n3)', 31, 'n3 demoted @31'],
    ['voters=(n1 n2 n3)', 'voters=(n2 n3 n4)&&(n1 n2 n3) autoleave', 12, 'joint -n1 +n4 @12'],
    ['voters=(n2 n3 n4)&&(n1 n2 n3) autoleave', 'voters=(n2 n3 n4)', 14, 'left joint @14'],
    ['voters=(n1 n2 n3)', 'voters=(n2 n3)&&(n1 n2 n3) learners_next=(n1)', 40, 'joint n1 demoted @40'],
    ['voters=(n2 n3)&&(n1 n2 n3) learners_next=(n1)', 'voters=(n2 n3) learners=(n1)', 41, 'left joint @41'],
    ['voters=(n1 n2 n3)', 'voters=(n1 n2 n3)', 50, 'config @50'],
    ['voters=(n9 n10)', 'voters=(n2 n9 n10 n11)', 60, '+n2 +n11 @60'],
  ])('%s → %s @%i: %s', (prev, next, index, label) => {
    expect(changeLabel(c(prev), c(next), index)).toBe(label);
  });

  it('reads every part of the notation and refuses anything else', () => {
    expect(parseConfig('voters=(n2 n3)&&(n1 n2 n3) learners=(n5) learners_next=(n1) autoleave')).toEqual({
      voters: ['n2', 'n3'],
      outgoing: ['n1', 'n2', 'n3'],
      learners: ['n5'],
      learnersNext: ['n1'],
      autoLeave: true,
    });
    expect(parseConfig('voters=()').voters).toEqual([]);
    expect(() => parseConfig('learners=(n4)')).toThrow(/no voters/);
    expect(() => parseConfig('voters=(n1) nonsense')).toThrow(/unexpected/);
    // An outgoing voter of a joint configuration still votes; a learner of the next one is a learner already.
    expect(memberStatus(parseConfig('voters=(n2 n3)&&(n1 n2 n3)'), 'n1')).toBe('voter');
    expect(memberStatus(parseConfig('voters=(n2 n3)&&(n2 n3) learners_next=(n1)'), 'n1')).toBe('learner');
    expect(memberStatus(parseConfig('voters=(n2 n3)'), 'n1')).toBe('none');
  });
});

describe('grow-3-to-5: two spares added one at a time', () => {
  let g: Run;
  beforeAll(() => void (g = run('grow-3-to-5')));

  it('one change per configuration first in force, labelled with its index', () => {
    const expected = firstInForce(g.records);
    const m = g.model.membership!;
    expect(m.changes.map((c) => [c.tUs, c.index, c.node, c.config])).toEqual(expected.map((r) => [r.t, r.index, r.node, r.config]));
    expect(m.changes.map((c) => c.label)).toEqual(expected.map((r) => `+${r.config!.match(/(n\d)\)$/)![1]} @${r.index}`));
    expect(m.changes.map((c) => c.proposal?.request)).toEqual(['add-voter n4', 'add-voter n5']);
    expect(m.jointSpans).toEqual([]);
    expect(m.initialConfig).toBe('voters=(n1 n2 n3)');
  });

  it("a spare's lane starts at its boot: no role span before, a spare span, then not a member until added", () => {
    const m = g.model.membership!;
    const changes = firstInForce(g.records);
    for (const [node, added] of [['n4', changes[0]!], ['n5', changes[1]!]] as const) {
      const boot = bootOf(g.records, node);
      const roles = g.model.roleSpans.filter((s) => s.node === node);
      expect(roles.length).toBeGreaterThan(0);
      expect(Math.min(...roles.map((s) => s.fromUs))).toBe(boot);
      const spans = m.memberSpans.filter((s) => s.node === node).map((s) => [s.kind, s.fromUs, s.toUs]);
      expect(spans).toEqual([['spare', 0, boot], ['not-member', boot, added.t]]);
    }
    // The bootstrap voters start at 0 and are members throughout.
    expect(m.memberSpans.filter((s) => ['n1', 'n2', 'n3'].includes(s.node))).toEqual([]);
    expect(Math.min(...g.model.roleSpans.filter((s) => s.node === 'n1').map((s) => s.fromUs))).toBe(0);
  });

  it('the report labels both changes and shows the figures of result.json (only with it)', () => {
    const svg = renderModel(withRunResult(g.model, runResultInfo(g.json)));
    const all = texts(svg);
    expect(all).toEqual(expect.arrayContaining(g.model.membership!.changes.map((c) => c.label)));
    const catchUp = g.json.metrics!.membership!.catchUp;
    const line = all.find((t) => t.startsWith('membership: '));
    expect(line).toBe(`membership: 2 changes · no joint configuration · catch-up n4 ${formatExactDurationUs(catchUp.n4!.catchUpUs!)}, n5 ${formatExactDurationUs(catchUp.n5!.catchUpUs!)} · final voters=(n1 n2 n3 n4 n5)`);
    expect(texts(renderModel(g.model)).some((t) => t.startsWith('membership: '))).toBe(false);
  });
});

describe('replace-leader: a joint change that removes the leader', () => {
  let r: Run;
  beforeAll(() => void (r = run('replace-leader')));

  it('enters and leaves a joint configuration; the span between is shaded joint', () => {
    const m = r.model.membership!;
    const [enter, leave] = firstInForce(r.records);
    expect(m.changes.map((c) => c.label)).toEqual([`joint -n1 +n4 @${enter!.index}`, `left joint @${leave!.index}`]);
    expect(m.jointSpans.map((s) => [s.fromUs, s.toUs, s.open])).toEqual([[enter!.t, leave!.t, false]]);
    expect(m.changes[1]!.proposal?.auto).toBe(true);
    // result.json measures the same joint time.
    expect(leave!.t - enter!.t).toBe(r.json.metrics!.membership!.timeJointUs);
  });

  it('the removed leader is drawn removed from the leave, with its step-down marked; the new node not a member until the joint entry', () => {
    const m = r.model.membership!;
    const [enter, leave] = firstInForce(r.records);
    expect(m.memberSpans.filter((s) => s.node === 'n1').map((s) => [s.kind, s.fromUs, s.toUs, s.index])).toEqual([['removed', leave!.t, r.model.endUs, leave!.index]]);
    const boot = bootOf(r.records, 'n4');
    expect(m.memberSpans.filter((s) => s.node === 'n4').map((s) => [s.kind, s.fromUs, s.toUs])).toEqual([['spare', 0, boot], ['not-member', boot, enter!.t]]);
    const stepDown = r.records.find((x) => x.type === 'removed-step-down')!;
    expect(r.model.marks.filter((k) => k.kind === 'removed-step-down').map((k) => [k.node, k.tUs])).toEqual([[stepDown.node, stepDown.t]]);
    const svg = renderModel(withRunResult(r.model, runResultInfo(r.json)));
    expect(texts(svg)).toEqual(expect.arrayContaining(['removed', 'joint -n1 +n4 @183', 'left joint @185']));
    expect(texts(svg).find((t) => t.startsWith('membership: '))).toContain(`1 joint period, ${formatExactDurationUs(leave!.t - enter!.t)} joint`);
  });
});

describe('runs without membership records', () => {
  it('have no membership model, no membership marks or figures', () => {
    const model = parseTrace(readFileSync(`${fixtures}small-3n.jsonl`, 'utf8').split('\n'));
    expect(model.membership).toBeNull();
    const svg = renderModel(model);
    expect(svg).not.toContain('#283593');
    expect(texts(svg).some((t) => t.startsWith('membership') || t === 'configuration change @index')).toBe(false);
  });

  it('a run that cannot change membership gets no membership figures even with its result.json', () => {
    const tracePath = join(dir, 'leader-crash.jsonl');
    const result = runScenario('leader-crash', { seed: 1, tracePath });
    const info = runResultInfo(result.json());
    expect(info.figures?.membership).toBeUndefined();
    const svg = renderModel(withRunResult(parseTrace(readFileSync(tracePath, 'utf8').split('\n')), info));
    expect(texts(svg).some((t) => t.startsWith('membership: '))).toBe(false);
  });
});

describe('a synthetic trace: learner, refusals, a joint configuration open at the end', () => {
  const rec = (t: number, type: string, fields: Record<string, unknown>): string => JSON.stringify({ t, type, ...fields });
  const lines = [
    rec(0, 'meta', { seed: 1, scenario: 'synthetic-membership', params: { nodes: ['n1', 'n2', 'n3', 'n4', 'n5'], initialMembers: ['n1', 'n2', 'n3'] } }),
    rec(0, 'role', { node: 'n1', role: 'leader', term: 1, leader: 'n1' }),
    rec(100, 'boot', { node: 'n4' }),
    rec(100, 'role', { node: 'n4', role: 'follower', term: 0, leader: null }),
    rec(100, 'conf-change', { node: 'n1', index: 5, term: 1, request: 'add-learner n4', auto: false }),
    rec(200, 'membership', { node: 'n1', index: 5, term: 1, config: 'voters=(n1 n2 n3) learners=(n4)', joint: false }),
    // A later record of the same index (another node) is not a change.
    rec(250, 'membership', { node: 'n2', index: 5, term: 1, config: 'voters=(n1 n2 n3) learners=(n4)', joint: false }),
    rec(300, 'conf-change-refused', { node: 'n1', request: 'add-voter n4', reason: 'pending-change', detail: 'index 5 not applied', attempt: 1, final: false }),
    rec(400, 'conf-change-refused', { node: 'n1', request: 'add-voter n4', reason: 'pending-change', detail: 'index 5 not applied', attempt: 2, final: true }),
    rec(500, 'membership', { node: 'n1', index: 8, term: 1, config: 'voters=(n2 n3 n4)&&(n1 n2 n3)', joint: true }),
    rec(1000, 'end', { hash: null, verdict: 'ok' }),
  ];
  const model = parseTrace(lines);

  it('makes a learner span, an open joint span, and keeps both refusals', () => {
    const m = model.membership!;
    expect(m.changes.map((c) => c.label)).toEqual(['+n4 learner @5', 'joint -n1 n4 promoted @8']);
    expect(m.memberSpans.map((s) => [s.node, s.kind, s.fromUs, s.toUs])).toEqual([
      ['n4', 'spare', 0, 100],
      ['n4', 'not-member', 100, 200],
      ['n4', 'learner', 200, 500],
      // A spare that never starts stays one to the end.
      ['n5', 'spare', 0, 1000],
    ]);
    expect(m.jointSpans).toEqual([{ fromUs: 500, toUs: 1000, config: 'voters=(n2 n3 n4)&&(n1 n2 n3)', index: 8, open: true }]);
    expect(m.refused.map((r) => [r.tUs, r.final])).toEqual([[300, false], [400, true]]);
  });

  it('labels only the final refusal, and draws the learner and joint legend entries', () => {
    const all = texts(renderModel(model));
    expect(all.filter((t) => t.startsWith('✗ '))).toEqual(['✗ add-voter n4: pending-change']);
    expect(all).toEqual(expect.arrayContaining(['learner', 'joint configuration', 'change refused', 'spare (not started)']));
    // The spare's lane has no role band before its boot.
    expect(Math.min(...model.roleSpans.filter((s) => s.node === 'n4').map((s) => s.fromUs))).toBe(100);
    expect(model.roleSpans.filter((s) => s.node === 'n5')).toEqual([]);
  });
});
