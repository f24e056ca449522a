/**
 * Parses a raftsim JSON Lines trace (docs/trace-format.md) into the run model (model.ts).
 *
 * One pass over the lines: each line is parsed, checked against the trace contract (contract/trace.ts) into a
 * typed record, and handed to the handler of its record type, which updates the ModelBuilder. A 100k-line
 * trace costs one JSON.parse per line, a field check and a few array pushes.
 *
 * Pure: no I/O, no clock, no randomness.
 */
import type { RunModel } from '../model.js';
import { ModelBuilder } from './builder.js';
import { onClock } from './clocks.js';
import { onInvoke, onLinearizability, onOutcome } from './client.js';
import { onCompact, onLogSample, onSnapshot, onSnapshotSkip, onSnapshotStart, onStall } from './compaction.js';
import { TraceFormatError } from './error.js';
import { onEnd, onMeta } from './framing.js';
import { onElectionLatency, onLeaderLost } from './measurements.js';
import { onBoot, onConfChange, onConfChangeRefused, onMembership, onRemovedStepDown } from './membership.js';
import { onDeliver, onDrop, onSend } from './messages.js';
import { onClog, onHeal, onLink, onLinkReset, onFilter, onFiltersCleared, onPartition, onRejoin, onUnclog } from './network-faults.js';
import { onApplyStall, onCrash, onPause, onRestart, onResume, onSlow, onUnsupported, onUpgrade } from './process-faults.js';
import { checkRecordBody, parseRecordHeader, type RecordHeader, type ReportRecord } from './records.js';
import { onApply, onCommit, onSnapshotInstall } from './replication.js';
import { onElection, onRole, onStepDown, onTransfer } from './roles.js';

/**
 * Parses trace lines (a file split on "\n"; blank lines are skipped) into a RunModel.
 * Throws TraceFormatError for anything that is not a well-formed raftsim trace.
 */
export function parseTrace(lines: Iterable<string>): RunModel {
  const b = new ModelBuilder();
  let lineNo = 0;
  let records = 0;
  let lastUs = 0;
  for (const raw of lines) {
    lineNo++;
    if (raw.trim() === '') continue;
    b.line = lineNo;
    const header = parseRecordHeader(raw, lineNo);
    checkFraming(header, records, b, lineNo);
    if (header.t < lastUs) throw new TraceFormatError(`time goes backwards: t=${header.t} after t=${lastUs}`, lineNo);
    lastUs = header.t;
    records++;
    dispatch(b, checkRecordBody(header, lineNo));
  }
  if (records === 0) throw new TraceFormatError('empty trace: expected a "meta" record first', Math.max(1, lineNo));
  return b.finish(records, lastUs);
}

/** One meta record first, nothing after the end record. */
function checkFraming(header: RecordHeader, recordsBefore: number, b: ModelBuilder, line: number): void {
  const type = header.type;
  if (recordsBefore === 0 && type !== 'meta') throw new TraceFormatError(`the first record must be "meta", got "${type.slice(0, 40)}"`, line);
  if (recordsBefore > 0 && type === 'meta') throw new TraceFormatError('a second "meta" record', line);
  if (b.end !== null) throw new TraceFormatError(`a "${type.slice(0, 40)}" record after the "end" record`, line);
}

/** One handler per record type; a record type added to the contract does not compile until it is listed here. */
function dispatch(b: ModelBuilder, record: ReportRecord): void {
  switch (record.type) {
    case 'meta': return onMeta(b, record);
    case 'end': return onEnd(b, record);
    case 'role': return onRole(b, record);
    case 'election': return onElection(b, record);
    case 'step-down': return onStepDown(b, record);
    case 'transfer-start':
    case 'transfer-abort':
      return onTransfer(b, record);
    case 'commit': return onCommit(b, record);
    case 'apply': return onApply(b, record);
    case 'snapshot-install': return onSnapshotInstall(b, record);
    case 'snapshot-start': return onSnapshotStart(b, record);
    case 'snapshot': return onSnapshot(b, record);
    case 'snapshot-skip': return onSnapshotSkip(b, record);
    case 'compact': return onCompact(b, record);
    case 'log': return onLogSample(b, record);
    case 'stall': return onStall(b, record);
    case 'leader-lost': return onLeaderLost(b, record);
    case 'election-latency': return onElectionLatency(b, record);
    case 'send': return onSend(b, record);
    case 'deliver': return onDeliver(b, record);
    case 'drop': return onDrop(b, record);
    case 'crash': return onCrash(b, record);
    case 'restart': return onRestart(b, record);
    case 'pause': return onPause(b, record);
    case 'resume': return onResume(b, record);
    case 'slow': return onSlow(b, record);
    case 'apply-stall': return onApplyStall(b, record);
    case 'partition': return onPartition(b, record);
    case 'heal': return onHeal(b, record);
    case 'rejoin': return onRejoin(b, record);
    case 'clog': return onClog(b, record);
    case 'unclog': return onUnclog(b, record);
    case 'link': return onLink(b, record);
    case 'link-reset': return onLinkReset(b, record);
    case 'filter': return onFilter(b, record);
    case 'filters-cleared': return onFiltersCleared(b, record);
    case 'clock': return onClock(b, record);
    case 'ok':
    case 'fail':
    case 'timeout':
      return onOutcome(b, record);
    case 'invoke':
      return onInvoke(b, record);
    case 'linearizability':
      return onLinearizability(b, record);
    // Not drawn: elections show as their start and the role changes after it, replication as the commit
    // index.
    case 'election-lost':
    case 'progress':
      return;
    case 'upgrade': return onUpgrade(b, record);
    case 'unsupported': return onUnsupported(b, record);
    case 'membership': return onMembership(b, record);
    case 'conf-change': return onConfChange(b, record);
    case 'conf-change-refused': return onConfChangeRefused(b, record);
    case 'removed-step-down': return onRemovedStepDown(b, record);
    case 'boot': return onBoot(b, record);
    default: {
      const unreachable: never = record;
      throw new Error(`parseTrace: no handler for record type ${JSON.stringify((unreachable as { type: unknown }).type)}`);
    }
  }
}
