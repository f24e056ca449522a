// A sweep worker thread: runs the seeds it is sent, one at a time, and posts a summary of each.
import { parentPort } from 'node:worker_threads';
import { summarizeSeed } from './result.js';
import { runScenario } from './run-scenario.js';

if (parentPort === null) throw new Error('sweep-worker.js must run as a worker thread');
const port = parentPort;
port.on('message', (job: { scenario: string; seed: number } | null) => {
  if (job === null) {
    port.close();
    return;
  }
  const { result, wallMs } = runScenario(job.scenario, job.seed);
  port.postMessage(summarizeSeed(result, wallMs));
});
