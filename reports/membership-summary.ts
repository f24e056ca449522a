// The membership figures of a run for the report's header, from result.json's metrics.membership (attached as
// ReportFigures by src/reports.ts): how many configurations came into force, the time spent joint, and each
// added node's catch-up time. Shown only for runs that changed membership.
import { formatCount, formatExactDurationUs } from './format.js';
import type { RunModel } from './model.js';

/** "membership: 2 changes · 1 joint period, 3.932 ms joint · catch-up n4 161.404 ms · final voters=(n2 n3 n4)", or null. */
export function membershipSummary(model: RunModel): string | null {
  const m = model.result?.figures?.membership;
  if (m === undefined || m.changes === 0) return null;
  const parts = [`membership: ${formatCount(m.changes)} ${m.changes === 1 ? 'change' : 'changes'}`];
  parts.push(m.jointPeriods === 0 ? 'no joint configuration' : `${formatCount(m.jointPeriods)} joint ${m.jointPeriods === 1 ? 'period' : 'periods'}, ${formatExactDurationUs(m.timeJointUs)} joint`);
  if (m.catchUp.length > 0) {
    const each = m.catchUp.map((c) => `${c.node} ${c.catchUpUs === null ? 'never caught up' : formatExactDurationUs(c.catchUpUs)}${c.bySnapshot ? ' (by snapshot)' : ''}`);
    parts.push(`catch-up ${each.join(', ')}`);
  }
  if (m.removedStepDowns > 0) parts.push(`${formatCount(m.removedStepDowns)} removed-leader step-${m.removedStepDowns === 1 ? 'down' : 'downs'}`);
  parts.push(`final ${m.finalConfig}`);
  return parts.join(' · ');
}
