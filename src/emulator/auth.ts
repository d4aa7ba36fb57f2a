// Authentication as the API gateway in front of DIS and IAM does it: an IAM token, or an
// SDK-HMAC-SHA256 signature verified with the client's own signer code, with the gateway's clock
// skew window and its lock on keys after repeated signature failures.
import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { computeSignature, parseAuthorization, parseSdkDate } from '../client/signing';
import { gatewayError, type EmulatorResponse } from './responses';
import type { CredentialKind } from './server';
import type { EmulatorState } from './state';

/** Who a request is: the credential kind and the projects it may use (`undefined` = all). */
export type Principal =
  | { readonly ok: true; readonly kind: CredentialKind; readonly projects?: readonly string[] }
  | { readonly ok: false; readonly kind: CredentialKind; readonly response: EmulatorResponse };

/**
 * Authenticates a request as the API gateway in front of DIS and IAM does: `X-Auth-Token` first,
 * else an SDK-HMAC-SHA256 `Authorization`. Failures are `401 APIGW.0301` whose message says
 * what was wrong and never echoes a credential.
 */
export function authenticate(
  req: SignedRequest,
  state: EmulatorState,
  lockout: KeyLockout,
  now: number,
): Principal {
  const token = headerOf(req.headers, 'x-auth-token');
  if (token !== undefined) {
    const grant = state.token(token);
    if (!grant) return deny('token', 'the token is invalid');
    if (grant.expiresAt !== undefined && grant.expiresAt <= now) return deny('token', 'the token expires');
    return { ok: true, kind: 'token', projects: grant.projects };
  }
  if (headerOf(req.headers, 'authorization') === undefined) {
    return deny('none', 'neither X-Auth-Token nor an Authorization header was sent');
  }
  const keys = state.credentials.accessKeys;
  const verdict = verifySignature(req, (ak) => keys.find((k) => k.accessKey === ak), lockout, now);
  if (!verdict.ok) return deny('aksk', verdict.reason);
  return { ok: true, kind: 'aksk', projects: keys.find((k) => k.accessKey === verdict.accessKey)?.projects };
}

function deny(kind: CredentialKind, reason: string): Principal {
  return { ok: false, kind, response: gatewayError('APIGW.0301', reason) };
}

/** The gateway's clock-skew tolerance for `X-Sdk-Date`: 15 minutes (research/dis-api.md §4b). */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

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

/**
 * Node lower-cases incoming header names, so a direct lookup is enough. (Node joins repeated
 * headers into one string; only a caller-built header object holds an array.)
 */
function headerOf(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** How the service treats repeated signature failures: research/dis-api.md §2.2 (APIG FAQ). */
export const LOCKOUT_POLICY = {
  /** A key is locked after more than this many consecutive failures. */
  maxConsecutiveFailures: 5,
  /** For this long. */
  lockMs: 5 * 60 * 1000,
} as const;

interface KeyRecord {
  failures: number;
  lockedUntil: number;
}

/**
 * Counts consecutive signature failures per access key and locks a key for five minutes once it
 * has failed more than five times in a row. A success clears the count. Time comes from the
 * injected clock, so tests need not wait.
 */
export class KeyLockout {
  private readonly keys = new Map<string, KeyRecord>();

  public constructor(private readonly clock: () => number) {}

  /** Milliseconds the key stays locked, or 0 when it is usable. */
  public lockedForMs(accessKey: string): number {
    const r = this.keys.get(accessKey);
    if (!r || r.lockedUntil === 0) return 0;
    const left = r.lockedUntil - this.clock();
    if (left > 0) return left;
    this.keys.delete(accessKey);
    return 0;
  }

  /** Records a failed signature; returns true when this failure locked the key. */
  public fail(accessKey: string): boolean {
    const r = this.keys.get(accessKey) ?? { failures: 0, lockedUntil: 0 };
    r.failures++;
    this.keys.set(accessKey, r);
    if (r.failures > LOCKOUT_POLICY.maxConsecutiveFailures) {
      r.lockedUntil = this.clock() + LOCKOUT_POLICY.lockMs;
      return true;
    }
    return false;
  }

  /** Records a good signature: the consecutive count starts again. */
  public succeed(accessKey: string): void {
    this.keys.delete(accessKey);
  }

  /** Forgets every count and lock. */
  public clear(): void {
    this.keys.clear();
  }
}
