// The context cache: where successful lookups are recorded between synths. The interface, a store
// in memory, the one in the committed JSON file (read here; written by context-file-write.ts), and
// the recordings of this process, which reach their store once per synth (DESIGN decision 14).
import {
  accessSync,
  constants,
  lstatSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { maskError, secretsFromEnv } from '../client/errors';
import { writeContextFile } from './context-file-write';
import { DisContextFileError, DisContextFileLinkError, fileSystemError } from './errors';
import { findJsonSyntaxError, type JsonSyntaxError } from './json-text';

/** The default context cache file name, in the working directory. */
export const DEFAULT_CONTEXT_FILE = 'cdktf.context.json';
/** The environment variable that moves the context cache file. */
export const CONTEXT_FILE_ENV_VAR = 'DIS_LOOKUP_CONTEXT_FILE';

/**
 * Where successful lookups are recorded between synths (the committed `cdktf.context.json` by
 * default). Implementations are synchronous because constructs are. Lookups call `update` once
 * per synth with everything they recorded (see {@link flushRecordings}).
 */
export interface IContextStore {
  /** Every entry of the store; an absent store reads as empty. */
  read(): Record<string, unknown>;
  /** One entry, or `undefined` when the store has none under `key`. */
  get(key: string): unknown;
  /**
   * Merges `entries` into the store; an entry whose value is `undefined` is removed. Other entries,
   * including ones written concurrently by other processes, are kept.
   */
  update(entries: Record<string, unknown>): void;
}

/** An {@link IContextStore} held in memory, for tests and for callers that manage persistence themselves. */
export class MemoryContextStore implements IContextStore {
  private entries: Record<string, unknown>;
  private keyList?: readonly string[];

  /** @param initial entries the store starts with (copied). */
  public constructor(initial: Record<string, unknown> = {}) {
    this.entries = structuredClone(initial);
  }

  /** A copy of every entry. */
  public read(): Record<string, unknown> {
    return structuredClone(this.entries);
  }

  /** A copy of one entry, or `undefined`. */
  public get(key: string): unknown {
    const value = this.entries[key];
    // Stryker disable next-line ConditionalExpression: a shortcut; structuredClone(undefined) is undefined
    return value === undefined ? undefined : structuredClone(value);
  }

  /** Merges `entries`; `undefined` values remove their key. */
  public update(entries: Record<string, unknown>): void {
    const next = { ...this.entries };
    for (const [key, value] of Object.entries(entries)) {
      if (value === undefined) delete next[key];
      else next[key] = structuredClone(value);
    }
    this.entries = next;
    this.keyList = undefined;
  }

  /**
   * One entry itself, not a copy, for lookups that check (and so copy) what they read.
   * @internal
   */
  public _peek(key: string): unknown {
    return this.entries[key];
  }

  /**
   * Every key (the same array until the store changes), for lookups that search the store.
   * @internal
   */
  public _keys(): readonly string[] {
    return (this.keyList ??= Object.freeze(Object.keys(this.entries)));
  }
}

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
 * - `update` takes a lock (a `<file>.lock` directory), re-reads the file, merges, and replaces it
 *   atomically (a temporary file renamed over it), so concurrent synths keep each other's entries
 *   (context-file-write.ts).
 * - A symbolic link is followed only to a target inside the folder that holds the link.
 * - Output is stable: keys sorted at every level, two-space indentation, trailing newline.
 * - What the file system refuses becomes a {@link DisContextFileAccessError} naming the path.
 */
export class FileContextStore implements IContextStore {
  /** The absolute path of the file. */
  public readonly file: string;
  private readonly lockWaitMs: number;
  /** Whether the folder passed the writability check of a lookup once. */
  private folderChecked = false;
  /** The parsed file and the stat stamp it was parsed at: lookups read one key each, many times. */
  private memo?: {
    readonly stamp: string;
    readonly entries: Record<string, unknown>;
    keys?: readonly string[];
  };

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
    // Stryker disable next-line ConditionalExpression: a shortcut; structuredClone(undefined) is undefined
    return value === undefined ? undefined : structuredClone(value);
  }

  /**
   * One entry itself, not a copy, for lookups that check (and so copy) what they read.
   * @internal
   */
  public _peek(key: string): unknown {
    return this.current()[key];
  }

  /**
   * Every key (the same array until the file changes), for lookups that search the file.
   * @internal
   */
  public _keys(): readonly string[] {
    const entries = this.current();
    const memo = this.memo;
    if (!memo) return Object.keys(entries);
    return (memo.keys ??= Object.freeze(Object.keys(entries)));
  }

  /**
   * Throws what a later `update` would: the file does not parse (it is never overwritten then), or
   * the file system will refuse the write. Called before a lookup asks DIS; the folder is checked
   * until it passes once (the write reports a later change), the file's contents every time.
   * @internal
   */
  public _checkWritable(): void {
    this.current();
    if (this.folderChecked) return;
    checkWritableFile(this.file);
    this.folderChecked = true;
  }

  /** Merges `entries` into the file under a lock; `undefined` values remove their key. */
  public update(entries: Record<string, unknown>): void {
    writeContextFile(this.file, this.lockWaitMs, (text) => {
      const next = { ...this.parse(text) };
      for (const [key, value] of Object.entries(entries)) {
        if (value === undefined) delete next[key];
        else next[key] = value;
      }
      return next;
    });
    this.memo = undefined;
  }

  private current(): Record<string, unknown> {
    const stat = this.stat();
    if (!stat) return {};
    const stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    if (this.memo?.stamp !== stamp) this.memo = { stamp, entries: this.readFresh() };
    return this.memo.entries;
  }

  /** The file's stats (through a link that stays in its folder), or `undefined` when it does not exist. */
  private stat(): Stats | undefined {
    let stat: Stats;
    try {
      stat = lstatSync(this.file);
      // Stryker disable next-line ConditionalExpression: linkTarget of a file that is not a link is the file itself, with the same stats
      if (stat.isSymbolicLink()) stat = statSync(linkTarget(this.file));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw fileSystemError(e, this.file, 'read', this.file);
    }
    // Stryker disable next-line ConditionalExpression: a shortcut; reading a folder fails with the same EISDIR, reported the same way
    if (stat.isDirectory()) throw fileSystemError({ code: 'EISDIR' }, this.file, 'read', this.file);
    return stat;
  }

  private readFresh(): Record<string, unknown> {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw fileSystemError(e, this.file, 'read', this.file);
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
      const syntax = locateSyntaxError(text);
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
}

/**
 * Where `text` stops being JSON; `undefined` when it is nested too deeply to say (the search
 * recurses, JSON.parse does not): the error then says "not JSON" without a place.
 */
function locateSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    return findJsonSyntaxError(text);
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

/**
 * Throws the coded error a write into `store` would end with, when it can tell before anything is
 * fetched: a file that does not parse, a link out of the app folder, a folder in the file's place, a
 * folder that is not writable (the nearest existing one: the write creates the rest). A lookup
 * checks it before it asks DIS, since what it fetched could not be recorded anyway.
 */
export function checkCanRecord(store: IContextStore): void {
  if (store instanceof FileContextStore) store._checkWritable();
}

function checkWritableFile(file: string): void {
  const target = isLink(file) ? linkTarget(file) : file;
  // The target's own refusals (a folder in its place, a stat error) are unreachable from
  // _checkWritable, which reads the file first: they are checked here for the write's sake alone.
  // Stryker disable next-line BlockStatement: unreachable, see above
  try {
    // Stryker disable next-line ConditionalExpression,ObjectLiteral,StringLiteral: unreachable, see above (current() refuses a folder first)
    if (statSync(target).isDirectory()) throw fileSystemError({ code: 'EISDIR' }, file, 'write', target);
    // Stryker disable next-line BlockStatement: unreachable, see above (current() reports any stat refusal but ENOENT first)
  } catch (e) {
    // Stryker disable next-line ConditionalExpression: unreachable, see above (only ENOENT gets here)
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw fileSystemError(e, file, 'write', target);
  }
  // The nearest folder that exists: the write creates the rest.
  let folder = dirname(target);
  for (;;) {
    try {
      // Stryker disable next-line ConditionalExpression,ObjectLiteral,StringLiteral: unreachable from _checkWritable: a file among the existing ancestors fails current()'s lstat with ENOTDIR first
      if (!statSync(folder).isDirectory()) throw fileSystemError({ code: 'ENOTDIR' }, file, 'write', folder);
      accessSync(folder, constants.W_OK);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(folder) === folder) {
        throw fileSystemError(e, file, 'write', folder);
      }
      folder = dirname(folder);
    }
  }
}

