// The package as a user imports it: by its name, 'raftsim' and 'raftsim/reports', which Node resolves through
// package.json "exports" to dist/ (`npm test` builds before it runs vitest). raftsim exports exactly the names
// below, every one of them (values and types) is documented in docs/api.md, and every import a document shows
// names an export. An export added by accident fails the first test.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as raftsim from 'raftsim';
import * as reports from 'raftsim/reports';
import type {
  BuiltinScenario,
  ChaosInput,
  ChaosKind,
  ChaosOptions,
  CheckOptions,
  CheckResult,
  ClusterOptions,
  CompileOptions,
  CompiledScenario,
  DeterminismReport,
  Divergence,
  ElectionLatencySample,
  Expectation,
  ExpectationResult,
  FailureOfRun,
  FailureSignature,
  Fault,
  FaultItemInput,
  FaultKind,
  History,
  HistoryOperationSummary,
  KvInput,
  KvOutput,
  KvState,
  LinearizabilityVerdict,
  LivenessOutcome,
  LoadedScenario,
  Model,
  NodeTarget,
  Operation,
  Outcome,
  OverrideKey,
  Overrides,
  Partition,
  PartitionVerdict,
  RecordedRun,
  ReplayReport,
  ResultJson,
  RunMetrics,
  RunSamples,
  ScenarioRunOptions,
  ScenarioRunResult,
  ScenarioSize,
  ScenarioSource,
  ScenarioSourceInput,
  ScenarioSpec,
  ScheduledFault,
  ShrinkOptions,
  ShrinkReport,
  SimulationOptions,
  SimulationResult,
  TraceSink,
  TriggeredFault,
  ValidatedScenarioSpec,
  Verdict,
  WorkloadOptions,
} from 'raftsim';

/** The documented types stay exported (typecheck fails otherwise). */
export type DocumentedTypes = [
  BuiltinScenario,
  ChaosInput,
  ChaosKind,
  ChaosOptions,
  CheckOptions,
  CheckResult<unknown, unknown, unknown>,
  ClusterOptions,
  CompileOptions,
  CompiledScenario,
  DeterminismReport,
  Divergence,
  ElectionLatencySample,
  Expectation,
  ExpectationResult,
  FailureOfRun,
  FailureSignature,
  Fault,
  FaultItemInput,
  FaultKind,
  History<unknown, unknown>,
  HistoryOperationSummary,
  KvInput,
  KvOutput,
  KvState,
  LinearizabilityVerdict,
  LivenessOutcome,
  LoadedScenario,
  Model<unknown, unknown, unknown>,
  NodeTarget,
  Operation<unknown, unknown>,
  Outcome,
  OverrideKey,
  Overrides,
  Partition,
  PartitionVerdict<unknown, unknown, unknown>,
  RecordedRun,
  ReplayReport,
  ResultJson,
  RunMetrics,
  RunSamples,
  ScenarioRunOptions,
  ScenarioRunResult,
  ScenarioSize,
  ScenarioSource,
  ScenarioSourceInput,
  ScenarioSpec,
  ScheduledFault,
  ShrinkOptions,
  ShrinkReport,
  SimulationOptions,
  SimulationResult,
  TraceSink,
  TriggeredFault,
  ValidatedScenarioSpec,
  Verdict,
  WorkloadOptions,
];

const exportedValues = [
  'raftProfiles',
  'profileSettings',
  'figure16Ranges',
  'figure16Scenario',
  'runRange',
  'splitVotePoints',
  'splitVoteScenario',
  'runSplitVotePoint',
  'incidentVariants',
  'incidentScenario',
  'runIncidentTrial',
  'runIncidentVariant',
  'driftCases',
  'driftScenario',
  'runDriftTrial',
  'runDriftCase',
  'FileSink',
  'SeedFailure',
  'assertSeedPasses',
  'seedProperty',
  'RaftNode',
  'allBugs',
  'MemorySink',
  'ScenarioError',
  'SpecError',
  'Trace',
  'UsageError',
  'builtinScenarios',
  'checkDeterminism',
  'checkLinearizable',
  'compileScenario',
  'defaultChaosOptions',
  'defaultClusterOptions',
  'defaultSimulationOptions',
  'defaultWorkloadOptions',
  'describeViolation',
  'exitCodes',
  'kvModel',
  'loadScenario',
  'nodeIdsFor',
  'readResultFile',
  'replayResultFile',
  'runScenario',
  'runScenarioFile',
  'runScenarioSpec',
  'shrinkScenario',
  'simulate',
  'UNKNOWN',
];

