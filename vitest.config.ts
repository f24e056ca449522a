import { defineConfig } from 'vitest/config';

// Two projects, so that a change can be checked in seconds (`npm run test:unit`: the pure modules, the kernel,
// the checkers on hand-built states) before the whole suite (`npm test` runs both). The integration project holds
// every file that runs built-in scenarios, sweeps, the command line or the reports end to end.
const integration = [
  'test/api.test.ts',
  'test/bench-profile.test.ts',
  'test/bug-regressions.test.ts',
  'test/catch-up.test.ts',
  'test/cli-e2e.test.ts',
  'test/cli-text.test.ts',
  'test/cli.test.ts',
  'test/cluster.test.ts',
  'test/compaction-scenarios.test.ts',
  'test/compaction.test.ts',
  'test/coverage.test.ts',
  'test/datacenters.test.ts',
  'test/determinism.test.ts',
  'test/experiment-drift.test.ts',
  'test/experiment-incident.test.ts',
  'test/exploration.test.ts',
  'test/host-bugs.test.ts',
  'test/linearizability-runs.test.ts',
  'test/raft-module.test.ts',
  'test/reads.test.ts',
  'test/report-cli.test.ts',
  'test/reports-*.test.ts',
  'test/scenario-api.test.ts',
  'test/scenario-fuzz.test.ts',
  'test/scenarios.test.ts',
  'test/seed-property.test.ts',
  'test/shrink.test.ts',
  'test/sweep-interrupt.test.ts',
  'test/trace-contract.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    pool: 'threads',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: integration } },
      { extends: true, test: { name: 'integration', include: integration } },
    ],
  },
});
