import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmulatorScenarioError } from './errors';
import { parseScenario } from './parse-scenario';
import type { Scenario } from './scenario';

/** Names of the scenarios shipped in the package's `scenarios/` folder. */
export const SHIPPED_SCENARIOS = ['demo', 'demo-paused'] as const;

/** One of {@link SHIPPED_SCENARIOS}. */
export type ShippedScenarioName = (typeof SHIPPED_SCENARIOS)[number];

/** The absolute path of a scenario shipped with the package (`scenarios/<name>.json`). */
export function shippedScenarioPath(name: ShippedScenarioName): string {
  // Both src/emulator (ts-jest) and lib/emulator (built) sit two levels below the package root.
  return join(__dirname, '..', '..', 'scenarios', `${name}.json`);
}

/**
 * Reads and validates a scenario file.
 *
 * @throws EmulatorScenarioError when the file cannot be read, is not JSON, or fails validation
 */
export function loadScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new EmulatorScenarioError(
      file,
      '',
      `the file cannot be read (${(e as NodeJS.ErrnoException).code})`,
      {
        cause: e,
      },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new EmulatorScenarioError(file, '', `it is not JSON (${(e as Error).message})`, { cause: e });
  }
  return parseScenario(json, file);
}
