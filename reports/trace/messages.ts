// Messages: one MessageTable slot per message id, with its send, delivery (a duplicate is delivered twice with
// the same id) and drop times.
import type { ModelBuilder } from './builder.js';
import type { ReportRecordOf } from './records.js';

type MessageRecord = ReportRecordOf<'send'> | ReportRecordOf<'deliver'> | ReportRecordOf<'drop'>;

/** The message's slot, or -1 (counted in `omitted`) when the table is full. */
function slotOf(b: ModelBuilder, r: MessageRecord): number {
  const from = b.addNode(r.from);
  const to = b.addNode(r.to);
  const index = b.messages.slot(r.id, from, to, b.messages.kindCode(r.msg));
  if (index < 0) b.omitted.messages = (b.omitted.messages ?? 0) + 1;
  return index;
}

export function onSend(b: ModelBuilder, r: ReportRecordOf<'send'>): void {
  if (r.msg === 'RequestVoteResponse') b.electionTerms.replySent(r.from, r.to, r.id);
  b.counts.sends++;
  const index = slotOf(b, r);
  if (index >= 0) b.messages.sendUs[index] = r.t;
}

export function onDeliver(b: ModelBuilder, r: ReportRecordOf<'deliver'>): void {
  if (r.msg === 'RequestVoteResponse') b.electionTerms.voteReply(r.from, r.to, r.id);
  const index = slotOf(b, r);
  if (index < 0) return;
  const messages = b.messages;
  if (Number.isNaN(messages.deliverUs[index]!)) messages.deliverUs[index] = r.t;
  messages.deliveries[index] = Math.min(255, messages.deliveries[index]! + 1);
}

export function onDrop(b: ModelBuilder, r: ReportRecordOf<'drop'>): void {
  b.counts.drops++;
  b.push(b.dropTimesUs, r.t, 'drops');
  const index = slotOf(b, r);
  if (index < 0) return;
  b.messages.dropUs[index] = r.t;
  b.messages.dropReason[index] = b.messages.reasonCode(r.reason);
}
