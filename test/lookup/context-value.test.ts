import { parseContextValue, parseProjectStreamsValue, toContextValue } from '../../src/lookup/context-value';
import { ORDERS_TASKS } from './helpers/demo-tasks';

describe('context values', () => {
  test('records the normalized response: tasks by name, no request id, the fetch time', () => {
    const value = toContextValue(
      { totalNumber: 2, quota: 3, tasks: ORDERS_TASKS, requestId: 'req-1', warnings: ['w'] },
      new Date('2026-11-28T10:00:00Z'),
    );
    expect(value).toEqual({
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
    expect(parseContextValue(JSON.parse(JSON.stringify(value)), 'k', 'w')).toEqual(value);
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
      'tasks.1.taskName: expected a non-empty string, received ""',
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
    ]) {
      expect(parseContextValue({ ...VALID, fetchedAt }, 'k', 'w').fetchedAt).toBe(fetchedAt);
    }
    expect(
      parseContextValue({ ...VALID, extra: 1, tasks: [{ ...TASK, taskId: 'id1', note: 'x' }] }, 'k', 'w'),
    ).toEqual({ ...VALID, tasks: [{ ...TASK, taskId: 'id1' }], warnings: [] });
  });

  test('a project stream list is sorted and checked', () => {
    expect(
      parseProjectStreamsValue({ fetchedAt: '2026-11-28T10:00:00Z', streams: ['b', 'a'] }, 'k', 'w').streams,
    ).toEqual(['a', 'b']);
    expect(() => parseProjectStreamsValue({ streams: ['a'] }, 'k', 'w')).toThrow(/fetchedAt/);
    expect(() =>
      parseProjectStreamsValue({ fetchedAt: '2026-11-28T10:00:00Z', streams: ['a', ''] }, 'k', 'w'),
    ).toThrow(/streams\.1: expected a non-empty string, received ""/);
  });
});
