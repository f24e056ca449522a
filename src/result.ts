// The result of one run as written to result.json (documented in docs/results.md).
import type { SimulationResult } from '../sim/simulate.js';

export interface ResultJson {
  readonly raftsim: { readonly resultVersion: 1 };
  readonly scenario: string;
  readonly seed: number;
  readonly verdict: SimulationResult['verdict'];
  readonly violation: SimulationResult['violation'];
  readonly liveness: SimulationResult['liveness'];
  readonly traceHash: SimulationResult['traceHash'];
  readonly simulatedUs: number;
  readonly wallMs: number;
  readonly events: number;
  readonly invariantChecks: number;
  readonly cluster: SimulationResult['cluster'];
  readonly network: SimulationResult['network'];
  readonly workload: SimulationResult['workload'];
  readonly faults: SimulationResult['faults'];
  readonly finalState: SimulationResult['finalState'];
}

export function toResultJson(result: SimulationResult, wallMs: number): ResultJson {
  return {
    raftsim: { resultVersion: 1 },
    scenario: result.scenario,
    seed: result.seed,
    verdict: result.verdict,
    violation: result.violation,
    liveness: result.liveness,
    traceHash: result.traceHash,
    simulatedUs: result.simulatedUs,
    wallMs: Math.round(wallMs),
    events: result.events,
    invariantChecks: result.invariantChecks,
    cluster: result.cluster,
    network: result.network,
    workload: result.workload,
    faults: result.faults,
    finalState: result.finalState,
  };
}

/** The few numbers a sweep keeps per seed. */
export interface SeedSummary {
  readonly seed: number;
  readonly verdict: SimulationResult['verdict'];
  readonly invariant: string | null;
  readonly message: string | null;
  readonly traceHash: string | null;
  readonly events: number;
  readonly simulatedUs: number;
  readonly wallMs: number;
  readonly leaderChanges: number;
  readonly elections: number;
  readonly convergedAfterUs: number | null;
  readonly clientOk: number;
}

export function summarizeSeed(result: SimulationResult, wallMs: number): SeedSummary {
  return {
    seed: result.seed,
    verdict: result.verdict,
    invariant: result.violation?.invariant ?? null,
    message: result.violation?.message ?? (result.verdict === 'liveness' ? (result.liveness?.reason ?? null) : null),
    traceHash: result.traceHash,
    events: result.events,
    simulatedUs: result.simulatedUs,
    wallMs: Math.round(wallMs),
    leaderChanges: result.cluster.leaderChanges,
    elections: result.cluster.elections,
    convergedAfterUs: result.liveness?.convergedAfterUs ?? null,
    clientOk: result.workload.ok,
  };
}
