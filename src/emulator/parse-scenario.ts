import { EmulatorScenarioError } from './errors';
import type { Scenario } from './scenario';

/**
 * Validates a scenario object and applies its defaults.
 *
 * @param input the parsed JSON of a scenario
 * @param source where it came from, for the error message
 * @default source `(inline scenario)`
 * @throws EmulatorScenarioError naming the path of the first bad field
 */
export function parseScenario(input: unknown, source = '(inline scenario)'): Scenario {
  // Loaded here, not with the package: only a started emulator (or a caller) parses scenarios.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ScenarioSchema } = require('./scenario-schemas') as typeof import('./scenario-schemas');
  const result = ScenarioSchema.safeParse(input);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { prettifyError } = require('zod') as typeof import('zod');
  throw new EmulatorScenarioError(source, formatPath(first.path), first.message, {
    cause: prettifyError(result.error),
  });
}

/** Renders a zod issue path as `projects[0].streams[1].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
