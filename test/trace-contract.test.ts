// The trace contract (contract/trace.ts) against its description (docs/trace-format.md) and against real runs:
// every record type and field is documented and every documented one exists, closed sets of values agree, and
// every record the simulator writes for a few built-in scenarios matches the run-time schema exactly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRACE_RECORD_SCHEMA, TRACE_RECORD_TYPES, type TraceSchema } from '../contract/trace.js';
import { traceRecordProblem } from '../contract/validate.js';
import { parseTrace } from '../reports/index.js';
import type { ScheduledFault } from '../sim/nemesis.js';
import { simulate, type SimulationOptions } from '../sim/simulate.js';
import { MemorySink, Trace } from '../sim/trace.js';
import { loadScenario } from '../src/api.js';
import { compileScenario } from '../src/scenario/compile.js';

const DOC_PATH = join('docs', 'trace-format.md');
const doc = readFileSync(DOC_PATH, 'utf8');

// ------------------------------------------------------------------ reading the doc

interface DocumentedRecord {
  readonly type: string;
  readonly fields: readonly string[];
  /** Closed sets given in the row: field → values. */
  readonly values: ReadonlyMap<string, readonly string[]>;
}

const backticked = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

/** Cells of a markdown table row; `\|` inside a cell is not a separator. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** Field names of a fields cell (backticked outside parentheses) and the value lists right after a field. */
function parseFields(cell: string): { fields: string[]; values: Map<string, string[]> } {
  const fields: string[] = [];
  const values = new Map<string, string[]>();
  const pattern = /`([^`]+)`(\s*\(([^)]*)\))?|\(([^)]*)\)/g;
  for (const match of cell.matchAll(pattern)) {
    if (match[1] === undefined) continue; // parentheses not after a field: a description
    const name = match[1].split(':')[0]!.trim();
    fields.push(name);
    const inside = match[3];
    if (inside !== undefined && /^`[^`]+`(\s*\|\s*`[^`]+`)*$/.test(inside.trim())) values.set(name, backticked(inside));
  }
  return { fields, values };
}

/** The record rows of every `| type | fields | when |` table, and the "`field` is one of ..." sentences. */
function readDoc(markdown: string): { records: DocumentedRecord[]; oneOf: Map<string, string[]> } {
  const records: DocumentedRecord[] = [];
  let inRecordTable = false;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      inRecordTable = false;
      continue;
    }
    const row = cells(line);
    if (row[0] === 'type' && row[1] === 'fields') {
      inRecordTable = true;
      continue;
    }
    if (!inRecordTable || /^-+$/.test(row[0] ?? '')) continue;
    const { fields, values } = parseFields(row[1] ?? '');
    for (const type of backticked(row[0] ?? '')) records.push({ type, fields, values });
  }
  const oneOf = new Map<string, string[]>();
  for (const match of markdown.replace(/\n/g, ' ').matchAll(/`([A-Za-z]+)` is one of ([^.]*)\./g)) oneOf.set(match[1]!, backticked(match[2]!));
  return { records, oneOf };
}

// ------------------------------------------------------------------ reading the schema

type SchemaEntry = Record<string, { kind: string; values?: readonly string[] }> | { variantsBy: 'shape'; variants: Record<string, Record<string, { kind: string; values?: readonly string[] }>> };

function isShaped(entry: SchemaEntry): entry is Extract<SchemaEntry, { variantsBy: 'shape' }> {
  return (entry as { variantsBy?: unknown }).variantsBy === 'shape';
}

/** Field names of a schema entry (a shaped type: `shape` and every shape's fields) and its closed sets. */
function schemaFields(entry: SchemaEntry): { fields: string[]; closed: Map<string, readonly string[]> } {
  const closed = new Map<string, readonly string[]>();
  const groups = isShaped(entry) ? Object.values(entry.variants) : [entry];
  const fields: string[] = isShaped(entry) ? ['shape'] : [];
  if (isShaped(entry)) closed.set('shape', Object.keys(entry.variants));
  for (const group of groups) {
    for (const [name, spec] of Object.entries(group)) {
      if (!fields.includes(name)) fields.push(name);
      if (spec.kind === 'one-of') closed.set(name, spec.values ?? []);
    }
  }
  return { fields, closed };
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((item) => b.includes(item)) && new Set(a).size === a.length;

/** Every disagreement between the doc and the schema, one sentence each. */
function contractProblems(markdown: string, schema: Readonly<Record<string, SchemaEntry>> = TRACE_RECORD_SCHEMA as unknown as Record<string, SchemaEntry>): string[] {
  const { records, oneOf } = readDoc(markdown);
  const problems: string[] = [];
  const documented = new Map<string, DocumentedRecord>();
  for (const record of records) {
    if (documented.has(record.type)) problems.push(`record type "${record.type}" is documented twice`);
    documented.set(record.type, record);
  }
  for (const type of documented.keys()) if (!(type in schema)) problems.push(`documented record type "${type}" is not in contract/trace.ts`);
  for (const [type, entry] of Object.entries(schema)) {
    const record = documented.get(type);
    if (record === undefined) {
      problems.push(`record type "${type}" is not documented`);
      continue;
    }
    const { fields, closed } = schemaFields(entry);
    for (const field of fields) if (!record.fields.includes(field)) problems.push(`${type}: field "${field}" is not documented`);
    for (const field of record.fields) if (!fields.includes(field)) problems.push(`${type}: documented field "${field}" is not in the contract`);
    for (const [field, values] of closed) {
      const given = record.values.get(field) ?? oneOf.get(field);
      if (given === undefined) problems.push(`${type}: the values of "${field}" (${values.join(', ')}) are not documented`);
      else if (!sameSet(given, values)) problems.push(`${type}: "${field}" is documented as ${given.join(' | ')}, the contract has ${values.join(' | ')}`);
    }
    for (const field of record.values.keys()) if (!closed.has(field)) problems.push(`${type}: "${field}" is documented with a closed set of values, the contract has none`);
  }
  return problems;
}

describe('docs/trace-format.md and contract/trace.ts', () => {
  it('the reader finds every table row and value list (it reads what it should)', () => {
    const { records, oneOf } = readDoc(doc);
    expect(records.length).toBe(TRACE_RECORD_TYPES.length);
    const role = records.find((record) => record.type === 'role')!;
    expect(role.fields).toEqual(['node', 'role', 'term', 'leader']);
    expect(role.values.get('role')).toEqual(['follower', 'precandidate', 'candidate', 'leader']);
    expect(records.find((record) => record.type === 'link-reset')!.fields).toEqual([]);
    expect(records.find((record) => record.type === 'partition')!.fields).toEqual(['shape', 'groups', 'node', 'from', 'to', 'sideA', 'sideB', 'bridge']);
    expect(oneOf.get('msg')).toHaveLength(12);
  });

  it('document exactly the record types, fields and closed sets of the contract', () => {
    expect(contractProblems(doc)).toEqual([]);
  });

  it('fails on a doc that misses a type, adds one, misses or adds a field, or lists other values', () => {
    const withoutClog = doc.replace(/^\| `clog`, `unclog` .*\n/m, '');
    expect(withoutClog).not.toBe(doc);
    expect(contractProblems(withoutClog)).toEqual(['record type "clog" is not documented', 'record type "unclog" is not documented']);
    const bogusRow = doc.replace(/^(\| `crash` .*\n)/m, '$1| `bogus` | `node` | never |\n');
    expect(contractProblems(bogusRow)).toEqual(['documented record type "bogus" is not in contract/trace.ts']);
    const restartWithout = doc.replace('| `restart` | `node`, `term`, `commit`, `lastIndex` |', '| `restart` | `node`, `term`, `commit`, `epoch` |');
    expect(contractProblems(restartWithout)).toEqual(['restart: field "lastIndex" is not documented', 'restart: documented field "epoch" is not in the contract']);
    const fewerRoles = doc.replace('`role` (`follower` \\| `precandidate` \\| `candidate` \\| `leader`)', '`role` (`follower` \\| `candidate` \\| `leader`)');
    expect(fewerRoles).not.toBe(doc);
    expect(contractProblems(fewerRoles)).toEqual(['role: "role" is documented as follower | candidate | leader, the contract has follower | precandidate | candidate | leader']);
    const noDropReasons = doc.replace(/`reason` \(`random`[^)]*\)/, '`reason`');
    expect(contractProblems(noDropReasons)).toEqual(['drop: the values of "reason" (random, partition, oversize, node-down, clog-overflow, filter) are not documented']);
  });

  it('fails when the contract has a type or a field the doc does not describe', () => {
    const schema = TRACE_RECORD_SCHEMA as unknown as Record<string, SchemaEntry>;
    expect(contractProblems(doc, { ...schema, bogus: { node: { kind: 'string' } } })).toEqual(['record type "bogus" is not documented']);
    expect(contractProblems(doc, { ...schema, resume: { node: { kind: 'string' }, epoch: { kind: 'int' } } })).toEqual(['resume: field "epoch" is not documented']);
  });

  it('the compiler rejects a schema that misses or adds a record type or a field', () => {
    // Compile-time checks: `npm run typecheck` fails if any of these lines stops being an error.
    // @ts-expect-error a record type missing
    const missingType: TraceSchema = { ...TRACE_RECORD_SCHEMA, resume: undefined };
    // @ts-expect-error a field missing
    const missingField: TraceSchema = { ...TRACE_RECORD_SCHEMA, resume: {} };
    // @ts-expect-error a field the union does not have
    const extraField: TraceSchema = { ...TRACE_RECORD_SCHEMA, resume: { node: { kind: 'string' }, epoch: { kind: 'int' } } };
    // @ts-expect-error a field of the wrong kind
    const wrongKind: TraceSchema = { ...TRACE_RECORD_SCHEMA, resume: { node: { kind: 'int' } } };
    const bogusType: TraceSchema = {
      ...TRACE_RECORD_SCHEMA,
      // @ts-expect-error a record type the union does not have
      bogus: {},
    };
    expect([missingType, missingField, extraField, wrongKind, bogusType].length).toBe(5);
  });
});

// ------------------------------------------------------------------ real traces

/** Record types no built-in run writes today: the workload has no definite failures (see docs/trace-format.md). */
const NOT_WRITTEN = ['fail'];

function scenarioOptions(name: string, seed: number, changes: Partial<SimulationOptions> = {}): SimulationOptions {
  return { ...compileScenario(loadScenario(join('scenarios', `${name}.yaml`)).spec, seed).options, ...changes };
}

function traceLines(options: SimulationOptions): string[] {
  const sink = new MemorySink(2_000_000);
  simulate(options, new Trace({ sink }));
  return sink.lines;
}

const slowFaults: ScheduledFault[] = [
  { atUs: 1_000_000, fault: { kind: 'slow', node: 'n2', delayUs: 5_000 } },
  { atUs: 2_000_000, fault: { kind: 'slow', node: 'n2', delayUs: 0 } },
  { atUs: 1_200_000, fault: { kind: 'filter', from: ['leader'], to: ['n1', 'n2', 'n3', 'n4', 'n5'], messages: 'append', action: 'hold', delayUs: 0 } },
  { atUs: 1_500_000, fault: { kind: 'clear-filters' } },
  { atUs: 2_200_000, fault: { kind: 'isolate', node: 'n4' } },
  { atUs: 2_400_000, fault: { kind: 'rejoin', node: 'n4' } },
  { atUs: 2_500_000, fault: { kind: 'apply-stall', node: 'n3', durationUs: 300_000 } },
  // A transfer to a node that cannot hear it is aborted after an election timeout (transfer-abort).
  { atUs: 2_550_000, fault: { kind: 'isolate', node: 'n2' } },
  { atUs: 2_560_000, fault: { kind: 'transfer-leadership', to: 'n2' } },
];

function membershipOptions(): SimulationOptions {
  const options = scenarioOptions('replace-leader', 1);
  return { ...options, faults: [{ atUs: 1_000_000, fault: { kind: 'remove-node', node: 'n4' } }, ...options.faults] };
}

describe('real traces against the schema', () => {
  // Chosen to write every record type: chaos (every fault kind), a time-triggered compaction across a partition
  // (snapshot-skip), a stall, and a slow node.
  const runs: [string, SimulationOptions][] = [
    ['chaos-5', scenarioOptions('chaos-5', 1)],
    ['cross-dc-compaction-drift (45 s)', scenarioOptions('cross-dc-compaction-drift', 1, { durationUs: 45_000_000 })],
    ['compaction-stall (10 s)', scenarioOptions('compaction-stall', 1, { durationUs: 10_000_000 })],
    ['steady-state with a slow node and a held-append filter (3 s)', scenarioOptions('steady-state', 1, { durationUs: 3_000_000, faults: [...slowFaults].sort((a, b) => a.atUs - b.atUs) })],
    // Membership: a spare booted, configurations in force, the leader's entries, its step-down on removal, and
    // a refused change (removing n4 before it was added).
    ['replace-leader with an invalid removal first', membershipOptions()],
    // Versions: upgrades (rolling-upgrade) and rejections of what a node cannot decode (the incident's wedge).
    ['rolling-upgrade (8 s)', scenarioOptions('rolling-upgrade', 1, { durationUs: 8_000_000 })],
    ['mixed-version-learner-wedge (6 s)', scenarioOptions('mixed-version-learner-wedge', 1, { durationUs: 6_000_000, livenessBoundUs: 1_000_000 })],
  ];
  const traces = runs.map(([name, options]) => [name, traceLines(options)] as const);

  it('every record has a known type and exactly its fields, of their types', () => {
    for (const [name, lines] of traces) {
      const problems: string[] = [];
      for (const line of lines) {
        const problem = traceRecordProblem(JSON.parse(line));
        if (problem !== null && problems.length < 5) problems.push(`${problem}: ${line.slice(0, 160)}`);
      }
      expect(problems, name).toEqual([]);
    }
  });

  it('the runs write every record type and partition shape (so the check above covers them)', () => {
    const seen = new Set<string>();
    const shapes = new Set<string>();
    for (const [, lines] of traces) {
      for (const line of lines) {
        const record = JSON.parse(line) as { type: string; shape?: string };
        seen.add(record.type);
        if (record.type === 'partition') shapes.add(record.shape!);
      }
    }
    expect(TRACE_RECORD_TYPES.filter((type) => !seen.has(type))).toEqual(NOT_WRITTEN);
    expect([...shapes].sort()).toEqual(Object.keys(TRACE_RECORD_SCHEMA.partition.variants).sort());
  });

  it('the report reads every one of them', () => {
    for (const [name, lines] of traces) expect(parseTrace(lines).records, name).toBe(lines.length);
  });

  it('the check fails on a record with an extra, a missing or a mistyped field, or an unknown type', () => {
    const [, lines] = traces[0]!;
    const role = JSON.parse(lines.find((line) => line.includes('"type":"role"'))!) as Record<string, unknown>;
    expect(traceRecordProblem(role)).toBeNull();
    expect(traceRecordProblem({ ...role, epoch: 1 })).toBe('role record: unexpected field "epoch" (contract/trace.ts does not name it)');
    const { leader: _leader, ...withoutLeader } = role;
    expect(traceRecordProblem(withoutLeader)).toBe('role record: field "leader" must be a string or null, got nothing');
    expect(traceRecordProblem({ ...role, term: '3' })).toBe('role record: field "term" must be an integer, got "3"');
    expect(traceRecordProblem({ ...role, role: 'boss' })).toBe('role record: unknown role "boss"');
    expect(traceRecordProblem({ ...role, type: 'rôle' })).toBe('unknown record type "rôle" (contract/trace.ts lists the types)');
    const link = JSON.parse(lines.find((line) => line.includes('"type":"link"'))!) as Record<string, unknown>;
    expect(traceRecordProblem(link)).toBeNull();
    expect(traceRecordProblem({ ...link, patch: { dropChance: 0.1, latency: { kind: 'uniform', minUs: 1 } } })).toMatch(/field "patch.latency" must be a distribution/);
  });
});