/** The report renderers docs/reports.md and docs/api.md show. */
const documentedRenderers = ['renderRunReport', 'renderComparisonReport', 'renderSweepReport', 'renderSweepComparison', 'headlineMetrics', 'TraceFormatError'];

/** Every name src/index.ts exports, values and types, read from the declarations the package ships. */
function declaredNames(): string[] {
  const declarations = fileURLToPath(import.meta.resolve('raftsim')).replace(/\.js$/, '.d.ts');
  const text = readFileSync(declarations, 'utf8');
  const names: string[] = [];
  for (const match of text.matchAll(/export (?:type )?\{([^}]*)\}/g)) {
    for (const part of match[1]!.split(',')) {
      const name = part.trim().replace(/^type /, '').split(/\s+as\s+/).pop()!;
      if (name !== '') names.push(name);
    }
  }
  return names;
}

/** The names each ```ts block of the documents imports from the package, by entry point. */
function documentedImports(): { file: string; from: string; name: string }[] {
  const files = ['README.md', ...readdirSync('docs').filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];
  const found: { file: string; from: string; name: string }[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/import \{([^}]*)\} from '(raftsim(?:\/[\w-]+)?)'/g)) {
      for (const name of match[1]!.split(',').map((part) => part.trim()).filter((part) => part !== '')) found.push({ file, from: match[2]!, name });
    }
  }
  return found;
}

describe('the package API', () => {
  it('raftsim exports exactly these values', () => {
    expect(Object.keys(raftsim).sort()).toEqual([...exportedValues].sort());
  });

  it('every name raftsim exports, value or type, is documented in docs/api.md', () => {
    const api = readFileSync('docs/api.md', 'utf8');
    const names = declaredNames();
    expect(names).toEqual(expect.arrayContaining(exportedValues));
    const undocumented = names.filter((name) => !new RegExp(`\`${name}[\`(]`).test(api));
    expect(undocumented, 'exported but not named in docs/api.md').toEqual([]);
  });

  it('every import the documents show names an export of its entry point', () => {
    const entries: Record<string, Record<string, unknown>> = { raftsim, 'raftsim/reports': reports };
    const imports = documentedImports();
    expect(imports.map((entry) => entry.name)).toEqual(expect.arrayContaining(['simulate', 'runScenarioFile', 'renderRunReport']));
    const missing = imports.filter((entry) => entries[entry.from] === undefined || !(entry.name in entries[entry.from]!));
    expect(missing, 'imports shown in the documents that the package does not export').toEqual([]);
  });

  it('raftsim/reports has the documented renderers', () => {
    expect(Object.keys(reports)).toEqual(expect.arrayContaining(documentedRenderers));
  });

  it('a small simulation and its run report, through the package', () => {
    const sink = new raftsim.MemorySink();
    const result = raftsim.simulate(raftsim.defaultSimulationOptions({ seed: 3, nodes: 3, durationUs: 2_000_000 }), new raftsim.Trace({ sink }));
    expect(result.verdict).toBe('ok');
    const svg = reports.renderRunReport(sink.lines);
    expect(svg).toMatch(/^<\?xml[^>]*>\n<svg /);
    expect(svg).toContain('seed 3');
  });

  it('a failing seed through the package names its replay command', () => {
    const spec: ScenarioSpec = { name: 'minority', question: 'caught?', bugs: ['commit-with-minority'], chaos: { kinds: ['crash', 'partition'], meanGap: '300ms' }, duration: '3s' };
    expect(() => raftsim.assertSeedPasses(spec, 1)).toThrow(/replay: (npx )?raftsim run \S+minority-\w+\.json --seed 1/);
    expect(raftsim.runScenarioSpec(spec, { seed: 1 }).replay).toMatch(/run minority\.json --seed 1$/);
  });

  it('a scenario through the package; its errors are the package\'s error classes', () => {
    const run = raftsim.runScenarioFile('leader-crash', { seed: 7, overrides: { nodes: 3 } });
    expect(run.outcome).toBe('passed');
    expect(run.exitCode).toBe(raftsim.exitCodes.ok);
    expect(run.json().seed).toBe(7);
    expect(() => raftsim.loadScenario('leader-crsh')).toThrow(raftsim.UsageError);
    // @ts-expect-error -- a typo the type catches, and the loader too
    expect(() => raftsim.runScenarioSpec({ question: 'bad?', faults: [{ at: '1s', crsh: 'n1' }] })).toThrow(raftsim.ScenarioError);
  });
});
