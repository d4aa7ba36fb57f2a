import type { Construct } from 'constructs';
import { Enforcement } from './enforcement';
import { GateConfigError } from './errors';

/** The cdktf context key that sets the enforcement of every gate in the app. */
export const ENFORCEMENT_CONTEXT_KEY = 'dis-transfer-tasks:enforcement';
/** The environment variable that sets the enforcement of every gate for one run. */
export const ENFORCEMENT_ENV_VAR = 'DIS_GATE_ENFORCEMENT';

/** An enforcement and where it was chosen. */
export interface ResolvedEnforcement {
  /** The enforcement in effect. */
  readonly enforcement: Enforcement;
  /** Where it came from: `env`, `context`, `prop` or `default`. */
  readonly from: 'env' | 'context' | 'prop' | 'default';
}

/**
 * Chooses a gate's enforcement: `DIS_GATE_ENFORCEMENT`, then cdktf context
 * `dis-transfer-tasks:enforcement`, then the prop, then `SYNTH`. The operator's settings win over
 * the prop on purpose: they exist for one run that must get past a failing gate, such as
 * `DIS_GATE_ENFORCEMENT=WARN cdktf destroy`. Values are case-insensitive.
 * @throws GateConfigError when a value is not an {@link Enforcement}
 */
export function resolveEnforcement(
  construct: Construct,
  prop: Enforcement | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ResolvedEnforcement {
  const fromEnv = env[ENFORCEMENT_ENV_VAR];
  if (fromEnv !== undefined && fromEnv !== '')
    return { enforcement: parse(fromEnv, `environment variable ${ENFORCEMENT_ENV_VAR}`), from: 'env' };
  const fromContext: unknown = construct.node.tryGetContext(ENFORCEMENT_CONTEXT_KEY);
  if (fromContext !== undefined)
    return { enforcement: parse(fromContext, `cdktf context "${ENFORCEMENT_CONTEXT_KEY}"`), from: 'context' };
  if (prop !== undefined)
    return { enforcement: parse(prop, `prop enforcement of ${construct.node.path}`), from: 'prop' };
  return { enforcement: Enforcement.SYNTH, from: 'default' };
}

function parse(value: unknown, where: string): Enforcement {
  const upper = typeof value === 'string' ? value.toUpperCase() : value;
  if ((Object.values(Enforcement) as unknown[]).includes(upper)) return upper as Enforcement;
  throw new GateConfigError(
    `The ${where} is ${JSON.stringify(value)}, which is not an enforcement; use one of ${Object.values(Enforcement).join(', ')}.`,
    { source: where },
  );
}
