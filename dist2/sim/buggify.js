export const buggifySites = ['fsync-stall', 'duplicate-response', 'delay-message'];
export class Buggify {
    options;
    streams = {};
    enabled;
    constructor(options, random) {
        this.options = options;
        for (const site of options?.sites ?? [])
            this.streams[site] = random.child(`buggify/${site}`);
        this.enabled = options !== null && options.sites.length > 0 && options.chance > 0;
    }
    /** Whether the site takes its rare branch this time. */
    fires(site) {
        const stream = this.streams[site];
        return stream !== undefined && stream.next() < this.options.chance;
    }
    /** The extra delay when it does (from the same site's stream). */
    delayUs(site) {
        return this.streams[site].int(1, Math.max(1, this.options.maxDelayUs));
    }
}
//# sourceMappingURL=buggify.js.map