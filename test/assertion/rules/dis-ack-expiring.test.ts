import { evaluateGate, runRule } from '../../../src/assertion/evaluate-gate';
import { disAckExpiring } from '../../../src/assertion/rules/dis-ack-expiring';
import { context, demo, NOW } from '../gate-fixtures';

const reason = 'tracked in OPS-1234, resumes after the DLI migration';
const ack = (expires: string) => ({ ruleId: 'DIS-TASK-STATE', task: 'orders-to-dli', reason, expires });

describe('DIS-ACK-EXPIRING: no acknowledgement in force expires within 7 days (now is 2026-11-29T12:00Z)', () => {
  test('compliant: an expiry more than 7 days ahead, and none at all', () => {
    expect(
      runRule(disAckExpiring, context(demo('PAUSED'), { acknowledgements: [ack('2026-12-07')] })),
    ).toEqual([]);
    const forever = { ruleId: 'DIS-TASK-STATE', task: 'orders-to-dli', reason };
    expect(runRule(disAckExpiring, context(demo('PAUSED'), { acknowledgements: [forever] }))).toEqual([]);
  });

  test('non-compliant: one expiring in 2 days warns ahead, and still accepts its finding', () => {
    expect(
      runRule(disAckExpiring, context(demo('PAUSED'), { acknowledgements: [ack('2026-12-01')] })),
    ).toEqual([
      {
        ruleId: 'DIS-ACK-EXPIRING',
        taskName: 'orders-to-dli',
        ackRuleId: 'DIS-TASK-STATE',
        message: `the acknowledgement of DIS-TASK-STATE for orders-to-dli ("${reason}") expires on 2026-12-01, in 1d 12h; from then on the findings it accepts fail the gate again.`,
        fix: 'Fix what the acknowledgement accepts before then, or renew it with a later expiry and a current reason.',
      },
    ]);
    const report = evaluateGate(demo('PAUSED'), { acknowledgements: [ack('2026-12-01')] }, NOW);
    expect(report.healthy).toBe(true);
    expect(report.findings.map((f) => [f.ruleId, f.severity, f.acknowledgedReason !== undefined])).toEqual([
      ['DIS-TASK-STATE', 'error', true],
      ['DIS-ACK-EXPIRING', 'warning', false],
    ]);
  });

  test('edge: exactly 7 days ahead warns; an expired one is DIS-ACK-EXPIRED instead', () => {
    expect(
      runRule(disAckExpiring, context(demo('PAUSED'), { acknowledgements: [ack('2026-12-06T12:00:00Z')] })),
    ).toHaveLength(1);
    expect(
      runRule(disAckExpiring, context(demo('PAUSED'), { acknowledgements: [ack('2026-11-01')] })),
    ).toEqual([]);
  });
});
