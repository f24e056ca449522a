// The built-in scenario library. Each scenario opens with the question it answers.
import { defaultClusterOptions } from '../sim/cluster.js';
import { allChaosKinds } from '../sim/nemesis.js';
import { defaultChaosOptions, defaultSimulationOptions, nodeIdsFor, type SimulationOptions } from '../sim/simulate.js';
import { defaultWorkloadOptions } from '../sim/workload.js';

export interface BuiltinScenario {
  readonly name: string;
  /** The question the scenario answers, in one line. */
  readonly question: string;
  /** Builds the run's options for a seed. Everything not given here comes from the defaults. */
  readonly build: (seed: number) => SimulationOptions;
}

function cluster(nodes: number): ReturnType<typeof defaultClusterOptions> {
  return defaultClusterOptions(nodeIdsFor(nodes));
}

export const builtinScenarios: readonly BuiltinScenario[] = [
  {
    name: 'steady-state',
    question: 'How does a healthy 5-node cluster behave: heartbeats, commit latency, log growth, messages per second?',
    build: (seed) => {
      const base = cluster(5);
      return defaultSimulationOptions({
        scenario: 'steady-state',
        seed,
        cluster: { ...base, link: { ...base.link, dropChance: 0.01 } },
        workload: { ...defaultWorkloadOptions, ratePerSecond: 200 },
        durationUs: 60_000_000,
      });
    },
  },
  {
    name: 'leader-crash',
    question: 'How long is a 5-node cluster without a leader when the leader process dies, and how many elections does it take?',
    build: (seed) =>
      defaultSimulationOptions({
        scenario: 'leader-crash',
        seed,
        cluster: cluster(5),
        faults: [
          { atUs: 2_000_000, fault: { kind: 'crash', node: 'leader' } },
          { atUs: 6_000_000, fault: { kind: 'restart-all' } },
          { atUs: 8_000_000, fault: { kind: 'crash', node: 'leader' } },
          { atUs: 12_000_000, fault: { kind: 'restart-all' } },
        ],
        durationUs: 15_000_000,
      }),
  },
  {
    name: 'random-chaos',
    question: 'Does Raft stay safe and recover under everything at once: crashes, restarts, pauses, every partition shape, 5% drop, reordering, duplication, clock skew, drift and steps?',
    build: (seed) => {
      const base = cluster(5);
      return defaultSimulationOptions({
        scenario: 'random-chaos',
        seed,
        cluster: {
          ...base,
          link: { ...base.link, dropChance: 0.05, reorderChance: 0.05, duplicateChance: 0.01 },
        },
        chaos: { ...defaultChaosOptions, kinds: allChaosKinds, meanGapUs: 700_000 },
        durationUs: 30_000_000,
        livenessBoundUs: 15_000_000,
      });
    },
  },
];

export function findScenario(name: string): BuiltinScenario | undefined {
  return builtinScenarios.find((scenario) => scenario.name === name);
}
