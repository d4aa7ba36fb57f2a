// What a lookup checks before it asks DIS (`checkCanRecord`: the nearest existing folder must be a
// writable folder, checked until it passes once; the file's contents every time), what the stores
// hand out (the parsed file and its key list kept until the file changes; removals that leave no
// key behind), and the names the cache file is known by.
import * as fs from 'node:fs';
import { join } from 'node:path';
import {
  checkCanRecord,
  CONTEXT_FILE_ENV_VAR,
  DEFAULT_CONTEXT_FILE,
  FileContextStore,
  MemoryContextStore,
} from '../../src/lookup/context-store';
import { tempContextFile, thrownDisError } from './helpers';

jest.mock('node:fs', () => {
  const actual = jest.requireActual<typeof import('node:fs')>('node:fs');
  return { ...actual, accessSync: jest.fn(actual.accessSync) };
});

let dir: string;
let file: string;
beforeEach(() => ({ dir, file } = tempContextFile()));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The next access check refuses with EACCES, as for a folder the user may not write. */
function refuseNextAccess(): void {
  jest.mocked(fs.accessSync).mockImplementationOnce(() => {
    throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
  });
}

test('the default file name and the variable that moves it are pinned', () => {
  expect(DEFAULT_CONTEXT_FILE).toBe('cdktf.context.json');
  expect(CONTEXT_FILE_ENV_VAR).toBe('DIS_LOOKUP_CONTEXT_FILE');
});

describe('checkCanRecord', () => {
  test('a folder that is not writable fails the check with EACCES, naming the folder', () => {
    refuseNextAccess();
    const error = thrownDisError(() => checkCanRecord(new FileContextStore(file)));
    expect(error).toMatchObject({ code: 'DIS_CONTEXT_FILE_ACCESS', errno: 'EACCES', path: dir });
    expect(error.details).toMatchObject({ operation: 'write' });
  });

  test('a folder that passed once is not checked again by the same store; a new store checks it', () => {
    const store = new FileContextStore(file);
    checkCanRecord(store);
    refuseNextAccess();
    expect(() => checkCanRecord(store)).not.toThrow();
    expect(() => checkCanRecord(new FileContextStore(file))).toThrow(
      expect.objectContaining({ errno: 'EACCES' }),
    );
  });

  test('the file’s contents are checked every time', () => {
    const store = new FileContextStore(file);
    checkCanRecord(store);
    fs.writeFileSync(file, '{');
    expect(thrownDisError(() => checkCanRecord(store)).code).toBe('DIS_CONTEXT_FILE_INVALID');
  });

  test('folders that do not exist yet pass: the nearest existing one is checked', () => {
    const nested = join(dir, 'a', 'b', 'cdktf.context.json');
    expect(() => checkCanRecord(new FileContextStore(nested))).not.toThrow();
    refuseNextAccess();
    expect(thrownDisError(() => checkCanRecord(new FileContextStore(nested)))).toMatchObject({
      errno: 'EACCES',
      path: dir,
    });
  });

  test('a link to a folder beside it fails the check with EISDIR, naming the file', () => {
    fs.mkdirSync(join(dir, 'target'));
    fs.symlinkSync('target', file);
    expect(thrownDisError(() => checkCanRecord(new FileContextStore(file)))).toMatchObject({
      code: 'DIS_CONTEXT_FILE_ACCESS',
      errno: 'EISDIR',
      file,
    });
  });

  test('an existing cache file in a writable folder passes the check', () => {
    fs.writeFileSync(file, '{}\n');
    expect(() => checkCanRecord(new FileContextStore(file))).not.toThrow();
  });

  test('through a link, the folder of its target is the one checked', () => {
    fs.mkdirSync(join(dir, 'cache'));
    fs.symlinkSync(join('cache', 'recorded.json'), file);
    refuseNextAccess();
    expect(thrownDisError(() => checkCanRecord(new FileContextStore(file)))).toMatchObject({
      errno: 'EACCES',
      path: join(dir, 'cache'),
    });
  });

  test('a memory store has nothing to check', () => {
    refuseNextAccess();
    expect(() => checkCanRecord(new MemoryContextStore())).not.toThrow();
    jest.mocked(fs.accessSync).mockReset();
  });
});

describe('what the file store hands out', () => {
  test('the parsed file is kept until the file changes: the same entry object and key list', () => {
    fs.writeFileSync(file, '{"a": {"n": 1}, "b": 2}');
    const store = new FileContextStore(file);
    expect(store._peek('a')).toBe(store._peek('a'));
    const keys = store._keys();
    expect(store._keys()).toBe(keys);
    expect([...keys]).toStrictEqual(['a', 'b']);
    fs.writeFileSync(file, '{"a": {"n": 1}, "b": 2, "c": 3}');
    expect(store._keys()).not.toBe(keys);
    expect([...store._keys()]).toStrictEqual(['a', 'b', 'c']);
  });

  test('a file that does not exist has no keys', () => {
    expect(new FileContextStore(file)._keys()).toStrictEqual([]);
  });
});

describe('what the memory store hands out', () => {
  test('its key list is the same array until the store changes, then a new one', () => {
    const store = new MemoryContextStore({ a: 1 });
    const keys = store._keys();
    expect(store._keys()).toBe(keys);
    expect(Object.isFrozen(keys)).toBe(true);
    store.update({ b: 2 });
    expect(store._keys()).not.toBe(keys);
    expect([...store._keys()]).toStrictEqual(['a', 'b']);
  });

  test('_peek gives the entry itself; get gives a copy', () => {
    const store = new MemoryContextStore({ a: { n: 1 } });
    expect(store._peek('a')).toBe(store._peek('a'));
    expect(store.get('a')).not.toBe(store._peek('a'));
    expect({ ...(store.get('a') as object) }).toStrictEqual({ n: 1 });
  });
});

describe('removing an entry', () => {
  test('from a memory store leaves no key behind, not even one set to undefined', () => {
    const store = new MemoryContextStore({ a: 1, b: 2 });
    store.update({ a: undefined });
    expect(Object.keys(store.read())).toStrictEqual(['b']);
    expect([...store._keys()]).toStrictEqual(['b']);
  });

  test('from a file store leaves no key behind', () => {
    const store = new FileContextStore(file);
    store.update({ a: 1, b: 2 });
    store.update({ a: undefined });
    expect(fs.readFileSync(file, 'utf8')).toBe('{\n  "b": 2\n}\n');
  });
});
