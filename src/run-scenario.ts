// Runs one built-in scenario for one seed (shared by the CLI, the sweep workers and the public API).
import { findScenario, builtinScenarios } from '../scenarios/builtin.js';
import { simulate, type SimulationOptions, type SimulationResult } from '../sim/simulate.js';
import { Trace } from '../sim/trace.js';
import { UsageError } from './errors.js';

export function scenarioOptions(name: string, seed: number): SimulationOptions {
  const scenario = findScenario(name);
  if (scenario === undefined) {
    throw new UsageError(`unknown scenario "${name}": the built-in scenarios are ${builtinScenarios.map((s) => s.name).join(', ')} (see \`raftsim list\`).`);
  }
  return scenario.build(seed);
}

export function runScenario(name: string, seed: number, trace: Trace = new Trace()): { result: SimulationResult; wallMs: number } {
  const options = scenarioOptions(name, seed);
  const started = performance.now();
  const result = simulate(options, trace);
  return { result, wallMs: performance.now() - started };
}
