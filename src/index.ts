// Public API: `import { simulate } from 'raftsim'`.
export { simulate, defaultSimulationOptions, defaultChaosOptions, nodeIdsFor } from '../sim/simulate.js';
export type { SimulationOptions, SimulationResult, Verdict, LivenessOutcome } from '../sim/simulate.js';
export { defaultClusterOptions } from '../sim/cluster.js';
export type { ClusterOptions } from '../sim/cluster.js';
export { defaultWorkloadOptions } from '../sim/workload.js';
export type { WorkloadOptions } from '../sim/workload.js';
export type { Fault, ScheduledFault, ChaosOptions, NodeTarget } from '../sim/nemesis.js';
export { Trace, MemorySink, FileSink, checkDeterminism } from '../sim/trace.js';
export { builtinScenarios, findScenario } from '../scenarios/builtin.js';
export { RaftNode } from '../raft/node.js';
