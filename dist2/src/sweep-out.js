// The output directory of `sweep --out DIR` while a sweep runs: DIR/seeds.jsonl gets one line per finished seed
// the moment it finishes (a synchronous append, so a crash, a kill or Ctrl-C never loses a finished seed), and
// DIR/sweep.json is rewritten whole (temporary file, then rename) with "partial": true until every seed is in.
// `sweep --resume DIR` reads both back and runs only the missing seeds.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './errors.js';
import { writeFileAtomic } from './files.js';
import { sweepJsonText } from './sweep.js';
export const seedsFile = 'seeds.jsonl';
/** Starts a fresh sweep in `dir`: an empty seeds.jsonl. */
export function startSeedsFile(dir) {
    const path = join(dir, seedsFile);
    try {
        writeFileSync(path, '');
    }
    catch (error) {
        throw new UsageError(`--out: ${path} cannot be written (${error.code ?? String(error)}); expected a writable directory.`);
    }
}
/** Appends one finished seed to DIR/seeds.jsonl. */
export function appendSeed(dir, summary) {
    appendFileSync(join(dir, seedsFile), JSON.stringify(summary) + '\n');
}
/** The seeds DIR/seeds.jsonl holds, once each, among `wanted`; a last line cut short by a crash is ignored. */
export function readSeeds(dir, wanted) {
    const path = join(dir, seedsFile);
    let text = '';
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (error) {
        if (error.code !== 'ENOENT')
            throw new UsageError(`${path}: cannot be read (${error.code ?? String(error)}).`);
    }
    const bySeed = new Map();
    const lines = text.split('\n');
    lines.forEach((line, index) => {
        if (line.trim() === '')
            return;
        let summary;
        try {
            summary = JSON.parse(line);
        }
        catch {
            if (index === lines.length - 1)
                return; // torn by a crash while appending: that seed runs again
            throw new UsageError(`${path} line ${index + 1}: found text that is not JSON; expected one finished seed per line, as written by \`raftsim sweep --out\`.`);
        }
        if (typeof summary.seed === 'number' && wanted.has(summary.seed))
            bySeed.set(summary.seed, summary);
    });
    return [...bySeed.values()];
}
export function writeSweepJson(dir, file) {
    writeFileAtomic(join(dir, 'sweep.json'), sweepJsonText(file));
}
//# sourceMappingURL=sweep-out.js.map