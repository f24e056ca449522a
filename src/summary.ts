// Human-readable summaries of runs, sweeps, replays and shrinks (the JSON forms are documented in
// docs/results.md and docs/cli.md).
import type { ResultJson } from './result.js';
import { replayCommand } from './result.js';
import type { ReplayReport } from './replay.js';
import { formatActual, parseExpectation, quantityOf, type ExpectationResult } from './scenario/expectations.js';
import { abbreviateValues, ms, plural, questionFor, size, us } from './text.js';
import { describeSignature, describeSize, type ShrinkReport } from './shrink.js';
import type { Distribution } from './stats.js';
import type { SweepSummary } from './sweep.js';

const outcomeText = { passed: 'PASSED', safety: 'SAFETY VIOLATION', liveness: 'LIVENESS FAILURE', expectations: 'FAILED EXPECTATIONS' } as const;


interface NodeState {
  status: string;
  role: string;
  term: number;
  vote: string | null;
  commit: number;
  applied: number;
  firstIndex: number;
  lastIndex: number;
  lastEntries?: [number, number][];
}

function expectationLine(result: ExpectationResult): string {
  let shown: string;
  try {
    shown = formatActual(parseExpectation(result.expression), result.actual);
  } catch {
    shown = String(result.actual);
  }
  return `    ${result.passed ? 'pass' : 'FAIL'}  ${result.expression}  (measured ${shown}${result.note !== undefined ? `; ${result.note}` : ''})`;
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value).replace(/"/g, '');
}

