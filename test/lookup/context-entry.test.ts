import {
  MODE_CONTEXT_KEY,
  PROJECT_ID_CONTEXT_KEY,
  REGION_CONTEXT_KEY,
  TransferTasksContext,
  parseContextKey,
  parseContextValue,
  parseProjectStreamsValue,
  projectStreamsContextKey,
  toContextValue,
  transferTasksContextKey,
} from '../../src/lookup/context-entry';
import { ORDERS_TASKS, PROJECT_ID, REGION } from './helpers';

describe('context keys', () => {
  test('the stream key format is pinned: committed cache files depend on it', () => {
    expect(transferTasksContextKey('cn-north-4', '0123456789abcdef0123456789abcdef', 'orders')).toBe(
      'dis-transfer-tasks:cn-north-4:0123456789abcdef0123456789abcdef:orders',
    );
  });

  test('the project stream-list key and the mode, region and project id keys are pinned', () => {
    expect(projectStreamsContextKey('cn-north-4', 'p1')).toBe('dis-transfer-tasks:cn-north-4:p1:*');
    expect(MODE_CONTEXT_KEY).toBe('dis-transfer-tasks:mode');
    expect(REGION_CONTEXT_KEY).toBe('dis-transfer-tasks:region');
    expect(PROJECT_ID_CONTEXT_KEY).toBe('dis-transfer-tasks:projectId');
  });

  test('parses the keys it builds and nothing else', () => {
    expect(parseContextKey(transferTasksContextKey('eu-west-101', 'p', 's_1'))).toEqual({
      region: 'eu-west-101',
      projectId: 'p',
      streamName: 's_1',
    });
    expect(parseContextKey(MODE_CONTEXT_KEY)).toBeUndefined();
    expect(parseContextKey('other:cn-north-4:p:s')).toBeUndefined();
    expect(parseContextKey('dis-transfer-tasks:cn-north-4::s')).toBeUndefined();
  });
});

