import { evaluateGate } from '../../src/assertion/evaluate-gate';
import { formatAge, formatFinding, formatGateReport, formatList } from '../../src/assertion/gate-report';
import { GateSeverity } from '../../src/assertion/gate-rules';
import { demo, NOW, snapshot, task } from './gate-fixtures';

const reason = 'tracked in OPS-1234, resumes after the DLI migration';

describe('formatGateReport', () => {
  test('lists errors, then warnings, then acknowledged findings, each with every detail', () => {
    const snaps = [
      snapshot('orders', [
        task('orders-to-obs', 'RUNNING', 'OBS', 7200),
        task('orders-to-dli', 'PAUSED', 'DLI', null),
      ]),
    ];
    const report = evaluateGate(
      snaps,
      {
        maxTransferLagSeconds: 3600,
        requiredTasks: ['orders-to-dws'],
        acknowledgements: [{ ruleId: 'DIS-TRANSFER-LAG', task: 'orders-to-obs', reason }],
      },
      NOW,
    );
    expect(formatGateReport(report)).toBe(
      [
        'DIS transfer task gate failed for orders: 3 errors, 0 warnings, 1 acknowledged.',
        '  ERROR DIS-TASK-STATE: task orders/orders-to-dli is PAUSED; allowed: RUNNING. [state PAUSED, destination DLI, never transferred] Fix: Start the task again (DIS console, stream orders, Dump Management), or add PAUSED to allowedStates.',
        '  ERROR DIS-TASK-REQUIRED: required task orders-to-dws was not found in stream orders. Fix: Create the transfer task orders-to-dws, or remove it from requiredTasks.',
        '  ERROR DIS-TRANSFER-LAG: task orders/orders-to-dli has never transferred, and was created 30d before the fetch (max lag 1h). [state PAUSED, destination DLI, never transferred] Fix: Find out why the task stopped dumping (DIS console, stream orders, Dump Management), or raise maxTransferLag.',
        `  ACK   DIS-TRANSFER-LAG: task orders/orders-to-obs last transferred 2h before the fetch (max lag 1h). [state RUNNING, destination OBS, last transfer 2h before fetch] Fix: Find out why the task stopped dumping (DIS console, stream orders, Dump Management), or raise maxTransferLag. Acknowledged: ${reason}`,
      ].join('\n'),
    );
  });

  test('a passing report says so', () => {
    expect(formatGateReport(evaluateGate(demo(), {}, NOW))).toBe(
      'DIS transfer task gate passed for orders, clicks: 0 warnings, 0 acknowledged.',
    );
  });
});

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

describe('formatAge', () => {
  test.each([
    [0, '0s'],
    [-5, '0s'],
    [59.9, '59s'],
    [60, '1m'],
    [725, '12m 5s'],
    [3600, '1h'],
    [11100, '3h 5m'],
    [86400, '1d'],
    [187200, '2d 4h'],
  ])('%d seconds → %s', (seconds, text) => {
    expect(formatAge(seconds)).toBe(text);
  });
});

describe('formatList', () => {
  test('joins short lists in full', () => {
    expect(formatList([])).toBe('');
    expect(formatList(['a', 'b'])).toBe('a, b');
  });

  test('shows the first items of a long list and counts the rest', () => {
    expect(formatList(['a', 'b', 'c', 'd'], 2)).toBe('a, b, … (2 more)');
    expect(formatList(Array.from({ length: 12 }, (_, i) => `t${i}`))).toBe(
      't0, t1, t2, t3, t4, t5, t6, t7, t8, t9, … (2 more)',
    );
  });
});
