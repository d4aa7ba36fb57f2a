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
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
