// Fuzzing bad input: random mutations of valid scenarios (wrong types, unknown keys, bad units, negative
// durations) and random flag values. Every case must end in a usage error (exit 2) whose one-paragraph message
// names the place (file and path, or flag) with what was found and what was expected - never another kind of
// exception, never a stack trace.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import YAML from 'yaml';
import { builtinScenarios } from '../src/scenario/builtin.js';
import { main } from '../src/cli.js';
import { UsageError } from '../src/errors.js';
import { formatPath, SpecError } from '../src/scenario/errors.js';
import { scenarioFromObject } from '../src/scenario/load.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const documents: Json[] = builtinScenarios.map((scenario) => YAML.parse(readFileSync(scenario.file, 'utf8')) as Json);

/** Every path to a value inside a document. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) value.forEach((item, k) => out.push(...paths(item, [...prefix, k])));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) out.push(...paths(item, [...prefix, key]));
  return out;
}

function setAt(document: Json, path: readonly (string | number)[], value: Json | undefined): Json {
  const copy = structuredClone(document) as Json;
  let node = copy as Record<string | number, Json>;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

const badValues: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e21, '', 'x', [], {}, [[]], { bogus: 1 }, '5 parsecs', '-3s', '1.5us', '150%', '-20%', '1e3ms', '10s..1s', 'n99', 'leader!', '64kb'),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: false }),
);

const mutation = fc
  .record({ document: fc.integer({ min: 0, max: documents.length - 1 }), pick: fc.nat(), kind: fc.constantFrom('replace', 'unknown-key', 'delete'), value: badValues, key: fc.constantFrom('bogus', 'prevote', 'electiontimeout', 'Nodes', 'at2', 'fors') })
  .map(({ document, pick, kind, value, key }) => {
    const doc = documents[document]!;
    const all = paths(doc);
    const path = all[pick % all.length]!;
    if (kind === 'delete') return { mutated: setAt(doc, path, undefined), path };
    if (kind === 'unknown-key') {
      const parent = path.slice(0, -1);
      const target = parent.reduce<Json>((node, part) => (node as Record<string | number, Json>)[part]!, doc);
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) return { mutated: setAt(doc, [...parent, key], 1), path: [...parent, key] };
    }
    return { mutated: setAt(doc, path, value), path };
  });

function checkMessage(message: string): void {
  expect(message).not.toMatch(/\n\s+at /);
  expect(message).toMatch(/found .+, expected .+/);
}

describe('scenario mutations', () => {
  test.prop([mutation], { numRuns: Number(process.env.FUZZ_RUNS ?? 400) })('are accepted, or rejected with the path, what was found and what was expected', ({ mutated, path }) => {
    let loaded;
    try {
      loaded = scenarioFromObject(mutated, 'fuzz.yaml');
      loaded.compile(1);
    } catch (error) {
      if (!(error instanceof UsageError) && !(error instanceof SpecError)) throw error;
      checkMessage(error.message);
      // The problem is reported at the mutated place, or (for cross-field checks) at another named place.
      const named = formatPath(path);
      if (!error.message.includes(named)) expect(error.message).toMatch(/^fuzz\.yaml: (the scenario|[\w[\]."-]+): found/);
    }
  });

  const dir = mkdtempSync(join(tmpdir(), 'raftsim-fuzz-'));
  test.prop([mutation], { numRuns: 40 })('through the command line: exit 0 or 2, one line naming the file, never a stack trace', async ({ mutated }) => {
    const file = join(dir, 'fuzz.yaml');
    writeFileSync(file, YAML.stringify(mutated));
    let out = '';
    let err = '';
    const code = await main(['check', file], { out: (text) => (out += text), err: (text) => (err += text), isTerminal: false });
    expect([0, 2]).toContain(code);
    if (code === 2) {
      expect(err).toMatch(new RegExp(`^raftsim: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d+:\\d+)?: `));
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).not.toMatch(/\n\s+at /);
      expect(out).toBe('');
    }
  });

  test.prop([fc.string({ maxLength: 200 })], { numRuns: 100 })('arbitrary text as a scenario file: exit 0 or 2 with a one-line message', async (text) => {
    const file = join(dir, 'text.yaml');
    writeFileSync(file, text);
    let err = '';
    const code = await main(['check', file], { out: () => undefined, err: (line) => (err += line), isTerminal: false });
    expect(code).toBe(2);
    expect(err).toMatch(/^raftsim: .*text\.yaml(:\d+:\d+)?: /);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});

describe('flag values', () => {
  const valueFlags = ['nodes', 'duration', 'drop', 'delay', 'skew', 'election-timeout', 'heartbeat', 'snapshot-count', 'seed'];
  const values = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('-1', '0', '1e9', '150', '5 %', '2 seconds', '10s..1s', 'abc', '1.5us', '100%%', 'off', '99999999999999999999'));

  test.prop([fc.constantFrom(...valueFlags), values], { numRuns: 300 })('are accepted or rejected naming the flag and the expected form', async (flag, value) => {
    let err = '';
    const code = await main(['check', 'leader-crash', `--${flag}=${value}`], { out: () => undefined, err: (line) => (err += line), isTerminal: false });
    expect([0, 2]).toContain(code);
    if (code === 2) {
      expect(err).toMatch(new RegExp(`^raftsim: (--${flag}|.*leader-crash\\.yaml:\\d+:\\d+: )`));
      expect(err).toMatch(/expected/);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).not.toMatch(/\n\s+at /);
    }
  });

  test.prop([fc.constantFrom('prevote', 'check-quorum', 'swarm', 'trace', 'json'), fc.string({ maxLength: 8 }).filter((v) => v !== 'true' && v !== 'false')])(
    'boolean flags take true or false only',
    async (flag, value) => {
      let err = '';
      const code = await main(['run', 'leader-crash', `--${flag}=${value}`], { out: () => undefined, err: (line) => (err += line), isTerminal: false });
      expect(code).toBe(2);
      expect(err).toMatch(new RegExp(`^raftsim: --${flag}=`));
    },
  );

  test.prop([fc.constantFrom('--seeds', '--shard', '--workers'), fc.constantFrom('0', '-1', 'x', '3/2', '1..0', '0/0', '1,,2', '257', '', '1.5', '1,1')])('sweep flags are validated before anything runs', async (flag, value) => {
    let err = '';
    const code = await main(['sweep', 'leader-crash', `${flag}=${value}`], { out: () => undefined, err: (line) => (err += line), isTerminal: false });
    if (code !== 2) {
      // A few of these are valid for some flags (e.g. --seeds 0 is one seed): nothing else is accepted.
      expect([['--seeds', '0'], ['--workers', '1.5']].some(([f, v]) => f === flag && v === value) || code === 0).toBe(true);
      return;
    }
    expect(err).toMatch(new RegExp(`^raftsim: ${flag}`));
  });
});
