// Writing the committed context cache file so that nothing recorded is lost or corrupted, whatever
// else runs or fails: under a lock (a `<file>.lock` directory, proper-lockfile), re-read and merged
// there, replaced atomically (a temporary file beside it, flushed to disk, renamed over it). What a
// killed writer leaves behind is cleaned up by the next one: its temporary files (under the lock,
// where no live writer has one) and its lock (stale after 10 s, or at once when dated in the
// future). What the file system refuses becomes a coded error naming the path and the fix.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isLink, linkTarget } from './context-store';
import { DisContextLockError, fileSystemError } from './errors';
import { stableJson } from './json-text';

/** A lock whose holder has not touched it for this long is abandoned (proper-lockfile's `stale`). */
export const STALE_LOCK_MS = 10_000;

/** The suffix of the temporary files a write creates beside the file: `<file>.<pid>-<8 hex>.tmp`. */
const TEMP_FILE = /^\.(\d+)-[0-9a-f]{8}\.tmp$/;

/**
 * Replaces `file` (or the target of a link that stays in its folder) with `merge(current text)`
 * under the file's lock, waiting at most `lockWaitMs` for another writer. Writes nothing when the
 * text would not change. `merge` throws to leave the file as it is (a broken file is never overwritten).
 */
export function writeContextFile(
  file: string,
  lockWaitMs: number,
  merge: (text: string) => Record<string, unknown>,
): void {
  let target: string;
  try {
    target = isLink(file) ? linkTarget(file) : file;
  } catch (e) {
    // a link that loops (ELOOP) or runs through a file (ENOTDIR): coded like every refusal
    throw fileSystemError(e, file, 'write', file);
  }
  const folder = dirname(target);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (e) {
    // EEXIST: a file is where a folder should be.
    const code =
      (e as NodeJS.ErrnoException).code === 'EEXIST' ? 'ENOTDIR' : (e as NodeJS.ErrnoException).code;
    throw fileSystemError({ code, path: (e as NodeJS.ErrnoException).path }, file, 'write', folder);
  }
  const release = lock(file, lockWaitMs);
  try {
    removeLeftovers(file, target);
    const text = readIfPresent(file, target);
    const merged = merge(text);
    if (text === '' && Object.keys(merged).length === 0) return;
    const next = stableJson(merged);
    if (next !== text) replaceFile(file, target, next);
  } finally {
    release();
  }
}

function readIfPresent(file: string, target: string): string {
  try {
    return readFileSync(target, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw fileSystemError(e, file, 'read', target);
  }
}

/** Write a temporary file beside `target`, flush it to disk, then rename it over `target`. */
function replaceFile(file: string, target: string, text: string): void {
  const temp = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o666);
    const mode = modeOf(target);
    if (mode !== undefined) fchmodSync(fd, mode);
    writeFileSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw fileSystemError(e, file, 'write', (e as { path?: string }).path ?? target);
  }
}

function modeOf(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** Removes the temporary files of writers killed mid-write: only ever called under the lock. */
function removeLeftovers(file: string, target: string): void {
  const name = basename(target);
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch (e) {
    throw fileSystemError(e, file, 'write', dirname(target));
  }
  for (const other of names) {
    if (other.startsWith(name) && TEMP_FILE.test(other.slice(name.length))) {
      rmSync(join(dirname(target), other), { force: true });
    }
  }
}

/**
 * A lock path that is not a directory is an error at once (proper-lockfile would wait for it to go
 * stale, then fail with ENOTDIR); a lock directory dated in the future is made stale (it would
 * never go stale otherwise, and every synth would wait for it).
 */
function checkLockPath(file: string, lockPath: string): void {
  let stat;
  try {
    stat = lstatSync(lockPath);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw fileSystemError(e, file, 'lock', lockPath);
  }
  if (!stat.isDirectory()) throw fileSystemError({ code: 'ENOTDIR' }, file, 'lock', lockPath);
  if (stat.mtimeMs > Date.now() + STALE_LOCK_MS) {
    try {
      utimesSync(lockPath, 0, 0);
    } catch (e) {
      throw fileSystemError(e, file, 'lock', lockPath);
    }
  }
}

/** Takes the lock, waiting for another process (proper-lockfile's sync API cannot retry itself). */
function lock(file: string, lockWaitMs: number): () => void {
  // Loaded on first write: read-only synths (offline, cache hits) never pay for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { lockSync } = require('proper-lockfile') as typeof import('proper-lockfile');
  const lockPath = `${file}.lock`;
  const deadline = Date.now() + lockWaitMs;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; ; attempt++) {
    checkLockPath(file, lockPath);
    try {
      return lockSync(file, { realpath: false, stale: STALE_LOCK_MS, lockfilePath: lockPath });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // The lock is a directory made in the file's folder: refusing it means the folder is not writable.
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
        throw fileSystemError({ code }, file, 'write', dirname(lockPath));
      }
      if (code !== 'ELOCKED') throw fileSystemError(e, file, 'lock', lockPath);
      if (Date.now() >= deadline) throw new DisContextLockError(file, lockWaitMs);
      Atomics.wait(sleeper, 0, 0, Math.min(5 + attempt * 5, 50) + Math.random() * 10);
    }
  }
}
