// The SDK-HMAC-SHA256 signer of Huawei Cloud's API gateway, as pure functions: the canonical
// request (URI, query, headers, payload hash) → the string to sign → the signature; signing a
// request a client sends; parsing the `Authorization` header a verifier receives. The emulator's
// verifier and the contract tests import it too, so it uses node:crypto and nothing else.
import { createHash, createHmac } from 'node:crypto';

/** The algorithm name that opens every `Authorization` header and string to sign. */
export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';

/** The signing-date header; it must be among the signed headers. */
export const SDK_DATE_HEADER = 'x-sdk-date';

/** A header whose value, when present, replaces the payload hash (for example `UNSIGNED-PAYLOAD`). */
export const CONTENT_SHA256_HEADER = 'x-sdk-content-sha256';

/** Lower-case hex SHA-256 of the empty payload. */
export const EMPTY_PAYLOAD_HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

// ---------------------------------------------------------------------------------------------
// Encoding, headers and dates

/**
 * Percent-encodes `value` as the signer requires: UTF-8 bytes, RFC 3986 unreserved characters
 * (`A-Z a-z 0-9 - _ . ~`) kept, everything else as `%XX` with upper-case hex.
 *
 * `encodeURIComponent` keeps `! ' ( ) *` as well, so those five are escaped on top.
 * A lone UTF-16 surrogate cannot be encoded and throws a `URIError`, as the official Node signer does.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Decodes one percent-encoded component as received on the wire. A component that is not valid
 * percent-encoding is returned unchanged, so it is then encoded literally (`%` → `%25`).
 *
 * @param plusIsSpace decode `+` as a space (query strings, as Go's `url.ParseQuery` does)
 */
export function percentDecode(value: string, plusIsSpace = false): string {
  const text = plusIsSpace ? value.replace(/\+/g, ' ') : value;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A header value as Node and undici hand it over: one string, several, or none. */
export type HeaderValue = string | readonly string[] | undefined;

/** Header names (any case) to values. */
export type HeaderMap = Readonly<Record<string, HeaderValue>>;

/**
 * Looks a header up by name, ignoring case, and returns its value with repeated values joined by
 * `,` (RFC 9110 §5.3). `undefined` when absent.
 */
export function headerValue(headers: HeaderMap, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === 'string' ? value : value.join(',');
  }
  return undefined;
}

