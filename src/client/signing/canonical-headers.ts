import { type HeaderMap, headerValue } from './header-value';

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
