import type * as z from 'zod';
import { UsageError } from '../errors.js';
export type SpecPath = readonly (string | number)[];
export interface Problem {
    readonly path: SpecPath;
    readonly found: string;
    readonly expected: string;
}
/** Problems found without file context (by compile()); the loader turns them into a ScenarioError. */
export declare class SpecError extends Error {
    readonly problems: readonly Problem[];
    constructor(problems: readonly Problem[]);
}
export interface LocatedProblem extends Problem {
    readonly line?: number;
    readonly column?: number;
}
export declare class ScenarioError extends UsageError {
    /** The file as the user named it, or a label such as "inline scenario". */
    readonly file: string;
    readonly problems: readonly LocatedProblem[];
    constructor(
    /** The file as the user named it, or a label such as "inline scenario". */
    file: string, problems: readonly LocatedProblem[]);
}
export declare function formatProblems(file: string, problems: readonly LocatedProblem[]): string;
/** faults[2].at, raft.unsafe.commitWithMinority, expectations[0]. */
export declare function formatPath(path: SpecPath): string;
/** What was found, for "found X": short, quoted when it is a string, typed otherwise. */
export declare function describeFound(value: unknown): string;
/** The closest known word, when it is close enough to be a likely typo. */
export declare function suggest(word: string, known: readonly string[]): string | null;
/** Converts zod issues into problems; `knownKeys` maps a path (dotted, no indices) to the keys allowed there. */
export declare function problemsFromZod(issues: readonly z.core.$ZodIssue[], knownKeys: Record<string, readonly string[]>): Problem[];
