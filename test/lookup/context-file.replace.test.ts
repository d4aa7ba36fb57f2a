// How the cache file is replaced (context-file-write.ts): the new text goes to a temporary file
// beside it, with the file's own mode, and is renamed over it. When a step fails, the error names
// the file and where it failed, the temporary file and its descriptor are gone, the lock is
// released and the file is as it was. Failures are injected into node:fs for one call each.
import * as fs from 'node:fs';
import { join } from 'node:path';
import { FileContextStore } from '../../src/lookup/context-store';
import { tempContextFile, thrownDisError } from './helpers';

jest.mock('node:fs', () => {
  const actual = jest.requireActual<typeof import('node:fs')>('node:fs');
  return {
    ...actual,
    lstatSync: jest.fn(actual.lstatSync),
    mkdirSync: jest.fn(actual.mkdirSync),
    openSync: jest.fn(actual.openSync),
    renameSync: jest.fn(actual.renameSync),
    writeFileSync: jest.fn(actual.writeFileSync),
    readdirSync: jest.fn(actual.readdirSync),
    utimesSync: jest.fn(actual.utimesSync),
  };
});

let dir: string;
let file: string;
beforeEach(() => ({ dir, file } = tempContextFile()));
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The next call of `name` throws a file-system error with `code` (and `path`, when given). */
function failOnce(
  name: 'mkdirSync' | 'openSync' | 'renameSync' | 'writeFileSync' | 'readdirSync' | 'utimesSync',
  code: string,
  path?: string,
) {
  (jest.mocked(fs[name]) as jest.Mock).mockImplementationOnce(() => {
    throw Object.assign(new Error(`${name}: ${code}`), { code, ...(path === undefined ? {} : { path }) });
  });
}

function openDescriptors(): number {
  return fs.readdirSync('/proc/self/fd').length;
}

test('an existing file keeps its mode when it is replaced', () => {
  fs.writeFileSync(file, '{}\n');
  fs.chmodSync(file, 0o640);
  new FileContextStore(file).update({ a: 1 });
  expect(fs.statSync(file).mode & 0o777).toBe(0o640);
  expect(fs.readFileSync(file, 'utf8')).toBe('{\n  "a": 1\n}\n');
});

test('a rename that fails: the error names the file, the temporary file is removed, the file is unchanged', () => {
  fs.writeFileSync(file, '{"kept": true}\n');
  failOnce('renameSync', 'ENOSPC');
  const error = thrownDisError(() => new FileContextStore(file).update({ a: 1 }));
  expect(error).toMatchObject({ code: 'DIS_CONTEXT_FILE_ACCESS', errno: 'ENOSPC', path: file });
  expect(error.message).toContain(
    `Cannot write the context cache file ${file}: no space left on the device of ${file} (ENOSPC).`,
  );
  expect(fs.readdirSync(dir)).toStrictEqual(['cdktf.context.json']);
  expect(fs.readFileSync(file, 'utf8')).toBe('{"kept": true}\n');
});

test('a failure that names its own path is reported at that path', () => {
  const temp = join(dir, 'elsewhere.tmp');
  failOnce('renameSync', 'EPERM', temp);
  const error = thrownDisError(() => new FileContextStore(file).update({ a: 1 }));
  expect(error).toMatchObject({ errno: 'EPERM', path: temp });
  expect(fs.readdirSync(dir)).toStrictEqual([]);
});

test('a write into the temporary file that fails closes its descriptor and removes it', () => {
  const before = openDescriptors();
  failOnce('writeFileSync', 'ENOSPC');
  const error = thrownDisError(() => new FileContextStore(file).update({ a: 1 }));
  expect(error).toMatchObject({ code: 'DIS_CONTEXT_FILE_ACCESS', errno: 'ENOSPC' });
  expect(openDescriptors()).toBe(before);
  expect(fs.readdirSync(dir)).toStrictEqual([]);
});

test('a folder that cannot be listed (for leftovers) is named as the place the write failed', () => {
  fs.writeFileSync(file, '{}\n');
  failOnce('readdirSync', 'EACCES');
  const error = thrownDisError(() => new FileContextStore(file).update({ a: 1 }));
  expect(error).toMatchObject({ code: 'DIS_CONTEXT_FILE_ACCESS', errno: 'EACCES', path: dir });
  expect(error.details).toMatchObject({ operation: 'write' });
  expect(fs.readdirSync(dir)).toStrictEqual(['cdktf.context.json']);
});

test('a lock dated in the future whose date cannot be reset is a lock error naming the lock', () => {
  fs.mkdirSync(`${file}.lock`);
  const inAnHour = new Date(Date.now() + 3_600_000);
  fs.utimesSync(`${file}.lock`, inAnHour, inAnHour);
  failOnce('utimesSync', 'EPERM');
  const error = thrownDisError(() => new FileContextStore(file).update({ a: 1 }));
  expect(error).toMatchObject({ code: 'DIS_CONTEXT_FILE_ACCESS', errno: 'EPERM', path: `${file}.lock` });
  expect(error.details).toMatchObject({ operation: 'lock' });
});

