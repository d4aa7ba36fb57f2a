import { canonicalHeaders, signedHeaderNames } from '../../../src/client/signing/canonical-headers';

describe('canonicalHeaders', () => {
  test('writes name:value lines in the given order, ending with a newline', () => {
    expect(canonicalHeaders({ Host: 'h', 'X-Sdk-Date': 'd' }, ['host', 'x-sdk-date'])).toBe(
      'host:h\nx-sdk-date:d\n',
    );
  });

  test('trims values like the Go and Python signers (the Node signer does not; HTTP drops the whitespace)', () => {
    expect(canonicalHeaders({ 'x-a': '  v  ' }, ['x-a'])).toBe('x-a:v\n');
  });

  test('joins repeated values with a comma', () => {
    expect(canonicalHeaders({ 'x-a': ['1', '2'] }, ['x-a'])).toBe('x-a:1,2\n');
  });
});

describe('signedHeaderNames', () => {
  test('lower-cases, de-duplicates and sorts by code unit', () => {
    expect(signedHeaderNames({ 'X-Sdk-Date': 'd', host: 'h', 'x-a1': '1', 'X-A': '2', 'x-a': '3' })).toEqual([
      'host',
      'x-a',
      'x-a1',
      'x-sdk-date',
    ]);
  });
});
