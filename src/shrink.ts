// `raftsim shrink`: minimizes a failing run while it still fails the same way (same outcome, and for a safety
// violation the same invariant; for failed expectations the same first failed expectation).
//
// 1. Materialize: apply the overrides, pin every value drawn in swarm mode, and turn the whole fault schedule
//    (scripted items, `every` repetitions, `between` draws and the nemesis's random faults) into explicit
//    `at:` items with chaos off. The run is unchanged by this, and now every fault can be removed on its own.
// 2. Reduce, greedily, keeping each change only if the run still fails the same way: cut the fault phase just
//    after a safety violation; remove faults (delta debugging: halves, quarters, ... single items); fewer
//    nodes; fewer trigger firings; shorter `for` and pause durations; a shorter run; a lighter workload; and
//    finally every remaining setting back to its default, one by one.
// 3. Write the minimal scenario as YAML that `raftsim run FILE --seed N` reproduces.
import type { Fault } from '../sim/nemesis.js';
import { simulate, type SimulationOptions, type SimulationResult } from '../sim/simulate.js';
import { Trace } from '../sim/trace.js';
import { checkExpectations, outcomeOf, type Outcome } from './run-scenario.js';
import type { ExpectationResult } from './scenario/expectations.js';
import { compileScenario, dynamicTargets } from './scenario/compile.js';
import { SpecError } from './scenario/errors.js';
import type { LoadedScenario } from './scenario/load.js';
import { applyOverrides, overridesToFlags, type Overrides } from './scenario/overrides.js';
import { specToDocument, toYaml } from './scenario/serialize.js';
import type { FaultItemSpec, FaultSpec, ScenarioSpec } from './scenario/spec.js';
import { formatDuration } from './scenario/units.js';
import { UsageError } from './errors.js';

export interface FailureSignature {
  readonly outcome: Outcome;
  readonly invariant: string | null;
  /** For failed expectations: the first one that failed. */
  readonly expectation: string | null;
}

export interface ScenarioSize {
  /** Scheduled faults (after expanding every/between/for and drawing chaos) plus trigger items. */
  readonly faults: number;
  readonly nodes: number;
  readonly durationUs: number;
  readonly ratePerSecond: number;
  readonly clients: number;
  /** Events the run processed. */
  readonly events: number;
  /** Settings written in the scenario (leaves of the file). */
  readonly settings: number;
}

export interface ShrinkReport {
  readonly signature: FailureSignature;
  /** When the run did not fail, there is nothing to shrink. */
  readonly failed: boolean;
  readonly before: ScenarioSize;
  readonly after: ScenarioSize;
  readonly spec: ScenarioSpec;
  readonly yaml: string;
  /** Candidate runs made. */
  readonly runs: number;
  readonly wallMs: number;
  /** The minimal scenario's run: its violation time and message, for the summary. */
  readonly final: { readonly verdict: SimulationResult['verdict']; readonly invariant: string | null; readonly message: string | null; readonly timeUs: number | null };
  /** True when a budget ran out before no reduction was left to try. */
  readonly budgetExhausted: boolean;
}

export interface ShrinkOptions {
  readonly overrides?: Overrides;
  /** Bound on candidate runs (default 400). */
  readonly maxRuns?: number;
  /** Bound on wall time in milliseconds (default 300 s). */
  readonly budgetMs?: number;
  /** Where the minimal scenario will be written, for its header's replay line. */
  readonly outFile?: string;
  readonly onProgress?: (message: string) => void;
}

interface Attempt {
  readonly matches: boolean;
  readonly result: SimulationResult | null;
  readonly expectations: readonly ExpectationResult[];
}

function signatureOf(outcome: Outcome, result: SimulationResult, failed: readonly string[]): FailureSignature {
  return { outcome, invariant: result.violation?.invariant ?? null, expectation: outcome === 'expectations' ? (failed[0] ?? null) : null };
}

function sameFailure(target: FailureSignature, candidate: FailureSignature): boolean {
  if (target.outcome !== candidate.outcome) return false;
  if (target.outcome === 'safety') return target.invariant === candidate.invariant;
  if (target.outcome === 'expectations') return candidate.expectation === target.expectation;
  return true;
}

