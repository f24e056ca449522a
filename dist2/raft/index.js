export * from './types.js';
export * from './config.js';
export * from './bugs.js';
export { RaftLog } from './log.js';
export { Progress } from './progress.js';
export { Inflights } from './inflights.js';
export * from './quorum.js';
export { RaftNode, messageBytes, messageHeaderBytes } from './node.js';
//# sourceMappingURL=index.js.map