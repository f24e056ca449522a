/** Message types of the trace contract, in a fixed order: their index is the `kind` code. */
export declare const MESSAGE_TYPES: readonly string[];
/** Bound on the messages kept; a 20 s chaos run has ~40k. */
export declare const MAX_MESSAGES = 4000000;
/**
 * Every message of the trace as parallel typed arrays (a 100k-message run needs ~4 MB instead of ~100
 * bytes per object). Times are NaN when the record was not seen.
 */
export declare class MessageTable {
    count: number;
    /** Message type names; `kind` indexes this. Starts as MESSAGE_TYPES, unknown types are appended. */
    readonly kinds: string[];
    /** Drop reasons; `dropReason` indexes this. */
    readonly dropReasons: string[];
    id: Float64Array<ArrayBuffer>;
    sendUs: Float64Array<ArrayBuffer>;
    deliverUs: Float64Array<ArrayBuffer>;
    dropUs: Float64Array<ArrayBuffer>;
    from: Uint8Array<ArrayBuffer>;
    to: Uint8Array<ArrayBuffer>;
    kind: Uint8Array<ArrayBuffer>;
    dropReason: Uint8Array<ArrayBuffer>;
    /** Number of deliveries (a duplicated message is delivered twice with one id), saturating at 255. */
    deliveries: Uint8Array<ArrayBuffer>;
    private readonly indexById;
    /** Index of the message with `id`, creating it (with NaN times) when new; -1 when the table is full. */
    slot(id: number, from: number, to: number, kind: number): number;
    kindCode(name: string): number;
    reasonCode(name: string): number;
    /** Time the message entered the network: its send, or (a drop before the send record) its drop. */
    startUs(index: number): number;
    private grow;
}
