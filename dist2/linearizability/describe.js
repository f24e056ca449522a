const MAX_LISTED_OPERATIONS = 12;
function interval(operation) {
    switch (operation.status) {
        case 'ok':
            return `[${operation.callUs}, ${operation.returnUs}] us`;
        case 'fail':
            return `[${operation.callUs}, ${operation.returnUs}] us, failed`;
        case 'unknown':
            return operation.returnUs === null ? `[${operation.callUs}, ∞) us, outcome unknown` : `[${operation.callUs}, ∞) us, gave up at ${operation.returnUs}`;
        default: {
            const unreachable = operation;
            throw new Error(`linearizability: unknown status ${JSON.stringify(unreachable)}`);
        }
    }
}
function operationLine(entry) {
    return `    #${entry.index} client ${entry.operation.clientId} ${interval(entry.operation)}: ${entry.description}`;
}
/** The lines about one violating partition. */
export function describePartitionViolation(violation) {
    const lines = [`not linearizable: partition '${violation.partition}' (${violation.operations} operations, ${violation.stepsUsed} search steps)`];
    const explanation = violation.explanation;
    if (explanation === null) {
        lines.push(`  no linearization gets past operation #${violation.stuckIndex} (check with explain: true for why)`);
        return lines;
    }
    lines.push(`  ${explanation.stuck.explanation}`);
    lines.push(`  longest linearizable prefix: ${count(explanation.longestPrefix.length)}, leaving ${explanation.stateAtDeadEndDescription}`);
    const { minimal, focused } = explanation;
    if (focused === null)
        lines.push('  no state this partition reaches allows that output');
    if (focused !== null) {
        const proof = focused.oneMinimal ? 'none can be removed' : 'shrink budget ran out before it was 1-minimal';
        lines.push(`  smallest failing sub-history around it: ${count(focused.operations.length)} (${proof})`);
        lines.push(...listed(focused.operations));
    }
    if (focused === null || !sameOperations(minimal.operations, focused.operations)) {
        const proof = minimal.oneMinimal ? 'removing any one makes it linearizable' : 'shrink budget ran out before it was 1-minimal';
        lines.push(`  smallest failing sub-history: ${count(minimal.operations.length)} (${proof})`);
        lines.push(...listed(minimal.operations));
    }
    return lines;
}
function count(operations) {
    return `${operations} operation${operations === 1 ? '' : 's'}`;
}
function listed(operations) {
    const lines = operations.slice(0, MAX_LISTED_OPERATIONS).map(operationLine);
    if (operations.length > MAX_LISTED_OPERATIONS)
        lines.push(`    … and ${operations.length - MAX_LISTED_OPERATIONS} more`);
    return lines;
}
function sameOperations(a, b) {
    return a.length === b.length && a.every((entry, k) => entry.index === b[k].index);
}
/** A short text of any verdict; for a violation, each violating partition with its explanation. */
export function describeViolation(result) {
    const operations = result.partitions.reduce((sum, partition) => sum + partition.operations, 0);
    const scope = `${operations} operations in ${result.partitions.length} partition${result.partitions.length === 1 ? '' : 's'}`;
    switch (result.verdict) {
        case 'ok':
            return `linearizable: ${scope} (${result.excluded.length} failed operations excluded)`;
        case 'unknown':
            return (`unknown: partition '${result.partition}' (${result.operations} operations) used its whole budget of ${result.stepsUsed} search steps ` +
                `without finding a linearization or ruling one out; ${result.unknowns.length} of ${result.partitions.length} partitions unknown, the rest linearizable`);
        case 'violation': {
            const unfinished = result.partitions.filter((partition) => partition.verdict === 'unknown');
            const stopped = unfinished.filter((partition) => partition.verdict === 'unknown' && partition.reason === 'stopped').length;
            const rest = unfinished.length === 0 ? '' : `; ${unfinished.length} undecided (${stopped} stopped at the first violation, ${unfinished.length - stopped} out of budget)`;
            const lines = [`${result.violations.length} of ${result.partitions.length} partitions not linearizable (${scope})${rest}`];
            for (const violation of result.violations)
                lines.push(...describePartitionViolation(violation));
            return lines.join('\n');
        }
        default: {
            const unreachable = result;
            throw new Error(`linearizability: unknown verdict ${JSON.stringify(unreachable)}`);
        }
    }
}
//# sourceMappingURL=describe.js.map