import { runRule } from '../../../src/assertion/evaluate-gate';
import { disAckInvalid } from '../../../src/assertion/rules/dis-ack-invalid';
import { context, demo } from '../gate-fixtures';

const reason = 'tracked in OPS-1234, resumes after the DLI migration';

describe('DIS-ACK-INVALID: acknowledgements carry a known rule, a task and a reason', () => {
  test('compliant: a well-formed acknowledgement', () => {
    expect(
      runRule(
        disAckInvalid,
        context(demo(), { acknowledgements: [{ ruleId: 'DIS-TASK-STATE', task: 'orders-to-dli', reason }] }),
      ),
    ).toEqual([]);
  });

  test('non-compliant: a reason shorter than 10 characters', () => {
    expect(
      runRule(
        disAckInvalid,
        context(demo(), {
          acknowledgements: [{ ruleId: 'DIS-TASK-STATE', task: 'orders-to-dli', reason: ' later ' }],
        }),
      ),
    ).toEqual([
      {
        ruleId: 'DIS-ACK-INVALID',
        taskName: 'orders-to-dli',
        ackRuleId: 'DIS-TASK-STATE',
        message:
          'the acknowledgement of DIS-TASK-STATE for orders-to-dli is invalid: its reason "later" is shorter than 10 characters (say why the finding is acceptable).',
        fix: 'Fix or remove the acknowledgement.',
      },
    ]);
  });

  test('non-compliant: no reason at all', () => {
    const [finding] = runRule(
      disAckInvalid,
      context(demo(), { acknowledgements: [{ ruleId: 'DIS-TASK-STATE', task: 'x', reason: '' }] }),
    );
    expect(finding.message).toBe(
      'the acknowledgement of DIS-TASK-STATE for x is invalid: its reason is missing (say why the finding is acceptable).',
    );
  });

  test('edge: an unknown or unacknowledgeable rule id', () => {
    const findings = runRule(
      disAckInvalid,
      context(demo(), {
        acknowledgements: [
          { ruleId: 'DIS-TASK-NOT-RUNNING', task: 'x', reason },
          { ruleId: 'DIS-ACK-EXPIRED', task: 'x', reason },
        ],
      }),
    );
    const usable =
      'DIS-STREAM-ABSENT, DIS-SNAPSHOT-AGE, DIS-TASK-STATE, DIS-TASK-REQUIRED, DIS-TASK-UNEXPECTED, DIS-DESTINATION-TYPE, DIS-TRANSFER-LAG, DIS-MIN-TASKS';
    expect(findings.map((f) => f.message)).toEqual([
      `the acknowledgement of DIS-TASK-NOT-RUNNING for x is invalid: rule id "DIS-TASK-NOT-RUNNING" cannot be acknowledged (use one of ${usable}).`,
      `the acknowledgement of DIS-ACK-EXPIRED for x is invalid: rule id "DIS-ACK-EXPIRED" cannot be acknowledged (use one of ${usable}).`,
    ]);
  });

  test('edge: a malformed expiry and a missing task', () => {
    const findings = runRule(
      disAckInvalid,
      context(demo(), {
        acknowledgements: [
          { ruleId: 'DIS-TASK-STATE', task: 'x', reason, expires: 'next week' },
          { ruleId: 'DIS-TASK-STATE', task: '', reason },
        ],
      }),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        message:
          'the acknowledgement of DIS-TASK-STATE for x is invalid: its expiry "next week" is not a date (use YYYY-MM-DD or an ISO-8601 instant).',
      }),
      {
        ruleId: 'DIS-ACK-INVALID',
        ackRuleId: 'DIS-TASK-STATE',
        message:
          'the acknowledgement of DIS-TASK-STATE for (no task) is invalid: it names no task (use a task name, stream/task, or *).',
        fix: 'Fix or remove the acknowledgement.',
      },
    ]);
  });

  test('non-compliant: past maxAcknowledgementDays, and a rule the gate declared unacknowledgeable', () => {
    const findings = runRule(
      disAckInvalid,
      context(demo('PAUSED'), {
        maxAcknowledgementDays: 90,
        unacknowledgeableRules: ['DIS-TASK-STATE'],
        acknowledgements: [
          { ruleId: 'DIS-TASK-STATE', task: 'orders-to-dli', reason, expires: '2026-12-01' },
          { ruleId: 'DIS-TRANSFER-LAG', task: 'orders-to-dli', reason, expires: '2027-12-31' },
          { ruleId: 'DIS-MIN-TASKS', task: '*', reason },
        ],
      }),
    );
    expect(findings.map((f) => f.message)).toEqual([
      'the acknowledgement of DIS-TASK-STATE for orders-to-dli is invalid: this gate accepts no acknowledgement of DIS-TASK-STATE (unacknowledgeableRules).',
      'the acknowledgement of DIS-TRANSFER-LAG for orders-to-dli is invalid: its expiry 2027-12-31 is more than 90 days ahead, the most this gate accepts (maxAcknowledgementDays): expire it on or before 2027-02-27.',
      'the acknowledgement of DIS-MIN-TASKS for * is invalid: it has no expiry, and this gate accepts acknowledgements for at most 90 days (maxAcknowledgementDays): add expires, on or before 2027-02-27.',
    ]);
  });
});
