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
