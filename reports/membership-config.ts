// Configurations in the trace's notation (etcd's, as raft/membership.ts describeMembership writes it:
// `voters=(n1 n2 n3)&&(n1 n2) learners=(n4) learners_next=(n5) autoleave`), read back for the report, and the
// short label of a change from one configuration to the next ("joint +n4 -n1 @183", "left joint @185",
// "+n4 learner @244", "n4 promoted @453", "-n5 @173"). Pure: the reports import only contract/, so this does not
// use raft/membership.ts.

export interface ParsedConfig {
  /** The incoming voters (the only voters of a simple configuration). */
  readonly voters: readonly string[];
  /** The outgoing voters of a joint configuration; null for a simple one. */
  readonly outgoing: readonly string[] | null;
  readonly learners: readonly string[];
  /** Learners that become so on leaving the joint configuration (voters of the outgoing half now). */
  readonly learnersNext: readonly string[];
  readonly autoLeave: boolean;
}

/** What a node is in a configuration: a voter (of either half, when joint), a learner, or not a member. */
export type MemberStatus = 'voter' | 'learner' | 'none';

const LIST = /^\(([^()]*)\)/;

function ids(inner: string): string[] {
  return inner.split(' ').filter((id) => id !== '');
}

/** Reads a configuration string; throws on anything describeMembership does not write. */
export function parseConfig(text: string): ParsedConfig {
  let rest = text.trim();
  const take = (prefix: string): string[] | null => {
    if (!rest.startsWith(prefix)) return null;
    const match = LIST.exec(rest.slice(prefix.length));
    if (match === null) throw new Error(`bad configuration ${JSON.stringify(text)}`);
    rest = rest.slice(prefix.length + match[0].length).trimStart();
    return ids(match[1]!);
  };
  const voters = take('voters=');
  if (voters === null) throw new Error(`bad configuration ${JSON.stringify(text)}: no voters`);
  const outgoing = take('&&');
  const learners = take('learners=') ?? [];
  const learnersNext = take('learners_next=') ?? [];
  const autoLeave = rest === 'autoleave';
  if (!autoLeave && rest !== '') throw new Error(`bad configuration ${JSON.stringify(text)}: unexpected ${JSON.stringify(rest)}`);
  return { voters, outgoing, learners, learnersNext, autoLeave };
}

export function isJointConfig(config: ParsedConfig): boolean {
  return config.outgoing !== null;
}

/** A node's status in a configuration (in force: a voter of the outgoing half still votes). */
export function memberStatus(config: ParsedConfig, node: string): MemberStatus {
  if (config.voters.includes(node) || (config.outgoing ?? []).includes(node)) return 'voter';
  if (config.learners.includes(node) || config.learnersNext.includes(node)) return 'learner';
  return 'none';
}

/** Where a configuration is heading: the status a node has once any joint configuration is left. */
function targetStatus(config: ParsedConfig, node: string): MemberStatus {
  if (config.voters.includes(node)) return 'voter';
  if (config.learners.includes(node) || config.learnersNext.includes(node)) return 'learner';
  return 'none';
}

function allNodes(...configs: ParsedConfig[]): string[] {
  const set = new Set<string>();
  for (const c of configs) for (const id of [...c.voters, ...(c.outgoing ?? []), ...c.learners, ...c.learnersNext]) set.add(id);
  // n2 before n10, as the report orders clients (trace/client.ts).
  return [...set].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** The per-node differences between where two configurations head: "+n4", "+n4 learner", "n4 promoted", "-n1". */
export function memberChanges(prev: ParsedConfig, next: ParsedConfig): string[] {
  const changes: string[] = [];
  for (const node of allNodes(prev, next)) {
    const before = targetStatus(prev, node);
    const after = targetStatus(next, node);
    if (before === after) continue;
    if (after === 'none') changes.push(`-${node}`);
    else if (before === 'none') changes.push(after === 'voter' ? `+${node}` : `+${node} learner`);
    else changes.push(after === 'voter' ? `${node} promoted` : `${node} demoted`);
  }
  return changes;
}

/**
 * The label of the change from `prev` to `next` (consecutive configurations in force) at log index `index`:
 * entering a joint configuration names its changes, leaving one says so, a simple change lists what changed.
 */
export function changeLabel(prev: ParsedConfig, next: ParsedConfig, index: number): string {
  const changes = memberChanges(prev, next);
  const what = changes.join(' ');
  if (isJointConfig(next) && !isJointConfig(prev)) return `joint${what !== '' ? ` ${what}` : ''} @${index}`;
  if (isJointConfig(prev) && !isJointConfig(next)) return `left joint${what !== '' ? ` ${what}` : ''} @${index}`;
  return `${what !== '' ? what : 'config'} @${index}`;
}
