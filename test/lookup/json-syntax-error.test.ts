import { findJsonSyntaxError } from '../../src/lookup/json-syntax-error';

describe('findJsonSyntaxError', () => {
  test.each([['{"a": 1, "b": [true, false, null, -1.5e3, "x\\u0041\\n"]}'], ['  []  '], ['"text"']])(
    'accepts valid JSON %s',
    (text) => {
      expect(findJsonSyntaxError(text)).toBeUndefined();
    },
  );

  test('locates a missing value by line and column', () => {
    expect(findJsonSyntaxError('{\n  "a": 1,\n  "b": }')).toEqual({
      position: 19,
      line: 3,
      column: 8,
      problem: 'unexpected character "}"',
    });
  });

  test('reports an unterminated object at the end of the file', () => {
    const e = findJsonSyntaxError('{"a": 1');
    expect(e).toMatchObject({ position: 7, line: 1, column: 8 });
    expect(e?.problem).toContain('unexpected end of file');
  });

  test('reports a trailing comma and trailing text', () => {
    expect(findJsonSyntaxError('{"a": 1,}')?.problem).toContain('expected a property name');
    expect(findJsonSyntaxError('{} x')).toMatchObject({
      position: 3,
      problem: expect.stringContaining('after the end'),
    });
  });

  test('agrees with JSON.parse on what is invalid', () => {
    for (const text of ['{a:1}', "{'a':1}", '[1,]', '01', '"\\x"', 'tru', '{"a":"\t"}']) {
      expect(() => JSON.parse(text)).toThrow();
      expect(findJsonSyntaxError(text)).toBeDefined();
    }
  });
});
