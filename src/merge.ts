// `raftsim merge`: combines the sweep.json files of the shards of one sweep into the summary a single, unsharded
// sweep would have printed (the summary is computed from the per-seed rows alone).
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { UsageError } from './errors.js';
import type { SeedSummary } from './result.js';
import { formatPath, problemsFromZod } from './scenario/errors.js';
import { summarizeSweep, type SweepFile } from './sweep.js';
import { raftsimVersion, versionMismatch } from './version.js';

const seedSchema = z
  .object({
    seed: z.number().int().nonnegative(),
    verdict: z.enum(['ok', 'safety', 'liveness']),
    outcome: z.enum(['passed', 'safety', 'liveness', 'expectations']),
    invariant: z.string().nullable(),
    message: z.string().nullable(),
    failedExpectations: z.array(z.string()),
    traceHash: z.string().nullable(),
    events: z.number(),
    simulatedUs: z.number(),
    wallMs: z.number().optional(),
    leaderChanges: z.number(),
    elections: z.number(),
    convergedAfterUs: z.number().nullable(),
    clientOk: z.number(),
    metrics: z.record(z.string(), z.number().nullable()),
    samples: z
      .object({
        electionLatency: z.array(z.object({ startUs: z.number(), latencyUs: z.number(), cause: z.string(), censored: z.boolean() }).passthrough()),
        electionLatencyDropped: z.number().int().nonnegative(),
        splitVoteTerms: z.array(z.number().int()),
        lostToStaleLogTerms: z.array(z.number().int()),
      })
      .passthrough()
      .nullable()
      .optional(),
  })
  .passthrough();

const sweepFileSchema = z.object({
  raftsim: z.object({ sweepVersion: z.literal(1, { error: 'expected sweepVersion 1 (written by this raftsim)' }) }),
  sweep: z
    .object({
      scenario: z.string(),
      ref: z.string(),
      overrides: z.array(z.string()),
      source: z.object({ kind: z.enum(['builtin', 'file', 'inline']), ref: z.string(), path: z.string().nullable(), text: z.string() }),
      sourceDigest: z.string(),
      seeds: z.string(),
      shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }).nullable(),
      expectations: z.array(z.string()),
      metricPaths: z.array(z.string()),
    })
    .passthrough(),
  partial: z.boolean().optional(),
  runs: z.array(seedSchema),
});

export interface MergeReport {
  readonly file: SweepFile;
  readonly inputs: readonly string[];
  /** Shards missing for a complete sweep (when the inputs are shards i/n of one seed range). */
  readonly missingShards: readonly string[];
}

export type SweepFileData = z.infer<typeof sweepFileSchema>;

export function readSweepFile(path: string): SweepFileData {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined) throw new UsageError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code})`}; expected a sweep.json written by \`raftsim sweep --out DIR\`.`);
    throw new UsageError(`${path}: found text that is not JSON (${error instanceof Error ? error.message : String(error)}), expected a sweep.json written by \`raftsim sweep --out DIR\`.`);
  }
  return checkSweepJson(path, json);
}

/** Validates parsed JSON as a sweep.json; problems are usage errors naming the file and the field. */
export function checkSweepJson(path: string, json: unknown): SweepFileData {
  const mismatch = versionMismatch(path, json, 'sweepVersion', 'sweep.json files');
  if (mismatch !== null) throw new UsageError(`${mismatch}; run the sweep again with this raftsim (npx raftsim sweep ... --out DIR).`);
  const parsed = sweepFileSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const problem = problemsFromZod(parsed.error.issues, {})[0]!;
    throw new UsageError(`${path}: ${problem.path.length === 0 ? 'the file' : `field ${formatPath(problem.path)}`}: found ${problem.found}, expected ${problem.expected} (is this a sweep.json from \`raftsim sweep --out\`?).`);
  }
  return parsed.data;
}

export function mergeSweepFiles(paths: readonly string[]): MergeReport {
  if (paths.length === 0) throw new UsageError('merge needs at least one sweep.json file, e.g. raftsim merge out/1/sweep.json out/2/sweep.json.');
  const files = paths.map((path) => ({ path, data: readSweepFile(path) }));
  const first = files[0]!;
  const seen = new Map<number, string>();
  const runs: SeedSummary[] = [];
  for (const { path, data } of files) {
    if (data.partial === true) throw new UsageError(`${path}: is the sweep.json of an interrupted sweep (partial: true); complete it first with \`npx raftsim sweep --resume ${path.replace(/[\\/]?sweep\.json$/, '') || '.'}\`.`);
    const a = first.data.sweep;
    const b = data.sweep;
    if (b.sourceDigest !== a.sourceDigest || b.scenario !== a.scenario) {
      throw new UsageError(`${path}: found a sweep of scenario ${b.scenario} (${b.ref}), expected the same scenario text as ${first.path} (${a.scenario}, ${a.ref}); only shards of one sweep can be merged.`);
    }
    if (JSON.stringify(b.overrides) !== JSON.stringify(a.overrides)) {
      throw new UsageError(`${path}: found overrides "${b.overrides.join(' ')}", expected "${a.overrides.join(' ')}" as in ${first.path}; only shards of one sweep can be merged.`);
    }
    for (const run of data.runs) {
      const other = seen.get(run.seed);
      if (other !== undefined) throw new UsageError(`${path}: found seed ${run.seed} again (it is also in ${other}), expected each seed in one input only.`);
      seen.set(run.seed, path);
      runs.push(run as unknown as SeedSummary);
    }
  }
  const sweep = first.data.sweep;
  const missingShards: string[] = [];
  const shards = files.map((file) => file.data.sweep.shard);
  if (shards.every((shard) => shard !== null) && files.every((file) => file.data.sweep.seeds === sweep.seeds)) {
    const count = shards[0]!.count;
    if (shards.every((shard) => shard!.count === count)) {
      const present = new Set(shards.map((shard) => shard!.index));
      for (let index = 1; index <= count; index++) if (!present.has(index)) missingShards.push(`${index}/${count}`);
    }
  }
  const identity = { scenario: sweep.scenario, ref: sweep.ref, overrides: sweep.overrides };
  const sorted = runs.sort((x, y) => x.seed - y.seed);
  const complete = missingShards.length === 0 && shards.every((shard) => shard !== null);
  const file: SweepFile = {
    raftsim: { sweepVersion: 1, version: raftsimVersion },
    sweep: {
      ...identity,
      source: sweep.source,
      sourceDigest: sweep.sourceDigest,
      seeds: complete || files.length === 1 ? sweep.seeds : sorted.map((run) => run.seed).join(','),
      shard: null,
      expectations: sweep.expectations,
      metricPaths: sweep.metricPaths,
    },
    partial: false,
    done: sorted.length,
    total: sorted.length,
    summary: summarizeSweep(identity, sorted, sweep.expectations),
    runs: sorted,
  };
  return { file, inputs: paths, missingShards };
}
