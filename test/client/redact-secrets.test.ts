import { redactSecrets } from '../../src/client/redact-secrets';

describe('redactSecrets', () => {
  test('masks every occurrence of each secret and any signature', () => {
    expect(
      redactSecrets('token tok-123 again tok-123; SDK-HMAC-SHA256 Access=AK, Signature=abcdef0123', [
        'tok-123',
      ]),
    ).toBe('token *** again ***; SDK-HMAC-SHA256 Access=AK, Signature=***');
  });

  test('ignores values too short to mask without mangling the text', () => {
    expect(redactSecrets('a b c', ['a', ''])).toBe('a b c');
  });
});
