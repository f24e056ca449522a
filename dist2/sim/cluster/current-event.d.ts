import type { Message } from '../../raft/types.js';
import type { SimNode } from './node.js';
import type { ClientMessage } from './types.js';
export declare class CurrentEvent {
    private kind;
    private textValue;
    private node;
    private message;
    private clientMessage;
    private number;
    get text(): string;
    /** An event described by a fixed text (faults, restarts, snapshot windows: rare ones). */
    set text(text: string);
    deliver(node: SimNode, message: Message, id: number): void;
    timer(node: SimNode): void;
    fsync(node: SimNode): void;
    apply(node: SimNode, index: number): void;
    clientRequest(node: SimNode, message: Extract<ClientMessage, {
        type: 'request';
    }>): void;
    private set;
}
