import { DisLookupConfigError } from './errors';

/** How a lookup uses the context cache and the service. */
export enum LookupMode {
  /** Use the cached value if present; otherwise fetch and record it. The default. */
  AUTO = 'auto',
  /** Always fetch, and record the result. */
  REFRESH = 'refresh',
  /** Never fetch: cdktf context and the cache only; every missing key fails synth, listed in one error. */
  OFFLINE = 'offline',
  /** Always fetch, and record nothing. */
  LIVE = 'live',
}

/** The environment variable that selects the lookup mode. */
export const MODE_ENV_VAR = 'DIS_LOOKUP_MODE';

/** A mode and where it was chosen, so that errors can say what to change. */
export interface ResolvedLookupMode {
  /** The mode. */
  readonly mode: LookupMode;
  /** Where it came from: `prop`, `context`, `env` or `default`. */
  readonly from: 'prop' | 'context' | 'env' | 'default';
}

/**
 * Chooses the mode: the `mode` prop, then cdktf context `dis-transfer-tasks:mode`, then `DIS_LOOKUP_MODE`,
 * then `auto`. An unknown value is an error that names where it was set.
 */
export function resolveLookupMode(
  prop: string | undefined,
  contextValue: unknown,
  env: Readonly<Record<string, string | undefined>>,
): ResolvedLookupMode {
  if (prop !== undefined) return { mode: parseMode(prop, 'the `mode` prop'), from: 'prop' };
  if (contextValue !== undefined && contextValue !== null && contextValue !== '') {
    return { mode: parseMode(contextValue, 'cdktf context "dis-transfer-tasks:mode"'), from: 'context' };
  }
  const fromEnv = env[MODE_ENV_VAR];
  if (fromEnv !== undefined && fromEnv !== '') {
    return { mode: parseMode(fromEnv, `the environment variable ${MODE_ENV_VAR}`), from: 'env' };
  }
  return { mode: LookupMode.AUTO, from: 'default' };
}

function parseMode(value: unknown, where: string): LookupMode {
  const modes = Object.values(LookupMode) as string[];
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (text !== undefined && modes.includes(text)) return text as LookupMode;
  throw new DisLookupConfigError(
    `Unknown lookup mode ${JSON.stringify(value)} in ${where}. Use one of: ${modes.join(', ')}.`,
    { where },
  );
}
