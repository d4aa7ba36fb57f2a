import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { computeSignature, parseAuthorization, parseSdkDate } from '../../client/signing';
import type { KeyLockout } from './key-lockout';

/** The gateway's clock-skew tolerance for `X-Sdk-Date`: 15 minutes (research/dis-api.md §4b). */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** An access key as the verifier knows it. */
export interface KnownAccessKey {
  /** The secret key. */
  readonly secretKey: string;
  /** Set for temporary keys: the request must carry it in `X-Security-Token`. */
  readonly securityToken?: string;
  /** Expiry of a temporary key, ISO-8601. */
  readonly expiresAt?: string;
}

/** What the verifier received. */
export interface SignedRequest {
  /** HTTP method. */
  readonly method: string;
  /** Raw path, still percent-encoded. */
  readonly path: string;
  /** Raw query without `?`. */
  readonly query: string;
  /** Node's lower-cased request headers. */
  readonly headers: IncomingHttpHeaders;
  /** The exact body bytes. */
  readonly payload: Uint8Array;
}

/** The verdict: the access key on success, or why not (safe to send: no secret in it). */
export type SignatureVerdict =
  | { readonly ok: true; readonly accessKey: string }
  | { readonly ok: false; readonly accessKey?: string; readonly reason: string };

/**
 * Verifies an SDK-HMAC-SHA256 signature the way the API gateway does: over exactly the headers
 * named in `SignedHeaders` (which must include `x-sdk-date`), with `X-Sdk-Date` within 15 minutes
 * of the clock, `X-Security-Token` for temporary keys, and a lock after repeated failures.
 * The signature itself comes from the client's `computeSignature`; this file adds only the checks
 * around it.
 */
export function verifySignature(
  req: SignedRequest,
  keys: (accessKey: string) => KnownAccessKey | undefined,
  lockout: KeyLockout,
  now: number,
): SignatureVerdict {
  const auth = parseAuthorization(headerOf(req.headers, 'authorization'));
  if (!auth)
    return {
      ok: false,
      reason: 'the Authorization header is not SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…',
    };
  const { accessKey } = auth;
  const key = keys(accessKey);
  if (!key) return { ok: false, accessKey, reason: 'the access key does not exist' };
  if (key.expiresAt !== undefined && Date.parse(key.expiresAt) <= now) {
    return { ok: false, accessKey, reason: 'the temporary access key has expired; get a new one' };
  }
  const locked = lockout.lockedForMs(accessKey);
  if (locked > 0) {
    return {
      ok: false,
      accessKey,
      reason: `the access key is locked for ${Math.ceil(locked / 1000)} s after more than five consecutive signature failures`,
    };
  }
  const problem = check(req, auth.signedHeaders, auth.signature, key, now);
  if (problem === undefined) {
    lockout.succeed(accessKey);
    return { ok: true, accessKey };
  }
  lockout.fail(accessKey);
  return { ok: false, accessKey, reason: problem };
}

function check(
  req: SignedRequest,
  signedHeaders: readonly string[],
  signature: string,
  key: KnownAccessKey,
  now: number,
): string | undefined {
  if (!signedHeaders.includes('x-sdk-date')) return 'SignedHeaders must include x-sdk-date';
  const missing = signedHeaders.find((h) => headerOf(req.headers, h) === undefined);
  if (missing !== undefined) return `the signed header ${missing} is not in the request`;
  const sdkDate = headerOf(req.headers, 'x-sdk-date') ?? '';
  const date = parseSdkDate(sdkDate);
  if (!date) return 'X-Sdk-Date is not YYYYMMDDTHHmmssZ';
  if (Math.abs(date.getTime() - now) > MAX_CLOCK_SKEW_MS) {
    return 'X-Sdk-Date differs from the server time by more than 15 minutes; check the client clock';
  }
  if (
    key.securityToken !== undefined &&
    !equal(headerOf(req.headers, 'x-security-token') ?? '', key.securityToken)
  ) {
    return 'a temporary access key needs its X-Security-Token';
  }
  // Only what the signature covers: the signed headers and the declared payload hash.
  const covered: Record<string, string | undefined> = {
    'x-sdk-content-sha256': headerOf(req.headers, 'x-sdk-content-sha256'),
  };
  for (const name of signedHeaders) covered[name] = headerOf(req.headers, name);
  const expected = computeSignature({
    method: req.method,
    path: req.path,
    query: req.query,
    headers: covered,
    signedHeaders,
    payload: req.payload,
    sdkDate,
    secretKey: key.secretKey,
  });
  return equal(signature, expected) ? undefined : 'verify aksk signature fail';
}

/** Node lower-cases incoming header names, so a direct lookup is enough. */
function headerOf(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
