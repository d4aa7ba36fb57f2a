import type { IConstruct } from 'constructs';
import { DisConfigError, DisError } from '../client/errors';
import { DisLookupConfigError } from './errors';

/**
 * Runs one of the client's input checks for a lookup, before any cache read or request, and
 * re-throws its error as a `DisLookupConfigError` that starts with the construct path.
 */
export function checkLookupInput<T>(scope: IConstruct, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (!DisError.isDisError(e) || e.code !== DisConfigError.CODE) throw e;
    throw new DisLookupConfigError(`[${scope.node.path}] ${e.message}.`, {
      ...e.details,
      constructPath: scope.node.path,
    });
  }
}
