import { formatFinding } from '../../src/assertion/format-finding';
import { GateSeverity } from '../../src/assertion/gate-severity';

const base = {
  ruleId: 'DIS-TASK-STATE',
  severity: GateSeverity.ERROR,
  message: 'task s/a is PAUSED; allowed: RUNNING.',
  fix: 'Start it.',
};

describe('formatFinding', () => {
  test('names rule, message, state, destination, age and fix on one line', () => {
    expect(
      formatFinding({
        ...base,
        streamName: 's',
        taskName: 'a',
        state: 'PAUSED',
        destinationType: 'OBS',
        lastTransferAgeSeconds: 125,
      }),
    ).toBe(
      'DIS-TASK-STATE: task s/a is PAUSED; allowed: RUNNING. [state PAUSED, destination OBS, last transfer 2m 5s before fetch] Fix: Start it.',
    );
  });

  test('a task without a last transfer says it never transferred', () => {
    expect(formatFinding({ ...base, state: 'PAUSED', destinationType: 'OBS' })).toContain(
      '[state PAUSED, destination OBS, never transferred]',
    );
  });

  test('a finding about no task has no detail brackets; an acknowledged one ends with its reason', () => {
    const finding = {
      ...base,
      ruleId: 'DIS-MIN-TASKS',
      message: 'found 1 transfer task in s; at least 2 required.',
      acknowledgedReason: 'second task comes in Q1',
    };
    expect(formatFinding(finding)).toBe(
      'DIS-MIN-TASKS: found 1 transfer task in s; at least 2 required. Fix: Start it. Acknowledged: second task comes in Q1',
    );
  });
});
