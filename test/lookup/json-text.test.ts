// Where and why a context cache file is not JSON (json-text.ts, `findJsonSyntaxError`): each
// problem it names, at the offset, line and column it names, for every construct of the grammar;
// and the valid texts it lets through. context-store.test.ts covers stableJson and a few errors.
import { findJsonSyntaxError } from '../../src/lookup/json-text';

describe('valid JSON has no syntax error', () => {
  test.each([
    ['0'],
    ['9'],
    ['-0'],
    ['10.25e+3'],
    ['1E-2'],
    ['1e5'],
    ['2e10'],
    ['-0.5'],
    ['\t\r\n 7 \n'],
    ['"escapes \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uABcd"'],
    ['{ "a" : [ 1 , { } , [ ] , "" ] , "b" : { "c" : null } }'],
    ['[true,false,null]'],
    ['{}'],
  ])('%j', (text) => {
    expect(JSON.parse(text)).toBeDefined();
    expect(findJsonSyntaxError(text)).toBeUndefined();
  });
});

describe('each problem, where it is', () => {
  test.each([
    // text, offset, line, column, problem
    ['', 0, 1, 1, 'unexpected end of file'],
    ['   ', 3, 1, 4, 'unexpected end of file'],
    ['x', 0, 1, 1, 'unexpected character "x"'],
    ['-', 0, 1, 1, 'unexpected character "-"'],
    ['-x', 0, 1, 1, 'unexpected character "-"'],
    ['-x5', 0, 1, 1, 'unexpected character "-"'],
    ['[1e]', 2, 1, 3, `unexpected character "e" (expected ',' or ']')`],
    ['+1', 0, 1, 1, 'unexpected character "+"'],
    ['.5', 0, 1, 1, 'unexpected character "."'],
    ['tru', 0, 1, 1, 'unexpected character "t"'],
    ['nul', 0, 1, 1, 'unexpected character "n"'],
    ['fals', 0, 1, 1, 'unexpected character "f"'],
    ['truex', 4, 1, 5, 'unexpected character "x" after the end of the JSON value'],
    ['01', 1, 1, 2, 'unexpected character "1" after the end of the JSON value'],
    ['1.', 1, 1, 2, 'unexpected character "." after the end of the JSON value'],
    ['{} {}', 3, 1, 4, 'unexpected character "{" after the end of the JSON value'],
    ['"abc', 4, 1, 5, 'unterminated string'],
    ['"a\\', 3, 1, 4, 'invalid escape'],
    ['"\\x"', 2, 1, 3, 'invalid escape'],
    ['"\\u12G4"', 2, 1, 3, 'invalid \\u escape'],
    ['"\\u123"', 2, 1, 3, 'invalid \\u escape'],
    ['"a\tb"', 2, 1, 3, 'control character in string'],
    ['"a\u001fb"', 2, 1, 3, 'control character in string'],
    ['{', 1, 1, 2, 'unexpected end of file (expected a property name in double quotes)'],
    ['{ 1: 2}', 2, 1, 3, 'unexpected character "1" (expected a property name in double quotes)'],
    ['{"a" 1}', 5, 1, 6, `unexpected character "1" (expected ':')`],
    ['{"a"', 4, 1, 5, `unexpected end of file (expected ':')`],
    ['{"a": 1 "b": 2}', 8, 1, 9, `unexpected character "\\"" (expected ',' or '}')`],
    ['{"a": 1,}', 8, 1, 9, 'unexpected character "}" (expected a property name in double quotes)'],
    ['{"a": }', 6, 1, 7, 'unexpected character "}"'],
    ['[', 1, 1, 2, 'unexpected end of file'],
    ['[1 2]', 3, 1, 4, `unexpected character "2" (expected ',' or ']')`],
    ['[1,]', 3, 1, 4, 'unexpected character "]"'],
    ['[1', 2, 1, 3, `unexpected end of file (expected ',' or ']')`],
    ['[1}', 2, 1, 3, `unexpected character "}" (expected ',' or ']')`],
    ['{"a": 1]', 7, 1, 8, `unexpected character "]" (expected ',' or '}')`],
  ])('%j: offset %i, line %i, column %i: %s', (text, position, line, column, problem) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)).toStrictEqual({ position, line, column, problem });
  });

  test('lines and columns count from 1 after each newline, whatever the line ending before it', () => {
    expect(findJsonSyntaxError('{\n  "a": 1,\n  "b": x\n}')).toStrictEqual({
      position: 19,
      line: 3,
      column: 8,
      problem: 'unexpected character "x"',
    });
    expect(findJsonSyntaxError('[\r\n1,\r\n?]')).toStrictEqual({
      position: 7,
      line: 3,
      column: 1,
      problem: 'unexpected character "?"',
    });
  });

  test('an unprintable character is shown escaped, never as itself', () => {
    expect(findJsonSyntaxError('[\u202e]')?.problem).toBe('unexpected character "\\u202e"');
    expect(findJsonSyntaxError('\u0001')?.problem).toBe('unexpected character "\\u0001"');
  });
});
