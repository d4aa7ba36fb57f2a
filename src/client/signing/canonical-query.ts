import { percentDecode, percentEncode } from './percent-encode';

/**
 * The canonical query string of a raw query (as on the wire, without `?`).
 *
 * Parameters are decoded (`+` as a space, like Go's `url.ParseQuery`), sorted by key in UTF-16
 * code-unit order (as the Node signer's `Array.prototype.sort`), values of a repeated key sorted
 * the same way, then each key and value re-encoded with {@link percentEncode} and joined as
 * `k=v&k=v`. A key without a value becomes `k=` ("an empty value still needs `=`", APIG guide).
 */
export function canonicalQuery(rawQuery: string): string {
  if (rawQuery === '') return '';
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
