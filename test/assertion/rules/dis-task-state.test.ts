import { runRule } from '../../../src/assertion/evaluate-gate';
import { disTaskState } from '../../../src/assertion/rules/dis-task-state';
import { context, demo, snapshot, task } from '../gate-fixtures';

describe('DIS-TASK-STATE: every task is in an allowed state', () => {
  test('compliant: every task RUNNING under the default', () => {
    expect(runRule(disTaskState, context(demo()))).toEqual([]);
  });

  test('non-compliant: a PAUSED task is reported with stream, task, state, type and age', () => {
    expect(runRule(disTaskState, context(demo('PAUSED')))).toEqual([
      {
        ruleId: 'DIS-TASK-STATE',
        streamName: 'orders',
        taskName: 'orders-to-dli',
        state: 'PAUSED',
        destinationType: 'DLI',
        lastTransferAgeSeconds: 30,
        message: 'task orders/orders-to-dli is PAUSED; allowed: RUNNING.',
        fix: 'Start the task again (DIS console, stream orders, Dump Management), or add PAUSED to allowedStates.',
      },
    ]);
  });

  test('non-compliant: ERROR and ABNORMAL ask for a repair', () => {
    const findings = runRule(
      disTaskState,
      context([snapshot('s', [task('a', 'ERROR'), task('b', 'ABNORMAL')])]),
    );
    expect(findings.map((f) => [f.message, f.fix])).toEqual([
      [
        'task s/a is ERROR; allowed: RUNNING.',
        'Repair or recreate the task (DIS console, stream s, Dump Management), or add ERROR to allowedStates.',
      ],
      [
        'task s/b is ABNORMAL; allowed: RUNNING.',
        'Repair or recreate the task (DIS console, stream s, Dump Management), or add ABNORMAL to allowedStates.',
      ],
    ]);
  });

  test('non-compliant: the fix fits the state', () => {
    const snaps = [snapshot('s', [task('a', 'STARTING'), task('b', 'DELETE')])];
    expect(runRule(disTaskState, context(snaps)).map((f) => f.fix)).toEqual([
      'Wait until the task is RUNNING and refresh the lookup, or add STARTING to allowedStates.',
      'Recreate the task if it is still needed (DIS console, stream s, Dump Management), or add DELETE to allowedStates.',
    ]);
    expect(
      runRule(disTaskState, context([snapshot('s', [task('c')])], { allowedStates: ['PAUSED'] }))[0].fix,
    ).toBe(
      'Stop the task if it must not run (DIS console, stream s, Dump Management), or add RUNNING to allowedStates.',
    );
  });

  test('edge: an unknown state fails the default rule and says it is unknown', () => {
    const [finding] = runRule(disTaskState, context([snapshot('s', [task('a', 'FROZEN')])]));
    expect(finding.message).toBe(
      'task s/a is in state "FROZEN", which is unknown (documented states: ERROR, STARTING, PAUSED, RUNNING, DELETE, ABNORMAL); allowed: RUNNING.',
    );
    expect(finding.fix).toBe(
      'Check the task in the DIS console; if "FROZEN" is healthy, add it to allowedStates.',
    );
  });

  test('edge: an unknown state listed in allowedStates is accepted', () => {
    expect(
      runRule(
        disTaskState,
        context([snapshot('s', [task('a', 'FROZEN')])], { allowedStates: ['RUNNING', 'FROZEN'] }),
      ),
    ).toEqual([]);
  });

  test('edge: allowedStates replaces the default, and ignored tasks are skipped', () => {
    const rules = { allowedStates: ['PAUSED'], ignoreTasks: ['clicks/clicks-to-obs'] };
    const findings = runRule(disTaskState, context(demo('PAUSED'), rules));
    expect(findings.map((f) => `${f.streamName}/${f.taskName}`)).toEqual(['orders/orders-to-obs']);
    expect(findings[0].message).toBe('task orders/orders-to-obs is RUNNING; allowed: PAUSED.');
  });

  test('edge: a stream without tasks is compliant', () => {
    expect(runRule(disTaskState, context([snapshot('empty', [])]))).toEqual([]);
  });
});