describe('context values', () => {
  test('records the normalized response: tasks by name, no request id, the fetch time', () => {
    const value = toContextValue(
      { totalNumber: 2, quota: 3, tasks: ORDERS_TASKS, requestId: 'req-1', warnings: ['w'] },
      new Date('2026-11-28T10:00:00Z'),
    );
    expect(value).toStrictEqual({
      fetchedAt: '2026-11-28T10:00:00.000Z',
      totalNumber: 2,
      quota: 3,
      tasks: [ORDERS_TASKS[1], ORDERS_TASKS[0]],
      warnings: ['w'],
    });
    expect(JSON.stringify(value)).not.toContain('req-1');
  });

  test('a recorded value parses back to itself', () => {
    const value = toContextValue({ totalNumber: 2, tasks: ORDERS_TASKS, warnings: [] }, new Date(0));
    expect(parseContextValue(JSON.parse(JSON.stringify(value)), 'k', 'w')).toStrictEqual(value);
  });

  test('a value of the wrong shape names the key, the origin and the field', () => {
    expect(() =>
      parseContextValue(
        { fetchedAt: '2026-11-28T10:00:00Z', totalNumber: 1, tasks: [{}] },
        'the-key',
        'f.json',
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'DIS_CONTEXT_VALUE_INVALID',
        message: expect.stringContaining(
          '"the-key" in f.json is not a recorded transfer-task lookup: tasks.0.taskName',
        ),
      }),
    );
    expect(() => parseContextValue('RUNNING', 'k', 'w')).toThrow(/\(top level\)/);
  });

  const VALID = { fetchedAt: '2026-11-28T10:00:00Z', totalNumber: 1, tasks: [] };
  const TASK = { taskName: 'a', state: 'RUNNING', destinationType: 'OBS', createTime: 0 };
  test.each([
    ['a string', 'RUNNING', '(top level): expected an object, received a string'],
    ['an array', [], '(top level): expected an object, received an array'],
    ['no fetchedAt', { totalNumber: 1, tasks: [] }, 'fetchedAt: expected a string, but it is missing'],
    [
      'a date without time',
      { ...VALID, fetchedAt: '2026-11-28' },
      'fetchedAt: expected an ISO-8601 date-time with seconds and a Z or +hh:mm offset',
    ],
    [
      'a time without seconds',
      { ...VALID, fetchedAt: '2026-11-28T10:00Z' },
      'fetchedAt: expected an ISO-8601 date-time',
    ],
    [
      'month 13',
      { ...VALID, fetchedAt: '2026-13-28T10:00:00Z' },
      'fetchedAt: expected an ISO-8601 date-time',
    ],
    ['29 February 2026', { ...VALID, fetchedAt: '2026-02-29T10:00:00Z' }, 'fetchedAt: expected an ISO-8601'],
    ['offset 24:00', { ...VALID, fetchedAt: '2026-11-28T10:00:00+24:00' }, 'fetchedAt: expected an ISO-8601'],
    [
      'offset minute 60',
      { ...VALID, fetchedAt: '2026-11-28T10:00:00-05:60' },
      'fetchedAt: expected an ISO-8601',
    ],
    ['month 00', { ...VALID, fetchedAt: '2026-00-28T10:00:00Z' }, 'fetchedAt: expected an ISO-8601'],
    ['day 00', { ...VALID, fetchedAt: '2026-11-00T10:00:00Z' }, 'fetchedAt: expected an ISO-8601'],
    ['31 April', { ...VALID, fetchedAt: '2026-04-31T10:00:00Z' }, 'fetchedAt: expected an ISO-8601'],
    [
      '29 February 1900 (a century, not a leap year)',
      { ...VALID, fetchedAt: '1900-02-29T10:00:00Z' },
      'fetchedAt: expected an ISO-8601',
    ],
    ['hour 24', { ...VALID, fetchedAt: '2026-11-28T24:00:00Z' }, 'fetchedAt: expected an ISO-8601'],
    ['minute 60', { ...VALID, fetchedAt: '2026-11-28T10:60:00Z' }, 'fetchedAt: expected an ISO-8601'],
    ['second 60', { ...VALID, fetchedAt: '2026-11-28T10:00:60Z' }, 'fetchedAt: expected an ISO-8601'],
    [
      'text before the date',
      { ...VALID, fetchedAt: 'x2026-11-28T10:00:00Z' },
      'fetchedAt: expected an ISO-8601',
    ],
    [
      'text after the offset',
      { ...VALID, fetchedAt: '2026-11-28T10:00:00Zx' },
      'fetchedAt: expected an ISO-8601',
    ],
    [
      'a negative total',
      { ...VALID, totalNumber: -1 },
      'totalNumber: expected a whole number >= 0, received -1',
    ],
    ['a fractional quota', { ...VALID, quota: 1.5 }, 'quota: expected a whole number, received 1.5'],
    ['tasks as an object', { ...VALID, tasks: {} }, 'tasks: expected an array, received an object'],
    ['a null task', { ...VALID, tasks: [null] }, 'tasks.0: expected an object, received null'],
    [
      'an empty task name',
      { ...VALID, tasks: [TASK, { ...TASK, taskName: '' }] },
      `tasks.1.taskName: expected 1-64 characters of letters, digits, "_" and "-", received ''`,
    ],
    [
      'a numeric state',
      { ...VALID, tasks: [{ ...TASK, state: 1 }] },
      'tasks.0.state: expected a string, received 1',
    ],
    [
      'a createTime as text',
      { ...VALID, tasks: [{ ...TASK, createTime: '0' }] },
      'tasks.0.createTime: expected a finite number, received a string',
    ],
    [
      'a null lastTransferTimestamp',
      { ...VALID, tasks: [{ ...TASK, lastTransferTimestamp: null }] },
      'tasks.0.lastTransferTimestamp: expected a finite number, received null',
    ],
    ['a numeric warning', { ...VALID, warnings: ['w', 2] }, 'warnings.1: expected a string, received 2'],
  ])('%s: the error names the key, the field path and what was expected', (_, raw, problem) => {
    expect(() => parseContextValue(raw, 'the-key', 'f.json')).toThrow(
      expect.objectContaining({
        code: 'DIS_CONTEXT_VALUE_INVALID',
        message: expect.stringContaining(
          `"the-key" in f.json is not a recorded transfer-task lookup: ${problem}`,
        ),
      }),
    );
  });

  test('accepts offsets, fractions of a second and leap days; drops unknown fields; defaults warnings', () => {
    for (const fetchedAt of [
      '2026-11-28T10:00:00+05:30',
      '2026-11-28T10:00:00.123456Z',
      '2028-02-29T23:59:59Z',
      '2000-02-29T00:00:00Z',
      '2026-12-31T23:59:59-23:59',
      '2026-01-01T00:00:00+00:00',
    ]) {
      expect(parseContextValue({ ...VALID, fetchedAt }, 'k', 'w').fetchedAt).toBe(fetchedAt);
    }
    expect(
      parseContextValue({ ...VALID, extra: 1, tasks: [{ ...TASK, taskId: 'id1', note: 'x' }] }, 'k', 'w'),
    ).toStrictEqual({ ...VALID, tasks: [{ ...TASK, taskId: 'id1' }], warnings: [] });
  });

  test('tasks are ordered by name in code-unit order (upper case first), whatever order they came in', () => {
    const names = ['orders-c', 'orders-a', 'Orders-b', 'orders-b', 'orders-a2'];
    const value = parseContextValue(
      { ...VALID, tasks: names.map((taskName) => ({ ...TASK, taskName })) },
      'k',
      'w',
    );
    expect(value.tasks.map((t) => t.taskName)).toStrictEqual([
      'Orders-b',
      'orders-a',
      'orders-a2',
      'orders-b',
      'orders-c',
    ]);
  });

  test('a project stream list is sorted and checked', () => {
    expect(
      parseProjectStreamsValue({ fetchedAt: '2026-11-28T10:00:00Z', streams: ['b', 'a'] }, 'k', 'w').streams,
    ).toEqual(['a', 'b']);
    expect(() => parseProjectStreamsValue({ streams: ['a'] }, 'k', 'w')).toThrow(/fetchedAt/);
    expect(() =>
      parseProjectStreamsValue({ fetchedAt: '2026-11-28T10:00:00Z', streams: ['a', ''] }, 'k', 'w'),
    ).toThrow(`streams.1: expected 1-64 characters of letters, digits, "_" and "-", received ''`);
  });
});

