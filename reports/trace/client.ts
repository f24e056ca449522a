// Client history: the latency and outcome of every completed operation (invoke records are not drawn).
import { MAX_SERIES_POINTS } from '../model.js';
import type { ModelBuilder } from './builder.js';
import type { ReportRecordOf } from './records.js';

export function onOutcome(b: ModelBuilder, r: ReportRecordOf<'ok'> | ReportRecordOf<'fail'> | ReportRecordOf<'timeout'>): void {
  const ops = b.clientOps;
  if (ops.tUs.length >= MAX_SERIES_POINTS) {
    b.omitted['client operations'] = (b.omitted['client operations'] ?? 0) + 1;
    return;
  }
  ops.tUs.push(r.t);
  ops.latencyUs.push(r.latencyUs);
  ops.outcome.push(r.type);
}
