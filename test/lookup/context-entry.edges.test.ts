// The recorded value's check (context-entry.ts) at its edges: date-time forms that are not the
// one a lookup writes, numbers that are not finite, what the error says was received instead, an
// answer of DIS refused before it is recorded, and tasks that share a name (kept in their order).
import { parseContextValue, toContextValue, TransferTasksContext } from '../../src/lookup/context-entry';

const VALID = { fetchedAt: '2026-11-28T10:00:00Z', totalNumber: 1, tasks: [] };
const TASK = { taskName: 'a', state: 'RUNNING', destinationType: 'OBS', createTime: 0 };

function problemOf(raw: unknown): string {
  try {
    parseContextValue(raw, 'k', 'f.json');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the value to be refused');
}

describe('date-time forms other than ISO-8601 with seconds and an offset are refused', () => {
  test.each([
    ['a one-digit month', '2026-1-28T10:00:00Z'],
    ['a two-digit year', '26-11-28T10:00:00Z'],
    ['a one-digit day', '2026-11-8T10:00:00Z'],
    ['a one-digit hour', '2026-11-28T1:00:00Z'],
    ['a one-digit minute', '2026-11-28T10:0:00Z'],
    ['a one-digit second', '2026-11-28T10:00:0Z'],
    ['a space for the T', '2026-11-28 10:00:00Z'],
    ['a lower-case t', '2026-11-28t10:00:00Z'],
    ['a lower-case z', '2026-11-28T10:00:00z'],
    ['a point without digits', '2026-11-28T10:00:00.Z'],
    ['no offset', '2026-11-28T10:00:00'],
    ['an offset without a colon', '2026-11-28T10:00:00+0530'],
    ['an offset without minutes', '2026-11-28T10:00:00+05'],
    ['an offset with one-digit hours', '2026-11-28T10:00:00+5:30'],
    ['an offset sign other than + or -', '2026-11-28T10:00:00*05:30'],
    ['a five-digit year', '12026-11-28T10:00:00Z'],
  ])('%s (%s)', (_what, fetchedAt) => {
    expect(problemOf({ ...VALID, fetchedAt })).toContain(
      'fetchedAt: expected an ISO-8601 date-time with seconds and a Z or +hh:mm offset, such as ' +
        '2026-11-28T10:00:00.000Z, received a string in another format',
    );
  });

  test.each([
    [
      'the last day of each month',
      ['01-31', '03-31', '04-30', '05-31', '06-30', '07-31', '08-31', '09-30', '10-31', '11-30', '12-31'],
    ],
    ['28 February of a common year', ['02-28']],
  ])('%s is accepted', (_what, days) => {
    for (const day of days) {
      const fetchedAt = `2026-${day}T23:59:59.5-00:30`;
      expect(parseContextValue({ ...VALID, fetchedAt }, 'k', 'w').fetchedAt).toBe(fetchedAt);
    }
  });

  test.each([['06-31'], ['09-31'], ['11-31'], ['02-30']])('2026-%s does not exist', (day) => {
    expect(problemOf({ ...VALID, fetchedAt: `2026-${day}T10:00:00Z` })).toContain(
      'fetchedAt: expected an ISO-8601',
    );
  });

  test('29 February of a year divisible by 4 but not by 100 is accepted; of 2100, refused', () => {
    expect(parseContextValue({ ...VALID, fetchedAt: '2024-02-29T00:00:00Z' }, 'k', 'w').fetchedAt).toBe(
      '2024-02-29T00:00:00Z',
    );
    expect(problemOf({ ...VALID, fetchedAt: '2100-02-29T00:00:00Z' })).toContain(
      'fetchedAt: expected an ISO-8601',
    );
  });
});

describe('what the error says was received', () => {
  test.each([
    [
      'an infinite createTime',
      { ...VALID, tasks: [{ ...TASK, createTime: Infinity }] },
      'tasks.0.createTime: expected a finite number, received Infinity',
    ],
    ['a NaN total', { ...VALID, totalNumber: NaN }, 'totalNumber: expected a finite number, received NaN'],
    [
      'an empty createTime',
      { ...VALID, tasks: [{ ...TASK, createTime: '' }] },
      'tasks.0.createTime: expected a finite number, received ""',
    ],
    ['tasks as a boolean', { ...VALID, tasks: true }, 'tasks: expected an array, received a boolean'],
    [
      'a task id as a number',
      { ...VALID, tasks: [{ ...TASK, taskId: 7 }] },
      'tasks.0.taskId: expected a string, received 7',
    ],
    [
      'a state as an object',
      { ...VALID, tasks: [{ ...TASK, state: {} }] },
      'tasks.0.state: expected a string, received an object',
    ],
    [
      'a fractional total',
      { ...VALID, totalNumber: 0.5 },
      'totalNumber: expected a whole number >= 0, received 0.5',
    ],
    ['warnings as a string', { ...VALID, warnings: 'w' }, 'warnings: expected an array, received a string'],
  ])('%s', (_what, raw, problem) => {
    expect(problemOf(raw)).toContain(`is not a recorded transfer-task lookup: ${problem}. `);
  });

  test('an empty warning and an empty task id are strings, accepted', () => {
    const value = parseContextValue({ ...VALID, warnings: [''], tasks: [{ ...TASK, taskId: '' }] }, 'k', 'w');
    expect(value.warnings).toStrictEqual(['']);
    expect(value.tasks[0].taskId).toBe('');
  });

  test('TransferTasksContext.entry() names itself as the origin of a value it refuses', () => {
    expect(() =>
      TransferTasksContext.entry({
        region: 'cn-north-4',
        projectId: '0123456789abcdef0123456789abcdef',
        streamName: 's',
        tasks: [],
        fetchedAt: 'today',
      }),
    ).toThrow(
      expect.objectContaining({
        message: expect.stringContaining('" in TransferTasksContext.entry() is not'),
      }),
    );
  });

  test('a total of 0 and a negative quota are whole numbers, accepted', () => {
    expect(parseContextValue({ ...VALID, totalNumber: 0, quota: -1 }, 'k', 'w')).toMatchObject({
      totalNumber: 0,
      quota: -1,
    });
  });
});

describe('an answer of DIS that breaks the rules', () => {
  test('is refused before it is recorded, named as a new entry from the answer of DIS, with the endpoint fix', () => {
    expect(() =>
      toContextValue(
        {
          totalNumber: 1,
          tasks: [{ ...TASK, taskName: 'bad name' }],
          warnings: [],
        },
        new Date('2026-11-28T10:00:00Z'),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'DIS_CONTEXT_VALUE_INVALID',
        details: expect.objectContaining({
          key: '(a new entry)',
          where: 'the answer of DIS',
          origin: 'fetched',
        }),
        message: expect.stringContaining('Nothing was recorded. The answer breaks the rules of the DIS API'),
      }),
    );
  });
});

describe('tasks that share a name', () => {
  test('keep the order they came in, among the others sorted by name', () => {
    const tasks = [
      { ...TASK, taskName: 'b', createTime: 1 },
      { ...TASK, taskName: 'a', createTime: 2 },
      { ...TASK, taskName: 'b', createTime: 3 },
      { ...TASK, taskName: 'a', createTime: 4 },
      { ...TASK, taskName: 'b', createTime: 5 },
    ];
    const value = parseContextValue({ ...VALID, tasks }, 'k', 'w');
    expect(value.tasks.map((t) => [t.taskName, t.createTime])).toStrictEqual([
      ['a', 2],
      ['a', 4],
      ['b', 1],
      ['b', 3],
      ['b', 5],
    ]);
  });
});
