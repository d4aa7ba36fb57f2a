import { createHmac } from 'node:crypto';
import { canonicalHeaders } from './canonical-headers';
import { canonicalQuery } from './canonical-query';
import { canonicalRequest } from './canonical-request';
import { canonicalUri } from './canonical-uri';
import type { HeaderMap } from './header-value';
import { payloadHash } from './payload-hash';
import { stringToSign } from './string-to-sign';

/** Everything a signature covers, as a verifier sees it on the wire. */
export interface SignatureInput {
  /** HTTP method, any case. */
  readonly method: string;
  /** The request path as received: still percent-encoded, no query. */
  readonly path: string;
  /** The raw query string, without `?`; `''` when there is none. */
  readonly query: string;
  /** Request headers; names in any case (verifiers pass Node's lower-case `req.headers`). */
  readonly headers: HeaderMap;
  /** Lower-case names of the signed headers, sorted (`SignedHeaders=` split on `;`). */
  readonly signedHeaders: readonly string[];
  /** The exact body bytes; `undefined` or empty for none. */
  readonly payload?: string | Uint8Array;
  /** The `X-Sdk-Date` value, `YYYYMMDDTHHmmssZ`. */
  readonly sdkDate: string;
  /** The secret key. Only used as the HMAC key; never stored or echoed. */
  readonly secretKey: string;
}

/**
 * The lower-case hex SDK-HMAC-SHA256 signature of a request: HMAC-SHA256 keyed with the secret
 * key (UTF-8, no derived key) over the string to sign. The emulator's verifier calls this with the
 * values it received, so it must be a pure function of them.
 */
export function computeSignature(input: SignatureInput): string {
  const canonical = canonicalRequest({
    method: input.method.toUpperCase(),
    canonicalUri: canonicalUri(input.path),
    canonicalQuery: canonicalQuery(input.query),
    canonicalHeaders: canonicalHeaders(input.headers, input.signedHeaders),
    signedHeaders: input.signedHeaders.join(';'),
    payloadHash: payloadHash(input.payload, input.headers),
  });
  return createHmac('sha256', input.secretKey).update(stringToSign(input.sdkDate, canonical)).digest('hex');
}
