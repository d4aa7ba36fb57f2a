import { evaluateGate, runRule } from '../../src/assertion/evaluate-gate';
import { GateSeverity } from '../../src/assertion/gate-rules';
import { disTaskState } from '../../src/assertion/rules/dis-task-state';
import { FindingSubject, type GateRule } from '../../src/assertion/rules/rule';
import { DisError } from '../../src/client/errors';
import { context, demo, NOW, snapshot, task } from './gate-fixtures';

const reason = 'tracked in OPS-1234, resumes after the DLI migration';

describe('evaluateGate', () => {
  test('a healthy snapshot: no findings, every stream summarized', () => {
    const report = evaluateGate(demo(), {}, NOW);
    expect(report).toEqual({
      formatVersion: 1,
      healthy: true,
      evaluatedAt: '2026-11-29T12:00:00.000Z',
      summary: { errors: 0, warnings: 0, acknowledged: 0 },
      findings: [],
      acknowledgements: [],
      streams: [
        {
          streamName: 'orders',
          projectId: '0123456789abcdef0123456789abcdef',
          region: 'cn-north-4',
          fetchedAt: '2026-11-28T12:00:00.000Z',
          ageSeconds: 86400,
          source: 'context',
          streamExists: true,
          tasks: ['orders-to-dli', 'orders-to-obs'],
        },
        {
          streamName: 'clicks',
          projectId: '0123456789abcdef0123456789abcdef',
          region: 'cn-north-4',
          fetchedAt: '2026-11-28T12:00:00.000Z',
          ageSeconds: 86400,
          source: 'context',
          streamExists: true,
          tasks: ['clicks-to-obs'],
        },
      ],
      rules: { allowedStates: ['RUNNING'], maxSnapshotAgeSeconds: 86400 },
    });
  });

  test('a paused task fails the gate with an error finding', () => {
    const report = evaluateGate(demo('PAUSED'), {}, NOW);
    expect(report.healthy).toBe(false);
    expect(report.summary).toEqual({ errors: 1, warnings: 0, acknowledged: 0 });
    expect(report.findings[0]).toMatchObject({
      ruleId: 'DIS-TASK-STATE',
      severity: 'error',
      taskName: 'orders-to-dli',
    });
  });

  test('severity warning keeps the gate healthy but reports the findings', () => {
    const report = evaluateGate(demo('PAUSED'), { severity: GateSeverity.WARNING }, NOW);
    expect(report.healthy).toBe(true);
    expect(report.summary).toEqual({ errors: 0, warnings: 1, acknowledged: 0 });
  });

  test('an acknowledged finding is still reported, marked, and no longer fails', () => {
    const report = evaluateGate(
      demo('PAUSED'),
      {
        acknowledgements: [
          { ruleId: 'DIS-TASK-STATE', task: 'orders/orders-to-dli', reason, expires: '2027-01-01' },
        ],
      },
      NOW,
    );
    expect(report.healthy).toBe(true);
    expect(report.findings).toEqual([
      expect.objectContaining({ ruleId: 'DIS-TASK-STATE', acknowledgedReason: reason }),
    ]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, acknowledged: 1 });
    expect(report.acknowledgements).toEqual([
      {
        ruleId: 'DIS-TASK-STATE',
        task: 'orders/orders-to-dli',
        reason,
        expires: '2027-01-01',
        status: 'active',
        matchedFindings: 1,
        matches: [{ streamName: 'orders', taskName: 'orders-to-dli' }],
      },
    ]);
  });

  test('an acknowledgement of another rule or task does not match', () => {
    const report = evaluateGate(
      demo('PAUSED'),
      {
        acknowledgements: [
          { ruleId: 'DIS-TRANSFER-LAG', task: 'orders-to-dli', reason },
          { ruleId: 'DIS-TASK-STATE', task: 'clicks/orders-to-dli', reason },
        ],
      },
      NOW,
    );
    expect(report.healthy).toBe(false);
    expect(report.acknowledgements.map((a) => a.matchedFindings)).toEqual([0, 0]);
  });

  test('an expired acknowledgement does not accept its finding and is itself an error', () => {
    const report = evaluateGate(
      demo('PAUSED'),
      {
        acknowledgements: [
          { ruleId: 'DIS-TASK-STATE', task: 'orders-to-dli', reason, expires: '2026-11-01' },
        ],
      },
      NOW,
    );
    expect(report.findings.map((f) => [f.ruleId, f.severity, f.acknowledgedReason])).toEqual([
      ['DIS-TASK-STATE', 'error', undefined],
      ['DIS-ACK-EXPIRED', 'error', undefined],
    ]);
    expect(report.acknowledgements[0].status).toBe('expired');
  });

  test('a reason-less acknowledgement is an error even when severity is warning', () => {
    const report = evaluateGate(
      demo('PAUSED'),
      {
        severity: GateSeverity.WARNING,
        acknowledgements: [{ ruleId: 'DIS-TASK-STATE', task: '*', reason: '' }],
      },
      NOW,
    );
    expect(report.healthy).toBe(false);
    expect(report.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['DIS-TASK-STATE', 'warning'],
      ['DIS-ACK-INVALID', 'error'],
    ]);
  });

  test('a wildcard acknowledgement accepts findings that name no task', () => {
    const report = evaluateGate(
      demo(),
      { minTasks: 5, acknowledgements: [{ ruleId: 'DIS-MIN-TASKS', task: '*', reason }] },
      NOW,
    );
    expect(report.healthy).toBe(true);
    expect(report.summary.acknowledged).toBe(1);
  });

  test('lag is measured against fetchedAt, not now; only the evaluation time and ages move', () => {
    const snaps = [snapshot('s', [task('a', 'RUNNING', 'OBS', 120)])];
    const early = evaluateGate(snaps, { maxTransferLagSeconds: 60 }, NOW);
    const late = evaluateGate(snaps, { maxTransferLagSeconds: 60 }, NOW + 365 * 86400_000);
    const clockFree = ({ evaluatedAt: _, streams, ...rest }: typeof early) => ({
      ...rest,
      streams: streams.map(({ ageSeconds: __, ...s }) => s),
    });
    expect(clockFree(late)).toEqual(clockFree(early));
    expect(early.findings[0].lastTransferAgeSeconds).toBe(120);
    expect([early.streams[0].ageSeconds, late.streams[0].ageSeconds]).toEqual([86400, 366 * 86400]);
  });

  test('tasks are reported in stream order, then by task name', () => {
    const snaps = [
      snapshot('b', [task('z', 'PAUSED'), task('y', 'PAUSED')]),
      snapshot('a', [task('x', 'PAUSED')]),
    ];
    expect(evaluateGate(snaps, {}, NOW).findings.map((f) => `${f.streamName}/${f.taskName}`)).toEqual([
      'b/y',
      'b/z',
      'a/x',
    ]);
  });

  test.each([
    [
      { minTasks: -1 },
      'DIS_GATE_CONFIG_INVALID: The gate rules are not valid: minTasks: expected a whole number of 0 or more, found -1. Give each rule a value of the kind it expects, or leave it out.',
    ],
    [
      { maxTransferLagSeconds: Number.NaN },
      'DIS_GATE_CONFIG_INVALID: The gate rules are not valid: maxTransferLagSeconds: expected a number of 0 or more, found NaN. Give each rule a value of the kind it expects, or leave it out.',
    ],
    [
      { allowedStates: ['RUNNING', ''] },
      'DIS_GATE_CONFIG_INVALID: The gate rules are not valid: allowedStates.1: expected a non-empty string, found an empty string. Give each rule a value of the kind it expects, or leave it out.',
    ],
    [
      { severity: 'fatal' as GateSeverity },
      'DIS_GATE_CONFIG_INVALID: The gate rules are not valid: severity: expected "error" or "warning", found another string. Give each rule a value of the kind it expects, or leave it out.',
    ],
  ])('refuses malformed rules %j with a coded error', (rules, message) => {
    let caught: unknown;
    try {
      evaluateGate(demo(), rules, NOW);
    } catch (e) {
      caught = e;
    }
    expect(DisError.isDisError(caught)).toBe(true);
    expect((caught as DisError).code).toBe('DIS_GATE_CONFIG_INVALID');
    expect((caught as Error).message).toBe(message);
  });

  test('a rule whose check throws is an error finding of that rule: the gate fails, and the other rules still run', () => {
    const spy = jest.spyOn(disTaskState, 'check').mockImplementation(() => {
      throw new Error('boom');
    });
    try {
      const report = evaluateGate(demo(), { minTasks: 5 }, NOW);
      expect(report.healthy).toBe(false);
      expect(report.summary).toStrictEqual({ errors: 2, warnings: 0, acknowledged: 0 });
      expect(report.findings).toStrictEqual([
        {
          ruleId: 'DIS-TASK-STATE',
          message: 'the rule failed to evaluate: boom.',
          fix: 'Report this as a bug in cdktf-dis-transfer-tasks, with the snapshot that caused it.',
          severity: 'error',
        },
        {
          ruleId: 'DIS-MIN-TASKS',
          message: 'found 3 transfer tasks in orders, clicks; at least 5 required.',
          fix: 'Create the missing transfer tasks, or lower minTasks.',
          severity: 'error',
        },
      ]);
    } finally {
      spy.mockRestore();
    }
  });

  test('a rule that throws something other than an Error names it in the finding', () => {
    const spy = jest.spyOn(disTaskState, 'check').mockImplementation(() => {
      throw 'not an error object';
    });
    try {
      expect(evaluateGate(demo(), {}, NOW).findings.map((f) => f.message)).toStrictEqual([
        'the rule failed to evaluate: not an error object.',
      ]);
    } finally {
      spy.mockRestore();
    }
  });

  describe('an acknowledgement naming a task, on findings that name no stream', () => {
    test('DIS-TASK-REQUIRED: it accepts the finding of the task it names and no other', () => {
      const report = evaluateGate(
        demo(),
        {
          requiredTasks: ['orders-to-dws', 'orders-to-mrs'],
          acknowledgements: [{ ruleId: 'DIS-TASK-REQUIRED', task: 'orders-to-dws', reason }],
        },
        NOW,
      );
      expect(report.findings.map((f) => [f.taskName, f.streamName, f.acknowledgedReason])).toStrictEqual([
        ['orders-to-dws', undefined, reason],
        ['orders-to-mrs', undefined, undefined],
      ]);
      expect(report.healthy).toBe(false);
      expect(report.acknowledgements[0]).toMatchObject({
        matchedFindings: 1,
        matches: [{ taskName: 'orders-to-dws' }],
      });
    });

    test('DIS-TASK-REQUIRED: a stream/task reference does not accept a finding that names no stream', () => {
      const report = evaluateGate(
        demo(),
        {
          requiredTasks: ['orders-to-dws'],
          acknowledgements: [{ ruleId: 'DIS-TASK-REQUIRED', task: 'orders/orders-to-dws', reason }],
        },
        NOW,
      );
      expect(report.findings.map((f) => [f.ruleId, f.severity, f.acknowledgedReason])).toStrictEqual([
        ['DIS-TASK-REQUIRED', 'error', undefined],
        ['DIS-ACK-UNUSED', 'warning', undefined],
      ]);
      expect(report.healthy).toBe(false);
    });

    test('DIS-MIN-TASKS: a finding about no task is accepted by * only, not by a task name', () => {
      const named = evaluateGate(
        demo(),
        { minTasks: 5, acknowledgements: [{ ruleId: 'DIS-MIN-TASKS', task: 'orders-to-obs', reason }] },
        NOW,
      );
      expect(named.healthy).toBe(false);
      expect(named.summary).toStrictEqual({ errors: 1, warnings: 1, acknowledged: 0 });
      expect(named.findings.map((f) => [f.ruleId, f.severity])).toStrictEqual([
        ['DIS-MIN-TASKS', 'error'],
        ['DIS-ACK-UNUSED', 'warning'],
      ]);
      const wildcard = evaluateGate(
        demo(),
        { minTasks: 5, acknowledgements: [{ ruleId: 'DIS-MIN-TASKS', task: '*', reason }] },
        NOW,
      );
      expect(wildcard.healthy).toBe(true);
      expect(wildcard.summary).toStrictEqual({ errors: 0, warnings: 0, acknowledged: 1 });
    });
  });

  test('refuses a snapshot whose fetchedAt is not a time', () => {
    expect(() => evaluateGate([{ ...snapshot('s', []), fetchedAt: 'yesterday' }], {}, NOW)).toThrow(
      'The snapshot of stream s has a fetchedAt that is not an ISO-8601 time. Refresh the lookup (npx dis-transfer-tasks context refresh) or fix the context value.',
    );
  });
});

describe('runRule', () => {
  const rule = (check: GateRule['check']): GateRule => ({
    id: 'DIS-EXAMPLE',
    summary: 'An example.',
    description: 'An example rule.',
    subject: FindingSubject.CONFIGURATION,
    fix: 'Nothing.',
    level: GateSeverity.ERROR,
    acknowledgeable: true,
    check,
  });

  test("gives each finding of the check the rule's id", () => {
    const findings = runRule(
      rule(() => [{ message: 'm.', fix: 'f.' }]),
      context(demo()),
    );
    expect(findings).toEqual([{ ruleId: 'DIS-EXAMPLE', message: 'm.', fix: 'f.' }]);
  });

  test('a check that throws becomes a finding of its rule instead of passing or crashing', () => {
    const findings = runRule(
      rule(() => {
        throw new Error('boom');
      }),
      context(demo()),
    );
    expect(findings).toEqual([
      {
        ruleId: 'DIS-EXAMPLE',
        message: 'the rule failed to evaluate: boom.',
        fix: 'Report this as a bug in cdktf-dis-transfer-tasks, with the snapshot that caused it.',
      },
    ]);
  });
});
