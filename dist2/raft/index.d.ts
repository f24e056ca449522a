export * from './types.js';
export * from './config.js';
export * from './bugs.js';
export type { DurableState, RaftFactory, RaftLogView, RaftNodeOptions, RaftUnderTest } from './contract.js';
export { RaftLog } from './log.js';
export { Progress, type ProgressState } from './progress.js';
export { Inflights } from './inflights.js';
export * from './quorum.js';
export { RaftNode, messageBytes, messageHeaderBytes } from './node.js';
