// Helpers for the bug-catalogue tests (test/raft-bugs*.test.ts): each test builds one message sequence twice,
// with a broken switch on and off, on the synchronous harness.
import { bugCatalogue } from '../../raft/bugs.js';
import { safeKnobs, type RaftConfig, type UnsafeKnobs } from '../../raft/config.js';
import type { Entry, Message, MessageType, NodeId } from '../../raft/types.js';
import { Harness } from './raft-harness.js';

export const three = ['n1', 'n2', 'n3'];
export const four = ['n1', 'n2', 'n3', 'n4'];
export const five = ['n1', 'n2', 'n3', 'n4', 'n5'];

export function entry(index: number, term: number, data: string = `e${index}`): Entry {
  return { index, term, kind: 'normal', data, bytes: 8 };
}

/** A config patch with one broken switch set. */
export function withSwitch(name: keyof UnsafeKnobs, on: boolean, patch: Partial<RaftConfig> = {}): Partial<RaftConfig> {
  return { ...patch, unsafe: { ...safeKnobs, [name]: on } };
}

/** Messages of one type, optionally from and to given nodes. */
export function is(type: MessageType, from?: NodeId, to?: NodeId): (message: Message) => boolean {
  return (message) => message.type === type && (from === undefined || message.from === from) && (to === undefined || message.to === to);
}

export function anyOf(...predicates: ((message: Message) => boolean)[]): (message: Message) => boolean {
  return (message) => predicates.some((predicate) => predicate(message));
}

/** The entry `id` applied at `index` (since its last restart), if any. */
export function appliedAt(h: Harness, id: NodeId, index: number): Entry | undefined {
  return h.applied.get(id)!.find((e) => e.index === index);
}

/** The leaders of a term, by each node's own view. */
export function leadersOfTerm(h: Harness, term: number): NodeId[] {
  return h.ids.filter((id) => h.node(id).role === 'leader' && h.node(id).currentTerm === term);
}

/** Ticks `leader` at its next heartbeat deadline and delivers what matches (everything by default). */
export function heartbeatRound(h: Harness, leader: NodeId, deliver: (message: Message) => boolean = () => true): void {
  h.nowUs = Math.max(h.nowUs, h.node(leader).nextDeadlineUs() - (h.clockOffsetUs.get(leader) ?? 0));
  h.node(leader).tick(h.localUs(leader));
  h.deliverWhere(deliver);
}

/** Moves shared time forward (nodes are not ticked). */
export function wait(h: Harness, us: number): void {
  h.nowUs += us;
}

/** The row of a catalogue entry in docs/raft.md's table (the docs are checked against raft/bugs.ts). */
export function catalogueRow(name: keyof UnsafeKnobs): string {
  const bug = bugCatalogue[name];
  return `| \`${bug.name}\` | \`${name}\` | ${bug.area} | ${bug.breaks} | \`${bug.where}\` | ${bug.source} |`;
}

/** The summary paragraph of a catalogue entry in docs/raft.md. */
export function catalogueSummary(name: keyof UnsafeKnobs): string {
  const bug = bugCatalogue[name];
  return `- **\`${bug.name}\`**: ${bug.summary}`;
}
