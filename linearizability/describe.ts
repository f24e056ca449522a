// Short text of a verdict, for a terminal or a report caption. Uses only the result's data (the model's
// descriptions were taken when the result was built), and values there are already abbreviated.
import type { Operation } from './history.js';
import type { CheckResult, IndexedOperation, PartitionViolation } from './result.js';

const MAX_LISTED_OPERATIONS = 12;

function interval(operation: Operation<unknown, unknown>): string {
  switch (operation.status) {
    case 'ok':
      return `[${operation.callUs}, ${operation.returnUs}] us`;
    case 'fail':
      return `[${operation.callUs}, ${operation.returnUs}] us, failed`;
    case 'unknown':
      return operation.returnUs === null ? `[${operation.callUs}, ∞) us, outcome unknown` : `[${operation.callUs}, ∞) us, gave up at ${operation.returnUs}`;
    default: {
      const unreachable: never = operation;
      throw new Error(`linearizability: unknown status ${JSON.stringify(unreachable)}`);
    }
  }
}

function operationLine(entry: IndexedOperation<unknown, unknown>): string {
  return `    #${entry.index} client ${entry.operation.clientId} ${interval(entry.operation)}: ${entry.description}`;
}

/** The lines about one violating partition. */
export function describePartitionViolation(violation: PartitionViolation<unknown, unknown, unknown>): string[] {
  const lines = [`not linearizable: partition '${violation.partition}' (${violation.operations} operations, ${violation.stepsUsed} search steps)`];
  const explanation = violation.explanation;
  if (explanation === null) {
    lines.push(`  no linearization gets past operation #${violation.stuckIndex} (check with explain: true for why)`);
    return lines;
  }
  lines.push(`  ${explanation.stuck.explanation}`);
  lines.push(`  longest linearizable prefix: ${explanation.longestPrefix.length} operations, leaving ${explanation.stateAtDeadEndDescription}`);
  const minimal = explanation.minimal;
  const proof = minimal.oneMinimal ? 'removing any one of them makes it linearizable' : 'shrink budget ran out before it was 1-minimal';
  lines.push(`  smallest failing sub-history found: ${minimal.operations.length} operations (${proof})`);
  for (const entry of minimal.operations.slice(0, MAX_LISTED_OPERATIONS)) lines.push(operationLine(entry));
  if (minimal.operations.length > MAX_LISTED_OPERATIONS) lines.push(`    … and ${minimal.operations.length - MAX_LISTED_OPERATIONS} more`);
  return lines;
}

/** A short text of any verdict; for a violation, each violating partition with its explanation. */
export function describeViolation(result: CheckResult<unknown, unknown, unknown>): string {
  const operations = result.partitions.reduce((sum, partition) => sum + partition.operations, 0);
  const scope = `${operations} operations in ${result.partitions.length} partition${result.partitions.length === 1 ? '' : 's'}`;
  switch (result.verdict) {
    case 'ok':
      return `linearizable: ${scope} (${result.excluded.length} failed operations excluded)`;
    case 'unknown':
      return (
        `unknown: partition '${result.partition}' (${result.operations} operations) used its whole budget of ${result.stepsUsed} search steps ` +
        `without finding a linearization or ruling one out; ${result.unknowns.length} of ${result.partitions.length} partitions unknown, the rest linearizable`
      );
    case 'violation': {
      const lines = [`${result.violations.length} of ${result.partitions.length} partitions not linearizable (${scope})`];
      for (const violation of result.violations) lines.push(...describePartitionViolation(violation));
      return lines.join('\n');
    }
    default: {
      const unreachable: never = result;
      throw new Error(`linearizability: unknown verdict ${JSON.stringify(unreachable)}`);
    }
  }
}