export function runSummary(result: ResultJson, files: readonly string[] = []): string {
  const lines: string[] = [];
  lines.push(`raftsim ${result.scenario} seed ${result.seed}: ${outcomeText[result.outcome]}`);
  lines.push(`  question    ${questionFor(result.question, result.options.cluster.nodeIds.length, result.overrides)}`);
  if (result.violation !== null) {
    lines.push(`  invariant   ${result.violation.invariant}: ${abbreviateValues(result.violation.message)}`);
    lines.push(`  at          t=${us(result.violation.timeUs)} during ${result.violation.event}`);
    const states = (result.violation.state ?? {}) as Record<string, NodeState | null>;
    for (const node of result.violation.nodes ?? []) {
      const state = states[node];
      if (state === null || state === undefined) continue;
      const tail = (state.lastEntries ?? []).slice(-5).map(([index, term]) => `${index}:${term}`).join(' ');
      lines.push(`    ${node.padEnd(6)} ${state.status} ${state.role} term ${state.term} vote ${state.vote ?? '-'}, commit ${state.commit}, applied ${state.applied}, log ${state.firstIndex}..${state.lastIndex} (last index:term ${tail})`);
    }
  }
  if (result.liveness !== null) {
    lines.push(
      result.liveness.convergedAfterUs === null
        ? `  liveness    did not converge within ${us(result.options.livenessBoundUs)} after healing at ${us(result.liveness.healedAtUs)}: ${result.liveness.reason}`
        : `  liveness    converged ${us(result.liveness.convergedAfterUs)} after healing`,
    );
  }
  const cluster = result.cluster;
  const m = result.metrics;
  lines.push(`  elections   ${plural(cluster.elections, 'election')}, ${plural(cluster.preVoteRounds, 'pre-vote round')}, ${plural(cluster.leaderChanges, 'leader')} elected, ${plural(cluster.checkQuorumStepDowns, 'check-quorum step-down')}${m !== null ? `, ${plural(m.elections.splitVotes, 'split vote')}${m.elections.lostToStaleLog > 0 ? `, ${plural(m.elections.lostToStaleLog, 'term')} lost to a stale log` : ''}, first leader at ${us(m.elections.firstLeaderUs)}` : ''}`);
  if (m !== null) {
    const latency = m.electionLatency;
    const censored = latency.censored > 0 ? ` (${latency.censored} censored: replaced only after the liveness heal, not in the latencies)` : '';
    lines.push(`  leaderless  ${plural(latency.count + latency.censored, 'leader loss', 'leader losses')}${censored}; election latency p50 ${us(latency.p50)}, p99 ${us(latency.p99)}, max ${us(latency.max)}; ${us(m.elections.timeWithoutLeaderUs)} without a leader in all`);
    // Absent in result.json files written before catch-up samples existed; only when some node fell behind.
    const catchUp = (m as { catchUp?: typeof m.catchUp }).catchUp;
    if (catchUp !== undefined && catchUp.count + catchUp.censored > 0) {
      const censoredCatchUps = catchUp.censored > 0 ? ` (${catchUp.censored} censored: not caught up before the liveness heal or the end)` : '';
      lines.push(`  catch-up    ${plural(catchUp.count + catchUp.censored, 'catch-up')} of a node back behind the commit index${censoredCatchUps}; p50 ${us(catchUp.p50)}, max ${us(catchUp.max)}`);
    }
    lines.push(`  latency     commit p50 ${us(m.commitLatency.p50)} p99 ${us(m.commitLatency.p99)}; client write p50 ${us(m.clientLatency.write.p50)} p99 ${us(m.clientLatency.write.p99)}; read p99 ${us(m.clientLatency.read.p99)}`);
    lines.push(`  log         peak ${plural(m.logGrowth.peakEntries, 'entry')} (${size(m.logGrowth.peakBytes)} on disk), ${m.logGrowth.finalEntries} at the end, growth ${m.logGrowth.growthEntriesPerSecond.toFixed(1)} entries/s; apply lag max ${plural(m.applyLag.max, 'entry')}`);
    const drift = m.compaction.drift;
    lines.push(`  compaction  ${plural(m.compaction.snapshots, 'snapshot')}, ${m.compaction.snapshotsInstalled} installed from the leader, ${plural(m.compaction.stallCount, 'stall')}; drift over ${plural(drift.rounds, 'round')}: time spread max ${us(drift.maxTimeSpreadUs)}, index spread max ${drift.maxIndexSpread === null || drift.maxIndexSpread === undefined ? '-' : plural(drift.maxIndexSpread, 'entry')}`);
    for (const stall of m.compaction.stalls.slice(0, 3)) lines.push(`    stall     ${stall.node} from ${us(stall.beganAtUs)}: ${stall.reason}`);
    if (m.versions !== undefined) lines.push(...versionLines(m.versions));
  }
  lines.push(`  faults      ${plural(cluster.crashes, 'crash')}, ${plural(cluster.restarts, 'restart')}, ${plural(cluster.pauses, 'pause')}, ${plural(result.faults.length, 'scheduled fault')}, ${plural(result.options.triggers.length, 'trigger')}`);
  lines.push(`  clients     ${plural(result.workload.invoked, 'operation')}: ${result.workload.ok} ok, ${result.workload.failed} failed, ${result.workload.timedOut} unknown (timed out), ${plural(result.workload.retries, 'retry')}`);
  if (result.linearizability !== undefined) lines.push(linearizabilityLine(result.linearizability));
  const dropped = Object.values(result.network.dropped).reduce((a, b) => a + b, 0);
  lines.push(`  messages    ${result.network.sent} sent, ${result.network.delivered} delivered, ${dropped} dropped`);
  if (result.expectations.length > 0) {
    const failed = result.expectations.filter((expectation) => !expectation.passed).length;
    lines.push(`  expectations ${failed === 0 ? 'all passed' : `${failed} of ${result.expectations.length} FAILED`}`);
    for (const expectation of result.expectations) lines.push(expectationLine(expectation));
  }
  if (result.coverage !== null) {
    const reached = Object.entries(result.coverage).filter(([, count]) => count > 0);
    lines.push(`  coverage    ${reached.length} of ${Object.keys(result.coverage).length} situations reached: ${reached.map(([name, count]) => `${name} ${count}`).join(', ') || 'none'}`);
  }
  const drawn = Object.entries(result.drawn);
  if (drawn.length > 0) {
    lines.push(`  drawn       ${plural(drawn.length, 'value')} drawn from the seed${result.swarm ? ' (swarm)' : ''}:`);
    for (const [path, value] of drawn) lines.push(`    ${path} = ${valueText(value)}`);
  }
  for (const note of result.notes) lines.push(`  note        ${note}`);
  const speed = result.wallMs > 0 ? `, ${Math.round(result.simulatedUs / 1000 / result.wallMs)}x real time` : '';
  lines.push(`  run         ${us(result.simulatedUs)} simulated in ${ms(result.wallMs)}${speed}, ${plural(result.events, 'event')}, ${plural(result.invariantChecks, 'invariant check')}`);
  lines.push(`  trace hash  ${result.traceHash ?? '-'}`);
  if (files.length > 0) lines.push(`  written     ${files.join(', ')}`);
  lines.push(`  replay      ${replayCommand(result.source.ref, result.seed, result.overrides)}`);
  if (result.outcome !== 'passed') lines.push(`  shrink      ${replayCommand(result.source.ref, result.seed, result.overrides).replace(/^npx raftsim run /, 'npx raftsim shrink ')}`);
  return lines.join('\n') + '\n';
}

