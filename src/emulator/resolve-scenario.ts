import { loadScenario, shippedScenarioPath } from './load-scenario';
import { parseScenario } from './parse-scenario';
import type { Scenario, ScenarioInput } from './scenario';

/**
 * Turns what a caller passed as `scenario` into a validated scenario: a file path, a scenario
 * object, or nothing (the shipped `scenarios/demo.json`).
 */
export function resolveScenario(scenario: string | ScenarioInput | Scenario | undefined): Scenario {
  if (scenario === undefined) return loadScenario(shippedScenarioPath('demo'));
  if (typeof scenario === 'string') return loadScenario(scenario);
  return parseScenario(scenario);
}
