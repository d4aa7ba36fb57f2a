import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileContextStore, MemoryContextStore, type IContextStore } from '../../src/lookup/context-store';
import { findJsonSyntaxError, stableJson } from '../../src/lookup/json-text';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dis-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const stores: Array<[string, () => IContextStore]> = [
  ['MemoryContextStore', () => new MemoryContextStore()],
  ['FileContextStore', () => new FileContextStore(join(dir, 'cdktf.context.json'))],
];

describe.each(stores)('%s (contract)', (_name, make) => {
  test('an empty store reads as {}', () => {
    expect(make().read()).toEqual({});
  });

  test('keeps what was written, merged with earlier entries', () => {
    // GIVEN
    const store = make();
    store.update({ a: { n: 1 } });
    // WHEN
    store.update({ b: [1, 2] });
    // THEN
    expect(store.read()).toEqual({ a: { n: 1 }, b: [1, 2] });
  });

  test('an undefined value removes its key and leaves the others', () => {
    const store = make();
    store.update({ a: 1, b: 2 });
    store.update({ a: undefined });
    expect(store.read()).toEqual({ b: 2 });
  });

  test('get returns one entry, a copy, or undefined', () => {
    const store = make();
    store.update({ a: { n: 1 }, b: 2 });
    (store.get('a') as { n: number }).n = 99;
    expect(store.get('a')).toEqual({ n: 1 });
    expect(store.get('b')).toBe(2);
    expect(store.get('c')).toBeUndefined();
  });

  test('read returns a copy: changing it does not change the store', () => {
    const store = make();
    store.update({ a: { n: 1 } });
    (store.read().a as { n: number }).n = 99;
    expect(store.read()).toEqual({ a: { n: 1 } });
  });
});

describe('FileContextStore', () => {
  const file = () => join(dir, 'cdktf.context.json');

  test('writes sorted keys, two-space indentation and a trailing newline', () => {
    new FileContextStore(file()).update({ zeta: { b: 1, a: 2 }, alpha: true });
    expect(readFileSync(file(), 'utf8')).toBe(
      '{\n  "alpha": true,\n  "zeta": {\n    "a": 2,\n    "b": 1\n  }\n}\n',
    );
  });

  test('sees a change another process made after an earlier read', () => {
    const store = new FileContextStore(file());
    store.update({ a: 1 });
    expect(store.get('b')).toBeUndefined();
    writeFileSync(file(), '{"a": 1, "b": 22}');
    expect(store.get('b')).toBe(22);
  });

  test('keeps entries another process wrote between read and update', () => {
    const store = new FileContextStore(file());
    store.update({ mine: 1 });
    writeFileSync(file(), '{"mine": 1, "theirs": 2}');
    store.update({ again: 3 });
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({ again: 3, mine: 1, theirs: 2 });
  });

  test('a broken file is reported with its name and position and never overwritten', () => {
    // GIVEN
    const broken = '{\n  "a": 1,\n  "b": \n}\n';
    writeFileSync(file(), broken);
    const store = new FileContextStore(file());
    // WHEN / THEN
    expect(() => store.read()).toThrow(
      expect.objectContaining({
        code: 'DIS_CONTEXT_FILE_INVALID',
        file: file(),
        line: 4,
        column: 1,
        position: 20,
      }),
    );
    expect(() => store.read()).toThrow(
      `${file()} is not a valid JSON object at line 4, column 1 (position 20)`,
    );
    expect(() => store.update({ c: 3 })).toThrow(/DIS_CONTEXT_FILE_INVALID|not a valid JSON object/);
    expect(readFileSync(file(), 'utf8')).toBe(broken);
    expect(existsSync(`${file()}.lock`)).toBe(false);
  });

  test('a file holding something other than an object is refused', () => {
    writeFileSync(file(), '[1, 2]');
    expect(() => new FileContextStore(file()).read()).toThrow(
      'the top level is an array, expected an object',
    );
  });

  test('an empty file reads as {}', () => {
    writeFileSync(file(), '\n');
    expect(new FileContextStore(file()).read()).toEqual({});
  });

  test('waits for a lock held elsewhere until lockWaitMs is up, then says which lock directory to delete', () => {
    // GIVEN a lock held by "another process" (a fresh lock directory is not stale)
    const { lockSync } = jest.requireActual('proper-lockfile') as typeof import('proper-lockfile');
    const release = lockSync(file(), { realpath: false });
    // the store's clock moves only when it pauses between attempts: the pauses it took are the wait
    let clock = Date.now();
    const pauses: number[] = [];
    jest.spyOn(Date, 'now').mockImplementation(() => clock);
    jest.spyOn(Atomics, 'wait').mockImplementation((_array, _index, _value, ms) => {
      pauses.push(ms!);
      clock += ms!;
      return 'timed-out';
    });
    try {
      // WHEN / THEN
      expect(() => new FileContextStore(file(), { lockWaitMs: 200 }).update({ a: 1 })).toThrow(
        expect.objectContaining({
          code: 'DIS_CONTEXT_FILE_LOCKED',
          message:
            `DIS_CONTEXT_FILE_LOCKED: Waited 200 ms for the lock ${file()}.lock held by another synth. If no other synth is running ` +
            `in this folder, the lock is stale: delete the directory ${file()}.lock and run synth again.`,
          details: expect.objectContaining({ file: file(), waitedMs: 200 }),
        }),
      );
      // it tried again after each pause, and gave up once the pauses reached lockWaitMs
      expect(pauses.length).toBeGreaterThan(1);
      const waited = pauses.reduce((a, b) => a + b, 0);
      expect(waited).toBeGreaterThanOrEqual(200);
      expect(waited - pauses[pauses.length - 1]).toBeLessThan(200);
      expect(existsSync(file())).toBe(false);
    } finally {
      jest.restoreAllMocks();
      release();
    }
    new FileContextStore(file(), { lockWaitMs: 50 }).update({ a: 1 });
    expect(new FileContextStore(file()).read()).toEqual({ a: 1 });
  });

  test('takes over a lock abandoned by a crashed process', () => {
    // GIVEN a lock directory nobody has touched for a minute
    mkdirSync(`${file()}.lock`);
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(`${file()}.lock`, aMinuteAgo, aMinuteAgo);
    // WHEN
    new FileContextStore(file(), { lockWaitMs: 50 }).update({ a: 1 });
    // THEN
    expect(new FileContextStore(file()).read()).toEqual({ a: 1 });
    expect(existsSync(`${file()}.lock`)).toBe(false);
  });
});

describe('stableJson', () => {
  test('sorts keys at every level, keeps array order, indents by two and ends with a newline', () => {
    const text = stableJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } });
    expect(text).toBe(
      '{\n  "a": {\n    "d": [\n      3,\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });

  test('the same data inserted in a different order gives the same text', () => {
    expect(stableJson({ x: 1, y: { p: 1, q: 2 } })).toBe(stableJson({ y: { q: 2, p: 1 }, x: 1 }));
  });
});

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
