import {
  loadScenario,
  SHIPPED_SCENARIOS,
  shippedScenarioPath,
  type ShippedScenarioName,
} from './load-scenario';
import { parseScenario } from './parse-scenario';
import type { Scenario, ScenarioInput } from './scenario';

/**
 * Turns what a caller passed as `scenario` into a validated scenario: the name of a shipped
 * scenario (`demo`, `demo-paused`), a file path, a scenario object, or nothing (`demo`).
 */
export function resolveScenario(scenario: string | ScenarioInput | Scenario | undefined): Scenario {
  if (scenario === undefined) return loadScenario(shippedScenarioPath('demo'));
  if (typeof scenario === 'string') {
    const shipped = (SHIPPED_SCENARIOS as readonly string[]).includes(scenario);
    return loadScenario(shipped ? shippedScenarioPath(scenario as ShippedScenarioName) : scenario);
  }
  return parseScenario(scenario);
}
