import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { IContextStore } from './context-store';
import { DisContextFileError, DisContextLockError } from './errors';
import { findJsonSyntaxError } from './json-syntax-error';
import { stableJson } from './stable-json';

/** A lock whose holder has not touched it for this long is considered abandoned (proper-lockfile). */
const STALE_LOCK_MS = 10_000;

/** Options of {@link FileContextStore}. */
export interface FileContextStoreOptions {
  /**
   * How long `update` waits for the lock held by another process, in milliseconds. Longer than
   * the 10 s after which a lock left by a crashed process counts as stale and is taken over.
   * @default 15000
   */
  readonly lockWaitMs?: number;
}

/**
 * An {@link IContextStore} kept in a JSON file meant to be committed (`cdktf.context.json`).
 *
 * - A missing file reads as empty; a broken one (bad JSON, not an object) throws
 *   {@link DisContextFileError} naming the file and the position, and is never overwritten.
 * - `update` takes a lock (`proper-lockfile`, a `<file>.lock` directory), re-reads the file, merges,
 *   and replaces it atomically (`write-file-atomic`: write a temporary file, then rename), so
 *   concurrent synths in one folder keep each other's entries.
 * - Output is stable: keys sorted at every level, two-space indentation, trailing newline.
 */
export class FileContextStore implements IContextStore {
  /** The absolute path of the file. */
  public readonly file: string;
  private readonly lockWaitMs: number;
  /** The parsed file and the stat stamp it was parsed at: lookups read one key each, many times. */
  private memo?: { readonly stamp: string; readonly entries: Record<string, unknown> };

  public constructor(file: string, options: FileContextStoreOptions = {}) {
    this.file = resolve(file);
    this.lockWaitMs = options.lockWaitMs ?? 15_000;
  }

  /** Every entry of the file (a copy); `{}` when the file does not exist. */
  public read(): Record<string, unknown> {
    return structuredClone(this.current());
  }

  /** One entry (a copy), or `undefined`. The file is parsed again only when it changed. */
  public get(key: string): unknown {
    const value = this.current()[key];
    return value === undefined ? undefined : structuredClone(value);
  }

  /** Merges `entries` into the file under a lock; `undefined` values remove their key. */
  public update(entries: Record<string, unknown>): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const release = this.lock();
    try {
      const next = { ...this.readFresh() };
      for (const [key, value] of Object.entries(entries)) {
        if (value === undefined) delete next[key];
        else next[key] = value;
      }
      writeAtomically(this.file, stableJson(next));
      this.memo = undefined;
    } finally {
      release();
    }
  }

  private current(): Record<string, unknown> {
    let stamp: string;
    try {
      const stat = statSync(this.file, { bigint: true });
      stamp = `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw e;
    }
    if (this.memo?.stamp !== stamp) this.memo = { stamp, entries: this.readFresh() };
    return this.memo.entries;
  }

  private readFresh(): Record<string, unknown> {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw e;
    }
    return this.parse(text);
  }

  private parse(text: string): Record<string, unknown> {
    if (text.trim() === '') return {};
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // V8's message quotes the input instead of locating the problem: locate it ourselves.
      const syntax = findJsonSyntaxError(text);
      throw new DisContextFileError(
        this.file,
        syntax?.problem ?? 'not JSON',
        syntax?.position,
        syntax?.line,
        syntax?.column,
      );
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
      throw new DisContextFileError(this.file, `the top level is ${kind}, expected an object`, 0, 1, 1);
    }
    return value as Record<string, unknown>;
  }

  /** proper-lockfile's sync API cannot retry, so waiting for another process is done here. */
  private lock(): () => void {
    // Loaded on first write: read-only synths (offline, cache hits) never pay for it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { lockSync } = require('proper-lockfile') as typeof import('proper-lockfile');
    const deadline = Date.now() + this.lockWaitMs;
    const sleeper = new Int32Array(new SharedArrayBuffer(4));
    for (let attempt = 0; ; attempt++) {
      try {
        return lockSync(this.file, { realpath: false, stale: STALE_LOCK_MS });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
        if (Date.now() >= deadline) throw new DisContextLockError(this.file, this.lockWaitMs);
        Atomics.wait(sleeper, 0, 0, Math.min(5 + attempt * 5, 50) + Math.random() * 10);
      }
    }
  }
}

/** Write a temporary file, then rename it over `file`; loaded on first write only. */
function writeAtomically(file: string, text: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const writeFileAtomic = require('write-file-atomic') as typeof import('write-file-atomic');
  writeFileAtomic.sync(file, text);
}
