// The run report header's description of what ran, from meta.params: Raft settings, the network as the
// simulator configured it (datacenters with their intra and inter latencies when the scenario has a
// topology — then the default link latency is not used at all), the clocks per node, workload and chaos.
import { formatCount, formatDurationUs, formatNumber, formatPercent } from './format.js';
import type { RunModel } from './model.js';

/** Reads a nested value of meta.params, e.g. at(params, 'raft', 'heartbeatIntervalUs'). */
export function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function onOff(value: unknown): string {
  return value === true ? 'on' : value === false ? 'off' : '?';
}

/** A latency distribution of meta.params ({kind: 'uniform', minUs, maxUs} and the like) in words. */
export function describeDistribution(value: unknown): string {
  const floor = num(at(value, 'floorUs'));
  const text = describeUnfloored(value);
  return floor === null ? text : `${text}, floor ${formatDurationUs(floor)}`;
}

function describeUnfloored(value: unknown): string {
  const d = (key: string): number | null => num(at(value, key));
  const kind = at(value, 'kind');
  const min = d('minUs');
  const max = d('maxUs');
  if (min !== null && max !== null) return `${formatDurationUs(min)}–${formatDurationUs(max)}${typeof kind === 'string' ? ` ${kind}` : ''}`;
  if (d('valueUs') !== null) return formatDurationUs(d('valueUs')!);
  if (kind === 'normal' && d('meanUs') !== null) return `${formatDurationUs(d('meanUs')!)} ± ${formatDurationUs(d('stddevUs') ?? 0)} normal`;
  if (kind === 'lognormal' && d('medianUs') !== null) return `median ${formatDurationUs(d('medianUs')!)} lognormal σ ${formatNumber(d('sigma') ?? 0)}`;
  if (kind === 'tail' && d('baseUs') !== null) {
    return `${formatDurationUs(d('baseUs')!)} + ${formatDurationUs(d('jitterUs') ?? 0)} jitter, ${formatPercent(d('tailChance') ?? 0)} tail of mean ${formatDurationUs(d('tailMeanUs') ?? 0)}`;
  }
  const mean = d('meanUs') ?? d('us');
  if (mean !== null) return `${kind === 'exponential' ? 'mean ' : ''}${formatDurationUs(mean)}${kind === 'exponential' ? ' exponential' : ''}`;
  return '?';
}

/** A signed duration: "+40 ms", "−25 ms". */
function signedDuration(us: number): string {
  return us < 0 ? `−${formatDurationUs(-us)}` : `+${formatDurationUs(us)}`;
}

function signedPpm(ppm: number): string {
  return ppm < 0 ? `−${formatNumber(-ppm)} ppm` : `+${formatNumber(ppm)} ppm`;
}

/**
 * The latency part of the network: the default link latency, or, with a topology, the placement and each
 * datacenter pair's latency (a pair given both ways alike is written once, "a↔b").
 */
function latencyText(params: unknown): string {
  const topology = at(params, 'topology');
  const placement = at(topology, 'datacenterOf');
  if (topology === undefined || topology === null || placement === null || typeof placement !== 'object') {
    return `latency ${describeDistribution(at(params, 'link', 'latency'))}`;
  }
  const byDc = new Map<string, string[]>();
  for (const [node, dc] of Object.entries(placement as Record<string, unknown>)) {
    const list = byDc.get(String(dc)) ?? [];
    list.push(node);
    byDc.set(String(dc), list);
  }
  const dcs = [...byDc.keys()];
  const inter = (at(topology, 'interLatency') ?? {}) as Record<string, unknown>;
  const pairs: string[] = [];
  for (let i = 0; i < dcs.length; i++) {
    for (let j = i + 1; j < dcs.length; j++) {
      const [a, b] = [dcs[i]!, dcs[j]!];
      const ab = inter[`${a}->${b}`] ?? inter[`${b}->${a}`];
      const ba = inter[`${b}->${a}`] ?? inter[`${a}->${b}`];
      const textAb = describeDistribution(ab);
      const textBa = describeDistribution(ba);
      pairs.push(textAb === textBa ? `${a}↔${b} ${textAb}` : `${a}→${b} ${textAb}, ${b}→${a} ${textBa}`);
    }
  }
  const placementText = dcs.map((dc) => `${dc} (${byDc.get(dc)!.join(', ')})`).join(', ');
  return `${dcs.length} datacenters ${placementText} · latency inside a datacenter ${describeDistribution(at(topology, 'intraLatency'))}${pairs.length > 0 ? ` · between: ${pairs.join(' · ')}` : ''}`;
}