test('a lock dated less than 10 s ahead is respected as it is, not made stale: the write waits for it', () => {
  // only a date more than STALE_LOCK_MS ahead counts as "in the future" (a clock skew is not)
  fs.mkdirSync(`${file}.lock`);
  const ahead = new Date(Date.now() + 9_000);
  fs.utimesSync(`${file}.lock`, ahead, ahead);
  const error = thrownDisError(() => new FileContextStore(file, { lockWaitMs: 0 }).update({ a: 1 }));
  expect(error.code).toBe('DIS_CONTEXT_FILE_LOCKED');
});

test('the temporary file is named <file>.<pid>-<8 hex digits>.tmp, the form a later write removes as a leftover', () => {
  const rename = jest.mocked(fs.renameSync);
  rename.mockClear();
  new FileContextStore(file).update({ a: 1 });
  expect(rename).toHaveBeenCalledTimes(1);
  const [temp, target] = rename.mock.calls[0];
  expect(target).toBe(file);
  expect(String(temp)).toMatch(
    new RegExp(`^${file.replaceAll('.', '\\.')}\\.${process.pid}-[0-9a-f]{8}\\.tmp$`),
  );
});

test('only files of exactly that form are removed as leftovers', () => {
  const leftovers = ['cdktf.context.json.1-00000000.tmp', 'cdktf.context.json.123456-abcdef09.tmp'];
  const lookalikes = [
    'cdktf.context.jsonX.1-00000000.tmp',
    'cdktf.context.json.-00000000.tmp',
    'cdktf.context.json.a-00000000.tmp',
    'cdktf.context.json.1-0000000.tmp',
    'cdktf.context.json.1-000000000.tmp',
    'cdktf.context.json.1-0000000g.tmp',
    'cdktf.context.json.1-ABCDEF00.tmp',
    'cdktf.context.json.1-00000000xtmp',
    'cdktf.context.json.1-00000000.tmpx',
    'cdktf.context.json11-00000000.tmp',
  ];
  for (const name of [...leftovers, ...lookalikes]) fs.writeFileSync(join(dir, name), 'x');
  new FileContextStore(file).update({ a: 1 });
  expect(fs.readdirSync(dir).sort()).toStrictEqual(['cdktf.context.json', ...lookalikes].sort());
});

test.each([
  ['EACCES with the path it names', 'EACCES', '/somewhere/else', '/somewhere/else'],
  ['EACCES without a path, at the folder', 'EACCES', undefined, 'FOLDER'],
  ['EEXIST (a file in a folder’s place), as ENOTDIR', 'EEXIST', undefined, 'FOLDER'],
])('a folder that cannot be created: %s', (_what, code, path, where) => {
  const nested = join(dir, 'sub', 'cdktf.context.json');
  failOnce('mkdirSync', code, path);
  const error = thrownDisError(() => new FileContextStore(nested).update({ a: 1 }));
  expect(error).toMatchObject({
    code: 'DIS_CONTEXT_FILE_ACCESS',
    errno: code === 'EEXIST' ? 'ENOTDIR' : code,
    path: where === 'FOLDER' ? join(dir, 'sub') : where,
  });
  expect(error.details).toMatchObject({ operation: 'write' });
});

test('a lock dated exactly 10 s ahead is not yet "in the future": it is respected', () => {
  const now = Date.parse('2026-11-28T10:00:00Z');
  jest.spyOn(Date, 'now').mockReturnValue(now);
  try {
    fs.mkdirSync(`${file}.lock`);
    fs.utimesSync(`${file}.lock`, (now + 10_000) / 1000, (now + 10_000) / 1000);
    const error = thrownDisError(() => new FileContextStore(file, { lockWaitMs: 0 }).update({ a: 1 }));
    expect(error.code).toBe('DIS_CONTEXT_FILE_LOCKED');
  } finally {
    jest.restoreAllMocks();
  }
});

test('a temporary file that cannot be created: the error is the refusal itself, and nothing is left', () => {
  failOnce('openSync', 'EACCES');
  const error = thrownDisError(() => new FileContextStore(file).update({ a: 1 }));
  expect(error).toMatchObject({ code: 'DIS_CONTEXT_FILE_ACCESS', errno: 'EACCES', path: file });
  expect(fs.readdirSync(dir)).toStrictEqual([]);
});

test('a lock path whose stat is refused is a lock error naming the lock path', () => {
  const actual = jest.requireActual<typeof import('node:fs')>('node:fs').lstatSync;
  jest.mocked(fs.lstatSync).mockImplementation(((path: fs.PathLike, options?: fs.StatSyncOptions) => {
    if (String(path).endsWith('.lock')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    return actual(path, options);
  }) as typeof fs.lstatSync);
  try {
    const error = thrownDisError(() => new FileContextStore(file).update({ a: 1 }));
    expect(error).toMatchObject({ code: 'DIS_CONTEXT_FILE_ACCESS', errno: 'EACCES', path: `${file}.lock` });
    expect(error.details).toMatchObject({ operation: 'lock' });
  } finally {
    jest.mocked(fs.lstatSync).mockImplementation(actual);
  }
});