describe('TransferTasksContext', () => {
  test('builds the key and the value a lookup would record, with defaults', () => {
    const entry = TransferTasksContext.entry({
      region: REGION,
      projectId: PROJECT_ID,
      streamName: 'orders',
      tasks: ORDERS_TASKS,
    });
    expect(entry.key).toBe(`dis-transfer-tasks:${REGION}:${PROJECT_ID}:orders`);
    expect(entry.value).toEqual({
      fetchedAt: '1970-01-01T00:00:00.000Z',
      totalNumber: 2,
      tasks: [ORDERS_TASKS[1], ORDERS_TASKS[0]],
      warnings: [],
    });
  });

  test('refuses data a lookup would refuse, at once', () => {
    expect(() =>
      TransferTasksContext.entry({
        region: REGION,
        projectId: PROJECT_ID,
        streamName: 'orders',
        tasks: [],
        fetchedAt: 'today',
      }),
    ).toThrow(expect.objectContaining({ code: 'DIS_CONTEXT_VALUE_INVALID' }));
  });

  test('builds the project stream list and merges entries into one context object', () => {
    const list = TransferTasksContext.projectEntry(REGION, PROJECT_ID, ['orders', 'clicks']);
    const orders = TransferTasksContext.entry({
      region: REGION,
      projectId: PROJECT_ID,
      streamName: 'orders',
      tasks: [],
    });
    expect(TransferTasksContext.toContext(list, orders)).toEqual({
      [`dis-transfer-tasks:${REGION}:${PROJECT_ID}:*`]: {
        fetchedAt: '1970-01-01T00:00:00.000Z',
        streams: ['clicks', 'orders'],
      },
      [orders.key]: orders.value,
    });
  });
});