/**
 * Where a write to `file` goes: `file` itself, or the target of the symbolic link `file` when it
 * stays inside the folder that holds the link (the folder's real path). A link that leaves it is
 * refused with {@link DisContextFileLinkError}: a cloned repository could point
 * `cdktf.context.json` at any file of the user's.
 */
export function linkTarget(file: string): string {
  const folder = realpathSync(dirname(file));
  let target: string;
  try {
    target = realpathSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    // A dangling link: where a write would create the file.
    target = resolve(folder, readlinkSync(file));
  }
  const inside = relative(folder, target);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new DisContextFileLinkError(file, target, folder);
  }
  return target;
}

/** Whether `path` is a symbolic link (`false` when it does not exist). */
export function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Recordings: one write per synth. Lookups record into memory; each store is updated once with
// everything recorded for it, when synth starts writing the stacks (the lookup adds a flush to its
// stack) and when the process exits, so that a synth that fails after its lookups keeps what they
// fetched. A kill -9 loses what was not flushed, never the file (it is replaced atomically).

const recordings = new Map<IContextStore, Map<string, unknown>>();
let flushOnExit = false;

/** Adds `entries` to what `store` is updated with at the next flush (`undefined` removes a key). */
export function recordLater(store: IContextStore, entries: Record<string, unknown>): void {
  let pending = recordings.get(store);
  if (!pending) recordings.set(store, (pending = new Map()));
  for (const [key, value] of Object.entries(entries)) pending.set(key, value);
  if (!flushOnExit) {
    flushOnExit = true;
    process.on('exit', flushAtExit);
  }
}

