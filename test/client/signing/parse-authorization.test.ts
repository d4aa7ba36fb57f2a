import { parseAuthorization } from '../../../src/client/signing/parse-authorization';

describe('parseAuthorization', () => {
  test('splits the Access= form into its parts', () => {
    expect(
      parseAuthorization('SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=ABCdef01'),
    ).toEqual({
      algorithm: 'SDK-HMAC-SHA256',
      accessKey: 'AK1',
      signedHeaders: ['host', 'x-sdk-date'],
      signature: 'abcdef01',
    });
  });

  test.each([
    ['missing', undefined],
    ['another algorithm', 'AWS4-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=ab'],
    [
      'the legacy Credential= form',
      'SDK-HMAC-SHA256 Credential=AK/20200101/r/dis/sdk_request, SignedHeaders=host, Signature=ab',
    ],
    ['no signature', 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host'],
    ['a non-hex signature', 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=xyz'],
  ])('returns undefined for %s', (_what, value) => {
    expect(parseAuthorization(value)).toBeUndefined();
  });
});
