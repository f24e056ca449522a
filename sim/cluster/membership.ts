// Membership faults as mechanisms: a membership Fault (sim/nemesis.ts) becomes one or two configuration-change
// requests (raft/membership.ts ConfChangeRequest), proposed to the running leader through the host contract's
// proposeConfChange. A request no leader takes now is retried: every retryIntervalUs while there is no running
// leader or it refuses with not-leader, transferring, not-committed-in-term or pending-change, at most
// maxAttempts times; an `invalid` refusal ends the fault at once. Every refusal is a `conf-change-refused` trace
// record. A spare server (ClusterOptions.initialMembers) boots empty when a request adding it is appended.
import type { ConfChangeRequest, MembershipChange } from '../../raft/membership.js';
import { describeRequest } from '../../raft/membership.js';
import type { ConfChangeResult, NodeId } from '../../raft/types.js';
import type { MembershipFault, NodeTarget } from '../nemesis.js';
import type { Random } from '../random.js';
import type { Compaction } from './compaction.js';
import type { ClusterContext } from './context.js';
import { churnRequest } from './churn.js';
import { leaderOf } from './inspect.js';
import type { SimNode } from './node.js';
import { raftConfigFor } from './options.js';
import type { ReadyLoop } from './ready-loop.js';

/** Time between two attempts at a change no leader took, and the bound on attempts (5 s of retries in all). */
export const retryIntervalUs = 100_000;
export const maxAttempts = 50;

/** The refusals worth another attempt: they pass once a leader is elected, a transfer ends, the leader commits
 *  an entry of its term, or the pending change is applied. */
const passing: ReadonlySet<string> = new Set(['no-leader', 'not-leader', 'transferring', 'not-committed-in-term', 'pending-change']);

/** The Raft under test lacks a method a fault needs (a user's module given with --raft). */
export class UnsupportedByRaftError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedByRaftError';
  }
}

/** One fault's requests, proposed one after the other: the next only once the one before was appended. */
interface Proposal {
  readonly requests: ConfChangeRequest[];
  step: number;
  attempt: number;
  /** A churn fault's choice depends on the configuration in force: a retry chooses again, from the leader's
   *  configuration then (else a choice made before a pending change was applied can break the voter bounds:
   *  random-chaos seed 1241 demoted a voter chosen from 4 voters once the pending removal had left 3). */
  readonly churn: { readonly fault: ChurnFault; readonly random: Random } | null;
}

type ChurnFault = Extract<MembershipFault, { kind: 'churn' }>;

export class MembershipOps {
  constructor(
    private readonly context: ClusterContext,
    private readonly readyLoop: ReadyLoop,
    private readonly compaction: Compaction,
    private readonly resolve: (target: NodeTarget, random: Random) => NodeId | null,
  ) {}

  /** Resolves the fault's targets now (when it fires) and proposes its first request. */
  apply(fault: MembershipFault, random: Random): void {
    const requests = this.requestsOf(fault, random);
    if (requests !== null) {
      this.attempt({ requests, step: 0, attempt: 0, churn: fault.kind === 'churn' ? { fault, random } : null });
      return;
    }
    this.refuseUntargeted(fault, 0);
  }

  private refuseUntargeted(fault: MembershipFault, attempt: number): void {
    const { scheduler, trace } = this.context;
    const detail =
      fault.kind === 'replace' && fault.with === null
        ? 'no node to remove, or no spare server left to add'
        : fault.kind === 'churn'
          ? 'no running leader, no change within the voter bounds, or a joint configuration the leader leaves on its own'
          : 'a target of the fault named no node';
    if (trace.enabled) trace.emit({ t: scheduler.nowUs, type: 'conf-change-refused', node: null, request: fault.kind, reason: 'no-target', detail, attempt, final: true });
  }

  private churnRequests(fault: ChurnFault, random: Random): ConfChangeRequest[] | null {
    const leader = leaderOf(this.context.nodes);
    const membership = leader?.raft.membership;
    if (leader === null || membership === undefined) return null;
    const request = churnRequest(membership, this.context.options.nodeIds, leader.id, fault, random);
    return request === null ? null : [request];
  }

