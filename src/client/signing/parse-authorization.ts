import { SIGNING_ALGORITHM } from './signing-constants';

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

const PATTERN =
  /^SDK-HMAC-SHA256\s+Access=([^,\s]+)\s*,\s*SignedHeaders=([^,\s]+)\s*,\s*Signature=([0-9a-fA-F]+)\s*$/;

/**
 * Parses an `Authorization` header value of the `Access=` form that the v3 SDKs send.
 * Returns `undefined` for anything else (another algorithm, a missing part, the legacy
 * `Credential=` form), so a verifier can answer with its own error.
 */
export function parseAuthorization(value: string | undefined): ParsedAuthorization | undefined {
  if (value === undefined) return undefined;
  const m = PATTERN.exec(value.trim());
  if (!m) return undefined;
  return {
    algorithm: SIGNING_ALGORITHM,
    accessKey: m[1],
    signedHeaders: m[2].split(';').map((h) => h.toLowerCase()),
    signature: m[3].toLowerCase(),
  };
}
