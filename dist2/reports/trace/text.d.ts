/** A duration: "12.3 ms", "1.224 s" (formatDurationUs). */
export declare function formatMs(us: number): string;
/** A true time for hover details: "12.345678 s". */
export declare function formatSeconds(us: number): string;
/** A group of node ids: "{n1,n2}". */
export declare function brace(nodes: readonly string[]): string;
