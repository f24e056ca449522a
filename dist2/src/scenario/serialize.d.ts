import { type Doc } from './document.js';
import type { FullSpec } from './fill.js';
import type { FaultItemSpec, ScenarioSpec } from './spec.js';
/** One fault item in the file's form: its timing keys, the fault's key and value, and `for`. */
export declare function faultItemToDocument(item: FaultItemSpec): Doc;
/** A (partial) spec in the file's form; fields the spec leaves open are left out. */
export declare function specToDocument(spec: ScenarioSpec): Doc;
/** The complete spec (every default and draw filled in) as a partial spec with every field set. */
export declare function fullToSpec(full: FullSpec): ScenarioSpec;
/** YAML text for a document: short lists and small mappings on one line, as people write them. */
export declare function toYaml(document: Doc, header?: string): string;