/** Sets a dotted spec path (creating objects on the way) in a copy of the spec. */
export function setPath(spec: ScenarioSpec, path: string, value: unknown): ScenarioSpec {
  const parts = path.split('.');
  const root: Record<string, unknown> = { ...(spec as unknown as Record<string, unknown>) };
  let node = root;
  for (const part of parts.slice(0, -1)) {
    const existing = node[part];
    const copy = typeof existing === 'object' && existing !== null && !Array.isArray(existing) ? { ...(existing as Record<string, unknown>) } : {};
    node[part] = copy;
    node = copy;
  }
  node[parts[parts.length - 1]!] = value;
  return root as unknown as ScenarioSpec;
}

/** Removes a dotted spec path from a copy of the spec (objects left empty are removed too). */
export function deletePath(spec: ScenarioSpec, path: string): ScenarioSpec {
  const parts = path.split('.');
  const root: Record<string, unknown> = { ...(spec as unknown as Record<string, unknown>) };
  const chain: Record<string, unknown>[] = [root];
  let node = root;
  for (const part of parts.slice(0, -1)) {
    const existing = node[part];
    if (typeof existing !== 'object' || existing === null || Array.isArray(existing)) return spec;
    const copy = { ...(existing as Record<string, unknown>) };
    node[part] = copy;
    node = copy;
    chain.push(copy);
  }
  delete node[parts[parts.length - 1]!];
  for (let depth = parts.length - 1; depth >= 1; depth--) {
    if (Object.keys(chain[depth]!).length === 0) delete chain[depth - 1]![parts[depth - 1]!];
  }
  return root as unknown as ScenarioSpec;
}

/** The leaves set in a spec (dotted paths), except the ones shrinking handles itself. */
function settingPaths(spec: ScenarioSpec): string[] {
  const skip = new Set(['name', 'question', 'faults', 'expectations', 'swarm', 'chaos', 'cluster.nodes', 'duration']);
  const paths: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (skip.has(path)) return;
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && !('kind' in value) && !('minUs' in value) && !path.endsWith('.mix') && !path.endsWith('.clocks') && !path.endsWith('.inter')) {
      for (const [key, inner] of Object.entries(value)) walk(inner, path === '' ? key : `${path}.${key}`);
      return;
    }
    if (value !== undefined) paths.push(path);
  };
  walk(spec, '');
  return paths;
}

function fromSimFault(fault: Fault): FaultSpec {
  switch (fault.kind) {
    case 'link': {
      const patch = fault.patch;
      return {
        kind: 'link',
        from: fault.from,
        to: fault.to,
        bothWays: fault.bothWays,
        ...(patch.dropChance !== undefined ? { drop: patch.dropChance } : {}),
        ...(patch.duplicateChance !== undefined ? { duplicate: patch.duplicateChance } : {}),
        ...(patch.reorderChance !== undefined ? { reorder: patch.reorderChance } : {}),
        ...(patch.latency !== undefined ? { latency: patch.latency } : {}),
      };
    }
    case 'cut-one-way':
      return { kind: 'cut-one-way', from: [...fault.from], to: [...fault.to] };
    case 'partition':
      return { kind: 'partition', groups: fault.groups.map((group) => [...group]) };
    case 'bridge':
      return { kind: 'bridge', sideA: [...fault.sideA], sideB: [...fault.sideB], bridge: fault.bridge };
    default:
      return fault;
  }
}

function nodeIdsOf(spec: ScenarioSpec): string[] {
  const nodes = spec.cluster?.nodes ?? 5;
  return typeof nodes === 'number' ? Array.from({ length: nodes }, (_, k) => `n${k + 1}`) : [...nodes];
}


/** The fault restricted to the kept nodes, or null when it no longer makes sense. */
function restrictFault(fault: FaultSpec, keep: ReadonlySet<string>): FaultSpec | null {
  const ok = (id: string): boolean => dynamicTargets.has(id) || keep.has(id);
  switch (fault.kind) {
    case 'crash':
    case 'restart':
    case 'isolate':
    case 'pause':
    case 'slow':
    case 'clock-offset':
    case 'clock-drift':
    case 'clock-step':
      return ok(fault.node) ? fault : null;
    case 'transfer-leadership':
      return ok(fault.to) ? fault : null;
    case 'partition': {
      const groups = fault.groups.map((group) => group.filter((id) => keep.has(id))).filter((group) => group.length > 0);
      return groups.length === 0 ? null : { kind: 'partition', groups };
    }
    case 'cut-one-way': {
      const from = fault.from === 'all' ? 'all' : fault.from.filter(ok);
      const to = fault.to === 'all' ? 'all' : fault.to.filter(ok);
      return (from !== 'all' && from.length === 0) || (to !== 'all' && to.length === 0) ? null : { kind: 'cut-one-way', from, to };
    }
    case 'bridge': {
      const sideA = fault.sideA.filter((id) => keep.has(id));
      const sideB = fault.sideB.filter((id) => keep.has(id));
      return !keep.has(fault.bridge) || sideA.length === 0 || sideB.length === 0 ? null : { ...fault, sideA, sideB };
    }
    case 'link':
    case 'clog':
    case 'unclog':
      return ok(fault.from) && ok(fault.to) ? fault : null;
    default:
      return fault;
  }
}