/** The end-of-run linearizability verdict (null: invariants off). */
function linearizabilityLine(verdict: ResultJson['linearizability']): string {
  if (verdict === null) return '  linearizable not checked (invariants off)';
  const scope = `${verdict.operations} operations on ${plural(verdict.keys, 'key')}, ${verdict.unknownOutcomes} of unknown outcome, ${verdict.stepsUsed} search steps`;
  switch (verdict.verdict) {
    case 'ok':
      return `  linearizable yes (${scope})`;
    case 'unknown':
      return `  linearizable UNKNOWN, not checked to the end (${scope}): ${verdict.reason}`;
    case 'violation':
      return [
        `  linearizable NO (${scope}): ${verdict.reason}`,
        `    smallest failing sub-history of ${verdict.key ?? '?'}${verdict.oneMinimal === false ? ' (shrink budget ran out)' : ''}:`,
        ...verdict.subHistory.map((op) => `      ${op.ref.padEnd(8)} [${us(op.callUs)}, ${op.returnUs === null ? 'end' : us(op.returnUs)}] ${op.status.padEnd(7)} ${op.description}${op.ref === verdict.stuck?.ref ? '   <- cannot be placed' : ''}`),
      ].join('\n');
    default:
      return `  linearizable ${String((verdict as { verdict: unknown }).verdict)}`;
  }
}

/** A figure across seeds with its unit: durations and sizes as in scenario files, ratios in %, rates per second. */
function metricText(path: string, value: number | null): string {
  if (value === null) return '-';
  const known = quantityOf(path);
  const quantity = 'quantity' in known ? known.quantity : null;
  if (path.endsWith('Us') || quantity === 'duration') return us(value);
  if (quantity === 'bytes' || /Bytes$/.test(path)) return size(value);
  if (quantity === 'ratio') return `${Number((value * 100).toFixed(2))}%`;
  const number = String(Number(value.toFixed(2)));
  return /PerSecond$/.test(path) ? `${number}/s` : number;
}

function distributionRow(path: string, dist: Distribution): string {
  return `    ${path.padEnd(34)} ${[dist.min, dist.p50, dist.p90, dist.p99, dist.max].map((value) => metricText(path, value).padStart(9)).join(' ')}   (${plural(dist.count, 'seed')})`;
}

/** In how many seeds each situation worth reaching was reached; one never reached is flagged. */
function coverageLines(summary: SweepSummary): string[] {
  const entries = Object.entries(summary.coverage ?? {});
  if (entries.length === 0) return [];
  const never = entries.filter(([, seeds]) => seeds === 0).map(([name]) => name);
  const lines = [`  coverage    ${entries.length - never.length} of ${entries.length} situations reached (seeds reaching each):`];
  for (const [name, seeds] of entries) lines.push(`    ${name.padEnd(46)} ${String(seeds).padStart(6)}${seeds === 0 ? '   NEVER REACHED' : ''}`);
  return lines;
}

