export { checkLinearizable, defaultCheckOptions, TURN_STEPS, type CheckOptions } from './check.js';
export { describePartitionViolation, describeViolation } from './describe.js';
export { HistoryError, precedes, validateHistory, type History, type Operation, type OperationStatus } from './history.js';
export { kvModel, type KvInput, type KvOutput, type KvState } from './kv-model.js';
export { abbreviate, partitionByKey, UNKNOWN, type Model, type Partition, type Unknown } from './model.js';
export type { CheckResult, IndexedOperation, MinimalFailingHistory, PartitionUnknown, PartitionVerdict, PartitionViolation, PlacedOperation, StuckOperation, ViolationExplanation, } from './result.js';
