// The key-value server in front of Raft: a client request at a node becomes a ReadIndex read or a proposal, or
// a redirect or busy answer at once. Accepted requests wait in the node's client state until the apply pipeline
// answers them (apply.ts).
import type { NodeId } from '../../raft/types.js';
import { kvCommandBytes, type KvCommand } from '../kv.js';
import type { Network } from '../network.js';
import type { Scheduler } from '../scheduler.js';
import type { ApplyPipeline } from './apply.js';
import type { Coverage } from '../coverage.js';
import type { ClusterContext } from './context.js';
import type { CurrentEvent } from './current-event.js';
import type { ProposalLatency } from './latency.js';
import type { NodeEvent, SimNode } from './node.js';
import type { ReadyLoop } from './ready-loop.js';
import type { ClientMessage } from './types.js';

type ClientRequest = Extract<ClientMessage, { type: 'request' }>;

interface RequestEvent extends NodeEvent {
  readonly message: ClientMessage;
}

/** Bytes a request adds to its command on the client network. */
const requestOverheadBytes = 64;

export class KvServer {
  private readonly scheduler: Scheduler;
  private readonly clientNetwork: Network<ClientMessage>;
  private readonly event: CurrentEvent;
  private readonly coverage: Coverage;
  /** Half the configured lease drift bound: a lease read on a clock drifting at least this much is "near" it. */
  private readonly nearDriftPpm: number;
  private nextReadId = 1;

  private readonly context: ClusterContext;

  constructor(
    context: ClusterContext,
    private readonly readyLoop: ReadyLoop,
    private readonly apply: ApplyPipeline,
    private readonly latency: ProposalLatency,
  ) {
    this.scheduler = context.scheduler;
    this.clientNetwork = context.clientNetwork;
    this.event = context.event;
    this.coverage = context.coverage;
    this.nearDriftPpm = context.options.raft.leaseDriftBoundPpm / 2;
    this.context = context;
  }

  /** A client sends a request to the node it believes leads. */
  sendClientRequest(client: string, to: NodeId, command: KvCommand): void {
    this.clientNetwork.send(client, to, { type: 'request', client, command }, kvCommandBytes(command) + requestOverheadBytes);
  }

  /** The client network delivered a message to a node. */
  onClientRequest(node: SimNode, message: ClientMessage): void {
    if (message.type !== 'request') return;
    if (node.process.status === 'paused') {
      const event: RequestEvent = { node, message, incarnation: node.process.incarnation };
      node.park(this.requestResumed, event);
      return;
    }
    if (node.process.status === 'down') return;
    this.event.clientRequest(node, message);
    const operation = message.command.operation;
    if (operation.op === 'get') this.read(node, message, operation.key);
    else this.write(node, message);
    this.readyLoop.afterInput(node);
  }

  private readonly requestResumed = (event: RequestEvent): void => {
    this.onClientRequest(event.node, event.message);
  };

  /** A linearizable read (ReadIndex, Raft dissertation 6.4): answered once the node applied its read index. */
  private read(node: SimNode, message: ClientRequest, key: string): void {
    const requestId = this.nextReadId++;
    const result = node.raft.read(requestId, node.raftNowUs(this.scheduler.nowUs));
    if (!result.ok) this.reject(node, message, result.reason === 'not-leader', result.leader);
    else {
      if (result.mode === 'lease' && Math.abs(node.clock.describe().driftPpm) >= this.nearDriftPpm) this.coverage.reach('lease-read-under-drift');
      node.clients.pendingReads.set(requestId, { client: message.client, seq: message.command.seq, key });
      if (this.context.protocolTap.on) this.context.notify({ kind: 'read-received', node: node.id });
    }
  }

  /** A write: proposed here, answered once its entry is applied. */
  private write(node: SimNode, message: ClientRequest): void {
    const command = message.command;
    const result = node.raft.propose(command, kvCommandBytes(command), node.raftNowUs(this.scheduler.nowUs));
    if (!result.ok) {
      this.reject(node, message, result.reason === 'not-leader', result.leader);
      return;
    }
    node.clients.pendingWrites.set(result.index, { client: message.client, seq: command.seq, digest: command.digest });
    this.latency.onProposed(node, result.index);
  }

  /** Not the leader: redirect the client to the leader it knows of; otherwise too busy: the client retries. */
  private reject(node: SimNode, message: ClientRequest, notLeader: boolean, leader: NodeId | null): void {
    this.apply.reply(node, notLeader
      ? { type: 'redirect', client: message.client, seq: message.command.seq, leader }
      : { type: 'busy', client: message.client, seq: message.command.seq });
  }
}
