import * as z from 'zod';
import { type SweepFile } from './sweep.js';
declare const sweepFileSchema: z.ZodObject<{
    raftsim: z.ZodObject<{
        sweepVersion: z.ZodLiteral<1>;
    }, z.core.$strip>;
    sweep: z.ZodObject<{
        scenario: z.ZodString;
        ref: z.ZodString;
        overrides: z.ZodArray<z.ZodString>;
        source: z.ZodObject<{
            kind: z.ZodEnum<{
                file: "file";
                builtin: "builtin";
                inline: "inline";
            }>;
            ref: z.ZodString;
            path: z.ZodNullable<z.ZodString>;
            text: z.ZodString;
        }, z.core.$strip>;
        sourceDigest: z.ZodString;
        seeds: z.ZodString;
        shard: z.ZodNullable<z.ZodObject<{
            index: z.ZodNumber;
            count: z.ZodNumber;
        }, z.core.$strip>>;
        expectations: z.ZodArray<z.ZodString>;
        metricPaths: z.ZodArray<z.ZodString>;
    }, z.core.$loose>;
    partial: z.ZodOptional<z.ZodBoolean>;
    runs: z.ZodArray<z.ZodObject<{
        seed: z.ZodNumber;
        verdict: z.ZodEnum<{
            ok: "ok";
            safety: "safety";
            liveness: "liveness";
        }>;
        outcome: z.ZodEnum<{
            safety: "safety";
            liveness: "liveness";
            expectations: "expectations";
            passed: "passed";
        }>;
        invariant: z.ZodNullable<z.ZodString>;
        message: z.ZodNullable<z.ZodString>;
        failedExpectations: z.ZodArray<z.ZodString>;
        traceHash: z.ZodNullable<z.ZodString>;
        events: z.ZodNumber;
        simulatedUs: z.ZodNumber;
        wallMs: z.ZodOptional<z.ZodNumber>;
        leaderChanges: z.ZodNumber;
        elections: z.ZodNumber;
        convergedAfterUs: z.ZodNullable<z.ZodNumber>;
        clientOk: z.ZodNumber;
        metrics: z.ZodRecord<z.ZodString, z.ZodNullable<z.ZodNumber>>;
    }, z.core.$loose>>;
}, z.core.$strip>;
export interface MergeReport {
    readonly file: SweepFile;
    readonly inputs: readonly string[];
    /** Shards missing for a complete sweep (when the inputs are shards i/n of one seed range). */
    readonly missingShards: readonly string[];
}
export type SweepFileData = z.infer<typeof sweepFileSchema>;
export declare function readSweepFile(path: string): SweepFileData;
/** Validates parsed JSON as a sweep.json; problems are usage errors naming the file and the field. */
export declare function checkSweepJson(path: string, json: unknown): SweepFileData;
export declare function mergeSweepFiles(paths: readonly string[]): MergeReport;
export {};
