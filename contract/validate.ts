/**
 * Run-time check of a parsed JSON value against the trace contract (trace.ts): what a reader of a trace file
 * does before it trusts a line as a TraceRecord. Problems come back as one sentence naming the record type and
 * the field, so a reader can prefix the file and line; nothing here throws on bad input.
 */
import {
  TRACE_DISTRIBUTION_PARAMS,
  TRACE_LINK_PATCH_FIELDS,
  isTraceRecordType,
  recordSchema,
  type FieldSpec,
  type FieldSpecs,
  type TraceDistributionKind,
  type TraceRecord,
  type TraceRecordType,
} from './trace.js';

export type JsonObject = { readonly [key: string]: unknown };

export interface CheckOptions {
  /** Fields the contract requires that may nevertheless be absent, per record type: a reader that also accepts
   *  traces written before those fields existed. */
  readonly mayLack?: { readonly [K in TraceRecordType]?: readonly string[] };
}

/** Checks that `value` is an object with a `t` (non-negative integer microseconds) and a string `type`. */
export function recordHeaderProblem(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'a record must be a JSON object';
  const record = value as JsonObject;
  if (!('t' in record)) return 'missing "t" (the event time in microseconds)';
  if (!('type' in record)) return 'missing "type"';
  const t = record.t;
  if (typeof t !== 'number' || !Number.isSafeInteger(t) || t < 0) return `"t" must be a non-negative integer (microseconds), got ${JSON.stringify(t)}`;
  if (typeof record.type !== 'string') return `"type" must be a string, got ${JSON.stringify(record.type)}`;
  return null;
}

/** Checks a record whose header is valid: a known type, every field of the contract present (unless optional
 *  or in mayLack) with its type, and no other field. */
export function recordBodyProblem(record: JsonObject & { readonly type: string }, options: CheckOptions = {}): string | null {
  const type = record.type;
  if (!isTraceRecordType(type)) return `unknown record type "${type.slice(0, 40)}" (contract/trace.ts lists the types)`;
  const mayLack = options.mayLack?.[type] ?? NOTHING;
  const schema = recordSchema(type);
  let fields: FieldSpecs;
  if (schema.variantsBy === undefined) {
    fields = schema.fields;
  } else {
    const shape = record.shape;
    if (typeof shape !== 'string') return fieldProblem(type, 'shape', `one of ${Object.keys(schema.variants).join(', ')}`, shape);
    const variant = Object.prototype.hasOwnProperty.call(schema.variants, shape) ? schema.variants[shape] : undefined;
    if (variant === undefined) return `${type} record: unknown shape "${shape.slice(0, 40)}"`;
    fields = variant;
  }
  for (const name in fields) {
    const problem = fieldValueProblem(type, name, fields[name]!, record[name], mayLack);
    if (problem !== null) return problem;
  }
  for (const name in record) {
    if (name === 't' || name === 'type' || (name === 'shape' && schema.variantsBy === 'shape')) continue;
    if (!Object.prototype.hasOwnProperty.call(fields, name)) return `${type} record: unexpected field "${name.slice(0, 40)}" (contract/trace.ts does not name it)`;
  }
  return null;
}

/** Header and body in one: null when `value` is a TraceRecord. */
export function traceRecordProblem(value: unknown, options: CheckOptions = {}): string | null {
  return recordHeaderProblem(value) ?? recordBodyProblem(value as JsonObject & { readonly type: string }, options);
}

export function isTraceRecord(value: unknown): value is TraceRecord {
  return traceRecordProblem(value) === null;
}

const NOTHING: readonly string[] = [];

function shown(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value).slice(0, 80);
}

function fieldProblem(type: string, field: string, wanted: string, value: unknown): string {
  return `${type} record: field "${field}" must be ${wanted}, got ${shown(value)}`;
}

