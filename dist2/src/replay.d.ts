import * as z from 'zod';
import { type SimulationResult } from '../sim/simulate.js';
import { type Outcome } from './run-scenario.js';
import type { ExpectationResult } from './scenario/expectations.js';
import { type Overrides } from './scenario/overrides.js';
/** What replay needs from result.json; the rest of the file is informative. */
declare const recordedSchema: z.ZodObject<{
    raftsim: z.ZodObject<{
        resultVersion: z.ZodLiteral<2>;
    }, z.core.$strip>;
    scenario: z.ZodString;
    seed: z.ZodNumber;
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
    overrides: z.ZodArray<z.ZodString>;
    options: z.ZodObject<{
        scenario: z.ZodString;
        seed: z.ZodNumber;
        cluster: z.ZodObject<{
            nodeIds: z.ZodArray<z.ZodString>;
            raft: z.ZodObject<{}, z.core.$loose>;
            link: z.ZodObject<{}, z.core.$loose>;
        }, z.core.$loose>;
        workload: z.ZodObject<{}, z.core.$loose>;
        faults: z.ZodArray<z.ZodObject<{
            atUs: z.ZodNumber;
            fault: z.ZodObject<{
                kind: z.ZodString;
            }, z.core.$loose>;
        }, z.core.$strip>>;
        triggers: z.ZodArray<z.ZodObject<{}, z.core.$loose>>;
        chaos: z.ZodNullable<z.ZodObject<{}, z.core.$loose>>;
        durationUs: z.ZodNumber;
        livenessBoundUs: z.ZodNumber;
        checkInvariants: z.ZodBoolean;
        maxEvents: z.ZodNumber;
    }, z.core.$strip>;
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
    violation: z.ZodNullable<z.ZodObject<{
        invariant: z.ZodString;
    }, z.core.$loose>>;
    traceHash: z.ZodNullable<z.ZodString>;
    traceLines: z.ZodNumber;
    traceCheckpoints: z.ZodNullable<z.ZodObject<{
        every: z.ZodNumber;
        points: z.ZodArray<z.ZodObject<{
            line: z.ZodNumber;
            t: z.ZodNumber;
            digest: z.ZodString;
        }, z.core.$strip>>;
    }, z.core.$strip>>;
    traceFile: z.ZodOptional<z.ZodNullable<z.ZodString>>;
}, z.core.$strip>;
export type RecordedRun = z.infer<typeof recordedSchema>;
export declare function readResultFile(path: string): RecordedRun;
export interface Divergence {
    /** True when the meta records (the runs' parameters) differ; the lines below are then the first events that differ. */
    readonly parametersDiffer: boolean;
    /** 1-based line where the runs first differ, when known exactly. */
    readonly line: number | null;
    readonly recorded: string | null;
    readonly replayed: string | null;
    /** When only checkpoints were available: the lines between which the first difference lies. */
    readonly window: {
        readonly afterLine: number;
        readonly afterT: number;
        readonly beforeLine: number | null;
        readonly beforeT: number | null;
    } | null;
}
export interface ReplayReport {
    readonly file: string;
    readonly recorded: RecordedRun;
    readonly reproduced: boolean;
    readonly replayedHash: string;
    readonly replayedLines: number;
    readonly result: SimulationResult;
    readonly expectations: readonly ExpectationResult[];
    readonly outcome: Outcome;
    /** Exit code: the replayed run's, when it reproduced; 1 when it did not. */
    readonly exitCode: number;
    readonly divergence: Divergence | null;
    /** The recorded trace file compared against, if any. */
    readonly traceFile: string | null;
    /** Why the scenario source, compiled today, differs from the recorded options (null when it matches). */
    readonly sourceNote: string | null;
    readonly wallMs: number;
}
/** The overrides a result.json records; none when the file cannot be read (replayResultFile says why). */
export declare function recordedOverrides(file: string): Overrides;
/** Parses override flags as written in result.json or sweep.json (`["--drop", "1%", "--no-prevote"]`). */
export declare function overridesFromFlags(flags: readonly string[], what?: string): Overrides;
export declare function replayResultFile(file: string, options?: {
    traceFile?: string;
}): ReplayReport;
export {};
