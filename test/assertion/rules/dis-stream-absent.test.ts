import { evaluateGate, runRule } from '../../../src/assertion/evaluate-gate';
import { GateSeverity } from '../../../src/assertion/gate-rules';
import { disStreamAbsent } from '../../../src/assertion/rules/dis-stream-absent';
import { context, demo, NOW, snapshot, task } from '../gate-fixtures';

/** The first deploy of a stack that creates stream orders: the lookup found no stream. */
const absent = { ...snapshot('orders', []), source: 'api', streamExists: false };
const clicks = snapshot('clicks', [task('clicks-to-obs')]);

describe('DIS-STREAM-ABSENT: every looked-up stream exists', () => {
  test('compliant: streams that exist, with or without tasks', () => {
    expect(runRule(disStreamAbsent, context([...demo(), snapshot('empty', [])]))).toEqual([]);
  });

  test('non-compliant: a stream that does not exist yet is named with what the gate will check of it', () => {
    const rules = {
      requiredTasks: ['orders/orders-to-obs', 'orders-to-dli', 'clicks-to-obs'],
      expectedTasks: ['orders/orders-to-obs', 'clicks/clicks-to-obs'],
      minTasks: 3,
    };
    expect(runRule(disStreamAbsent, context([absent, clicks], rules))).toEqual([
      {
        ruleId: 'DIS-STREAM-ABSENT',
        streamName: 'orders',
        message:
          'stream orders does not exist yet in project 0123456789abcdef0123456789abcdef (cn-north-4), so none of its tasks could be checked; the gate checks its required tasks orders/orders-to-obs, orders-to-dli, its expected tasks orders/orders-to-obs and minTasks (3) once it exists.',
        fix: 'Deploy the stack that creates stream orders, create its transfer tasks, and synth again (the lookup looks again: nothing was recorded). To refuse to deploy until it exists, set absentStreamSeverity to GateSeverity.ERROR.',
      },
    ]);
  });

  test('a warning by default: the first deploy passes, and the other rules do not fire for the stream', () => {
    const report = evaluateGate(
      [absent, clicks],
      {
        requiredTasks: ['orders/orders-to-obs', 'orders-to-dli'],
        expectedTasks: ['clicks-to-obs'],
        minTasks: 2,
      },
      NOW,
    );
    expect(report.healthy).toBe(true);
    expect(report.findings.map((f) => [f.ruleId, f.severity])).toEqual([['DIS-STREAM-ABSENT', 'warning']]);
    expect(report.streams[0]).toMatchObject({ streamName: 'orders', streamExists: false, tasks: [] });
  });

  test('configurable to error, which fails the gate; severity WARNING still makes it a warning', () => {
    const strict = evaluateGate([absent], { absentStreamSeverity: GateSeverity.ERROR }, NOW);
    expect(strict.healthy).toBe(false);
    expect(strict.findings[0]).toMatchObject({ ruleId: 'DIS-STREAM-ABSENT', severity: 'error' });
    expect(strict.findings[0].fix).toContain(
      'To let the first deploy through, set absentStreamSeverity to GateSeverity.WARNING.',
    );
    const relaxed = evaluateGate(
      [absent],
      { absentStreamSeverity: GateSeverity.ERROR, severity: GateSeverity.WARNING },
      NOW,
    );
    expect(relaxed.findings[0].severity).toBe('warning');
  });

  test('edge: a required task missing from a stream that exists still fails', () => {
    const report = evaluateGate([absent, clicks], { requiredTasks: ['clicks/clicks-to-dli'] }, NOW);
    expect(report.findings.map((f) => f.ruleId)).toEqual(['DIS-STREAM-ABSENT', 'DIS-TASK-REQUIRED']);
    expect(report.healthy).toBe(false);
  });

  test('edge: once the stream exists, its required tasks are checked again', () => {
    const created = snapshot('orders', []);
    const report = evaluateGate([created, clicks], { requiredTasks: ['orders/orders-to-obs'] }, NOW);
    expect(report.findings.map((f) => f.ruleId)).toEqual(['DIS-TASK-REQUIRED']);
  });

  test('wording: with nothing to wait for it names its tasks; one check alone; two joined by "and"; a ref listed twice once', () => {
    const awaited = (rules: object) =>
      runRule(disStreamAbsent, context([absent], rules))[0].message.replace(/^.*; the gate checks /, '');
    expect(awaited({})).toBe('its tasks once it exists.');
    expect(awaited({ minTasks: 2 })).toBe('minTasks (2) once it exists.');
    expect(awaited({ requiredTasks: ['a', 'a'], minTasks: 1 })).toBe(
      'its required tasks a and minTasks (1) once it exists.',
    );
    expect(awaited({ requiredTasks: ['a'], expectedTasks: ['orders/b'] })).toBe(
      'its required tasks a and its expected tasks orders/b once it exists.',
    );
  });
});
