// How a write waits for the cache file's lock (context-file-write.ts, `lock`): it tries again while
// another writer holds it (ELOCKED), pausing 5 ms more each time up to 50 ms plus up to 10 ms of
// jitter, and gives up at lockWaitMs with DIS_CONTEXT_FILE_LOCKED naming the lock to delete; other
// refusals end it at once. proper-lockfile's lockSync, the pause (Atomics.wait) and the clock are
// stand-ins here: the pause advances the clock by what it was asked to wait, and nothing sleeps.
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { lockSync } from 'proper-lockfile';
import { FileContextStore } from '../../src/lookup/context-store';
import { tempContextFile, thrownDisError } from './helpers';

jest.mock('proper-lockfile', () => {
  const actual = jest.requireActual<typeof import('proper-lockfile')>('proper-lockfile');
  return { ...actual, lockSync: jest.fn(actual.lockSync) };
});

let dir: string;
let file: string;
let clock: number;
let pauses: number[];
let lockCalls: number;

/** lockSync throws each of `codes` in turn (an errno, or ELOCKED), then takes the lock for real. */
function lockRefuses(...codes: string[]): void {
  const real = jest.requireActual<typeof import('proper-lockfile')>('proper-lockfile').lockSync;
  jest.mocked(lockSync).mockImplementation((path, options) => {
    const code = codes[lockCalls++];
    if (code === undefined) return real(path, options);
    throw Object.assign(new Error(`lock: ${code}`), { code });
  });
}

beforeEach(() => {
  ({ dir, file } = tempContextFile());
  clock = 1_000_000;
  pauses = [];
  lockCalls = 0;
  jest.spyOn(Date, 'now').mockImplementation(() => clock);
  jest.spyOn(Math, 'random').mockReturnValue(0.5);
  jest.spyOn(Atomics, 'wait').mockImplementation((_array, _index, _value, ms) => {
    pauses.push(ms ?? Infinity);
    clock += ms ?? 0;
    return 'timed-out';
  });
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('while another writer holds the lock', () => {
  test('the write tries again, pausing 5 ms longer each time (plus jitter), and goes through once the lock is free', () => {
    lockRefuses('ELOCKED', 'ELOCKED', 'ELOCKED');
    new FileContextStore(file, { lockWaitMs: 15_000 }).update({ a: 1 });
    expect(pauses).toStrictEqual([10, 15, 20]);
    expect(lockCalls).toBe(4);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toStrictEqual({ a: 1 });
  });

  test('the pause stops growing at 50 ms (plus jitter)', () => {
    lockRefuses(...Array.from({ length: 12 }, () => 'ELOCKED'));
    new FileContextStore(file, { lockWaitMs: 15_000 }).update({ a: 1 });
    expect(pauses).toStrictEqual([10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 55, 55]);
  });

  test('at lockWaitMs it gives up with DIS_CONTEXT_FILE_LOCKED, naming the wait and the lock to delete', () => {
    lockRefuses(...Array.from({ length: 50 }, () => 'ELOCKED'));
    const error = thrownDisError(() => new FileContextStore(file, { lockWaitMs: 100 }).update({ a: 1 }));
    // pauses of 10, 15, 20, 25 and 30 ms reach 100 ms: the sixth refusal is the last
    expect(pauses).toStrictEqual([10, 15, 20, 25, 30]);
    expect(lockCalls).toBe(6);
    expect(error.code).toBe('DIS_CONTEXT_FILE_LOCKED');
    expect(error.message).toBe(
      `DIS_CONTEXT_FILE_LOCKED: Waited 100 ms for the lock ${file}.lock held by another synth. If no other ` +
        `synth is running in this folder, the lock is stale: delete the directory ${file}.lock and run synth again.`,
    );
    expect(error.details).toStrictEqual({ file, waitedMs: 100 });
  });

  test('a wait of 0 ms gives up at the first refusal, without pausing', () => {
    lockRefuses('ELOCKED');
    const error = thrownDisError(() => new FileContextStore(file, { lockWaitMs: 0 }).update({ a: 1 }));
    expect(error.code).toBe('DIS_CONTEXT_FILE_LOCKED');
    expect(pauses).toStrictEqual([]);
  });

  test('the wait is 15 s unless the store says otherwise', () => {
    lockRefuses(...Array.from({ length: 400 }, () => 'ELOCKED'));
    const error = thrownDisError(() => new FileContextStore(file).update({ a: 1 }));
    expect(error.details).toMatchObject({ waitedMs: 15_000 });
    expect(pauses.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(15_000);
    expect(pauses.reduce((sum, ms) => sum + ms, 0) - pauses[pauses.length - 1]).toBeLessThan(15_000);
  });
});

describe('a lock refused for another reason ends the write at once', () => {
  test.each(['EACCES', 'EPERM', 'EROFS'])(
    '%s: the folder is not writable, and the error names the folder',
    (code) => {
      lockRefuses(code);
      const error = thrownDisError(() => new FileContextStore(file).update({ a: 1 }));
      expect(error).toMatchObject({ code: 'DIS_CONTEXT_FILE_ACCESS', errno: code, path: dirname(file) });
      expect(error.message).toContain(`Cannot write the context cache file ${file}: `);
      expect(pauses).toStrictEqual([]);
    },
  );

  test('any other errno is a lock error naming the lock path', () => {
    lockRefuses('EIO');
    const error = thrownDisError(() => new FileContextStore(file).update({ a: 1 }));
    expect(error).toMatchObject({ code: 'DIS_CONTEXT_FILE_ACCESS', errno: 'EIO', path: `${file}.lock` });
    expect(error.details).toMatchObject({ operation: 'lock' });
    expect(pauses).toStrictEqual([]);
  });
});
