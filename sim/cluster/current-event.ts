// What the event being handled is, for violation reports. The hot event kinds (delivery, timer, fsync, apply,
// client request) record their parts and the text is built only when it is read: formatting a string in every
// event showed up in profiles, and the text is needed only when an invariant fails.
import type { Message } from '../../raft/types.js';
import type { SimNode } from './node.js';
import type { ClientMessage } from './types.js';

const enum EventKind {
  Text,
  Deliver,
  Timer,
  Fsync,
  Apply,
  Client,
}

export class CurrentEvent {
  private kind = EventKind.Text;
  private textValue = 'start';
  private node: SimNode | null = null;
  private message: Message | null = null;
  private clientMessage: Extract<ClientMessage, { type: 'request' }> | null = null;
  private number = 0;

  get text(): string {
    const node = this.node!;
    switch (this.kind) {
      case EventKind.Text:
        return this.textValue;
      case EventKind.Deliver: {
        const message = this.message!;
        return `deliver ${message.type} ${message.from}->${message.to} #${this.number}`;
      }
      case EventKind.Timer:
        return `timer of ${node.id}`;
      case EventKind.Fsync:
        return `fsync done on ${node.id}`;
      case EventKind.Apply:
        return `apply ${this.number} on ${node.id}`;
      case EventKind.Client: {
        const message = this.clientMessage!;
        return `client request ${message.client}#${message.command.seq} at ${node.id}`;
      }
    }
  }

  /** An event described by a fixed text (faults, restarts, snapshot windows: rare ones). */
  set text(text: string) {
    this.kind = EventKind.Text;
    this.textValue = text;
  }

  deliver(node: SimNode, message: Message, id: number): void {
    this.message = message;
    this.set(EventKind.Deliver, node, id);
  }

  timer(node: SimNode): void {
    this.set(EventKind.Timer, node, 0);
  }

  fsync(node: SimNode): void {
    this.set(EventKind.Fsync, node, 0);
  }

  apply(node: SimNode, index: number): void {
    this.set(EventKind.Apply, node, index);
  }

  clientRequest(node: SimNode, message: Extract<ClientMessage, { type: 'request' }>): void {
    this.clientMessage = message;
    this.set(EventKind.Client, node, 0);
  }

  private set(kind: EventKind, node: SimNode, number: number): void {
    this.kind = kind;
    this.node = node;
    this.number = number;
  }
}
