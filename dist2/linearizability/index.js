// The linearizability checker's public surface. A ground-floor module: it imports nothing from sim/, src/,
// reports/ or raft/, so a report or the simulator can use it without a cycle. See docs/linearizability.md.
export { checkLinearizable, defaultCheckOptions, TURN_STEPS } from './check.js';
export { describePartitionViolation, describeViolation } from './describe.js';
export { HistoryError, precedes, validateHistory } from './history.js';
export { kvModel } from './kv-model.js';
export { abbreviate, partitionByKey, UNKNOWN } from './model.js';
//# sourceMappingURL=index.js.map