export function sweepText(summary: SweepSummary, elapsedMs: number | null): string {
  const lines: string[] = [];
  const o = summary.outcomes;
  const flags = summary.overrides.length > 0 ? ` ${summary.overrides.join(' ')}` : '';
  lines.push(
    `raftsim sweep ${summary.ref}${flags}: ${plural(summary.seeds, 'seed')}: ${o.passed} passed, ${plural(o.safety, 'safety violation')}, ${plural(o.liveness, 'liveness failure')}, ${o.expectations} with failed expectations`,
  );
  // sweep.json keeps no wall-clock time: a merge of sweep.json files has no CPU time to show.
  const cpu = summary.cpuMs > 0 ? ` in ${ms(summary.cpuMs)} of simulation` : '';
  lines.push(`  simulated   ${us(summary.simulatedUs)}${cpu}${elapsedMs !== null ? ` (${ms(elapsedMs)} wall)` : ''}`);
  for (const expectation of summary.expectations) {
    lines.push(`  expect      ${expectation.failedSeeds === 0 ? 'held on every seed' : `FAILED on ${plural(expectation.failedSeeds, 'seed')}`}: ${expectation.expression}`);
  }
  const rows = Object.entries(summary.metrics).filter(([, dist]) => dist.count > 0);
  if (rows.length > 0) {
    lines.push(`  across seeds${' '.repeat(26)}${['min', 'p50', 'p90', 'p99', 'max'].map((h) => h.padStart(9)).join(' ')}`);
    for (const [path, dist] of rows) lines.push(distributionRow(path, dist));
  }
  lines.push(...coverageLines(summary));
  const lin = summary.linearizability;
  if (lin !== undefined && lin !== null) {
    lines.push(`  linearizable ${plural(lin.ok, 'seed')} yes, ${lin.violation} NO, ${lin.unknown} UNKNOWN (undecided)${lin.off > 0 ? `, ${lin.off} not checked (invariants off)` : ''}`);
  }
  for (const failing of summary.failing.slice(0, 50)) {
    const what = failing.outcome === 'expectations' ? `failed expectations: ${failing.failedExpectations.join('; ')}` : `${failing.verdict} ${failing.invariant ?? ''} ${abbreviateValues(failing.message ?? '')}`.trimEnd();
    lines.push(`  FAIL seed ${failing.seed}: ${what}`);
    lines.push(`       replay: ${failing.replay}`);
  }
  if (summary.failing.length > 50) lines.push(`  ... and ${summary.failing.length - 50} more failing seeds (see sweep.json)`);
  if (summary.failing.length > 0) lines.push(`  shrink one: ${summary.failing[0]!.replay.replace(/^npx raftsim run /, 'npx raftsim shrink ')}`);
  return lines.join('\n') + '\n';
}

/** Two long lines cut around their first difference, so the difference is visible. */
export function excerpts(a: string, b: string, width = 200): [string, string] {
  if (a.length <= width && b.length <= width) return [a, b];
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const start = Math.max(0, at - Math.floor(width / 2));
  const cut = (text: string): string => `${start > 0 ? '...' : ''}${text.slice(start, start + width)}${start + width < text.length ? '...' : ''}`;
  return [cut(a), cut(b)];
}

export function replayText(report: ReplayReport): string {
  const lines: string[] = [];
  const recorded = report.recorded;
  const seed = recorded.options.seed === recorded.seed ? `seed ${recorded.seed}` : `seed ${recorded.options.seed} (result.json says seed ${recorded.seed})`;
  const what = `${recorded.scenario} ${seed}${recorded.overrides.length > 0 ? ` ${recorded.overrides.join(' ')}` : ''}`;
  if (report.reproduced) {
    lines.push(`reproduced: ${what}: trace hash ${report.replayedHash} over ${plural(report.replayedLines, 'line')}, verdict ${report.result.verdict}${report.result.violation !== null ? ` (${report.result.violation.invariant} at t=${us(report.result.violation.timeUs)})` : ''}`);
  } else {
    lines.push(`NOT reproduced: ${what}: recorded trace hash ${recorded.traceHash ?? '-'} (${plural(recorded.traceLines, 'line')}), replayed ${report.replayedHash} (${plural(report.replayedLines, 'line')})`);
    const d = report.divergence;
    if (d !== null && d.parametersDiffer) lines.push(`  the run's parameters differ from the recorded trace's (line 1, the meta record): result.json's options were changed, or raftsim records them differently`);
    if (d !== null && d.line !== null) {
      const [recorded, replayed] = excerpts(d.recorded ?? '<none>', d.replayed ?? '<none>');
      lines.push(`  first diverging event at line ${d.line}${report.traceFile !== null ? ` of ${report.traceFile}` : ''}:`);
      lines.push(`    recorded: ${recorded}`);
      lines.push(`    replayed: ${replayed}`);
    } else if (d !== null && d.parametersDiffer) {
      lines.push('  every event line matches the recorded trace');
    } else if (d !== null && d.window !== null) {
      const w = d.window;
      lines.push(`  the runs agree up to line ${w.afterLine} (t=${us(w.afterT)}) and first differ ${w.beforeLine === null ? 'after it' : `by line ${w.beforeLine} (t=${us(w.beforeT)})`}; rerun the original with --trace to see the exact line`);
    } else {
      lines.push('  no trace file or checkpoints to locate the difference (run with --out DIR --trace to keep the trace)');
    }
    lines.push(`  recorded verdict ${recorded.verdict}${recorded.violation !== null ? ` (${recorded.violation.invariant})` : ''}, replayed ${report.result.verdict}${report.result.violation !== null ? ` (${report.result.violation.invariant})` : ''}`);
  }
  if (report.sourceNote !== null) lines.push(`  note: ${report.sourceNote}`);
  for (const expectation of report.expectations) lines.push(expectationLine(expectation));
  lines.push(`  replayed in ${ms(report.wallMs)}`);
  return lines.join('\n') + '\n';
}

