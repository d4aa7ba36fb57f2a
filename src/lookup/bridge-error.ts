import { DisError } from '../client/errors';

/** The synchronous bridge to the lookup worker failed (no worker file, timeout, worker crash). */
export class DisBridgeError extends DisError {
  public constructor(message: string, details: Record<string, unknown> = {}, cause?: unknown) {
    super('DIS_LOOKUP_BRIDGE', message, details, cause === undefined ? undefined : { cause });
  }
}