/** Formats `date` as the `X-Sdk-Date` value: UTC, ISO 8601 basic, `YYYYMMDDTHHmmssZ`. */
export function formatSdkDate(date: Date): string {
  return `${date.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

/** Parses an `X-Sdk-Date` value; `undefined` when it is not `YYYYMMDDTHHmmssZ`. */
export function parseSdkDate(value: string): Date | undefined {
  // no anchors: a match counts only when the date formats back to the whole value (below)
  const m = /(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(value);
  if (!m) return undefined;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  // Date.UTC rolls a 13th month or a 61st second over; a real date formats back to itself
  return formatSdkDate(date) === value ? date : undefined;
}

// ---------------------------------------------------------------------------------------------
// The canonical request, step by step

/**
 * The canonical URI of a request path as received on the wire (still percent-encoded).
 *
 * Each `/`-separated segment is decoded and re-encoded with {@link percentEncode}, so the result
 * does not depend on how much the sender escaped (this is what the Python SDK's signer does, and it
 * equals the Node signer's output for the decoded path). A trailing `/` is appended when missing:
 * "the URI must end with `/` when the signature is computed" (Huawei APIG signing guide).
 */
export function canonicalUri(rawPath: string): string {
  const encoded = rawPath
    .split('/')
    .map((segment) => percentEncode(percentDecode(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/**
 * The canonical query string of a raw query (as on the wire, without `?`).
 *
 * Parameters are decoded (`+` as a space, like Go's `url.ParseQuery`), sorted by key in UTF-16
 * code-unit order (as the Node signer's `Array.prototype.sort`), values of a repeated key sorted
 * the same way, then each key and value re-encoded with {@link percentEncode} and joined as
 * `k=v&k=v`. A key without a value becomes `k=` ("an empty value still needs `=`", APIG guide).
 */
export function canonicalQuery(rawQuery: string): string {
  const params = new Map<string, string[]>();
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = percentDecode(eq === -1 ? pair : pair.slice(0, eq), true);
    const value = eq === -1 ? '' : percentDecode(pair.slice(eq + 1), true);
    const values = params.get(key);
    if (values) values.push(value);
    else params.set(key, [value]);
  }
  const parts: string[] = [];
  for (const key of [...params.keys()].sort()) {
    const encodedKey = percentEncode(key);
    for (const value of params.get(key)!.sort()) parts.push(`${encodedKey}=${percentEncode(value)}`);
  }
  return parts.join('&');
}

/**
 * The canonical headers block: `name:value\n` for each signed header, in the order given
 * (callers pass the sorted {@link signedHeaderNames}). The block ends with `\n`.
 *
 * Values are trimmed, as the Go and Python signers do. The Node signer does not trim, but leading
 * and trailing whitespace of a header value never survives HTTP parsing (RFC 9110 §5.5), so a
 * verifier could not reproduce an untrimmed value anyway; for values without such whitespace
 * both give the same result. A signed header that is missing contributes `name:` with no value.
 */
export function canonicalHeaders(headers: HeaderMap, signedHeaders: readonly string[]): string {
  let block = '';
  for (const name of signedHeaders) {
    block += `${name}:${(headerValue(headers, name) ?? '').trim()}\n`;
  }
  return block;
}

/**
 * The lower-cased, de-duplicated, sorted names of `headers`, as they appear in `SignedHeaders=`.
 * Sorting is by UTF-16 code unit (the Go signer's `sort.Strings`; the Node one agrees for the
 * header names HTTP allows).
 */
export function signedHeaderNames(headers: HeaderMap): string[] {
  const names = new Set<string>();
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) names.add(name.toLowerCase());
  return [...names].sort();
}

/**
 * The payload hash of the canonical request: the `X-Sdk-Content-Sha256` header when present,
 * else the lower-case hex SHA-256 of the exact body bytes sent (a string is hashed as UTF-8).
 */
export function payloadHash(payload: string | Uint8Array | undefined, headers: HeaderMap = {}): string {
  const declared = headerValue(headers, CONTENT_SHA256_HEADER);
  if (declared !== undefined) return declared;
  if (payload === undefined) return EMPTY_PAYLOAD_HASH;
  return createHash('sha256').update(payload).digest('hex');
}

/** The parts of a canonical request, each already in canonical form. */
export interface CanonicalRequestParts {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** From {@link canonicalUri}. */
  readonly canonicalUri: string;
  /** From {@link canonicalQuery}. */
  readonly canonicalQuery: string;
  /** From {@link canonicalHeaders}; ends with `\n`. */
  readonly canonicalHeaders: string;
  /** Lower-case names joined by `;`. */
  readonly signedHeaders: string;
  /** From {@link payloadHash}. */
  readonly payloadHash: string;
}

/**
 * Joins the parts with `\n`. The canonical headers already end with `\n`, so a blank line
 * separates them from the signed-header list, as in the APIG signing guide.
 */
export function canonicalRequest(parts: CanonicalRequestParts): string {
  return [
    parts.method,
    parts.canonicalUri,
    parts.canonicalQuery,
    parts.canonicalHeaders,
    parts.signedHeaders,
    parts.payloadHash,
  ].join('\n');
}

/** `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex SHA-256 of the canonical request>`. */
export function stringToSign(sdkDate: string, canonicalRequestText: string): string {
  const hash = createHash('sha256').update(canonicalRequestText, 'utf8').digest('hex');
  return `${SIGNING_ALGORITHM}\n${sdkDate}\n${hash}`;
}

// ---------------------------------------------------------------------------------------------
// The signature: computed by a verifier, attached by a client

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
  headers[SDK_DATE_HEADER] = formatSdkDate(input.date ?? new Date());
  if (input.projectId !== undefined) headers['x-project-id'] = input.projectId;
  if (input.credentials.securityToken !== undefined) {
    headers['x-security-token'] = input.credentials.securityToken;
  }
  const signed = signedHeaderNames(headers);
  const signature = computeSignature({
    method: input.method,
    path: input.url.pathname,
    query: input.url.search.slice(1), // '' or '?…'
    headers,
    signedHeaders: signed,
    payload: input.body,
    sdkDate: headers[SDK_DATE_HEADER],
    secretKey: input.credentials.secretKey,
  });
  headers.authorization =
    `${SIGNING_ALGORITHM} Access=${input.credentials.accessKey}, ` +
    `SignedHeaders=${signed.join(';')}, Signature=${signature}`;
  return headers;
}

/** The parts of an `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…` header. */
export interface ParsedAuthorization {
  /** Always `SDK-HMAC-SHA256`. */
  readonly algorithm: string;
  /** The access key id. */
  readonly accessKey: string;
  /** Lower-case signed header names, in the order given. */
  readonly signedHeaders: string[];
  /** The hex signature. */
  readonly signature: string;
}

const AUTHORIZATION_PATTERN =
  /^SDK-HMAC-SHA256\s+Access=([^,\s]+)\s*,\s*SignedHeaders=([^,\s]+)\s*,\s*Signature=([0-9a-fA-F]+)\s*$/;

/**
 * Parses an `Authorization` header value of the `Access=` form that the v3 SDKs send.
 * Returns `undefined` for anything else (another algorithm, a missing part, the legacy
 * `Credential=` form), so a verifier can answer with its own error.
 */
export function parseAuthorization(value: string | undefined): ParsedAuthorization | undefined {
  if (value === undefined) return undefined;
  const m = AUTHORIZATION_PATTERN.exec(value.trim());
  if (!m) return undefined;
  return {
    algorithm: SIGNING_ALGORITHM,
    accessKey: m[1],
    signedHeaders: m[2].split(';').map((h) => h.toLowerCase()),
    signature: m[3].toLowerCase(),
  };
}