/** The spec with only the first `count` nodes (faults, placement and clocks of the others removed). */
function withNodes(spec: ScenarioSpec, count: number): ScenarioSpec {
  const ids = nodeIdsOf(spec);
  const keepIds = ids.slice(0, count);
  const keep = new Set(keepIds);
  const cluster = { ...(spec.cluster ?? {}) };
  cluster.nodes = typeof spec.cluster?.nodes === 'object' ? keepIds : count;
  if (cluster.clocks !== undefined) cluster.clocks = Object.fromEntries(Object.entries(cluster.clocks).filter(([id]) => keep.has(id)));
  if (cluster.datacenters !== undefined) {
    const placement = Object.fromEntries(Object.entries(cluster.datacenters).map(([dc, nodes]) => [dc, nodes.filter((id) => keep.has(id))]).filter(([, nodes]) => nodes!.length > 0));
    const names = Object.keys(placement);
    cluster.datacenters = placement;
    if (cluster.latency?.inter !== undefined) {
      const inter = Object.fromEntries(Object.entries(cluster.latency.inter).filter(([key]) => key.split(/<->|->/).every((dc) => names.includes(dc.trim()))));
      cluster.latency = { ...cluster.latency, inter };
    }
  }
  const faults = (spec.faults ?? []).flatMap((item) => {
    const fault = restrictFault(item.fault, keep);
    return fault === null ? [] : [{ ...item, fault }];
  });
  return { ...spec, cluster, faults };
}

function sizeOf(spec: ScenarioSpec, options: SimulationOptions, result: SimulationResult): ScenarioSize {
  const compiled = { options };
  const events = result.events;
  return {
    // The run's whole schedule (scripted and drawn by the nemesis), plus trigger items.
    faults: result.faults.length + (spec.faults ?? []).filter((item) => item.when.kind === 'after').length,
    nodes: compiled.options.cluster.nodeIds.length,
    durationUs: compiled.options.durationUs,
    ratePerSecond: compiled.options.workload.ratePerSecond,
    clients: compiled.options.workload.clients,
    events,
    settings: settingPaths(spec).length,
  };
}

export function describeSize(size: ScenarioSize): string {
  return `${size.faults} fault${size.faults === 1 ? '' : 's'}, ${size.nodes} node${size.nodes === 1 ? '' : 's'}, ${formatDuration(size.durationUs)} fault phase, ${size.clients} client${size.clients === 1 ? '' : 's'} at ${size.ratePerSecond}/s, ${size.settings} settings, ${size.events} events`;
}

export function describeSignature(signature: FailureSignature): string {
  switch (signature.outcome) {
    case 'safety':
      return `a safety violation of ${signature.invariant ?? 'an invariant'}`;
    case 'liveness':
      return 'a liveness failure (no convergence after healing)';
    case 'expectations':
      return `the failed expectation "${signature.expectation ?? '?'}"`;
    default:
      return 'no failure';
  }
}

