import { DisError } from '../dis-error';
import type { DisErrorContext } from './dis-error-context';

/** Why a response could not be used. */
export interface DisResponseErrorDetails extends DisErrorContext {
  /** The HTTP status code. */
  readonly httpStatus: number;
  /** `BODY_TOO_LARGE`, `NOT_JSON` or `SCHEMA_MISMATCH`. */
  readonly reason: 'BODY_TOO_LARGE' | 'NOT_JSON' | 'SCHEMA_MISMATCH' | 'PAGING_STALLED';
  /** For `SCHEMA_MISMATCH`: the issues, each `path: message`. */
  readonly issues?: string[];
}

/**
 * A 2xx response the client cannot use: over 1 MiB, not JSON, or not the documented shape (the
 * zod issue path is named). Code `DIS_RESPONSE_INVALID`.
 */
export class DisResponseError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_RESPONSE_INVALID';
  /** Why the response was refused. */
  public readonly reason: DisResponseErrorDetails['reason'];
  /** The HTTP status code. */
  public readonly httpStatus: number;
  /** The `X-Request-Id` of the response. */
  public readonly requestId?: string;

  public constructor(message: string, details: DisResponseErrorDetails, options?: ErrorOptions) {
    super(DisResponseError.CODE, message, { ...details }, options);
    this.reason = details.reason;
    this.httpStatus = details.httpStatus;
    this.requestId = details.requestId;
  }
}
