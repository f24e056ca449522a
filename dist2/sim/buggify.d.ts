import type { Random } from './random.js';
export declare const buggifySites: readonly ["fsync-stall", "duplicate-response", "delay-message"];
export type BuggifySite = (typeof buggifySites)[number];
export interface BuggifyOptions {
    readonly sites: readonly BuggifySite[];
    /** The chance an enabled site fires each time it is reached. */
    readonly chance: number;
    /** The longest extra delay a stalled fsync or a delayed message gets. */
    readonly maxDelayUs: number;
}
export declare class Buggify {
    private readonly options;
    private readonly streams;
    readonly enabled: boolean;
    constructor(options: BuggifyOptions | null, random: Random);
    /** Whether the site takes its rare branch this time. */
    fires(site: BuggifySite): boolean;
    /** The extra delay when it does (from the same site's stream). */
    delayUs(site: BuggifySite): number;
}
