import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCanRecord, FileContextStore } from '../../src/lookup/context-store';
import { tempContextFile, thrownDisError } from './helpers';

// Issue 11 items 9 and 10: what the file system refuses is a coded error with the path and the fix;
// what a killed writer leaves behind is cleaned up; a link never leads out of the app folder.

let dir: string;
let file: string;
beforeEach(() => ({ dir, file } = tempContextFile()));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('what the file system refuses', () => {
  test('a folder where the cache file should be (EISDIR): reading and writing say so at once', () => {
    mkdirSync(file);
    const store = new FileContextStore(file);
    for (const f of [() => store.read(), () => store.update({ a: 1 }), () => checkCanRecord(store)]) {
      const error = thrownDisError(f);
      expect(error).toMatchObject({ code: 'DIS_CONTEXT_FILE_ACCESS', errno: 'EISDIR', file });
      expect(error.message).toContain(`The context cache file ${file} is a folder, not a file (EISDIR)`);
    }
  });

  test('a file where the lock directory should be (ENOTDIR): an error at once, not after the stale wait', () => {
    writeFileSync(`${file}.lock`, 'not a lock');
    const error = thrownDisError(() => new FileContextStore(file).update({ a: 1 }));
    expect(error).toMatchObject({ code: 'DIS_CONTEXT_FILE_ACCESS', errno: 'ENOTDIR', path: `${file}.lock` });
    expect(error.message).toContain(
      'is a file, not the lock directory synth creates (ENOTDIR): if no other tool uses it, delete it.',
    );
    expect(existsSync(file)).toBe(false);
  });

  test('a parent of the cache file that is a file (ENOTDIR) is named', () => {
    writeFileSync(join(dir, 'parent'), '');
    const store = new FileContextStore(join(dir, 'parent', 'cdktf.context.json'));
    const error = thrownDisError(() => store.update({ a: 1 }));
    expect(error).toMatchObject({ code: 'DIS_CONTEXT_FILE_ACCESS', errno: 'ENOTDIR' });
    expect(error.message).toContain('A parent of the context cache file');
  });
});

describe('leftovers of a killed writer', () => {
  test('temporary files of an earlier write are removed under the lock; other files are not', () => {
    // GIVEN what `kill -9` during two writes left, and files that only look alike
    const leftovers = ['cdktf.context.json.4242-0a1b2c3d.tmp', 'cdktf.context.json.7-deadbeef.tmp'];
    const others = [
      'cdktf.context.json.bak',
      'cdktf.context.json.4242-0a1b2c3d.tmp.keep',
      'other.json.1-00000000.tmp',
    ];
    for (const name of [...leftovers, ...others]) writeFileSync(join(dir, name), 'x');
    // WHEN the next write runs
    new FileContextStore(file).update({ a: 1 });
    // THEN
    expect(readdirSync(dir).sort()).toEqual(['cdktf.context.json', ...others].sort());
  });

  test('a lock directory dated in the future counts as stale: the write goes through without waiting for it', () => {
    mkdirSync(`${file}.lock`);
    const inAnHour = new Date(Date.now() + 3_600_000);
    utimesSync(`${file}.lock`, inAnHour, inAnHour);
    // A wait of 50 ms would end in DIS_CONTEXT_FILE_LOCKED if the lock were respected.
    new FileContextStore(file, { lockWaitMs: 50 }).update({ a: 1 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ a: 1 });
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  test('a fresh lock held elsewhere is still respected', () => {
    mkdirSync(`${file}.lock`);
    expect(thrownDisError(() => new FileContextStore(file, { lockWaitMs: 50 }).update({ a: 1 })).code).toBe(
      'DIS_CONTEXT_FILE_LOCKED',
    );
  });

  test('a write that changes nothing does not touch the file', () => {
    const store = new FileContextStore(file);
    store.update({ a: 1 });
    const before = statSync(file);
    store.update({ a: 1 });
    store.update({ missing: undefined });
    const after = statSync(file);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  test('removing a key from a file that does not exist creates no file', () => {
    new FileContextStore(file).update({ a: undefined });
    expect(existsSync(file)).toBe(false);
  });
});

describe('a cache file that is a symbolic link', () => {
  test('to a file in the same folder: read and written through, and the link stays a link', () => {
    writeFileSync(join(dir, 'real.json'), '{"a": 1}\n');
    symlinkSync('real.json', file);
    const store = new FileContextStore(file);
    expect(store.read()).toEqual({ a: 1 });
    store.update({ b: 2 });
    expect(readlinkSync(file)).toBe('real.json');
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8'))).toEqual({ a: 1, b: 2 });
  });

  test('out of its folder: refused for reading and writing, and the target is untouched', () => {
    const outside = mkdtempSync(join(tmpdir(), 'dis-outside-'));
    try {
      const target = join(outside, 'victim');
      writeFileSync(target, 'precious\n');
      symlinkSync(target, file);
      const store = new FileContextStore(file);
      for (const f of [() => store.read(), () => store.update({ a: 1 }), () => checkCanRecord(store)]) {
        const error = thrownDisError(f);
        expect(error).toMatchObject({ code: 'DIS_CONTEXT_FILE_LINK', file, target });
        expect(error.message).toContain(
          `is a symbolic link to ${target}, outside ${dir}, the folder that holds it.`,
        );
      }
      expect(readFileSync(target, 'utf8')).toBe('precious\n');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('a dangling link out of its folder is refused before a write could create its target', () => {
    const outside = join(tmpdir(), `dis-nowhere-${process.pid}`, 'created.json');
    symlinkSync(outside, file);
    expect(thrownDisError(() => new FileContextStore(file).update({ a: 1 })).code).toBe(
      'DIS_CONTEXT_FILE_LINK',
    );
    expect(existsSync(outside)).toBe(false);
  });
});
