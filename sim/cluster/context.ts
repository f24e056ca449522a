// What every layer of the cluster is handed: the shared machinery of one run. Layers get this object instead of
// importing the facade (cluster.ts), which keeps the folder free of import cycles: each file imports only the
// files below it (see docs/architecture.md).
import type { RaftFactory } from '../../raft/contract.js';
import type { Message } from '../../raft/types.js';
import type { Buggify } from '../buggify.js';
import type { SafetyChecker } from '../checker.js';
import type { ContractChecker } from '../contract-checker.js';
import type { MembershipChecker } from '../membership-checker.js';
import type { Coverage } from '../coverage.js';
import type { MembershipCollector } from '../membership-metrics.js';
import type { CatchUps } from './catch-up.js';
import type { MetricsCollector } from '../metrics.js';
import type { Network, NodeId } from '../network.js';
import type { Scheduler } from '../scheduler.js';
import type { Trace } from '../trace.js';
import type { VersionCollector } from '../version-metrics.js';
import type { CurrentEvent } from './current-event.js';
import type { SimNode } from './node.js';
import type { ClusterOptions } from './options.js';
import type { ClientMessage, ClusterEvent, ClusterStats } from './types.js';

export interface ClusterContext {
  readonly scheduler: Scheduler;
  readonly options: ClusterOptions;
  readonly trace: Trace;
  /** Null when the run does not check invariants. */
  readonly checker: SafetyChecker | null;
  /** The host-contract and durability checks (contract-checker.ts); null when invariants are not checked. */
  readonly contract: ContractChecker | null;
  /** The membership invariants (membership-checker.ts); null when invariants are not checked or the Raft does
   *  not report its configuration. */
  readonly membershipChecker: MembershipChecker | null;
  readonly metrics: MetricsCollector;
  /** The membership measurements (joint time, catch-up of added nodes). */
  readonly membershipCollector: MembershipCollector;
  /** Catch-up times of nodes back behind the cluster (catch-up.ts). */
  readonly catchUps: CatchUps;
  /** The mixed-version measurements (version-metrics.ts); null for an unversioned run. */
  readonly versionCollector: VersionCollector | null;
  /** Situations reached (coverage.ts), counted where they are recognised. */
  readonly coverage: Coverage;
  readonly stats: ClusterStats;
  readonly network: Network<Message>;
  readonly clientNetwork: Network<ClientMessage>;
  readonly nodes: ReadonlyMap<NodeId, SimNode>;
  /** The event being handled, for violation reports. */
  readonly event: CurrentEvent;
  /** The rare branches the host may take (sim/buggify.ts). */
  readonly buggify: Buggify;
  /** Builds nodes at start and at every restart (raft/contract.ts). */
  readonly raftFactory: RaftFactory;
  /** Tells the cluster's observers (metrics, event-triggered faults). */
  notify(event: ClusterEvent): void;
  /** On only while some observer listens to protocol events: they come per message, and are not built when
   *  nobody listens. */
  readonly protocolTap: ProtocolTap;
}

export interface ProtocolTap {
  on: boolean;
}
