export interface RoundMember {
    readonly node: string;
    readonly round: string;
    /** The snapshot's index (for a skipped window: the stale applied index it fired at). */
    readonly index: number;
    readonly completedUs: number;
}
export interface RoundSpread {
    readonly round: string;
    readonly members: number;
    /** When the last node completed the round. */
    readonly lastUs: number;
    readonly timeSpreadUs: number;
    readonly indexSpread: number;
}
/** The rounds two or more nodes took part in, in order of first appearance, with their spreads. */
export declare function roundSpreads(records: readonly RoundMember[]): RoundSpread[];
