export class CurrentEvent {
    kind = 0 /* EventKind.Text */;
    textValue = 'start';
    node = null;
    message = null;
    clientMessage = null;
    number = 0;
    get text() {
        const node = this.node;
        switch (this.kind) {
            case 0 /* EventKind.Text */:
                return this.textValue;
            case 1 /* EventKind.Deliver */: {
                const message = this.message;
                return `deliver ${message.type} ${message.from}->${message.to} #${this.number}`;
            }
            case 2 /* EventKind.Timer */:
                return `timer of ${node.id}`;
            case 3 /* EventKind.Fsync */:
                return `fsync done on ${node.id}`;
            case 4 /* EventKind.Apply */:
                return `apply ${this.number} on ${node.id}`;
            case 5 /* EventKind.Client */: {
                const message = this.clientMessage;
                return `client request ${message.client}#${message.command.seq} at ${node.id}`;
            }
        }
    }
    /** An event described by a fixed text (faults, restarts, snapshot windows: rare ones). */
    set text(text) {
        this.kind = 0 /* EventKind.Text */;
        this.textValue = text;
    }
    deliver(node, message, id) {
        this.message = message;
        this.set(1 /* EventKind.Deliver */, node, id);
    }
    timer(node) {
        this.set(2 /* EventKind.Timer */, node, 0);
    }
    fsync(node) {
        this.set(3 /* EventKind.Fsync */, node, 0);
    }
    apply(node, index) {
        this.set(4 /* EventKind.Apply */, node, index);
    }
    clientRequest(node, message) {
        this.clientMessage = message;
        this.set(5 /* EventKind.Client */, node, 0);
    }
    set(kind, node, number) {
        this.kind = kind;
        this.node = node;
        this.number = number;
    }
}
//# sourceMappingURL=current-event.js.map