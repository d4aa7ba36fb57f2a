import { canonicalQuery } from '../../../src/client/signing/canonical-query';

describe('canonicalQuery', () => {
  test('is empty for no query', () => {
    expect(canonicalQuery('')).toBe('');
  });

  test('sorts keys, then the values of a repeated key', () => {
    expect(canonicalQuery('b=2&a=z&a=y')).toBe('a=y&a=z&b=2');
  });

  test('gives a key without a value an "="', () => {
    expect(canonicalQuery('flag&x=1')).toBe('flag=&x=1');
  });

  test('reads "+" and "%20" as the same space', () => {
    expect(canonicalQuery('q=a+b')).toBe('q=a%20b');
    expect(canonicalQuery('q=a%20b')).toBe('q=a%20b');
  });

  test('escapes the characters encodeURIComponent leaves alone', () => {
    expect(canonicalQuery("q=!'()*~")).toBe('q=%21%27%28%29%2A~');
  });
});