/** Original against shrunk: the invariant (or failure), when it failed, events and faults. */
function shrinkComparison(report: ShrinkReport): string[] {
  const { original, final } = report;
  const failure = (run: typeof original): string => run.invariant ?? (report.signature.outcome === 'expectations' ? `expectation ${report.signature.expectation ?? '?'}` : run.verdict);
  const rows: [string, string, string][] = [
    ['', 'original', 'shrunk'],
    ['failure', failure(original), failure(final)],
    ['at', original.timeUs === null ? '-' : `t=${us(original.timeUs)}`, final.timeUs === null ? '-' : `t=${us(final.timeUs)}`],
    ['events', String(original.events), String(final.events)],
    ['faults', String(original.faults), String(final.faults)],
  ];
  const width = Math.max(...rows.map((row) => row[1].length)) + 2;
  return rows.map(([label, a, b]) => `    ${label.padEnd(8)}${a.padEnd(width)}${b}`.trimEnd());
}

export function shrinkText(report: ShrinkReport, ref: string, seed: number, outFile: string | null): string {
  const lines: string[] = [];
  if (!report.failed) {
    lines.push(`raftsim shrink ${ref} seed ${seed}: the run passes; nothing to shrink.`);
    return lines.join('\n') + '\n';
  }
  lines.push(`raftsim shrink ${ref} seed ${seed}: kept ${describeSignature(report.signature)} through ${plural(report.runs, 'run')} in ${ms(report.wallMs)}${report.budgetExhausted ? ' (budget reached; the result may shrink further)' : ''}`);
  lines.push(`  before  ${describeSize(report.before)}`);
  lines.push(`  after   ${describeSize(report.after)}`);
  lines.push(...shrinkComparison(report));
  if (report.final.invariant !== null) lines.push(`  failure ${report.final.invariant} at t=${us(report.final.timeUs)}: ${abbreviateValues(report.final.message ?? '')}`);
  else if (report.signature.outcome === 'expectations') lines.push(`  failure ${report.final.message ?? ''}`);
  else if (report.final.message !== null) lines.push(`  failure ${report.final.verdict}: ${report.final.message}`);
  if (outFile !== null) {
    lines.push(`  written ${outFile}`);
    lines.push(`  replay  npx raftsim run ${outFile} --seed ${seed}`);
  }
  return lines.join('\n') + '\n';
}

/** Mixed-version runs (docs/versions.md): the versions, and how long some node could not decode what it was sent. */
function versionLines(v: NonNullable<NonNullable<ResultJson['metrics']>['versions']>): string[] {
  const versions = Object.entries(v.finalVersions).map(([id, version]) => `${id} v${version}`).join(' ');
  const perNode = (counts: Readonly<Record<string, number>>): string => Object.entries(counts).filter(([, n]) => n > 0).map(([id, n]) => `${id} ${n}`).join(', ') || 'none';
  const lines = [`  versions    ${versions} at the end, ${plural(v.upgrades, 'version change')}; ${plural(v.rejections, 'rejection')} of undecodable requests (snapshots: ${perNode(v.snapshotRejections)}; entries: ${perNode(v.entryRejections)})`];
  if (v.rejections > 0) {
    lines.push(`  blocked     ${us(v.blockedUs)} with some node unable to catch up, ${plural(v.blockedAtEnd, 'node')} still blocked at the end; leader's retained log ${v.leaderRetainedAtBlock} entries at the first block, max ${v.leaderRetainedMax}, ${v.leaderRetainedAtEnd} at the last sample`);
  }
  return lines;
}
