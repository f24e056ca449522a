// What a checker call raised: `Invariant: message` of the SafetyViolation it threw, or 'none'. Other errors pass.
import { SafetyViolation } from '../../sim/checker.js';

export function violation(run: () => void): string {
  try {
    run();
  } catch (error) {
    if (error instanceof SafetyViolation) return `${error.violation.invariant}: ${error.violation.message}`;
    throw error;
  }
  return 'none';
}
