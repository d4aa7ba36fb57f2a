import { DisError } from '../client/errors';

/**
 * Gate rules, a gate file or a snapshot handed to the gate are malformed (code
 * `DIS_GATE_CONFIG_INVALID`). The message names the field and the fix.
 */
export class GateConfigError extends DisError {
  public constructor(message: string, details: Record<string, unknown> = {}) {
    super('DIS_GATE_CONFIG_INVALID', message, details);
  }
}
