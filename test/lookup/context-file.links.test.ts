// The cache file's odd shapes, each a coded error or a plain success, never a raw Node error: a
// link that loops, a link to its own folder, a dangling link that stays in its folder, and a
// broken file nested too deeply for the syntax search to say where it breaks.
import { mkdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCanRecord, FileContextStore } from '../../src/lookup/context-store';
import { tempContextFile, thrownDisError } from './helpers';

let dir: string;
let file: string;
beforeEach(() => ({ dir, file } = tempContextFile()));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a link that loops (ELOOP)', () => {
  test('reading, the check before a lookup and writing each fail with a coded access error naming the file', () => {
    symlinkSync('cdktf.context.json', file);
    const store = new FileContextStore(file);
    for (const [f, operation] of [
      [() => store.read(), 'read'],
      [() => checkCanRecord(store), 'read'],
      [() => store.update({ a: 1 }), 'write'],
    ] as const) {
      const error = thrownDisError(f);
      expect(error).toMatchObject({ code: 'DIS_CONTEXT_FILE_ACCESS', errno: 'ELOOP', file, path: file });
      expect(error.details).toMatchObject({ operation });
    }
    expect(readlinkSync(file)).toBe('cdktf.context.json');
  });
});

describe('a link whose target is the folder that holds it', () => {
  test('is refused as a link out of its folder, for reading and writing', () => {
    symlinkSync('.', file);
    const store = new FileContextStore(file);
    for (const f of [() => store.read(), () => store.update({ a: 1 })]) {
      expect(thrownDisError(f)).toMatchObject({ code: 'DIS_CONTEXT_FILE_LINK', file, target: dir });
    }
  });
});

describe('a dangling link that stays in its folder', () => {
  test('reads as empty, passes the check, and the first write creates its target through it', () => {
    symlinkSync('recorded.json', file);
    const store = new FileContextStore(file);
    expect(Object.keys(store.read())).toStrictEqual([]);
    expect(() => checkCanRecord(store)).not.toThrow();
    store.update({ a: 1 });
    expect(readFileSync(join(dir, 'recorded.json'), 'utf8')).toBe('{\n  "a": 1\n}\n');
    expect(readlinkSync(file)).toBe('recorded.json');
  });

  test('into a folder that does not exist yet: the write creates the folder too', () => {
    symlinkSync(join('cache', 'recorded.json'), file);
    new FileContextStore(file).update({ a: 1 });
    expect(readFileSync(join(dir, 'cache', 'recorded.json'), 'utf8')).toBe('{\n  "a": 1\n}\n');
  });
});

describe('a link to a file in a subfolder', () => {
  test('is read and written through', () => {
    mkdirSync(join(dir, 'cache'));
    writeFileSync(join(dir, 'cache', 'recorded.json'), '{"a": 1}');
    symlinkSync(join('cache', 'recorded.json'), file);
    const store = new FileContextStore(file);
    expect({ ...store.read() }).toStrictEqual({ a: 1 });
    store.update({ b: 2 });
    expect(JSON.parse(readFileSync(join(dir, 'cache', 'recorded.json'), 'utf8'))).toStrictEqual({
      a: 1,
      b: 2,
    });
  });
});

describe('a broken file nested too deeply to locate its error', () => {
  test('is a DIS_CONTEXT_FILE_INVALID error saying "not JSON", without a place, and is never overwritten', () => {
    const text = '['.repeat(200_000);
    writeFileSync(file, text);
    const store = new FileContextStore(file);
    for (const f of [() => store.read(), () => store.update({ a: 1 })]) {
      const error = thrownDisError(f);
      expect(error.code).toBe('DIS_CONTEXT_FILE_INVALID');
      expect(error.message).toContain('not JSON');
      expect(error.details).toStrictEqual({
        file,
        position: undefined,
        line: undefined,
        column: undefined,
      });
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
