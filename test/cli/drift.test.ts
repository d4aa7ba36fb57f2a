import fc from 'fast-check';
import type { TransferTask } from '../../src/client/model';
import { compareStreams, compareTasks, streamGone } from '../../src/cli/drift';

function task(taskName: string, fields: Partial<TransferTask> = {}): TransferTask {
  return {
    taskName,
    state: 'RUNNING',
    destinationType: 'OBS',
    createTime: 1,
    lastTransferTimestamp: 10,
    ...fields,
  };
}

describe('compareTasks', () => {
  test('tasks removed, added and changed, by name; the last transfer only when asked', () => {
    // GIVEN
    const recorded = [task('a'), task('b'), task('c', { lastTransferTimestamp: 5 })];
    const live = [task('b', { state: 'PAUSED', destinationType: 'DLI' }), task('c'), task('d')];
    // WHEN
    const drift = compareTasks(recorded, live);
    // THEN
    expect(drift).toEqual([
      { change: 'removed', subject: 'task', name: 'a', recorded: recorded[0] },
      { change: 'changed', subject: 'task', name: 'b', field: 'state', recorded: 'RUNNING', live: 'PAUSED' },
      {
        change: 'changed',
        subject: 'task',
        name: 'b',
        field: 'destinationType',
        recorded: 'OBS',
        live: 'DLI',
      },
      { change: 'added', subject: 'task', name: 'd', live: live[2] },
    ]);
    expect(compareTasks(recorded, live, { lastTransfer: true })).toContainEqual({
      change: 'changed',
      subject: 'task',
      name: 'c',
      field: 'lastTransferTimestamp',
      recorded: 5,
      live: 10,
    });
  });

  test('a task created again (another creation time) is drift', () => {
    expect(compareTasks([task('a')], [task('a', { createTime: 2 })])).toEqual([
      { change: 'changed', subject: 'task', name: 'a', field: 'createTime', recorded: 1, live: 2 },
    ]);
  });

  test('property: a list has no drift with itself, and swapping sides swaps added and removed', () => {
    const tasks = fc.uniqueArray(
      fc.record({
        taskName: fc.stringMatching(/^[a-z]{1,4}$/),
        state: fc.constantFrom('RUNNING', 'PAUSED'),
        destinationType: fc.constantFrom('OBS', 'DLI'),
        createTime: fc.nat(3),
      }),
      { selector: (t) => t.taskName },
    );
    fc.assert(
      fc.property(tasks, tasks, (a, b) => {
        expect(compareTasks(a, a)).toEqual([]);
        const forward = compareTasks(a, b);
        const backward = compareTasks(b, a);
        const names = (list: typeof forward, change: string) =>
          list.filter((d) => d.change === change).map((d) => d.name);
        expect(names(forward, 'added')).toEqual(names(backward, 'removed'));
        expect(names(forward, 'changed')).toEqual(names(backward, 'changed'));
      }),
    );
  });
});

describe('compareStreams and streamGone', () => {
  test('streams added to and removed from a project', () => {
    expect(compareStreams(['a', 'b'], ['b', 'c'])).toEqual([
      { change: 'removed', subject: 'stream', name: 'a' },
      { change: 'added', subject: 'stream', name: 'c' },
    ]);
  });

  test('a stream that no longer exists is one removal carrying its task count', () => {
    expect(streamGone('orders', [task('a'), task('b')])).toEqual([
      { change: 'removed', subject: 'stream', name: 'orders', recorded: 2 },
    ]);
  });
});
