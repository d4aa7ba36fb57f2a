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

  test('a project stream list is sorted and checked', () => {
    expect(
      parseProjectStreamsValue({ fetchedAt: '2026-11-28T10:00:00Z', streams: ['b', 'a'] }, 'k', 'w').streams,
    ).toEqual(['a', 'b']);
    expect(() => parseProjectStreamsValue({ streams: ['a'] }, 'k', 'w')).toThrow(/fetchedAt/);
  });
});
