import { runRule } from '../../../src/assertion/evaluate-gate';
import { disAckExpired } from '../../../src/assertion/rules/dis-ack-expired';
import { context, demo } from '../gate-fixtures';

const reason = 'tracked in OPS-1234, resumes after the DLI migration';

describe('DIS-ACK-EXPIRED: acknowledgements are within their expiry (now is 2026-11-29T12:00Z)', () => {
  test('compliant: a future expiry, and no expiry', () => {
    const acknowledgements = [
      { ruleId: 'DIS-TASK-STATE', task: 'a', reason, expires: '2026-12-01' },
      { ruleId: 'DIS-TASK-STATE', task: 'b', reason },
    ];
    expect(runRule(disAckExpired, context(demo(), { acknowledgements }))).toEqual([]);
  });

  test('non-compliant: an expiry in the past', () => {
    expect(
      runRule(
        disAckExpired,
        context(demo(), {
          acknowledgements: [
            { ruleId: 'DIS-TASK-STATE', task: 'orders-to-dli', reason, expires: '2026-11-01' },
          ],
        }),
      ),
    ).toEqual([
      {
        ruleId: 'DIS-ACK-EXPIRED',
        taskName: 'orders-to-dli',
        ackRuleId: 'DIS-TASK-STATE',
        message: `the acknowledgement of DIS-TASK-STATE for orders-to-dli ("${reason}") expired on 2026-11-01.`,
        fix: 'Fix what the acknowledgement accepted, or renew it with a later expiry and a current reason.',
      },
    ]);
  });

  test('edge: a date expires at the start of that day, UTC', () => {
    const today = [{ ruleId: 'DIS-TASK-STATE', task: 'a', reason, expires: '2026-11-29' }];
    const tomorrow = [{ ruleId: 'DIS-TASK-STATE', task: 'a', reason, expires: '2026-11-30' }];
    expect(runRule(disAckExpired, context(demo(), { acknowledgements: today }))).toHaveLength(1);
    expect(runRule(disAckExpired, context(demo(), { acknowledgements: tomorrow }))).toHaveLength(0);
  });

  test('edge: an invalid acknowledgement is not also reported as expired', () => {
    expect(
      runRule(
        disAckExpired,
        context(demo(), {
          acknowledgements: [{ ruleId: 'DIS-TASK-STATE', task: 'a', reason: 'short', expires: '2020-01-01' }],
        }),
      ),
    ).toEqual([]);
  });
});
