// FileContextStore's reading and locking at their edges: files that are not an object, a file the
// system will not read or that vanishes between stat and read, and a lock that another holder
// releases while update waits for it. (Values read from a file store are structured clones, of
// another realm's Object: toEqual, not toStrictEqual, compares them.)
import fs from 'node:fs';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { FileContextStore } from '../../src/lookup/context-store';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dis-store-file-'));
  file = join(dir, 'cdktf.context.json');
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('a file that is JSON but not an object', () => {
  test.each([
    ['null', 'null'],
    ['42', 'a number'],
    ['"text"', 'a string'],
    ['true', 'a boolean'],
    ['[]', 'an array'],
  ])('%s is refused as "the top level is %s", at line 1, column 1, and never overwritten', (text, kind) => {
    writeFileSync(file, text);
    const store = new FileContextStore(file);
    expect(() => store.read()).toThrow(
      expect.objectContaining({
        code: 'DIS_CONTEXT_FILE_INVALID',
        message: expect.stringContaining(`the top level is ${kind}, expected an object`),
        position: 0,
        line: 1,
        column: 1,
      }),
    );
    expect(() => store.update({ a: 1 })).toThrow(
      expect.objectContaining({ code: 'DIS_CONTEXT_FILE_INVALID' }),
    );
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  test('whitespace only reads as {}, and the first update writes the file', () => {
    writeFileSync(file, ' \n\t\n');
    const store = new FileContextStore(file);
    expect(store.read()).toEqual({});
    store.update({ a: 1 });
    expect(readFileSync(file, 'utf8')).toBe('{\n  "a": 1\n}\n');
  });
});

describe('a file the system does not read', () => {
  test('a read refused with EACCES is a DIS_CONTEXT_FILE_ACCESS error naming the file, not an empty cache', () => {
    writeFileSync(file, '{"a": 1}');
    jest.spyOn(fs, 'readFileSync').mockImplementation(() => {
      throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
    });
    expect(() => new FileContextStore(file).read()).toThrow(
      expect.objectContaining({
        code: 'DIS_CONTEXT_FILE_ACCESS',
        message: expect.stringContaining(
          `Cannot read the context cache file ${file}: ${file} is not readable (EACCES)`,
        ),
      }),
    );
  });

  test('a file removed between its stat and its read reads as empty', () => {
    writeFileSync(file, '{"a": 1}');
    jest.spyOn(fs, 'readFileSync').mockImplementation(() => {
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${file}'`), { code: 'ENOENT' });
    });
    expect(new FileContextStore(file).read()).toEqual({});
  });

  test('a stat refused with EACCES is an access error, not an absent file', () => {
    jest.spyOn(fs, 'lstatSync').mockImplementation(() => {
      throw Object.assign(new Error(`EACCES: permission denied, lstat '${file}'`), { code: 'EACCES' });
    });
    expect(() => new FileContextStore(file).get('a')).toThrow(
      expect.objectContaining({ code: 'DIS_CONTEXT_FILE_ACCESS' }),
    );
  });
});

describe('the lock', () => {
  test('update waits while another holder has the lock and writes once it is released', async () => {
    // GIVEN a lock taken by another thread, which releases it when told to
    const holder = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       const { lockSync } = require(workerData.lockfile);
       const release = lockSync(workerData.file, { realpath: false });
       parentPort.on('message', () => release());
       parentPort.postMessage('locked');`,
      { eval: true, workerData: { file, lockfile: require.resolve('proper-lockfile') } },
    );
    try {
      await once(holder, 'message');
      expect(existsSync(`${file}.lock`)).toBe(true);
      // the holder is told to release the lock when update first pauses for it: update has found
      // it held, and the release arrives while this thread waits (the pause itself stays real)
      const realWait = Atomics.wait.bind(Atomics);
      const pauses: number[] = [];
      jest.spyOn(Atomics, 'wait').mockImplementation((array, index, value, ms) => {
        if (pauses.push(ms!) === 1) holder.postMessage('release');
        return realWait(array, index, value, ms);
      });
      // WHEN: it may wait up to 30 s (DIS_CONTEXT_FILE_LOCKED then)
      new FileContextStore(file, { lockWaitMs: 30_000 }).update({ a: 1 });
      // THEN it paused at least once, and wrote once the holder had let go
      expect(pauses.length).toBeGreaterThan(0);
      expect(new FileContextStore(file).read()).toEqual({ a: 1 });
      expect(existsSync(`${file}.lock`)).toBe(false);
    } finally {
      await holder.terminate();
    }
  });
});
