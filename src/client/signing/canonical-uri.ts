import { percentDecode, percentEncode } from './percent-encode';

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
