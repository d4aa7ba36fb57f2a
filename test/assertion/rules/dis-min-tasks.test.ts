import { runRule } from '../../../src/assertion/evaluate-gate';
import { disMinTasks } from '../../../src/assertion/rules/dis-min-tasks';
import { context, demo, snapshot } from '../gate-fixtures';

describe('DIS-MIN-TASKS: at least minTasks tasks over all streams', () => {
  test('compliant: exactly the minimum', () => {
    expect(runRule(disMinTasks, context(demo(), { minTasks: 3 }))).toEqual([]);
  });

  test('non-compliant: fewer than the minimum', () => {
    expect(runRule(disMinTasks, context(demo(), { minTasks: 4 }))).toEqual([
      {
        ruleId: 'DIS-MIN-TASKS',
        message: 'found 3 transfer tasks in orders, clicks; at least 4 required.',
        fix: 'Create the missing transfer tasks, or lower minTasks.',
      },
    ]);
  });

  test('edge: ignored tasks do not count; singular wording', () => {
    const [finding] = runRule(
      disMinTasks,
      context(demo(), { minTasks: 2, ignoreTasks: ['orders-to-obs', 'orders-to-dli'] }),
    );
    expect(finding.message).toBe('found 1 transfer task in orders, clicks; at least 2 required.');
  });

  test('edge: an empty stream against minTasks 1', () => {
    expect(
      runRule(disMinTasks, context([snapshot('empty', [])], { minTasks: 1 })).map((f) => f.message),
    ).toEqual(['found 0 transfer tasks in empty; at least 1 required.']);
  });

  test('edge: no stream looked up is named as (none)', () => {
    expect(runRule(disMinTasks, context([], { minTasks: 1 })).map((f) => f.message)).toStrictEqual([
      'found 0 transfer tasks in (none); at least 1 required.',
    ]);
  });
});
