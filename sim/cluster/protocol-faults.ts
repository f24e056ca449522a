// The faults aimed at the protocol (sim/nemesis.ts): a bounce (crash, then restart a moment later — within one
// election timeout the node comes back into the term it voted in, which is where a vote that was not made
// durable shows), a correlated power loss (several nodes lose their unsynced writes at once, each possibly
// with a torn last record, as in a rack losing power: TigerBeetle's VOPR and FoundationDB's simulator both model
// it), and filters that hold, drop or delay one class of Raft messages on chosen links.
import type { Message } from '../../raft/types.js';
import type { Fault, FilterAction, MessageClass } from '../nemesis.js';
import type { Network, NodeId } from '../network.js';
import type { Random } from '../random.js';
import type { Scheduler } from '../scheduler.js';
import type { Trace } from '../trace.js';
import type { ClusterContext, ProtocolTap } from './context.js';
import type { ClusterEvent } from './types.js';
import type { NodeEvent, SimNode } from './node.js';

/** What the protocol faults need of the process faults (faults.ts). */
export interface ProcessControl {
  crash(node: SimNode, tear?: boolean): void;
  restart(node: SimNode): void;
}

/** Whether a message belongs to a class. */
export function inMessageClass(message: Message, messages: MessageClass): boolean {
  switch (messages) {
    case 'append':
      return message.type === 'AppendEntries';
    case 'append-responses':
      return message.type === 'AppendEntriesResponse';
    case 'heartbeat':
      return message.type === 'Heartbeat';
    case 'vote':
      return message.type === 'RequestVote';
    case 'pre-vote':
      return message.type === 'PreVote';
    case 'snapshot':
      return message.type === 'InstallSnapshot';
    case 'responses':
      return message.type.endsWith('Response');
    case 'requests':
      return !message.type.endsWith('Response');
    default: {
      const unreachable: never = messages;
      throw new Error(`unknown message class ${String(unreachable)}`);
    }
  }
}

const matchers: { [C in MessageClass]: (message: Message) => boolean } = {
  append: (m) => inMessageClass(m, 'append'),
  'append-responses': (m) => inMessageClass(m, 'append-responses'),
  heartbeat: (m) => inMessageClass(m, 'heartbeat'),
  vote: (m) => inMessageClass(m, 'vote'),
  'pre-vote': (m) => inMessageClass(m, 'pre-vote'),
  snapshot: (m) => inMessageClass(m, 'snapshot'),
  responses: (m) => inMessageClass(m, 'responses'),
  requests: (m) => inMessageClass(m, 'requests'),
};

type ArmFault = Extract<Fault, { kind: 'arm' }>;

interface Armed {
  readonly fault: ArmFault;
  readonly untilUs: number;
  readonly random: Random;
  /** Firings left (a storm re-arms until none are left or its window closes). */
  readonly left: number;
}

interface Firing {
  readonly armed: Armed;
  readonly node: NodeId;
}

interface Undoing {
  readonly fault: Fault;
  readonly random: Random;
  readonly node: NodeId;
}

/** Armed faults waiting at once, at most: arming more drops the oldest (bounded, like everything). */
const MAX_ARMED = 32;

export class ProtocolFaults {
  private readonly scheduler: Scheduler;
  private readonly trace: Trace;
  private readonly network: Network<Message>;
  private readonly tap: ProtocolTap;
  private armed: Armed[] = [];

  constructor(
    context: ClusterContext,
    private readonly processes: ProcessControl,
    private readonly apply: (fault: Fault, random: Random, eventNode: NodeId) => void,
  ) {
    this.scheduler = context.scheduler;
    this.trace = context.trace;
    this.network = context.network;
    this.tap = context.protocolTap;
  }

  /** Waits for the first event of the kind (within the window), then applies the fault to its node. */
  arm(fault: ArmFault, random: Random): void {
    this.push({ fault, untilUs: this.scheduler.nowUs + fault.withinUs, random, left: Math.max(1, fault.repeat ?? 1) });
    // From now on the Ready loop reports protocol events.
    this.tap.on = true;
  }

  private push(armed: Armed): void {
    if (this.armed.length >= MAX_ARMED) this.armed.shift();
    this.armed.push(armed);
  }

  onEvent(event: ClusterEvent): void {
    if (this.armed.length === 0 || !('node' in event)) return;
    const now = this.scheduler.nowUs;
    let kept = 0;
    const fired: Armed[] = [];
    for (const entry of this.armed) {
      if (entry.untilUs < now) continue;
      if (entry.fault.after === event.kind) fired.push(entry);
      else this.armed[kept++] = entry;
    }
    this.armed.length = kept;
    for (const entry of fired) {
      const firing: Firing = { armed: entry, node: event.node };
      this.scheduler.after(entry.fault.delayUs, this.onFire, firing);
    }
  }

  private readonly onFire = (firing: Firing): void => {
    const { armed } = firing;
    this.apply(armed.fault.fault, armed.random, firing.node);
    const undo = armed.fault.undo;
    if (undo !== undefined) this.scheduler.after(Math.max(1, undo.afterUs), this.onUndo, { fault: undo.fault, random: armed.random, node: firing.node });
    // A storm waits for the next event only once this firing is done, so one event does not fire it twice.
    if (armed.left > 1 && armed.untilUs >= this.scheduler.nowUs) this.push({ ...armed, left: armed.left - 1 });
  };

  private readonly onUndo = (undoing: Undoing): void => {
    this.apply(undoing.fault, undoing.random, undoing.node);
  };

  /** Crash now, restart downUs later (unless something else restarted it meanwhile). */
  bounce(node: SimNode, downUs: number): void {
    if (node.process.status === 'down') return;
    this.processes.crash(node);
    this.restartLater([node], downUs);
  }

  /** Every node named loses power at once; unsynced writes are lost and the last one may tear. */
  powerLoss(nodes: readonly SimNode[], downUs: number): void {
    const hit = nodes.filter((node) => node.process.status !== 'down');
    for (const node of hit) this.processes.crash(node, true);
    this.restartLater(hit, downUs);
  }

  private restartLater(nodes: readonly SimNode[], downUs: number): void {
    for (const node of nodes) {
      // The incarnation after the crash: a restart by anyone else in between makes this one stale.
      const event: NodeEvent = { node, incarnation: node.process.incarnation };
      this.scheduler.after(Math.max(1, downUs), this.onRestartDue, event);
    }
  }

  private readonly onRestartDue = (event: NodeEvent): void => {
    if (event.node.isCurrent(event.incarnation) && event.node.process.status === 'down') this.processes.restart(event.node);
  };

  filter(from: readonly NodeId[], to: readonly NodeId[], messages: MessageClass, action: FilterAction, delayUs: number): void {
    if (from.length === 0 || to.length === 0) return;
    this.network.addFilter({
      fromNodes: from,
      toNodes: to,
      matches: matchers[messages],
      action: action === 'delay' ? { kind: 'delay', delay: { kind: 'uniform', minUs: Math.floor(delayUs / 2), maxUs: Math.max(1, delayUs) } } : { kind: action },
    });
    if (this.trace.enabled) this.trace.emit({ t: this.scheduler.nowUs, type: 'filter', from, to, messages, action, delayUs });
  }

  clearFilters(): void {
    if (this.network.filterCount === 0) return;
    this.network.removeAllFilters();
    if (this.trace.enabled) this.trace.emit({ t: this.scheduler.nowUs, type: 'filters-cleared' });
  }
}
