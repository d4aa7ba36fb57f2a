import { runRule } from '../../../src/assertion/evaluate-gate';
import { disTaskUnexpected } from '../../../src/assertion/rules/dis-task-unexpected';
import { context, demo, snapshot } from '../gate-fixtures';

describe('DIS-TASK-UNEXPECTED: no task outside expectedTasks', () => {
  test('compliant: the exact set', () => {
    expect(
      runRule(
        disTaskUnexpected,
        context(demo(), { expectedTasks: ['orders-to-obs', 'orders/orders-to-dli', 'clicks-to-obs'] }),
      ),
    ).toEqual([]);
  });

  test('compliant: no expectedTasks means no drift check', () => {
    expect(runRule(disTaskUnexpected, context(demo()))).toEqual([]);
  });

  test('non-compliant: an extra task is reported with its details', () => {
    expect(
      runRule(
        disTaskUnexpected,
        context(demo('PAUSED'), { expectedTasks: ['orders-to-obs', 'clicks-to-obs'] }),
      ),
    ).toEqual([
      {
        ruleId: 'DIS-TASK-UNEXPECTED',
        streamName: 'orders',
        taskName: 'orders-to-dli',
        state: 'PAUSED',
        destinationType: 'DLI',
        lastTransferAgeSeconds: 30,
        message: 'task orders/orders-to-dli is not in expectedTasks (orders-to-obs, clicks-to-obs).',
        fix: 'Delete the task if nobody owns it, or add it to expectedTasks or ignoreTasks.',
      },
    ]);
  });

  test('edge: an empty expectedTasks expects no task at all', () => {
    const findings = runRule(
      disTaskUnexpected,
      context([snapshot('s', [])].concat(demo().slice(1)), { expectedTasks: [] }),
    );
    expect(findings.map((f) => f.message)).toEqual([
      'task clicks/clicks-to-obs is not in expectedTasks (empty).',
    ]);
  });

  test('edge: ignored tasks are not drift', () => {
    expect(
      runRule(
        disTaskUnexpected,
        context(demo(), {
          expectedTasks: ['orders-to-obs', 'orders-to-dli'],
          ignoreTasks: ['clicks-to-obs'],
        }),
      ),
    ).toEqual([]);
  });
});
