// A sweep worker thread: rebuilds the scenario from the text the main thread read, then runs the seeds it is
// sent, one at a time, and posts a summary of each (or the error that stopped it).
import { parentPort, workerData } from 'node:worker_threads';
import { UsageError } from './errors.js';
import { preloadRaftModule } from './raft-module.js';
import { runSeed, workerScenario } from './sweep.js';
if (parentPort === null)
    throw new Error('sweep-worker.js must run as a worker thread');
const port = parentPort;
const setup = workerData;
// A user's Raft module (--raft) loads in every worker before its first seed.
await preloadRaftModule(setup.overrides);
const scenario = workerScenario(setup);
port.on('message', (seed) => {
    if (seed === null) {
        port.close();
        return;
    }
    try {
        port.postMessage({ summary: runSeed(setup, scenario, seed) });
    }
    catch (error) {
        port.postMessage({ error: error instanceof Error ? error.message : String(error), usage: error instanceof UsageError, seed });
    }
});
//# sourceMappingURL=sweep-worker.js.map