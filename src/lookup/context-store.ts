// The context cache: where successful lookups are recorded between synths. The interface, a store
// in memory, and the one in the committed JSON file, with what that file needs: a stable format
// and a syntax error located by line and column.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DisContextFileError, DisContextLockError } from './errors';

/** The default context cache file name, in the working directory. */
export const DEFAULT_CONTEXT_FILE = 'cdktf.context.json';
/** The environment variable that moves the context cache file. */
export const CONTEXT_FILE_ENV_VAR = 'DIS_LOOKUP_CONTEXT_FILE';

/**
 * Where successful lookups are recorded between synths (the committed `cdktf.context.json` by
 * default). Implementations are synchronous because constructs are.
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
  }
}

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

/**
 * JSON with object keys sorted at every level, two-space indentation and a trailing newline:
 * the format of the committed context cache, chosen so that diffs stay small. Array order is kept.
 */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), undefined, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}

/** Where and why a text is not JSON. */
export interface JsonSyntaxError {
  /** 0-based character offset. */
  readonly position: number;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** What was wrong, without quoting the surrounding text. */
  readonly problem: string;
}

/**
 * Finds the first syntax error of `text` as JSON, or `undefined` when it parses. Written out because
 * V8's `JSON.parse` messages quote the input instead of giving a position (Node 20): a message must
 * name the place, not repeat the file.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (problem: string): never => {
    throw new Located(i, problem);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const describe = () =>
    i >= text.length ? 'unexpected end of file' : `unexpected character ${JSON.stringify(text[i])}`;
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(describe());
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        i++;
        if (i < text.length && text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('invalid \\u escape');
          i += 4;
        } else if (i >= text.length || !'"\\/bfnrt'.includes(text[i])) fail('invalid escape');
      } else if (text.charCodeAt(i) < 0x20) fail('control character in string');
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail(describe());
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`${describe()} (expected a property name in double quotes)`);
        string();
        ws();
        if (text[i] !== ':') fail(`${describe()} (expected ':')`);
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail(`${describe()} (expected ',' or '}')`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail(`${describe()} (expected ',' or ']')`);
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    fail(describe());
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`${describe()} after the end of the JSON value`);
    return undefined;
  } catch (e) {
    if (!(e instanceof Located)) throw e;
    const before = text.slice(0, e.position);
    const line = before.split('\n').length;
    const column = e.position - before.lastIndexOf('\n');
    return { position: e.position, line, column, problem: e.problem };
  }
}

class Located {
  public constructor(
    public readonly position: number,
    public readonly problem: string,
  ) {}
}
