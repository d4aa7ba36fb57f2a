import { DisError } from '../dis-error';
import type { DisErrorContext } from './dis-error-context';

/** What is known about a refused authentication. */
export interface DisAuthErrorDetails extends DisErrorContext {
  /** The HTTP status code, when a service answered. */
  readonly httpStatus?: number;
  /** The service's error code, for example `APIGW.0301`, `DIS.4116` or `DIS.4309`. */
  readonly serviceCode?: string;
  /** The service's error message. */
  readonly serviceMessage?: string;
  /** Which credential source was used (`HW_ACCESS_KEY`, `options.credentials`, …); never its value. */
  readonly credentialSource?: string;
}

/**
 * The credentials were rejected or lack permission (HTTP 401/403/441, `APIGW.0301`, `DIS.41xx`,
 * `DIS.4309`), or IAM refused to issue a token. Code `DIS_AUTH_ERROR`. Never retried: an AK/SK is
 * locked for five minutes after five failed signatures.
 */
export class DisAuthError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_AUTH_ERROR';
  /** The HTTP status code, when a service answered. */
  public readonly httpStatus?: number;
  /** The service's error code. */
  public readonly serviceCode?: string;
  /** The `X-Request-Id` of the failing response. */
  public readonly requestId?: string;

  public constructor(message: string, details: DisAuthErrorDetails, options?: ErrorOptions) {
    super(DisAuthError.CODE, message, { ...details }, options);
    this.httpStatus = details.httpStatus;
    this.serviceCode = details.serviceCode;
    this.requestId = details.requestId;
  }
}
