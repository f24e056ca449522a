import type { Message } from '../../raft/types.js';
import type { Fault, FilterAction, MessageClass } from '../nemesis.js';
import type { NodeId } from '../network.js';
import type { Random } from '../random.js';
import type { ClusterContext } from './context.js';
import type { ClusterEvent } from './types.js';
import type { SimNode } from './node.js';
/** What the protocol faults need of the process faults (faults.ts). */
export interface ProcessControl {
    crash(node: SimNode, tear?: boolean): void;
    restart(node: SimNode): void;
}
/** Whether a message belongs to a class. */
export declare function inMessageClass(message: Message, messages: MessageClass): boolean;
type ArmFault = Extract<Fault, {
    kind: 'arm';
}>;
export declare class ProtocolFaults {
    private readonly processes;
    private readonly apply;
    private readonly scheduler;
    private readonly trace;
    private readonly network;
    private readonly tap;
    private armed;
    constructor(context: ClusterContext, processes: ProcessControl, apply: (fault: Fault, random: Random, eventNode: NodeId) => void);
    /** Waits for the first event of the kind (within the window), then applies the fault to its node. */
    arm(fault: ArmFault, random: Random): void;
    onEvent(event: ClusterEvent): void;
    private readonly onFire;
    /** Crash now, restart downUs later (unless something else restarted it meanwhile). */
    bounce(node: SimNode, downUs: number): void;
    /** Every node named loses power at once; unsynced writes are lost and the last one may tear. */
    powerLoss(nodes: readonly SimNode[], downUs: number): void;
    private restartLater;
    private readonly onRestartDue;
    filter(from: readonly NodeId[], to: readonly NodeId[], messages: MessageClass, action: FilterAction, delayUs: number): void;
    clearFilters(): void;
}
export {};