export function shrinkScenario(scenario: LoadedScenario, seed: number, options: ShrinkOptions = {}): ShrinkReport {
  const started = performance.now();
  const maxRuns = options.maxRuns ?? 400;
  const budgetMs = options.budgetMs ?? 300_000;
  const overrides = options.overrides ?? {};
  const progress = options.onProgress ?? (() => undefined);

  // The original run.
  const compiled = scenario.compile(seed, overrides);
  const original = simulate(compiled.options, new Trace({ hash: false }));
  const originalExpectations = checkExpectations(compiled, original);
  const originalOutcome = outcomeOf(original.verdict, originalExpectations);
  const target = signatureOf(originalOutcome, original, originalExpectations.filter((e) => !e.passed).map((e) => e.expression));
  const originalSpec = applyOverrides(scenario.spec, overrides);
  const before = sizeOf(originalSpec, compiled.options, original);
  if (originalOutcome === 'passed') {
    return {
      signature: target,
      failed: false,
      before,
      after: before,
      spec: originalSpec,
      yaml: '',
      runs: 1,
      wallMs: performance.now() - started,
      final: { verdict: original.verdict, invariant: null, message: null, timeUs: null },
      budgetExhausted: false,
    };
  }

  let runs = 1;
  let budgetExhausted = false;
  const attempt = (spec: ScenarioSpec): Attempt => {
    if (runs >= maxRuns || performance.now() - started > budgetMs) {
      budgetExhausted = true;
      return { matches: false, result: null, expectations: [] };
    }
    let candidate;
    try {
      candidate = compileScenario(spec, seed);
    } catch (error) {
      if (error instanceof SpecError || error instanceof UsageError) return { matches: false, result: null, expectations: [] };
      throw error;
    }
    runs++;
    const result = simulate(candidate.options, new Trace({ hash: false }));
    const expectations = checkExpectations(candidate, result);
    const outcome = outcomeOf(result.verdict, expectations);
    return { matches: sameFailure(target, signatureOf(outcome, result, expectations.filter((e) => !e.passed).map((e) => e.expression))), result, expectations };
  };

  // 1. Materialize.
  let spec: ScenarioSpec = originalSpec;
  for (const [path, value] of compiled.drawnValues) spec = setPath(spec, path, value);
  spec = { ...spec, swarm: false, name: `${scenario.name}-min` };
  if (target.outcome !== 'expectations') delete spec.expectations;
  else spec.expectations = (spec.expectations ?? []).filter((expectation) => expectation.expression === target.expectation);
  const triggers = (spec.faults ?? []).filter((item) => item.when.kind === 'after');
  const explicit: ScenarioSpec = {
    ...spec,
    chaos: null,
    faults: [...original.faults.map((item): FaultItemSpec => ({ when: { kind: 'at', atUs: item.atUs }, fault: fromSimFault(item.fault) })), ...triggers],
  };
  let current = attempt(explicit);
  if (current.matches) spec = explicit;
  else {
    progress('the explicit fault schedule did not reproduce the failure; shrinking without removing random faults');
    current = attempt(spec);
    if (!current.matches) {
      // Nothing safe to shrink: report the original.
      spec = originalSpec;
      current = { matches: true, result: original, expectations: originalExpectations };
    }
  }
  let best = current.result!;
  let bestExpectations = current.expectations;
  const accept = (candidate: ScenarioSpec, what: string): boolean => {
    const result = attempt(candidate);
    if (!result.matches) return false;
    spec = candidate;
    best = result.result!;
    bestExpectations = result.expectations;
    progress(what);
    return true;
  };

  const cutAfterViolation = (): void => {
    const violation = best.violation;
    if (target.outcome !== 'safety' || violation === null) return;
    const durationUs = compileScenario(spec, seed).options.durationUs;
    const cut = Math.min(durationUs, Math.ceil((violation.timeUs + 1) / 10_000) * 10_000);
    if (cut < durationUs) {
      const faults = (spec.faults ?? []).filter((item) => item.when.kind !== 'at' || item.when.atUs < cut);
      accept({ ...spec, duration: cut, faults }, `fault phase cut to ${formatDuration(cut)}, just after the violation`);
    }
  };

  const removeFaults = (): void => {
    let items = [...(spec.faults ?? [])];
    if (items.length === 0) return;
    if (accept({ ...spec, faults: [] }, 'all faults removed')) return;
    let chunks = 2;
    while (items.length >= 1 && !budgetExhausted) {
      const size = Math.ceil(items.length / chunks);
      let reduced = false;
      for (let start = 0; start < items.length; start += size) {
        const remaining = [...items.slice(0, start), ...items.slice(start + size)];
        if (remaining.length === items.length) continue;
        if (accept({ ...spec, faults: remaining }, `${items.length - remaining.length} fault(s) removed, ${remaining.length} left`)) {
          items = remaining;
          chunks = Math.max(chunks - 1, 2);
          reduced = true;
          break;
        }
      }
      if (!reduced) {
        if (size <= 1) break;
        chunks = Math.min(items.length, chunks * 2);
      }
    }
  };

  const fewerNodes = (): void => {
    const count = nodeIdsOf(spec).length;
    for (let nodes = 1; nodes < count && !budgetExhausted; nodes++) {
      if (accept(withNodes(spec, nodes), `${nodes} node(s)`)) return;
    }
  };

  const shorterFaults = (): void => {
    const count = (spec.faults ?? []).length;
    for (let index = 0; index < count && !budgetExhausted; index++) {
      const replace = (next: FaultItemSpec, what: string): boolean => {
        const faults = [...(spec.faults ?? [])];
        faults[index] = next;
        return accept({ ...spec, faults }, what);
      };
      const current = (): FaultItemSpec => spec.faults![index]!;
      for (;;) {
        const item = current();
        const when = item.when;
        if (when.kind !== 'after' || when.times <= 1) break;
        const times = Math.floor(when.times / 2);
        if (!replace({ ...item, when: { ...when, times } }, `trigger ${index} fires at most ${times} time(s)`)) break;
      }
      for (;;) {
        const item = current();
        if (item.forUs === undefined || item.forUs <= 10_000) break;
        const forUs = Math.floor(item.forUs / 2);
        if (!replace({ ...item, forUs }, `fault ${index} lasts ${formatDuration(forUs)}`)) break;
      }
      for (;;) {
        const item = current();
        const fault = item.fault;
        if (fault.kind !== 'pause' || fault.durationUs === undefined || fault.durationUs <= 10_000) break;
        const durationUs = Math.floor(fault.durationUs / 2);
        if (!replace({ ...item, fault: { ...fault, durationUs } }, `pause ${index} lasts ${formatDuration(durationUs)}`)) break;
      }
    }
  };

  const shorterRun = (): void => {
    let durationUs = compileScenario(spec, seed).options.durationUs;
    while (durationUs > 200_000 && !budgetExhausted) {
      const next = Math.max(100_000, Math.round(durationUs / 2 / 10_000) * 10_000);
      const faults = (spec.faults ?? []).filter((item) => item.when.kind !== 'at' || item.when.atUs < next);
      if (!accept({ ...spec, duration: next, faults }, `fault phase ${formatDuration(next)}`)) break;
      durationUs = next;
    }
  };

  const lighterWorkload = (): void => {
    const workload = compileScenario(spec, seed).options.workload;
    let rate = workload.ratePerSecond;
    while (rate > 5 && accept({ ...spec, workload: { ...(spec.workload ?? {}), rate: Math.floor(rate / 2) } }, `workload ${Math.floor(rate / 2)}/s`)) rate = Math.floor(rate / 2);
    let clients = workload.clients;
    while (clients > 1 && accept({ ...spec, workload: { ...(spec.workload ?? {}), clients: Math.floor(clients / 2) } }, `${Math.floor(clients / 2)} client(s)`)) clients = Math.floor(clients / 2);
  };

  const fewerSettings = (): void => {
    for (const path of settingPaths(spec)) {
      if (budgetExhausted) return;
      accept(deletePath(spec, path), `${path} back to its default`);
    }
  };

  // 2. Reduce until nothing changes (or a budget runs out).
  for (let round = 0; round < 4 && !budgetExhausted; round++) {
    const startSpec = JSON.stringify(spec);
    cutAfterViolation();
    removeFaults();
    fewerNodes();
    shorterFaults();
    shorterRun();
    cutAfterViolation();
    lighterWorkload();
    fewerSettings();
    if (JSON.stringify(spec) === startSpec) break;
  }

  const after = sizeOf(spec, compileScenario(spec, seed).options, best);
  const header = [
    `Shrunk by \`raftsim shrink\` from ${scenario.source.ref} seed ${seed}${overridesToFlags(overrides).length > 0 ? ` (${overridesToFlags(overrides).join(' ')})` : ''}.`,
    `It still fails with ${describeSignature(target)}.`,
    `Before: ${describeSize(before)}.`,
    `After:  ${describeSize(after)} (${runs} runs).`,
    `Replay: raftsim run ${options.outFile ?? 'THIS-FILE.yaml'} --seed ${seed}`,
  ].join('\n');
  const minimal: ScenarioSpec = { ...spec, question: `What is the smallest run that still fails like ${scenario.name} seed ${seed}? (${describeSignature(target)})` };
  const documentSpec = specToDocument(minimal);
  delete documentSpec.swarm;
  if (documentSpec.chaos === 'off') delete documentSpec.chaos;
  return {
    signature: target,
    failed: true,
    before,
    after,
    spec: minimal,
    yaml: toYaml(documentSpec, header),
    runs,
    wallMs: performance.now() - started,
    final: {
      verdict: best.verdict,
      invariant: best.violation?.invariant ?? null,
      message:
        target.outcome === 'expectations'
          ? bestExpectations.filter((e) => !e.passed).map((e) => `${e.expression} (measured ${e.actual === null ? 'nothing' : String(e.actual)})`).join('; ')
          : (best.violation?.message ?? best.liveness?.reason ?? null),
      timeUs: best.violation?.timeUs ?? null,
    },
    budgetExhausted,
  };
}
