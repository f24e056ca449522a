// Every raftsim command, in the order of `raftsim --help`.
import { bugsCommand } from './bugs.js';
import { checkCommand } from './check.js';
import type { RaftsimCommand } from './command.js';
import { compareCommand } from './compare.js';
import { experimentCommand } from './experiment.js';
import { exportCommand } from './export.js';
import { listCommand } from './list.js';
import { mergeCommand } from './merge.js';
import { replayCommand } from './replay.js';
import { reportCommand } from './report.js';
import { runCommand } from './run.js';
import { shrinkCommand } from './shrink.js';
import { sweepCommand } from './sweep.js';

export const commands: readonly RaftsimCommand[] = [listCommand, checkCommand, runCommand, sweepCommand, mergeCommand, reportCommand, compareCommand, exportCommand, replayCommand, shrinkCommand, bugsCommand, experimentCommand];
