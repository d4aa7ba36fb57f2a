import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DisError } from '../../src/client/errors';
import { parseContextValue, parseProjectStreamsValue, toContextValue } from '../../src/lookup/context-entry';
import { FileContextStore } from '../../src/lookup/context-store';
import { stableJson } from '../../src/lookup/json-text';

// Issue 11, "tests that stay": the cache file and its entries are outside data. Any input gives a
// value or a coded error, never an uncoded exception, never a secret or a control character in a
// message, and never a write to an existing file.

const CANARY = 'canary-secret-7f3e9a1c55';
let saved: string | undefined;
let dir: string;
beforeAll(() => {
  saved = process.env.HW_SECRET_KEY;
  process.env.HW_SECRET_KEY = CANARY;
  dir = mkdtempSync(join(tmpdir(), 'dis-cache-property-'));
});
afterAll(() => {
  if (saved === undefined) delete process.env.HW_SECRET_KEY;
  else process.env.HW_SECRET_KEY = saved;
  rmSync(dir, { recursive: true, force: true });
});

/** Control characters (C0, C1) and bidi overrides: never in a message of ours, newlines aside. */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Strings that mix the canary, template sequences, control and bidi characters into ordinary text. */
const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    CANARY,
    `x${CANARY}y`,
    '${file("/etc/hostname")}',
    '%{if}',
    '\u001b[2J',
    'a\nb',
    '\u202e',
    '',
  ),
  fc.tuple(fc.string(), fc.constantFrom(CANARY, '\u001b]0;', '\r')).map(([a, b]) => a + b),
);

/** Values shaped like a recorded entry, with any field replaced by something else. */
const task = fc.record(
  {
    taskName: fc.oneof(hostileString, fc.constantFrom('orders-to-obs', 'T_1')),
    taskId: fc.oneof(hostileString, fc.constant(undefined)),
    state: fc.oneof(hostileString, fc.constantFrom('RUNNING', 'PAUSED', 'running')),
    destinationType: fc.oneof(hostileString, fc.constantFrom('OBS', 'DLI')),
    createTime: fc.oneof(fc.integer(), fc.double(), hostileString),
    lastTransferTimestamp: fc.oneof(fc.integer(), fc.constant(null), fc.constant(undefined)),
  },
  { requiredKeys: [] },
);
const entryLike = fc.oneof(
  fc.record(
    {
      fetchedAt: fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        hostileString,
      ),
      totalNumber: fc.oneof(fc.nat(), fc.integer(), fc.double(), hostileString),
      quota: fc.oneof(fc.nat(), fc.double(), fc.constant(undefined)),
      tasks: fc.oneof(fc.array(task, { maxLength: 4 }), fc.anything()),
      warnings: fc.oneof(fc.array(hostileString, { maxLength: 3 }), fc.anything()),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);

/** Calls `f`; returns its value, or the coded error it threw. Anything else fails the property. */
function valueOrCoded(f: () => unknown): { value?: unknown; error?: DisError } {
  try {
    return { value: f() };
  } catch (e) {
    if (!DisError.isDisError(e)) throw new Error(`an uncoded exception: ${String(e)}`);
    return { error: e };
  }
}

function expectCleanMessage(error: DisError | undefined): void {
  if (!error) return;
  expect(error.message).not.toContain(CANARY);
  expect(JSON.stringify(error.details)).not.toContain(CANARY);
  expect(error.message.replace(/\n/g, '')).not.toMatch(UNSAFE_CHARACTER);
}

describe('a recorded entry', () => {
  test('any value parses to a checked entry or a DIS_CONTEXT_VALUE_INVALID without secrets or control characters', () => {
    fc.assert(
      fc.property(entryLike, (raw) => {
        const { value, error } = valueOrCoded(() =>
          parseContextValue(raw, 'dis-transfer-tasks:cn-north-4:p:s', 'f.json'),
        );
        expectCleanMessage(error);
        if (error) expect(error.code).toBe('DIS_CONTEXT_VALUE_INVALID');
        else expect(parseContextValue(JSON.parse(JSON.stringify(value)), 'k', 'w')).toEqual(value);
      }),
      { numRuns: 500 },
    );
  });

  test('a checked entry never holds a template sequence or a control character in a name or a state', () => {
    fc.assert(
      fc.property(entryLike, (raw) => {
        const { value } = valueOrCoded(() => parseContextValue(raw, 'k', 'w'));
        for (const t of (value as { tasks?: Array<Record<string, string>> } | undefined)?.tasks ?? []) {
          for (const field of [t.taskName, t.state, t.destinationType])
            expect(field).toMatch(/^[A-Za-z0-9_-]+$/);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('what the client returns is checked before it is recorded, by the same rules', () => {
    fc.assert(
      fc.property(fc.array(task, { maxLength: 3 }), (tasks) => {
        const result = { totalNumber: tasks.length, tasks: tasks as never, warnings: [] };
        const { error } = valueOrCoded(() => toContextValue(result, new Date(0), 'k'));
        expectCleanMessage(error);
        if (error) expect(error.message).toContain('Nothing was recorded');
      }),
      { numRuns: 300 },
    );
  });

  test('a stream list holds stream names only', () => {
    fc.assert(
      fc.property(
        fc.record({
          fetchedAt: fc.constant('2026-11-28T10:00:00Z'),
          streams: fc.array(hostileString, { maxLength: 4 }),
        }),
        (raw) => {
          const { value, error } = valueOrCoded(() => parseProjectStreamsValue(raw, 'k', 'w'));
          expectCleanMessage(error);
          for (const s of (value as { streams?: string[] } | undefined)?.streams ?? [])
            expect(s).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
        },
      ),
    );
  });
});

describe('the cache file', () => {
  /** File contents: arbitrary text, JSON of anything, and valid files cut or spliced. */
  const valid = stableJson({
    'dis-transfer-tasks:cn-north-4:p:s': { fetchedAt: '2026-11-28T10:00:00Z', totalNumber: 0, tasks: [] },
  });
  const contents = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.anything().map((v) => JSON.stringify(v) ?? ''),
    fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
    fc
      .tuple(fc.nat({ max: valid.length }), hostileString)
      .map(([n, s]) => valid.slice(0, n) + s + valid.slice(n)),
  );

  test('any contents read as an object or a coded error; a failed update never writes the file', () => {
    let n = 0;
    fc.assert(
      fc.property(contents, (text) => {
        const file = join(dir, `c${n++}.json`);
        writeFileSync(file, text);
        const before = statSync(file);
        const store = new FileContextStore(file, { lockWaitMs: 1000 });
        const read = valueOrCoded(() => store.read());
        expectCleanMessage(read.error);
        if (read.error) {
          expect(read.error.code).toBe('DIS_CONTEXT_FILE_INVALID');
          const update = valueOrCoded(() => store.update({ x: 1 }));
          expect(update.error?.code).toBe('DIS_CONTEXT_FILE_INVALID');
          const after = statSync(file);
          expect([after.ino, after.mtimeMs, readFileSync(file, 'utf8')]).toEqual([
            before.ino,
            before.mtimeMs,
            text,
          ]);
        } else {
          expect(typeof read.value).toBe('object');
          expect(Array.isArray(read.value)).toBe(false);
        }
        rmSync(file, { force: true });
      }),
      { numRuns: 300 },
    );
  });
});
