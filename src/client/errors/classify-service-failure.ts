/** How the client treats a non-2xx answer. */
export interface ServiceFailureClass {
  /** Credentials or permission problem: becomes a `DisAuthError`, never retried. */
  readonly auth: boolean;
  /** Worth another attempt (GET only). */
  readonly retryable: boolean;
  /** The service asked to slow down: the next delay is at least the throttling minimum. */
  readonly throttled: boolean;
}

/** Service codes that mean "slow down" (DIS traffic control, too many requests, gateway throttling). */
const THROTTLING_CODES = new Set(['DIS.4303', 'DIS.4305', 'APIGW.0308', 'APIG.0308']);
/** Service codes that mean "try again" without being throttling. */
const TRANSIENT_CODES = new Set(['DIS.5000']);
/**
 * Codes that must never be retried: `DIS.4309` (the caller's IP is blacklisted after repeated
 * failures; more calls prolong it), gateway authentication failures and DIS's own signature and
 * permission errors (an AK/SK is locked after five failed signatures).
 */
function isAuthCode(code: string): boolean {
  return (
    code === 'DIS.4309' ||
    code === 'DIS.4116' ||
    /^DIS\.41\d\d$/.test(code) ||
    /^APIG(W)?\.030[0-7]$/.test(code)
  );
}

/**
 * Classifies a failed response by HTTP status and service code (read from the body).
 * Retried: 429, 500, 502, 503, 504, `DIS.4303`, `DIS.4305`, `DIS.5000`, `APIGW.0308`.
 * Never: 401, 403, 441, signature and permission codes, `DIS.4309`, any other 4xx.
 */
export function classifyServiceFailure(
  httpStatus: number,
  serviceCode: string | undefined,
): ServiceFailureClass {
  const code = serviceCode ?? '';
  if (httpStatus === 401 || httpStatus === 403 || httpStatus === 441 || isAuthCode(code)) {
    return { auth: true, retryable: false, throttled: false };
  }
  if (httpStatus === 429 || THROTTLING_CODES.has(code))
    return { auth: false, retryable: true, throttled: true };
  if (TRANSIENT_CODES.has(code) || [500, 502, 503, 504].includes(httpStatus)) {
    return { auth: false, retryable: true, throttled: false };
  }
  return { auth: false, retryable: false, throttled: false };
}
