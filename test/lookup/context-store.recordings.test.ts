// The recordings of a process (context-store.ts): what lookups record waits in memory, is seen by
// the process's own reads (`readThrough`, `keysThrough`), and reaches each store in one `update`
// per flush; a store that fails loses that flush's entries and fails the flush after the others
// are written; at exit whatever is left is flushed, a failure reported on stderr with exit code 1.
import {
  flushRecordings,
  type IContextStore,
  keysThrough,
  MemoryContextStore,
  nothingToFlush,
  readThrough,
  recordLater,
} from '../../src/lookup/context-store';

/** A store that counts its updates and may refuse them. */
class CountingStore extends MemoryContextStore {
  public updates: Record<string, unknown>[] = [];
  public constructor(
    initial: Record<string, unknown> = {},
    private readonly refusal?: Error,
  ) {
    super(initial);
  }
  public override update(entries: Record<string, unknown>): void {
    this.updates.push(entries);
    if (this.refusal) throw this.refusal;
    super.update(entries);
  }
}

/** An IContextStore with only the interface's three methods (no _peek, no _keys). */
function plainStore(entries: Record<string, unknown>): IContextStore {
  return {
    read: () => ({ ...entries }),
    get: (key) => entries[key],
    update: () => undefined,
  };
}

afterEach(() => {
  try {
    flushRecordings();
  } catch {
    // a test's refusing store: nothing left to flush either way
  }
});

describe('what the process reads', () => {
  test('readThrough: a recorded value before the store’s own, a recorded removal as undefined', () => {
    const store = new MemoryContextStore({ a: 1, b: 2 });
    recordLater(store, { a: 10, b: undefined });
    expect(readThrough(store, 'a')).toBe(10);
    expect(readThrough(store, 'b')).toBeUndefined();
    expect(readThrough(store, 'c')).toBeUndefined();
  });

  test('readThrough of a store without _peek asks its get', () => {
    expect(readThrough(plainStore({ a: 1 }), 'a')).toBe(1);
  });

  test('keysThrough: the store’s keys, plus recorded ones, minus recorded removals', () => {
    const store = new MemoryContextStore({ a: 1, b: 2 });
    recordLater(store, { c: 3, b: undefined });
    expect([...keysThrough(store)].sort()).toStrictEqual(['a', 'c']);
  });

  test('keysThrough with nothing recorded is the store’s own key list; a store without _keys is read', () => {
    const store = new MemoryContextStore({ a: 1 });
    expect(keysThrough(store)).toBe(store._keys());
    expect(keysThrough(plainStore({ x: 1, y: 2 }))).toStrictEqual(['x', 'y']);
  });
});

describe('flushRecordings', () => {
  test('updates each store once with everything recorded for it, the last value of a key winning', () => {
    const one = new CountingStore();
    const two = new CountingStore();
    recordLater(one, { a: 1 });
    recordLater(two, { x: 1 });
    recordLater(one, { b: 2, a: 3 });
    expect(nothingToFlush()).toBe(false);
    flushRecordings();
    expect(one.updates).toStrictEqual([{ a: 3, b: 2 }]);
    expect(two.updates).toStrictEqual([{ x: 1 }]);
    expect(nothingToFlush()).toBe(true);
    flushRecordings();
    expect(one.updates).toHaveLength(1);
  });

  test('a store that refuses loses its entries; the others are written, and its error is thrown after them', () => {
    const refusal = new Error('disk full');
    const failing = new CountingStore({}, refusal);
    const other = new CountingStore();
    const later = new CountingStore({}, new Error('second failure'));
    recordLater(failing, { a: 1 });
    recordLater(other, { b: 2 });
    recordLater(later, { c: 3 });
    expect(() => flushRecordings()).toThrow(refusal);
    expect(other.updates).toStrictEqual([{ b: 2 }]);
    expect(later.updates).toStrictEqual([{ c: 3 }]);
    expect(nothingToFlush()).toBe(true);
    flushRecordings();
    expect(failing.updates).toHaveLength(1);
  });

  test('nothing is flushed at all when nothing was recorded', () => {
    expect(nothingToFlush()).toBe(true);
    expect(() => flushRecordings()).not.toThrow();
  });
});

describe('at exit', () => {
  /** The exit listener recordLater installs. */
  function exitFlush(): () => void {
    const listeners = process.listeners('exit').filter((l) => l.name === 'flushAtExit');
    expect(listeners).toHaveLength(1);
    return listeners[0] as () => void;
  }

  let stderr: jest.SpyInstance;
  let exitCode: typeof process.exitCode;
  beforeEach(() => {
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    exitCode = process.exitCode;
  });
  afterEach(() => {
    stderr.mockRestore();
    process.exitCode = exitCode;
  });

  test('recording installs one exit listener, however many times it records', () => {
    recordLater(new MemoryContextStore(), { a: 1 });
    recordLater(new MemoryContextStore(), { b: 1 });
    exitFlush();
  });

  test('what is still recorded is written at exit', () => {
    const store = new CountingStore();
    recordLater(store, { a: 1 });
    exitFlush()();
    expect(store.updates).toStrictEqual([{ a: 1 }]);
    expect(stderr).not.toHaveBeenCalled();
  });

  test('a failure at exit is written to stderr, masked, and sets exit code 1', () => {
    process.exitCode = undefined;
    const secret = 'exit-secret-value-0001';
    process.env.HW_SECRET_KEY = secret;
    try {
      recordLater(new CountingStore({}, new Error(`refused with ${secret}`)), { a: 1 });
      exitFlush()();
    } finally {
      delete process.env.HW_SECRET_KEY;
    }
    expect(stderr).toHaveBeenCalledWith('refused with ***\n');
    expect(process.exitCode).toBe(1);
  });

  test('a failure at exit keeps an exit code already set', () => {
    process.exitCode = 3;
    recordLater(new CountingStore({}, new Error('refused')), { a: 1 });
    exitFlush()();
    expect(process.exitCode).toBe(3);
  });

  test('a thrown value that is not an Error is written as text', () => {
    process.exitCode = undefined;
    const store = plainStore({});
    store.update = () => {
      throw 'plain text failure';
    };
    recordLater(store, { a: 1 });
    exitFlush()();
    expect(stderr).toHaveBeenCalledWith('plain text failure\n');
  });
});