const WANTED: { readonly [K in FieldSpec['kind']]: string } = {
  string: 'a string',
  int: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  true: 'true',
  'string-or-null': 'a string or null',
  'string-list': 'an array of strings',
  'string-groups': 'an array of arrays of node ids',
  'one-of': 'one of the listed values',
  'run-params': 'an object with "nodes", an array of node ids',
  'link-patch': 'an object of link settings',
  'client-value': 'a string, null or { ok, value }',
};

function fieldValueProblem(type: string, name: string, spec: FieldSpec, value: unknown, mayLack: readonly string[]): string | null {
  if (value === undefined && (spec.optional === true || mayLack.includes(name))) return null;
  switch (spec.kind) {
    case 'one-of': {
      const values = spec.values ?? NOTHING;
      if (typeof value === 'string' && !values.includes(value)) return `${type} record: unknown ${name} "${value.slice(0, 40)}"`;
      return typeof value === 'string' ? null : fieldProblem(type, name, `one of ${values.join(', ')}`, value);
    }
    case 'link-patch':
      return linkPatchProblem(type, name, value);
    case 'run-params':
      return runParamsProblem(type, name, value);
    default:
      return hasKind(spec.kind, value) ? null : fieldProblem(type, name, WANTED[spec.kind], value);
  }
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function hasKind(kind: Exclude<FieldSpec['kind'], 'one-of' | 'link-patch' | 'run-params'>, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'true':
      return value === true;
    case 'string-or-null':
      return value === null || typeof value === 'string';
    case 'string-list':
      return isStringList(value);
    case 'string-groups':
      return Array.isArray(value) && value.every(isStringList);
    case 'client-value':
      return value === null || typeof value === 'string' || (isObject(value) && isClientCasValue(value));
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown field kind ${String(unreachable)}`);
    }
  }
}

function isClientCasValue(value: JsonObject): boolean {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof value.ok === 'boolean' && (value.value === null || typeof value.value === 'string');
}

function runParamsProblem(type: string, name: string, value: unknown): string | null {
  if (!isObject(value)) return fieldProblem(type, name, 'an object', value);
  return isStringList(value.nodes) ? null : fieldProblem(type, `${name}.nodes`, 'an array of node ids', value.nodes);
}

function linkPatchProblem(type: string, name: string, value: unknown): string | null {
  if (!isObject(value)) return fieldProblem(type, name, WANTED['link-patch'], value);
  for (const key in value) {
    const setting = value[key];
    if (!(TRACE_LINK_PATCH_FIELDS as readonly string[]).includes(key)) return `${type} record: field "${name}.${key.slice(0, 40)}" is not a link setting (${TRACE_LINK_PATCH_FIELDS.join(', ')})`;
    if (key === 'latency' || key === 'reorderDelay') {
      if (!isDistribution(setting)) return fieldProblem(type, `${name}.${key}`, `a distribution (${Object.keys(TRACE_DISTRIBUTION_PARAMS).join(', ')})`, setting);
    } else if (typeof setting !== 'number' || !Number.isFinite(setting)) {
      return fieldProblem(type, `${name}.${key}`, 'a number', setting);
    }
  }
  return null;
}

function isDistribution(value: unknown): boolean {
  if (!isObject(value) || typeof value.kind !== 'string' || !Object.prototype.hasOwnProperty.call(TRACE_DISTRIBUTION_PARAMS, value.kind)) return false;
  const params: readonly string[] = TRACE_DISTRIBUTION_PARAMS[value.kind as TraceDistributionKind];
  const keys = Object.keys(value);
  const floored = Object.prototype.hasOwnProperty.call(value, 'floorUs');
  if (floored && (value.kind === 'lognormal' || value.kind === 'tail' || typeof value.floorUs !== 'number' || !Number.isFinite(value.floorUs))) return false;
  return keys.length === params.length + 1 + (floored ? 1 : 0) && params.every((param) => typeof value[param] === 'number' && Number.isFinite(value[param]));
}
