import { DisError } from '../client/errors';
import type { BridgeRequest } from './sync-bridge';
import { DisLookupConfigError, DisLookupFailedError, type LookupFailureSite } from './errors';
import { callBridge } from './sync-bridge';

/**
 * {@link callBridge} on behalf of a lookup: a coded failure (client or bridge) is wrapped in
 * `DisLookupFailedError`, which names the construct, stream, project and the fix and keeps the
 * original as `cause`. Configuration errors pass through unchanged: they already say what to fix.
 */
export function callLookupBridge<T>(site: LookupFailureSite, request: BridgeRequest): T {
  try {
    return callBridge<T>(request);
  } catch (e) {
    if (!DisError.isDisError(e) || e.code === DisLookupConfigError.CODE) throw e;
    throw new DisLookupFailedError(site, e);
  }
}
