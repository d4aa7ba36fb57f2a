// The package's error registry: every coded error class, by the part that raises it. Each class
// writes its code once (`static CODE`); this is the one list of them. The `cdktf-dis-transfer-tasks/errors`
// entry point. Match errors on `code` (or `DisError.isDisError`), not on `instanceof`.
import { ASSERTION_ERRORS } from './assertion/errors';
import { CLI_ERRORS } from './cli/errors';
import {
  CLIENT_ERRORS,
  reviveDisError as reviveFrom,
  type DisError,
  type DisErrorClass,
  type DisErrorJson,
} from './client/errors';
import { EMULATOR_ERRORS } from './emulator/errors';
import { LOOKUP_ERRORS } from './lookup/errors';

export * from './assertion/errors';
export { CliUsageError, CLI_ERRORS } from './cli/errors';
export {
  CLIENT_ERRORS,
  DisApiError,
  DisAuthError,
  DisConfigError,
  DisError,
  DisNetworkError,
  DisResponseError,
  ErrorKind,
  type DisApiErrorDetails,
  type DisAuthErrorDetails,
  type DisConfigErrorDetails,
  type DisErrorClass,
  type DisErrorContext,
  type DisErrorJson,
  type DisNetworkErrorDetails,
  type DisResponseErrorDetails,
} from './client/errors';
export * from './emulator/errors';
export {
  DisBridgeError,
  DisContextFileError,
  DisContextLockError,
  DisContextValueError,
  DisLookupConfigError,
  DisLookupFailedError,
  DisLookupMissingError,
  DisLookupTokenError,
  LOOKUP_ERRORS,
  type LookupFailureSite,
  type MissingLookup,
} from './lookup/errors';

/** Every coded error class of the package, by the part that raises it. */
export const ERROR_FAMILIES: Readonly<
  Record<'client' | 'emulator' | 'lookup' | 'assertion' | 'cli', readonly DisErrorClass[]>
> = {
  client: CLIENT_ERRORS,
  emulator: EMULATOR_ERRORS,
  lookup: LOOKUP_ERRORS,
  assertion: ASSERTION_ERRORS,
  cli: CLI_ERRORS,
};

/** Every coded error class of the package: the one list of error codes. */
export const ERROR_CLASSES: readonly DisErrorClass[] = Object.values(ERROR_FAMILIES).flat();

/**
 * Rebuilds an error of this package from its `toJSON()` form (for example after it crossed a
 * worker or a process): the class with the same code, or a plain `DisError` for an unknown code.
 */
export function reviveDisError(json: DisErrorJson): DisError {
  return reviveFrom(json, ERROR_CLASSES);
}
