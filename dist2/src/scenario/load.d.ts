import { type CompiledScenario } from './compile.js';
import { ScenarioError, type Problem, type SpecPath } from './errors.js';
import type { Overrides } from './overrides.js';
import type { ScenarioSpec } from './spec.js';
export type ScenarioSourceKind = 'builtin' | 'file' | 'inline';
export interface ScenarioSource {
    readonly kind: ScenarioSourceKind;
    /** How to name it again on a command line: the built-in name, or the path as the user gave it. */
    readonly ref: string;
    /** Absolute path of the file, null for inline scenarios. */
    readonly path: string | null;
    /** The text as read (YAML or JSON), or the JSON of an inline object. */
    readonly text: string;
}
type Locator = (path: SpecPath) => {
    line: number;
    column: number;
} | undefined;
export declare class LoadedScenario {
    readonly name: string;
    readonly spec: ScenarioSpec;
    readonly source: ScenarioSource;
    /** The comment block at the top of the file (without the # marks), or ''. */
    readonly header: string;
    private readonly locator;
    constructor(name: string, spec: ScenarioSpec, source: ScenarioSource, 
    /** The comment block at the top of the file (without the # marks), or ''. */
    header: string, locator: Locator);
    get question(): string;
    /** The label used in messages: the path as given, or "inline scenario". */
    get label(): string;
    locate(path: SpecPath): {
        line: number;
        column: number;
    } | undefined;
    /** Compiles for one seed; problems become a ScenarioError naming this file, the path, line and column. */
    compile(seed: number, overrides?: Overrides): CompiledScenario;
    error(problems: readonly Problem[]): ScenarioError;
}
/** Parses YAML (or JSON) scenario text. `label` names it in messages (the path as the user gave it). */
export declare function parseScenarioText(text: string, source: Omit<ScenarioSource, 'text'>, fallbackName: string): LoadedScenario;
/** Loads a scenario file (.yaml, .yml or .json). `given` is the path as the user wrote it. */
export declare function loadScenarioFile(given: string, kind?: ScenarioSourceKind, ref?: string): LoadedScenario;
/** A scenario written as a plain object (in the file's form: strings with units), e.g. from a test suite. */
export declare function scenarioFromObject(value: unknown, label?: string): LoadedScenario;
export {};
