import { DisError } from '../dis-error';
import type { DisErrorContext } from './dis-error-context';

/** What the service answered when it refused a request. */
export interface DisApiErrorDetails extends DisErrorContext {
  /** The HTTP status code. */
  readonly httpStatus: number;
  /** The service's error code, for example `DIS.4301` or `APIGW.0308`. */
  readonly serviceCode?: string;
  /** The service's error message. */
  readonly serviceMessage?: string;
  /** Whether the failure is worth retrying later (throttling, server errors). */
  readonly retryable: boolean;
}

/**
 * The DIS API (or the gateway in front of it) refused the request: stream not found, throttled,
 * server error, … Code `DIS_API_ERROR`. Authentication and permission failures are
 * {@link DisAuthError} instead.
 */
export class DisApiError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_API_ERROR';
  /** The HTTP status code. */
  public readonly httpStatus: number;
  /** The service's error code, when the body carried one. */
  public readonly serviceCode?: string;
  /** The service's error message, when the body carried one. */
  public readonly serviceMessage?: string;
  /** The `X-Request-Id` of the failing response. */
  public readonly requestId?: string;
  /** Attempts made, retries included. */
  public readonly attempts?: number;
  /** Whether retrying later may succeed. */
  public readonly retryable: boolean;

  public constructor(message: string, details: DisApiErrorDetails, options?: ErrorOptions) {
    super(DisApiError.CODE, message, { ...details }, options);
    this.httpStatus = details.httpStatus;
    this.serviceCode = details.serviceCode;
    this.serviceMessage = details.serviceMessage;
    this.requestId = details.requestId;
    this.attempts = details.attempts;
    this.retryable = details.retryable;
  }
}
