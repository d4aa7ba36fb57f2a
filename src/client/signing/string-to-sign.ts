import { createHash } from 'node:crypto';
import { SIGNING_ALGORITHM } from './signing-constants';

/** `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex SHA-256 of the canonical request>`. */
export function stringToSign(sdkDate: string, canonicalRequestText: string): string {
  const hash = createHash('sha256').update(canonicalRequestText, 'utf8').digest('hex');
  return `${SIGNING_ALGORITHM}\n${sdkDate}\n${hash}`;
}
