export declare const MAX_ABS_DRIFT_PPM = 100000;
export declare class NodeClock {
    private anchorTrueUs;
    private anchorLocalUs;
    private drift;
    constructor(options?: {
        offsetUs?: number;
        driftPpm?: number;
    });
    get driftPpm(): number;
    /** Local time at true time `trueUs` (must not precede the last re-anchor: past segments are not kept). */
    localAt(trueUs: number): number;
    /**
     * Earliest true time T >= fromTrueUs with localAt(T) >= localUs, assuming no further drift change or
     * step. Timers armed in local time fire at this true time; after a clock change the owner re-computes.
     */
    trueWhenLocal(localUs: number, fromTrueUs: number): number;
    /** Changes the drift from nowTrueUs on; local time stays continuous. */
    setDrift(nowTrueUs: number, driftPpm: number): void;
    /** NTP step: at nowTrueUs local time jumps by deltaUs (either sign). */
    step(nowTrueUs: number, deltaUs: number): void;
    /** Makes localAt(nowTrueUs) == nowTrueUs + offsetUs (a step to an absolute offset); drift unchanged. */
    setOffset(nowTrueUs: number, offsetUs: number): void;
    /** localAt(trueUs) - trueUs. */
    offsetAt(trueUs: number): number;
    /** Offset at the current anchor (the last re-anchor, or true time 0) and the current drift. */
    describe(): {
        offsetUs: number;
        driftPpm: number;
    };
    private reanchor;
    private badTrueTime;
}
