import { DisError } from '../client/errors';

/**
 * The exit codes of `dis-transfer-tasks`, documented in the README and stable across versions:
 * a pipeline can tell "the tasks are unhealthy" from "the check could not run".
 */
export enum ExitCode {
  /** Everything checked is healthy (or the command did what it was asked). */
  OK = 0,
  /** The check ran and found problems with the transfer tasks. */
  FINDINGS = 1,
  /** The command line or the configuration (credentials, region, project, files) is wrong. */
  USAGE = 2,
  /** The service or the network failed: DIS or IAM answered with an error, or could not be reached. */
  SERVICE = 3,
}

/**
 * Error codes that mean "the service or the network failed". Every other `DisError` code (bad
 * configuration, credentials, gate files, context files, scenarios, options) means "fix your
 * configuration": new error classes default to the side the user can act on.
 */
const SERVICE_CODES = new Set(['DIS_API_ERROR', 'DIS_NETWORK_ERROR', 'DIS_RESPONSE_INVALID']);

/**
 * Service error codes (Huawei's `error_code`) that the caller can fix by changing what it asks
 * for: a stream or project that does not exist, missing permissions. Source: the DIS API error
 * table (https://support.huaweicloud.com/intl/en-us/api-dis/ErrorCode.html).
 */
const CONFIGURATION_SERVICE_CODES = new Set(['DIS.4117', 'DIS.4116', 'DIS.4301', 'DIS.4354']);

/**
 * The exit code for an error that stopped a command: {@link ExitCode.SERVICE} when the service
 * or the network failed, and for unexpected errors (bugs); {@link ExitCode.USAGE} for everything
 * the user fixes in the command line, environment or files, including a service answer that
 * says a stream or project does not exist or that permissions are missing.
 */
export function exitCodeForError(error: unknown): ExitCode {
  if (!DisError.isDisError(error)) {
    return ExitCode.SERVICE;
  }
  if (!SERVICE_CODES.has(error.code)) {
    return ExitCode.USAGE;
  }
  const serviceCode = error.details.serviceCode ?? error.details.errorCode;
  if (typeof serviceCode === 'string' && CONFIGURATION_SERVICE_CODES.has(serviceCode)) {
    return ExitCode.USAGE;
  }
  return ExitCode.SERVICE;
}
