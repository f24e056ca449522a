#!/usr/bin/env node
// The `raftsim` executable: parse argv, run, set the exit code. Never prints a stack trace for bad input.
import { hideBin } from 'yargs/helpers';
import { main } from './cli.js';

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`raftsim: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
