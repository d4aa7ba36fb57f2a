import { signedHeaderNames } from './canonical-headers';
import { computeSignature } from './compute-signature';
import { formatSdkDate } from './sdk-date';
import { SIGNING_ALGORITHM } from './signing-constants';

/** An access key pair, optionally temporary. */
export interface SigningCredentials {
  /** Access key id (AK). */
  readonly accessKey: string;
  /** Secret access key (SK). */
  readonly secretKey: string;
  /** Security token of a temporary key pair; sent as `X-Security-Token`. */
  readonly securityToken?: string;
}

/** A request to sign. */
export interface SignRequestInput {
  /** HTTP method. */
  readonly method: string;
  /** The full URL that will be sent; its path and query must already be percent-encoded. */
  readonly url: URL;
  /** Headers to send and sign (for example `content-type`). Names in any case. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The exact body bytes that will be sent. */
  readonly body?: string | Uint8Array;
  /** The key pair. */
  readonly credentials: SigningCredentials;
  /** Sent (and signed) as `X-Project-Id` when given, as the official SDKs do. */
  readonly projectId?: string;
  /** The signing time. @default new Date() */
  readonly date?: Date;
}

/**
 * Signs a request with SDK-HMAC-SHA256 and returns the headers to send: the given headers (names
 * lower-cased) plus `host`, `x-sdk-date`, `x-project-id` and `x-security-token` when applicable,
 * all signed, and `authorization`. Call it once per attempt: the date is part of the signature.
 */
export function signRequest(input: SignRequestInput): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) headers[name.toLowerCase()] = value;
  headers.host = input.url.host;
  headers['x-sdk-date'] = formatSdkDate(input.date ?? new Date());
  if (input.projectId !== undefined) headers['x-project-id'] = input.projectId;
  if (input.credentials.securityToken !== undefined) {
    headers['x-security-token'] = input.credentials.securityToken;
  }
  const signed = signedHeaderNames(headers);
  const signature = computeSignature({
    method: input.method,
    path: input.url.pathname,
    query: input.url.search.replace(/^\?/, ''),
    headers,
    signedHeaders: signed,
    payload: input.body,
    sdkDate: headers['x-sdk-date'],
    secretKey: input.credentials.secretKey,
  });
  headers.authorization =
    `${SIGNING_ALGORITHM} Access=${input.credentials.accessKey}, ` +
    `SignedHeaders=${signed.join(';')}, Signature=${signature}`;
  return headers;
}
