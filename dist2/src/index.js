// The public API of the `raftsim` package (docs/api.md): `import { runScenarioFile, simulate } from 'raftsim'`.
// The report renderers are the package's second entry point, `raftsim/reports` (reports/index.ts).
// Everything else in src/, sim/ and raft/ is internal; test/api.test.ts fails when a name is added here
// without being added there (and documented).
// Simulating: options, their defaults, and the result.
export { simulate, defaultSimulationOptions, defaultChaosOptions, nodeIdsFor } from '../sim/simulate.js';
export { defaultClusterOptions } from '../sim/cluster/cluster.js';
export { defaultWorkloadOptions } from '../sim/workload.js';
// The Raft under test: the host contract any Raft implements to run under the harness (docs/raft.md), and
// raftsim's own implementation of it. The bug catalogue names what the harness must find.
export { RaftNode } from '../raft/node.js';
export { allBugs } from '../sim/bugs.js';
// Linearizability: the checker of client histories (docs/linearizability.md), its key-value model, and the
// verdict every checked run carries (SimulationResult.linearizability).
export { checkLinearizable, describeViolation, kvModel, UNKNOWN } from '../linearizability/index.js';
// The trace: where the records go, and the determinism check.
export { Trace, MemorySink, FileSink, checkDeterminism } from '../sim/trace.js';
// Scenarios: load (a built-in name, a file, or an object), compile, run.
export { loadScenario, runScenario, runScenarioFile, runScenarioSpec } from './api.js';
export { assertSeedPasses, seedProperty, SeedFailure } from './seed-property.js';
export { compileScenario } from './scenario/compile.js';
export { builtinScenarios } from './scenario/builtin.js';
// Errors a caller catches, and the command line's exit codes.
export { ScenarioError, SpecError } from './scenario/errors.js';
export { UsageError, exitCodes } from './errors.js';
// result.json: reading one, replaying it; shrinking a failing run.
export { readResultFile, replayResultFile } from './replay.js';
export { shrinkScenario } from './shrink.js';
//# sourceMappingURL=index.js.map