export interface SoakResult {
    readonly simulatedHours: number;
    readonly wallSeconds: number;
    readonly peakRssMiB: number;
    readonly rssAtHour2MiB: number;
    readonly rssAtEndMiB: number;
    readonly heapAtHour2MiB: number;
    readonly heapAtEndMiB: number;
    readonly growthHour2ToEndPercent: number;
    readonly peakLogEntries: number;
    readonly snapshots: number;
    readonly verdict: string;
}
