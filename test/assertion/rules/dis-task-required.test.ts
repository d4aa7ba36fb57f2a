import { runRule } from '../../../src/assertion/evaluate-gate';
import { disTaskRequired } from '../../../src/assertion/rules/dis-task-required';
import { context, demo } from '../gate-fixtures';

describe('DIS-TASK-REQUIRED: required and expected tasks exist', () => {
  test('compliant: required tasks found by name or stream/name', () => {
    expect(
      runRule(disTaskRequired, context(demo(), { requiredTasks: ['orders-to-obs', 'clicks/clicks-to-obs'] })),
    ).toEqual([]);
  });

  test('compliant: no required tasks', () => {
    expect(runRule(disTaskRequired, context(demo()))).toEqual([]);
  });

  test('non-compliant: a missing required task names the streams searched', () => {
    expect(runRule(disTaskRequired, context(demo(), { requiredTasks: ['orders-to-dws'] }))).toEqual([
      {
        ruleId: 'DIS-TASK-REQUIRED',
        taskName: 'orders-to-dws',
        message: 'required task orders-to-dws was not found in streams orders, clicks.',
        fix: 'Create the transfer task orders-to-dws, or remove it from requiredTasks.',
      },
    ]);
  });

  test('non-compliant: a missing expected task in a looked-up stream', () => {
    expect(runRule(disTaskRequired, context(demo(), { expectedTasks: ['orders/orders-to-dws'] }))).toEqual([
      {
        ruleId: 'DIS-TASK-REQUIRED',
        streamName: 'orders',
        taskName: 'orders-to-dws',
        message: 'expected task orders/orders-to-dws was not found in stream orders.',
        fix: 'Create the transfer task orders/orders-to-dws, or remove it from expectedTasks.',
      },
    ]);
  });

  test('edge: a stream-qualified task in a stream that was not looked up says so', () => {
    const [finding] = runRule(
      disTaskRequired,
      context(demo(), { requiredTasks: ['payments/payments-to-obs'] }),
    );
    expect(finding.message).toBe(
      'required task payments/payments-to-obs was not found because stream payments was not looked up.',
    );
  });

  test('edge: a task in the wrong stream does not count', () => {
    const [finding] = runRule(disTaskRequired, context(demo(), { requiredTasks: ['clicks/orders-to-obs'] }));
    expect(finding.message).toBe('required task clicks/orders-to-obs was not found in stream clicks.');
  });

  test('edge: ignored tasks still satisfy a requirement; a ref both required and expected is reported once', () => {
    const rules = {
      requiredTasks: ['orders-to-dli', 'gone'],
      expectedTasks: ['gone'],
      ignoreTasks: ['orders-to-dli'],
    };
    expect(runRule(disTaskRequired, context(demo(), rules)).map((f) => f.message)).toEqual([
      'required task gone was not found in streams orders, clicks.',
    ]);
  });

  test('wording: one looked-up stream is named in the singular; none at all as (none)', () => {
    const one = context([demo()[0]], { requiredTasks: ['gone'] });
    expect(runRule(disTaskRequired, one).map((f) => f.message)).toStrictEqual([
      'required task gone was not found in stream orders.',
    ]);
    expect(
      runRule(disTaskRequired, context([], { requiredTasks: ['gone'] })).map((f) => f.message),
    ).toStrictEqual(['required task gone was not found in streams (none).']);
  });
});