  /** The requests of a fault, or null when a target resolved to nobody (a `follower` with none running). */
  private requestsOf(fault: MembershipFault, random: Random): ConfChangeRequest[] | null {
    const one = (op: MembershipChange['op'], target: NodeTarget): ConfChangeRequest[] | null => {
      const node = this.resolve(target, random);
      return node === null ? null : [{ changes: [{ op, node }], transition: 'auto' }];
    };
    switch (fault.kind) {
      case 'add-node':
      case 'promote':
        return one('add-voter', fault.node);
      case 'add-learner':
      case 'demote':
        return one('add-learner', fault.node);
      case 'remove-node':
        return one('remove', fault.node);
      case 'replace': {
        const old = this.resolve(fault.node, random);
        const fresh = fault.with ?? this.firstSpare();
        if (old === null || fresh === null) return null;
        const add: MembershipChange = { op: 'add-voter', node: fresh };
        const remove: MembershipChange = { op: 'remove', node: old };
        if (fault.joint) return [{ changes: [add, remove], transition: 'joint-implicit' }];
        return [{ changes: [add], transition: 'auto' }, { changes: [remove], transition: 'auto' }];
      }
      case 'enter-joint': {
        const changes: MembershipChange[] = [];
        for (const change of fault.changes) {
          const node = this.resolve(change.node, random);
          if (node === null) return null;
          changes.push({ op: change.op, node });
        }
        return [{ changes, transition: fault.autoLeave ? 'joint-implicit' : 'joint-explicit' }];
      }
      case 'leave-joint':
        return [{ changes: [], transition: 'auto' }];
      case 'churn':
        return this.churnRequests(fault, random);
      default: {
        const unreachable: never = fault;
        throw new Error(`unknown membership fault ${JSON.stringify(unreachable)}`);
      }
    }
  }

  /** The first spare server that never ran, in node order. */
  private firstSpare(): NodeId | null {
    for (const node of this.context.nodes.values()) if (node.process.spare) return node.id;
    return null;
  }

  private readonly attempt = (proposal: Proposal): void => {
    const { scheduler, trace } = this.context;
    const leader = leaderOf(this.context.nodes);
    const churn = proposal.churn;
    if (proposal.attempt > 0 && churn !== null && leader !== null) {
      const again = this.churnRequests(churn.fault, churn.random);
      if (again === null) return this.refuseUntargeted(churn.fault, proposal.attempt + 1);
      proposal.requests[proposal.step] = again[0]!;
    }
    const request = proposal.requests[proposal.step]!;
    proposal.attempt++;
    const result: ConfChangeResult =
      leader === null ? { ok: false, reason: 'not-leader', detail: 'no running leader', leader: null } : this.propose(leader, request);
    if (result.ok) {
      proposal.step++;
      proposal.attempt = 0;
      if (proposal.step < proposal.requests.length) scheduler.after(retryIntervalUs, this.attempt, proposal);
      return;
    }
    const reason = leader === null ? 'no-leader' : result.reason;
    const final = !passing.has(reason) || proposal.attempt >= maxAttempts;
    if (trace.enabled) {
      trace.emit({ t: scheduler.nowUs, type: 'conf-change-refused', node: leader?.id ?? null, request: describeRequest(request), reason, detail: result.detail, attempt: proposal.attempt, final });
    }
    if (!final) scheduler.after(retryIntervalUs, this.attempt, proposal);
  };

  private propose(leader: SimNode, request: ConfChangeRequest): ConfChangeResult {
    const raft = leader.raft;
    if (raft.proposeConfChange === undefined) throw new UnsupportedByRaftError(`the Raft under test has no proposeConfChange(request, nowUs) (raft/contract.ts)`);
    this.context.event.text = `membership change ${describeRequest(request)} at ${leader.id}`;
    const result = raft.proposeConfChange(request, leader.raftNowUs(this.context.scheduler.nowUs));
    if (result.ok) {
      for (const change of request.changes) {
        const node = this.context.nodes.get(change.node);
        if (change.op !== 'remove' && node !== undefined && node.process.spare) this.boot(node);
      }
    }
    this.readyLoop.afterInput(leader);
    return result;
  }

  /** A spare server starts for the first time: a fresh node with an empty log and the bootstrap configuration
   *  (it never campaigns until a configuration entry or a snapshot makes it a voter). */
  boot(node: SimNode): void {
    const { scheduler, trace, metrics } = this.context;
    const now = scheduler.nowUs;
    node.process.spare = false;
    node.raft = this.context.raftFactory.create({ config: raftConfigFor(this.context.options, node.id), random: () => node.timerRandom.next(), nowUs: node.raftNowUs(now) });
    node.process.status = 'up';
    node.observed.role = 'follower';
    node.observed.term = node.raft.currentTerm;
    if (trace.enabled) {
      trace.emit({ t: now, type: 'boot', node: node.id });
      trace.emit({ t: now, type: 'role', node: node.id, role: 'follower', term: node.raft.currentTerm, leader: null });
    }
    metrics.onRole(node.id, 'follower', node.raft.currentTerm);
    this.readyLoop.armWake(node);
    this.compaction.armWindow(node);
  }
}
