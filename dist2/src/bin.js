#!/usr/bin/env node
// The `raftsim` executable: parse argv, run, set the exit code. Never prints a stack trace: bad input is a
// one-paragraph message and exit 2; anything else is reported as an internal error (exit 70).
import { hideBin } from 'yargs/helpers';
// A closed pipe (e.g. `raftsim list | head -1`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
        if (error.code === 'EPIPE')
            process.exit(process.exitCode ?? 0);
        throw error;
    });
}
try {
    // Imported here so that a broken installation (e.g. an invalid built-in scenario file) is reported cleanly.
    const { main } = await import('./cli.js');
    process.exitCode = await main(hideBin(process.argv));
}
catch (error) {
    const { UsageError } = await import('./errors.js');
    if (error instanceof UsageError) {
        process.stderr.write(`raftsim: ${error.message}\n`);
        process.exitCode = 2;
    }
    else {
        process.stderr.write(`raftsim: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 70;
    }
}
//# sourceMappingURL=bin.js.map