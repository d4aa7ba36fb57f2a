import { createHash } from 'node:crypto';
import vectors from '../fixtures/signing/published-vectors.json';
import {
  canonicalHeaders,
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  computeSignature,
  parseAuthorization,
  parseSdkDate,
  payloadHash,
  signRequest,
} from '../../src/client/signing';

type Vector = (typeof vectors.vectors)[number];

function wireParts(v: Vector): { path: string; query: string } {
  const url = new URL(v.url);
  return { path: url.pathname, query: url.search.replace(/^\?/, '') };
}

describe('published SDK-HMAC-SHA256 vectors', () => {
  describe.each(vectors.vectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    test('computeSignature reproduces the published signature', () => {
      // GIVEN the vector's request as a verifier receives it
      const { path, query } = wireParts(v);
      // WHEN
      const signature = computeSignature({
        method: v.method,
        path,
        query,
        headers: v.headers,
        signedHeaders: v.signedHeaders,
        payload: (v as { body?: string }).body,
        sdkDate: v.headers['x-sdk-date'],
        secretKey: v.secretKey,
      });
      // THEN
      expect(signature).toBe(v.expected.signature);
    });

    const expected = v.expected as {
      canonicalUri?: string;
      canonicalQuery?: string;
      canonicalRequestSha256?: string;
    };
    if (expected.canonicalRequestSha256 !== undefined) {
      test('each step reproduces the published intermediate values', () => {
        const { path, query } = wireParts(v);
        expect(canonicalUri(path)).toBe(expected.canonicalUri);
        expect(canonicalQuery(query)).toBe(expected.canonicalQuery);
        const text = canonicalRequest({
          method: v.method,
          canonicalUri: canonicalUri(path),
          canonicalQuery: canonicalQuery(query),
          canonicalHeaders: canonicalHeaders(v.headers, v.signedHeaders),
          signedHeaders: v.signedHeaders.join(';'),
          payloadHash: payloadHash(undefined),
        });
        expect(createHash('sha256').update(text).digest('hex')).toBe(expected.canonicalRequestSha256);
      });
    }

    const authorization = (v.expected as { authorization?: string }).authorization;
    if (authorization !== undefined) {
      test('signRequest produces the published Authorization header', () => {
        // GIVEN only what a client knows: URL, content type, project, keys and the clock
        const sent = v.headers as Record<string, string | undefined>;
        const headers = signRequest({
          method: v.method,
          url: new URL(v.url),
          headers: { 'Content-Type': sent['content-type']! },
          projectId: sent['x-project-id'],
          credentials: { accessKey: v.accessKey, secretKey: v.secretKey },
          date: parseSdkDate(v.headers['x-sdk-date']),
        });
        // THEN
        expect(headers.authorization).toBe(authorization);
        expect(headers['x-sdk-date']).toBe(v.headers['x-sdk-date']);
        expect(parseAuthorization(headers.authorization)).toEqual({
          algorithm: 'SDK-HMAC-SHA256',
          accessKey: v.accessKey,
          signedHeaders: v.signedHeaders,
          signature: v.expected.signature,
        });
      });
    }
  });

  test.each(vectors.canonicalQueryVectors.map((v) => [v.name, v] as const))(
    'canonical query: %s',
    (_name, v) => {
      const raw = v.params.map(([k, val]) => `${encodeURIComponent(k)}=${encodeURIComponent(val)}`).join('&');
      expect(canonicalQuery(raw)).toBe(v.expected);
    },
  );
});
