import { DisError } from '../dis-error';
import type { DisErrorContext } from './dis-error-context';

/** What is known about a failed exchange. */
export interface DisNetworkErrorDetails extends DisErrorContext {
  /**
   * The low-level cause: a socket error code (`ECONNREFUSED`, `UND_ERR_SOCKET`, …),
   * `ATTEMPT_TIMEOUT` or `DEADLINE_EXCEEDED`.
   */
  readonly causeCode: string;
}

/**
 * No usable answer arrived: connection refused or reset, DNS failure, per-attempt timeout or the
 * overall deadline. Code `DIS_NETWORK_ERROR`.
 */
export class DisNetworkError extends DisError {
  /** The stable code of this class. */
  public static readonly CODE = 'DIS_NETWORK_ERROR';
  /** The low-level cause code. */
  public readonly causeCode: string;
  /** Attempts made, retries included. */
  public readonly attempts?: number;

  public constructor(message: string, details: DisNetworkErrorDetails, options?: ErrorOptions) {
    super(DisNetworkError.CODE, message, { ...details }, options);
    this.causeCode = details.causeCode;
    this.attempts = details.attempts;
  }
}
