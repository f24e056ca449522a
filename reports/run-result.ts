// What the report knows of a run beyond its trace: the outcome, the expectations and the summary's figures,
// from result.json (see outcome.ts). Plain data, no imports: the model refers to it.

/** The outcome of a run, as in result.json: it decides the exit code (0 passed, 1 safety, 3 liveness or expectations). */
export type RunOutcome = 'passed' | 'safety' | 'liveness' | 'expectations';

/** What an expectation measures, for its unit. */
export type ExpectationQuantity = 'duration' | 'count' | 'bytes' | 'ratio' | 'word' | 'number';

export interface ReportExpectation {
  /** As written in the scenario, e.g. "electionLatency.p99 < 1s". */
  readonly expression: string;
  readonly passed: boolean;
  /** The measured value (durations in µs, sizes in bytes, ratios as fractions), or null when not measured. */
  readonly actual: number | string | null;
  readonly quantity: ExpectationQuantity;
  /** Why it failed when the value was missing. */
  readonly note?: string;
}

/** The figures the command-line summary prints, from the run's metrics (sim/metrics.ts): one definition each. */
export interface ReportFigures {
  /** Election latency percentiles (nearest rank), µs; null when there were no samples. */
  readonly electionLatency?: { readonly count: number; readonly p50: number | null; readonly p90: number | null; readonly p99: number | null; readonly max: number | null };
  /** Messages the network dropped (every dropped copy, as the summary's "dropped"). */
  readonly dropped?: number;
  /** Messages sent. */
  readonly sent?: number;
  /** result.json metrics.membership (runs that can change membership only; sim/membership-metrics.ts). */
  readonly membership?: ReportMembershipFigures;
}

/** The membership figures the report shows: one definition each, in sim/membership-metrics.ts. */
export interface ReportMembershipFigures {
  /** Configurations that came into force (auto-leaves included). */
  readonly changes: number;
  readonly jointPeriods: number;
  readonly timeJointUs: number;
  readonly removedStepDowns: number;
  readonly finalConfig: string;
  /** Each node added during the run: its catch-up time (µs; null: never caught up) and whether by snapshot. */
  readonly catchUp: readonly { readonly node: string; readonly catchUpUs: number | null; readonly bySnapshot: boolean }[];
}

/** A run's result as the report needs it (a few fields of result.json). */
export interface RunResultInfo {
  readonly outcome: RunOutcome;
  readonly exitCode: number;
  readonly expectations: readonly ReportExpectation[];
  readonly figures?: ReportFigures;
}
