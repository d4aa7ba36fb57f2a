import { DisError } from '../client/errors';

/** A lookup was configured in a way that cannot work (a bad mode, timeout or missing region/project). */
export class DisLookupConfigError extends DisError {
  public constructor(message: string, details: Record<string, unknown> = {}) {
    super('DIS_LOOKUP_CONFIG', message, details);
  }
}
