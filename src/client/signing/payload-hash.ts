import { createHash } from 'node:crypto';
import { type HeaderMap, headerValue } from './header-value';
import { CONTENT_SHA256_HEADER, EMPTY_PAYLOAD_HASH } from './signing-constants';

/**
 * The payload hash of the canonical request: the `X-Sdk-Content-Sha256` header when present,
 * else the lower-case hex SHA-256 of the exact body bytes sent (a string is hashed as UTF-8).
 */
export function payloadHash(payload: string | Uint8Array | undefined, headers: HeaderMap = {}): string {
  const declared = headerValue(headers, CONTENT_SHA256_HEADER);
  if (declared !== undefined) return declared;
  if (payload === undefined || payload.length === 0) return EMPTY_PAYLOAD_HASH;
  return createHash('sha256').update(payload).digest('hex');
}