/** Clock offsets and drifts per node: only the nodes whose clock is not exact, or "clocks exact". */
export function clocksText(params: unknown): string {
  const clocks = at(params, 'clocks');
  if (clocks === undefined || clocks === null || typeof clocks !== 'object') return '';
  const parts: string[] = [];
  for (const [node, clock] of Object.entries(clocks as Record<string, unknown>)) {
    const offset = num(at(clock, 'offsetUs')) ?? 0;
    const drift = num(at(clock, 'driftPpm')) ?? 0;
    if (offset === 0 && drift === 0) continue;
    parts.push(`${node} ${signedDuration(offset)}, ${signedPpm(drift)}`);
  }
  return parts.length === 0 ? 'clocks: all exact (no skew, no drift)' : `clocks (offset, drift): ${parts.join(' · ')}${parts.length < Object.keys(clocks).length ? ' · others exact' : ''}`;
}

/** Links whose settings the fault schedule changes (scripted `link` faults), with how often: "n5↔n1 (4×)". */
export function linkScheduleText(params: unknown): string {
  const faults = at(params, 'faults');
  if (!Array.isArray(faults)) return '';
  const counts = new Map<string, number>();
  for (const entry of faults) {
    const fault = at(entry, 'fault');
    if (at(fault, 'kind') !== 'link') continue;
    const from = String(at(fault, 'from') ?? '?');
    const to = String(at(fault, 'to') ?? '?');
    const key = at(fault, 'bothWays') === true ? `${from}↔${to}` : `${from}→${to}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (counts.size === 0) return '';
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const listed = [...counts.entries()].slice(0, 8).map(([link, n]) => `${link}${n > 1 ? ` (${n}×)` : ''}`);
  return `per-link changes scheduled: ${formatCount(total)} on ${listed.join(', ')}${counts.size > 8 ? `, +${counts.size - 8} more links` : ''} (each drawn on the timeline)`;
}

export function parameterLines(model: RunModel): string[] {
  const p = model.params;
  const raft = at(p, 'raft');
  const etMin = num(at(raft, 'electionTimeoutMinUs'));
  const etMax = num(at(raft, 'electionTimeoutMaxUs'));
  const heartbeat = num(at(raft, 'heartbeatIntervalUs'));
  const raftLine =
    raft === undefined
      ? 'Raft: (not in meta.params)'
      : `Raft: election timeout ${etMin !== null && etMax !== null ? `${formatDurationUs(etMin)}–${formatDurationUs(etMax)}` : '?'} · heartbeat ${heartbeat !== null ? formatDurationUs(heartbeat) : '?'} · preVote ${onOff(at(raft, 'preVote'))} · checkQuorum ${onOff(at(raft, 'checkQuorum'))}${at(raft, 'leaseReads') === true ? ' · lease reads on' : ''}`;
  const link = at(p, 'link');
  const pct = (value: unknown): string => (num(value) !== null ? formatPercent(num(value)!) : '?');
  const linkText =
    link === undefined
      ? 'network: ?'
      : `network: ${latencyText(p)} · drop ${pct(at(link, 'dropChance'))} · duplicate ${pct(at(link, 'duplicateChance'))} · reorder ${pct(at(link, 'reorderChance'))}`;
  const workload = at(p, 'workload');
  const workloadText =
    workload === undefined ? 'workload: ?' : `workload: ${num(at(workload, 'clients')) ?? '?'} clients · ${num(at(workload, 'ratePerSecond')) ?? '?'} ops/s`;
  const chaos = at(p, 'chaos');
  const faults = at(p, 'faults');
  const faultCount = Array.isArray(faults) ? faults.length : null;
  const chaosText =
    chaos === null
      ? 'chaos off'
      : chaos === undefined
        ? ''
        : `chaos: mean gap ${num(at(chaos, 'meanGapUs')) !== null ? formatDurationUs(num(at(chaos, 'meanGapUs'))!) : '?'}, ${Array.isArray(at(chaos, 'kinds')) ? (at(chaos, 'kinds') as unknown[]).length : '?'} fault kinds`;
  const scheduleText = faultCount !== null ? `${formatCount(faultCount)} faults scheduled` : '';
  const links = linkScheduleText(p);
  const lines = [raftLine, links === '' ? linkText : `${linkText} · ${links}`];
  const clocks = clocksText(p);
  lines.push([clocks, workloadText, chaosText, scheduleText].filter((part) => part !== '').join(' · '));
  return lines;
}
