import * as z from 'zod';
import type { BuggifySpec, ChaosSpec } from './spec.js';
export declare const scenarioSchema: z.ZodObject<{
    name: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<string | undefined, unknown>>>;
    question: z.ZodPipe<z.ZodPipe<z.ZodUnknown, z.ZodTransform<string | undefined, unknown>>, z.ZodString>;
    swarm: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
    cluster: z.ZodOptional<z.ZodObject<{
        nodes: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | string[] | undefined, unknown>>>;
        datacenters: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<Record<string, string[]> | undefined, unknown>>>;
        latency: z.ZodOptional<z.ZodObject<{
            intra: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<import("../../sim/random.js").Distribution | undefined, unknown>>>;
            inter: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<import("../../sim/random.js").Distribution | undefined, unknown>>>>>;
        }, z.core.$strict>>;
        skew: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        clocks: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodObject<{
            offset: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
            drift: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        }, z.core.$strict>>>;
    }, z.core.$strict>>;
    raft: z.ZodOptional<z.ZodObject<{
        electionTimeout: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<import("./units.js").DurationRange | undefined, unknown>>>;
        heartbeat: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        preVote: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
        checkQuorum: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
        leaderStickiness: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
        fastBackoff: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
        flowControl: z.ZodOptional<z.ZodObject<{
            maxEntriesPerMessage: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
            maxInflightMessages: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
            maxInflightBytes: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
            maxUncommittedBytes: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        }, z.core.$strict>>;
        maxPendingReads: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        leaseReads: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
        leaseDriftBound: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        snapshotChunk: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        unsafe: z.ZodOptional<z.ZodObject<{
            skipUpToDateCheck: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            upToDateByIndexOnly: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            countDuplicateVotes: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            stalePreVoteCountedAsVote: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            quorumCeilHalf: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            acceptStaleTermAppend: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            acceptStaleResponses: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            prevLogIndexOnly: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            truncateOnEveryAppend: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            heartbeatCommitBeyondMatch: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            commitOldTermByCounting: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            commitWithMinority: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            commitByNextIndex: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            noSyncOnVoteChange: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            readIndexWithoutConfirmation: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            leaseWithoutDriftMargin: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            leaseFromReceiveTime: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            readBeforeCurrentTermCommit: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            noSnapshotFallback: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            installSnapshotKeepsConflictingLog: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            installSnapshotDiscardsMatchingSuffix: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
        }, z.core.$strict>>;
    }, z.core.$strict>>;
    compaction: z.ZodOptional<z.ZodObject<{
        snapshotCount: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | null | undefined, unknown>>>;
        snapshotInterval: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | null | undefined, unknown>>>;
        catchUpEntries: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        applyCost: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        snapshotBytesPerSecond: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        mistakes: z.ZodOptional<z.ZodObject<{
            triggerOnApplyLag: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
            applyLagTolerance: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
            noSnapshotFallback: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
        }, z.core.$strict>>;
    }, z.core.$strict>>;
    metrics: z.ZodOptional<z.ZodObject<{
        sampleInterval: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        stallBound: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        stallEntries: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
    }, z.core.$strict>>;
    network: z.ZodOptional<z.ZodObject<{
        latency: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<import("../../sim/random.js").Distribution | undefined, unknown>>>;
        drop: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        duplicate: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        reorder: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        reorderDelay: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<import("../../sim/random.js").Distribution | undefined, unknown>>>;
        maxMessageBytes: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        clientLatency: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<import("../../sim/random.js").Distribution | undefined, unknown>>>;
    }, z.core.$strict>>;
    disk: z.ZodOptional<z.ZodObject<{
        appendLatency: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<import("../../sim/random.js").Distribution | undefined, unknown>>>;
        fsyncLatency: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<import("../../sim/random.js").Distribution | undefined, unknown>>>;
        tearOnCrash: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
    }, z.core.$strict>>;
    workload: z.ZodOptional<z.ZodObject<{
        clients: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        rate: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        keys: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        mix: z.ZodOptional<z.ZodObject<{
            put: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
            get: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
            cas: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        }, z.core.$strict>>;
        valueBytes: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        timeout: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        backoff: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<import("./units.js").DurationRange | undefined, unknown>>>;
        maxAttempts: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        pinnedReaders: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
        recentKeyReads: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
    }, z.core.$strict>>;
    faults: z.ZodOptional<z.ZodArray<z.ZodPipe<z.ZodUnknown, z.ZodTransform<import("./spec.js").FaultItemSpec, unknown>>>>;
    chaos: z.ZodOptional<z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<ChaosSpec | null | undefined, unknown>>>>;
    buggify: z.ZodOptional<z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<BuggifySpec | null | undefined, unknown>>>>;
    duration: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
    livenessBound: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
    checkInvariants: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<boolean | undefined, unknown>>>;
    maxEvents: z.ZodOptional<z.ZodPipe<z.ZodUnknown, z.ZodTransform<number | undefined, unknown>>>;
    expectations: z.ZodOptional<z.ZodArray<z.ZodPipe<z.ZodUnknown, z.ZodTransform<import("./expectations.js").Expectation, unknown>>>>;
    bugs: z.ZodOptional<z.ZodArray<z.ZodPipe<z.ZodUnknown, z.ZodTransform<string, unknown>>>>;
}, z.core.$strict>;
/** Keys allowed at each level, for "did you mean" suggestions. */
export declare const knownKeys: Record<string, readonly string[]>;
