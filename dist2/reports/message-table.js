// The messages of a trace as a struct of typed arrays: one slot per message id, with its send, delivery and
// drop times (docs/reports.md, "Bounds").
import { TRACE_MESSAGE_TYPES } from '../contract/trace.js';
/** Message types of the trace contract, in a fixed order: their index is the `kind` code. */
export const MESSAGE_TYPES = TRACE_MESSAGE_TYPES;
/** Bound on the messages kept; a 20 s chaos run has ~40k. */
export const MAX_MESSAGES = 4_000_000;
const MAX_MESSAGE_KINDS = 255;
/**
 * Every message of the trace as parallel typed arrays (a 100k-message run needs ~4 MB instead of ~100
 * bytes per object). Times are NaN when the record was not seen.
 */
export class MessageTable {
    count = 0;
    /** Message type names; `kind` indexes this. Starts as MESSAGE_TYPES, unknown types are appended. */
    kinds = [...MESSAGE_TYPES];
    /** Drop reasons; `dropReason` indexes this. */
    dropReasons = [];
    id = new Float64Array(1024);
    sendUs = new Float64Array(1024);
    deliverUs = new Float64Array(1024);
    dropUs = new Float64Array(1024);
    from = new Uint8Array(1024);
    to = new Uint8Array(1024);
    kind = new Uint8Array(1024);
    dropReason = new Uint8Array(1024);
    /** Number of deliveries (a duplicated message is delivered twice with one id), saturating at 255. */
    deliveries = new Uint8Array(1024);
    indexById = new Map();
    /** Index of the message with `id`, creating it (with NaN times) when new; -1 when the table is full. */
    slot(id, from, to, kind) {
        const known = this.indexById.get(id);
        if (known !== undefined)
            return known;
        if (this.count >= MAX_MESSAGES)
            return -1;
        if (this.count === this.id.length)
            this.grow();
        const index = this.count++;
        this.indexById.set(id, index);
        this.id[index] = id;
        this.sendUs[index] = NaN;
        this.deliverUs[index] = NaN;
        this.dropUs[index] = NaN;
        this.from[index] = from;
        this.to[index] = to;
        this.kind[index] = kind;
        return index;
    }
    kindCode(name) {
        const code = this.kinds.indexOf(name);
        if (code >= 0)
            return code;
        if (this.kinds.length >= MAX_MESSAGE_KINDS)
            return MAX_MESSAGE_KINDS;
        this.kinds.push(name);
        return this.kinds.length - 1;
    }
    reasonCode(name) {
        const code = this.dropReasons.indexOf(name);
        if (code >= 0)
            return code;
        if (this.dropReasons.length >= MAX_MESSAGE_KINDS)
            return MAX_MESSAGE_KINDS;
        this.dropReasons.push(name);
        return this.dropReasons.length - 1;
    }
    /** Time the message entered the network: its send, or (a drop before the send record) its drop. */
    startUs(index) {
        const send = this.sendUs[index];
        return Number.isNaN(send) ? this.dropUs[index] : send;
    }
    grow() {
        const size = this.id.length * 2;
        const f64 = (old) => {
            const next = new Float64Array(size);
            next.set(old);
            return next;
        };
        const u8 = (old) => {
            const next = new Uint8Array(size);
            next.set(old);
            return next;
        };
        this.id = f64(this.id);
        this.sendUs = f64(this.sendUs);
        this.deliverUs = f64(this.deliverUs);
        this.dropUs = f64(this.dropUs);
        this.from = u8(this.from);
        this.to = u8(this.to);
        this.kind = u8(this.kind);
        this.dropReason = u8(this.dropReason);
        this.deliveries = u8(this.deliveries);
    }
}
//# sourceMappingURL=message-table.js.map