// Upgrades as faults (issue #16): a node restarts onto another version with the same disk, and a rolling upgrade
// takes every server there one at a time. Clusters are upgraded node by node, so every cluster runs mixed
// versions for a while (HashiCorp keeps its raft-compat suite for this; TigerBeetle's simulator upgrades
// replicas mid-run). An upgrade stops the process as a crash does (what was not fsynced is lost: the harness
// does not model a graceful flush) and starts it downUs later on the new version; the version change is an
// `upgrade` trace record, so reports and the metrics see the moment.
import type { NodeVersion } from '../../raft/versions.js';
import type { Fault, UpgradeOrder } from '../nemesis.js';
import type { NodeId } from '../network.js';
import type { Random } from '../random.js';
import type { VersionCollector } from '../version-metrics.js';
import type { ClusterContext } from './context.js';
import { leaderOf } from './inspect.js';
import type { NodeEvent, SimNode } from './node.js';
import { initialVersion } from './options.js';
import type { ProcessControl } from './protocol-faults.js';

type UpgradeFault = Extract<Fault, { kind: 'upgrade' | 'rolling-upgrade' }>;

interface RollingStep {
  readonly to: NodeVersion;
  readonly everyUs: number;
  readonly order: UpgradeOrder;
  readonly downUs: number;
}

export class Upgrades {
  constructor(
    private readonly context: ClusterContext,
    private readonly processes: ProcessControl,
    private readonly collector: VersionCollector | null,
    private readonly resolve: (fault: Extract<Fault, { kind: 'upgrade' }>, random: Random) => SimNode | null,
  ) {}

  apply(fault: UpgradeFault, random: Random): void {
    switch (fault.kind) {
      case 'upgrade': {
        const node = this.resolve(fault, random);
        if (node !== null) this.upgrade(node, fault.to, fault.downUs);
        return;
      }
      case 'rolling-upgrade':
        this.onRollingStep({ to: fault.to, everyUs: fault.everyUs, order: fault.order, downUs: fault.downUs });
        return;
      default: {
        const unreachable: never = fault;
        throw new Error(`unknown upgrade fault ${JSON.stringify(unreachable)}`);
      }
    }
  }

  /** The version a node runs now (or will run when it restarts). */
  versionOf(node: SimNode): NodeVersion | null {
    return node.process.version ?? initialVersion(this.context.options, node.id);
  }

  /** Restarts `node` onto version `to` with the same disk; a node that is down takes it at its next restart. */
  upgrade(node: SimNode, to: NodeVersion, downUs: number): void {
    const from = this.versionOf(node);
    if (from === null || from === to || node.process.spare) return;
    this.context.event.text = `upgrade of ${node.id} to version ${to}`;
    node.process.version = to;
    this.collector?.onUpgrade(node.id, to);
    const trace = this.context.trace;
    if (trace.enabled) trace.emit({ t: this.context.scheduler.nowUs, type: 'upgrade', node: node.id, from, to });
    if (node.process.status === 'down') return;
    this.processes.crash(node);
    const event: NodeEvent = { node, incarnation: node.process.incarnation };
    this.context.scheduler.after(Math.max(1, downUs), this.onRestartDue, event);
  }

  private readonly onRestartDue = (event: NodeEvent): void => {
    if (event.node.isCurrent(event.incarnation) && event.node.process.status === 'down') this.processes.restart(event.node);
  };

  /** One step of a rolling upgrade: the next server, then the next step everyUs later while any is left. */
  private readonly onRollingStep = (step: RollingStep): void => {
    const next = this.nextToUpgrade(step);
    if (next === null) return;
    this.upgrade(next, step.to, step.downUs);
    if (this.nextToUpgrade(step) !== null) this.context.scheduler.after(step.everyUs, this.onRollingStep, step);
  };

  /** The servers not yet at the target version (spares not yet running are left to boot on theirs), in id order,
   *  with the node leading now last (leader-last) or first (leader-first). */
  private nextToUpgrade(step: RollingStep): SimNode | null {
    const leader = leaderOf(this.context.nodes);
    const pending: SimNode[] = [];
    for (const id of this.context.options.nodeIds as readonly NodeId[]) {
      const node = this.context.nodes.get(id)!;
      if (!node.process.spare && this.versionOf(node) !== step.to) pending.push(node);
    }
    if (pending.length === 0) return null;
    const leaderPending = leader !== null && pending.includes(leader);
    if (step.order === 'leader-first' && leaderPending) return leader;
    return pending.find((node) => node !== leader) ?? pending[0]!;
  }
}
