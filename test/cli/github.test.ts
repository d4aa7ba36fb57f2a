import { AcknowledgementState, type GateFinding, type GateReport } from '../../src/assertion/gate-report';
import { GateSeverity } from '../../src/assertion/gate-rules';
import { formatAnnotations, formatStepSummary, githubTarget } from '../../src/cli/github';

const args = (values: Record<string, boolean> = {}) => ({ values, positionals: [] });

function finding(partial: Partial<GateFinding> = {}): GateFinding {
  return {
    ruleId: 'DIS-TASK-STATE',
    streamName: 'orders',
    taskName: 'orders-to-dli',
    message: 'task orders/orders-to-dli is PAUSED.',
    fix: 'Start it.',
    severity: GateSeverity.ERROR,
    ...partial,
  };
}

function report(findings: GateFinding[], tasks: string[] = ['orders-to-dli']): GateReport {
  return {
    formatVersion: 1,
    healthy: false,
    evaluatedAt: '2026-01-01T01:00:00.000Z',
    summary: { errors: findings.length, warnings: 0, acknowledged: 0 },
    findings,
    acknowledgements: [],
    streams: [
      {
        streamName: 'orders',
        projectId: 'p',
        region: 'r',
        fetchedAt: '2026-01-01T00:00:00.000Z',
        ageSeconds: 3600,
        streamExists: true,
        tasks,
      },
    ],
    rules: {},
  };
}

describe('githubTarget', () => {
  test('on only in GitHub Actions, with the step summary file when there is one', () => {
    expect(githubTarget(args(), {})).toBeUndefined();
    expect(githubTarget(args(), { GITHUB_ACTIONS: 'true' })).toEqual({});
    expect(githubTarget(args(), { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: ' /s.md ' })).toEqual({
      summaryFile: '/s.md',
    });
  });

  test('--no-github and DIS_GITHUB=off|false|0|no turn it off; on|auto|empty leave it on', () => {
    const env = { GITHUB_ACTIONS: 'true' };
    expect(githubTarget(args({ 'no-github': true }), env)).toBeUndefined();
    for (const off of ['off', 'FALSE', '0', 'no'])
      expect(githubTarget(args(), { ...env, DIS_GITHUB: off })).toBeUndefined();
    for (const on of ['on', 'auto', '', ' 1 '])
      expect(githubTarget(args(), { ...env, DIS_GITHUB: on })).toEqual({});
  });
});

describe('formatAnnotations', () => {
  test('one command per finding at its level, acknowledged ones as notices', () => {
    const text = formatAnnotations(
      report([
        finding(),
        finding({ severity: GateSeverity.WARNING, ruleId: 'DIS-TRANSFER-LAG' }),
        finding({ acknowledgedReason: 'migration until May' }),
      ]),
    );
    expect(
      text
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(0, l.indexOf('::', 2))),
    ).toEqual([
      '::error title=DIS-TASK-STATE',
      '::warning title=DIS-TRANSFER-LAG',
      '::notice title=DIS-TASK-STATE',
    ]);
  });

  test('a message with CR, LF and % stays one command; the title escapes : and ,', () => {
    const text = formatAnnotations(report([finding({ ruleId: 'A:B,C', message: '50%\r\n::error::forged' })]));
    expect(text).toBe('::error title=A%3AB%2CC::50%25%0D%0A::error::forged Fix: Start it.\n');
  });
});

describe('formatStepSummary', () => {
  test('tables escape every value; the task table shows each fetched task with its state', () => {
    const md = formatStepSummary(
      report([finding({ message: 'x | y <b>' })], ['orders-to-dli', 'orders-to-obs']),
      new Map([
        ['orders', [{ taskName: 'orders-to-dli', state: 'PAUSED', destinationType: 'DLI', createTime: 0 }]],
      ]),
    );
    expect(md).toContain('| orders | r | p | 2026\\-01\\-01T00\\:00\\:00\\.000Z | 1h | 2 |');
    expect(md).toContain('| orders | orders\\-to\\-dli | PAUSED | DLI |');
    expect(md).toContain('| error | DIS\\-TASK\\-STATE | orders | orders\\-to\\-dli | x \\| y \\<b\\> |');
  });

  test('a stream that does not exist yet says so; acknowledgements list what they matched', () => {
    // GIVEN
    const base = report([]);
    const absent: GateReport = {
      ...base,
      streams: [{ ...base.streams[0], streamExists: false, tasks: [] }],
      acknowledgements: [
        {
          ruleId: 'DIS-TASK-STATE',
          task: '*',
          reason: 'all paused for the migration',
          status: AcknowledgementState.ACTIVE,
          matchedFindings: 2,
          matches: [
            { streamName: 'orders', taskName: 'a' },
            { streamName: 'orders', taskName: 'b' },
          ],
        },
        {
          ruleId: 'DIS-MIN-TASKS',
          task: '*',
          reason: 'a typo in the acknowledged rule',
          status: AcknowledgementState.ACTIVE,
          matchedFindings: 0,
          matches: [],
        },
      ],
    };
    // WHEN
    const md = formatStepSummary(absent, new Map());
    // THEN
    expect(md).toContain('| 1h | stream does not exist |');
    expect(md).toContain(String.raw`| active | orders\/a\, orders\/b |`);
    expect(md).toContain('| active | nothing |');
  });

  test('a stream whose tasks were not fetched lists their names without states', () => {
    const md = formatStepSummary(report([], ['orders-to-obs']), new Map());
    expect(md).toContain('| orders | orders\\-to\\-obs |  |  |');
  });

  test('a table stops at 200 rows and says how many more there are', () => {
    const names = Array.from({ length: 250 }, (_, i) => `t${i}`);
    const md = formatStepSummary(report([], names), new Map());
    expect(md).toContain('… and 50 more rows (see the job log).');
    expect(md.split('\n').filter((l) => l.startsWith('| orders | t'))).toHaveLength(200);
  });
});
