// The public API of the `raftsim` package (docs/api.md): `import { runScenarioFile, simulate } from 'raftsim'`.
// The report renderers are the package's second entry point, `raftsim/reports` (reports/index.ts).
// Everything else in src/, sim/ and raft/ is internal; test/api.test.ts fails when a name is added here
// without being added there (and documented).

// Simulating: options, their defaults, and the result.
export { simulate, defaultSimulationOptions, defaultChaosOptions, nodeIdsFor } from '../sim/simulate.js';
export type { SimulationOptions, SimulationResult, Verdict, LivenessOutcome, TriggeredFault } from '../sim/simulate.js';
export { defaultClusterOptions } from '../sim/cluster/cluster.js';
export type { ClusterOptions } from '../sim/cluster/cluster.js';
export { defaultWorkloadOptions } from '../sim/workload.js';
export type { WorkloadOptions } from '../sim/workload.js';
export type { Fault, FaultKind, ScheduledFault, ChaosOptions, ChaosKind, NodeTarget } from '../sim/nemesis.js';
export type { RunMetrics, RunSamples, ElectionLatencySample } from '../sim/metrics.js';

// The Raft under test: the host contract any Raft implements to run under the harness (docs/raft.md), and
// raftsim's own implementation of it. The bug catalogue names what the harness must find.
export { RaftNode } from '../raft/node.js';
export type { RaftFactory, RaftUnderTest, RaftLogView, RaftNodeOptions, DurableState } from '../raft/contract.js';
export type { RaftConfig, ElectionTimerRestart, MembershipActivation } from '../raft/config.js';
export type { Message, Ready, RaftEvent, Entry, HardState, Snapshot, Role, ProposeResult, ReadResult } from '../raft/types.js';
export type { ConfChangeRequest, ConfChangeResult, ConfChangeTransition, Membership, MembershipChange, SnapshotMeta } from '../raft/types.js';
export { allBugs } from '../sim/bugs.js';
export type { CatalogueBug, BugSwitch } from '../sim/bugs.js';

// Linearizability: the checker of client histories (docs/linearizability.md), its key-value model, and the
// verdict every checked run carries (SimulationResult.linearizability).
export { checkLinearizable, describeViolation, kvModel, UNKNOWN } from '../linearizability/index.js';
export type { CheckOptions, CheckResult, History, KvInput, KvOutput, KvState, Model, Operation, Partition, PartitionVerdict } from '../linearizability/index.js';
export type { LinearizabilityVerdict, HistoryOperationSummary } from '../sim/linearizable.js';

// The trace: where the records go, and the determinism check.
export { Trace, MemorySink, FileSink, checkDeterminism } from '../sim/trace.js';
export type { TraceSink, DeterminismReport } from '../sim/trace.js';

// Scenarios: load (a built-in name, a file, or an object), compile, run.
export { loadScenario, runScenario, runScenarioFile, runScenarioSpec } from './api.js';
export type { ScenarioRunOptions, ScenarioRunResult, OverrideKey, ScenarioSourceInput } from './api.js';
export { assertSeedPasses, seedProperty, SeedFailure } from './seed-property.js';
export { compileScenario } from './scenario/compile.js';
export type { CompiledScenario, CompileOptions } from './scenario/compile.js';
export type { LoadedScenario, ScenarioSource } from './scenario/load.js';
export type { ScenarioInput as ScenarioSpec, FaultItemInput, ChaosInput } from './scenario/input.js';
export type { ScenarioSpec as ValidatedScenarioSpec } from './scenario/spec.js';
export type { Overrides } from './scenario/overrides.js';
export type { Expectation, ExpectationResult } from './scenario/expectations.js';
export type { Outcome } from './run-scenario.js';
export { builtinScenarios } from './scenario/builtin.js';
export type { BuiltinScenario } from './scenario/builtin.js';
export { raftProfiles, profileSettings } from './scenario/profiles.js';
export type { RaftProfile, ProfileSetting } from './scenario/profiles.js';

// Experiments: published results reproduced (docs/fidelity.md), trial by trial.
export { figure16Ranges, figure16Scenario } from './experiments/figure-16.js';
export type { TimeoutRange, PaperClaim } from './experiments/figure-16.js';
export { runRange } from './experiments/results.js';
export type { RangeResult, RangeStats, ClaimCheck } from './experiments/results.js';
export { splitVotePoints, splitVoteScenario, runSplitVotePoint } from './experiments/split-votes.js';
export type { SplitVotePoint, SplitVoteResult, SplitVoteTrial } from './experiments/split-votes.js';
export { incidentVariants, incidentScenario, runIncidentTrial } from './experiments/two-dc-incident.js';
export type { IncidentVariant, IncidentTrial } from './experiments/two-dc-incident.js';
export { runIncidentVariant } from './experiments/two-dc-incident-report.js';
export type { IncidentVariantResult } from './experiments/two-dc-incident-report.js';
export { driftCases, driftScenario, runDriftTrial, runDriftCase } from './experiments/compaction-drift.js';
export type { DriftCase, DriftTrial, DriftRound, DriftCaseResult } from './experiments/compaction-drift.js';

// Errors a caller catches, and the command line's exit codes.
export { ScenarioError, SpecError } from './scenario/errors.js';
export { UsageError, exitCodes } from './errors.js';

// result.json: reading one, replaying it; shrinking a failing run.
export { readResultFile, replayResultFile } from './replay.js';
export type { RecordedRun, ReplayReport, Divergence } from './replay.js';
export type { ResultJson } from './result.js';
export { shrinkScenario } from './shrink.js';
export type { ShrinkReport, ShrinkOptions, ScenarioSize, FailureSignature, FailureOfRun } from './shrink.js';
