import type { CheckResult, PartitionViolation } from './result.js';
/** The lines about one violating partition. */
export declare function describePartitionViolation(violation: PartitionViolation<unknown, unknown, unknown>): string[];
/** A short text of any verdict; for a violation, each violating partition with its explanation. */
export declare function describeViolation(result: CheckResult<unknown, unknown, unknown>): string;