/**
 * What `store` holds under `key` for the lookups of this process: what they recorded and have not
 * written yet, else the store's own value. Not a copy: the caller checks the value, which copies it.
 */
export function readThrough(store: IContextStore, key: string): unknown {
  const pending = recordings.get(store);
  if (pending?.has(key)) return pending.get(key);
  const peek = (store as IContextStore & { _peek?: (key: string) => unknown })._peek;
  return typeof peek === 'function' ? peek.call(store, key) : store.get(key);
}

/** Every key `store` holds for the lookups of this process (its own and the recorded ones). */
export function keysThrough(store: IContextStore): readonly string[] {
  const listed = store as IContextStore & { _keys?: () => readonly string[] };
  const own = typeof listed._keys === 'function' ? listed._keys() : Object.keys(store.read());
  const pending = recordings.get(store);
  if (!pending || pending.size === 0) return own;
  const keys = new Set(own);
  for (const [key, value] of pending) {
    if (value === undefined) keys.delete(key);
    else keys.add(key);
  }
  return [...keys];
}

/**
 * Writes what the lookups recorded: one `update` per store. A store that fails keeps nothing of
 * this flush (its entries are not retried); the others are still written, and the first failure is
 * thrown after them.
 */
export function flushRecordings(): void {
  let failure: unknown;
  for (const [store, pending] of [...recordings]) {
    recordings.delete(store);
    if (pending.size === 0) continue;
    try {
      store.update(Object.fromEntries(pending));
    } catch (e) {
      failure ??= e;
    }
  }
  if (failure !== undefined) throw failure;
}

/** True when nothing recorded is waiting to be written. */
export function nothingToFlush(): boolean {
  return [...recordings.values()].every((pending) => pending.size === 0);
}

function flushAtExit(): void {
  try {
    flushRecordings();
  } catch (e) {
    const error = maskError(e, secretsFromEnv(process.env));
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    if (!process.exitCode) process.exitCode = 1;
  }
}
