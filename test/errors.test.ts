import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  DisError,
  ERROR_CLASSES,
  ERROR_FAMILIES,
  ErrorKind,
  reviveDisError,
  type DisErrorClass,
} from '../src/errors';

const SRC = join(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('the error registry', () => {
  test('lists every part, and every coded class once', () => {
    expect(Object.keys(ERROR_FAMILIES)).toEqual(['client', 'emulator', 'lookup', 'assertion', 'cli']);
    const codes = ERROR_CLASSES.map((c) => c.CODE);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(
      expect.arrayContaining(['DIS_CONFIG_ERROR', 'DIS_LOOKUP_MISSING', 'DIS_CLI_USAGE']),
    );
  });

  test.each(ERROR_CLASSES.map((c) => [c.CODE, c] as const))(
    '%s is a DisError with a code and a kind',
    (code, cls) => {
      expect(cls.prototype).toBeInstanceOf(DisError);
      expect(code).toMatch(/^DIS_[A-Z_]+$/);
      expect(Object.values(ErrorKind)).toContain(cls.KIND);
    },
  );

  test.each(ERROR_CLASSES.map((c) => [c.CODE, c] as const))(
    '%s revives from its JSON form as its own class, with its kind',
    (code, cls: DisErrorClass) => {
      const revived = reviveDisError({ name: cls.name, code, message: 'it happened', details: {} });
      expect(revived).toBeInstanceOf(cls as unknown as new () => DisError);
      // the message starts with the code (what other languages match on), once, however often revived
      expect(revived).toMatchObject({ code, name: cls.name, message: `${code}: it happened` });
      expect(reviveDisError(revived.toJSON()).message).toBe(`${code}: it happened`);
      expect(DisError.isDisError(revived)).toBe(true);
    },
  );

  test('an unknown code revives as a plain DisError that keeps its name', () => {
    const revived = reviveDisError({
      name: 'FutureError',
      code: 'DIS_FUTURE',
      message: 'm',
      details: { a: 1 },
    });
    expect(revived.constructor).toBe(DisError);
    expect(revived).toMatchObject({ name: 'FutureError', code: 'DIS_FUTURE', details: { a: 1 } });
  });

  test('no error code is written as a string anywhere in src/ but in its class', () => {
    const codes = new Set(ERROR_CLASSES.map((c) => c.CODE));
    const strays: string[] = [];
    for (const file of sourceFiles(SRC)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\*|\/\*|\/\/)/.test(line)) return; // documentation may name codes
          for (const m of line.matchAll(/['"`](DIS_[A-Z_]+)['"`]/g)) {
            if (codes.has(m[1]) && !/static readonly CODE = /.test(line)) {
              strays.push(`${relative(SRC, file)}:${i + 1}: ${line.trim()}`);
            }
          }
        });
    }
    expect(strays).toEqual([]);
  });
});
