#!/usr/bin/env node
// Compares the traces of the golden regression runs between two builds, line by line, so a golden-hash update
// can be read before it is accepted: `node scripts/trace-diff.mjs OLD_DIST NEW_DIST [--ignore-meta]`.
// OLD_DIST and NEW_DIST are dist/ folders (each with src/index.js). The runs are the keys of
// test/golden/hashes.json ("<scenario> seed <n> key=value ..."). For each run it prints `same`, or the first
// line that differs in both traces; with --ignore-meta the first line (the meta record, which lists every
// parameter) and the trace hash in the last line are left out, so a change that only adds a parameter shows as
// `same apart from meta`. Exit status 0 when every run is the same (under the chosen rule), 1 otherwise.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [oldDist, newDist, ...flags] = process.argv.slice(2);
if (oldDist === undefined || newDist === undefined) {
  process.stderr.write('usage: node scripts/trace-diff.mjs OLD_DIST NEW_DIST [--ignore-meta] [--only SUBSTRING]\n');
  process.exit(2);
}
const ignoreMeta = flags.includes('--ignore-meta');
const onlyAt = flags.indexOf('--only');
const only = onlyAt >= 0 ? flags[onlyAt + 1] : undefined;

async function load(dist) {
  return import(pathToFileURL(join(resolve(dist), 'src', 'index.js')).href);
}

/** "name seed 1 duration=10s checkQuorum=false" -> { name, seed, overrides }. */
function parseKey(key) {
  const [name, , seedText, ...pairs] = key.split(' ');
  const overrides = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const value = pair.slice(at + 1);
    overrides[pair.slice(0, at)] = value === 'true' ? true : value === 'false' ? false : value;
  }
  return { name, seed: Number(seedText), overrides };
}

function traceOf(api, run) {
  const sink = new api.MemorySink(50_000_000);
  const scenario = (api.findScenario ?? ((name) => api.builtinScenarios.find((s) => s.name === name)))(run.name);
  if (scenario === undefined) throw new Error(`no built-in scenario ${run.name} in this build`);
  api.runScenario(scenario.scenario, { seed: run.seed, overrides: run.overrides, trace: new api.Trace({ sink }) });
  return sink.lines;
}

function normalise(lines) {
  if (!ignoreMeta) return lines;
  const body = lines.slice(1);
  if (body.length > 0) body[body.length - 1] = body[body.length - 1].replace(/"hash":"[0-9a-f]+"/, '"hash":"-"');
  return body;
}

const [oldApi, newApi] = [await load(oldDist), await load(newDist)];
const keys = Object.keys(JSON.parse(readFileSync(join(process.cwd(), 'test', 'golden', 'hashes.json'), 'utf8')).runs).filter((key) => only === undefined || key.includes(only));
let differing = 0;
for (const key of keys) {
  const run = parseKey(key);
  const before = normalise(traceOf(oldApi, run));
  const after = normalise(traceOf(newApi, run));
  const length = Math.max(before.length, after.length);
  let first = -1;
  for (let k = 0; k < length; k++) {
    if (before[k] !== after[k]) {
      first = k;
      break;
    }
  }
  if (first < 0) {
    process.stdout.write(`same${ignoreMeta ? ' apart from meta' : ''}: ${key} (${before.length} lines)\n`);
    continue;
  }
  differing++;
  const lineNumber = first + (ignoreMeta ? 2 : 1);
  process.stdout.write(`DIFFERS: ${key} at line ${lineNumber}\n  old: ${(before[first] ?? '<end of trace>').slice(0, 400)}\n  new: ${(after[first] ?? '<end of trace>').slice(0, 400)}\n`);
}
process.stdout.write(`${keys.length - differing} of ${keys.length} runs the same\n`);
process.exit(differing === 0 ? 0 : 1);
