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
