import { DisError, type DisErrorJson } from '../dis-error';
import { DisApiError, type DisApiErrorDetails } from './dis-api-error';
import { DisAuthError, type DisAuthErrorDetails } from './dis-auth-error';
import { DisConfigError, type DisConfigErrorDetails } from './dis-config-error';
import { DisNetworkError, type DisNetworkErrorDetails } from './dis-network-error';
import { DisResponseError, type DisResponseErrorDetails } from './dis-response-error';

/**
 * Rebuilds an error from its `toJSON()` form (for example after it crossed a worker boundary):
 * the client's classes by `code`, any other code as a plain {@link DisError} keeping its name.
 */
export function reviveDisError(json: DisErrorJson): DisError {
  const d = json.details as never;
  let error: DisError;
  switch (json.code) {
    case DisApiError.CODE:
      error = new DisApiError(json.message, d as DisApiErrorDetails);
      break;
    case DisAuthError.CODE:
      error = new DisAuthError(json.message, d as DisAuthErrorDetails);
      break;
    case DisNetworkError.CODE:
      error = new DisNetworkError(json.message, d as DisNetworkErrorDetails);
      break;
    case DisResponseError.CODE:
      error = new DisResponseError(json.message, d as DisResponseErrorDetails);
      break;
    case DisConfigError.CODE:
      error = new DisConfigError(json.message, d as DisConfigErrorDetails);
      break;
    default:
      error = new DisError(json.code, json.message, { ...json.details });
      error.name = json.name;
  }
  return error;
}
