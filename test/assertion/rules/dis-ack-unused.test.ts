import { evaluateGate } from '../../../src/assertion/evaluate-gate';
import { demo, NOW, snapshot } from '../gate-fixtures';

const reason = 'tracked in OPS-1234, resumes after the DLI migration';
const FIX =
  'Check the rule id and the task reference (task-name, stream/task-name or *) against the report, or remove the acknowledgement if its finding is gone.';

// DIS-ACK-UNUSED reads what every acknowledgement accepted, known only after the other rules ran:
// it is exercised through the engine.
describe('DIS-ACK-UNUSED: every acknowledgement in force accepts at least one finding', () => {
  test('compliant: an acknowledgement that accepts its finding', () => {
    const report = evaluateGate(
      demo('PAUSED'),
      { acknowledgements: [{ ruleId: 'DIS-TASK-STATE', task: 'orders/orders-to-dli', reason }] },
      NOW,
    );
    expect(report.findings.map((f) => f.ruleId)).toEqual(['DIS-TASK-STATE']);
    expect(report.acknowledgements[0]).toMatchObject({
      matchedFindings: 1,
      matches: [{ streamName: 'orders', taskName: 'orders-to-dli' }],
    });
  });

  test('non-compliant: a typo in the task leaves the finding failing, and the typo is reported', () => {
    const report = evaluateGate(
      demo('PAUSED'),
      { acknowledgements: [{ ruleId: 'DIS-TASK-STATE', task: 'orders/orders-to-dlx', reason }] },
      NOW,
    );
    expect(report.healthy).toBe(false);
    expect(report.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['DIS-TASK-STATE', 'error'],
      ['DIS-ACK-UNUSED', 'warning'],
    ]);
    expect(report.findings[1]).toEqual({
      ruleId: 'DIS-ACK-UNUSED',
      taskName: 'orders/orders-to-dlx',
      ackRuleId: 'DIS-TASK-STATE',
      severity: 'warning',
      message: `the acknowledgement of DIS-TASK-STATE for orders/orders-to-dlx ("${reason}") matches no finding.`,
      fix: FIX,
    });
    expect(report.acknowledgements[0]).toMatchObject({ matchedFindings: 0, matches: [] });
  });

  test('non-compliant: an acknowledgement under the wrong rule id', () => {
    const report = evaluateGate(
      demo('PAUSED'),
      { acknowledgements: [{ ruleId: 'DIS-TRANSFER-LAG', task: 'orders-to-dli', reason }] },
      NOW,
    );
    expect(report.findings.map((f) => f.ruleId)).toEqual(['DIS-TASK-STATE', 'DIS-ACK-UNUSED']);
  });

  test('edge: invalid and expired acknowledgements are reported by their own rules, not as unused', () => {
    const report = evaluateGate(
      demo(),
      {
        acknowledgements: [
          { ruleId: 'DIS-TASK-STATE', task: 'x', reason: 'short' },
          { ruleId: 'DIS-TASK-STATE', task: 'y', reason, expires: '2026-01-01' },
        ],
      },
      NOW,
    );
    expect(report.findings.map((f) => f.ruleId)).toEqual(['DIS-ACK-INVALID', 'DIS-ACK-EXPIRED']);
  });

  test('edge: an acknowledgement that may be waiting for a stream that does not exist yet is left alone', () => {
    const absent = { ...snapshot('orders', []), streamExists: false };
    const report = evaluateGate(
      [absent, ...demo().slice(1)],
      { acknowledgements: [{ ruleId: 'DIS-TASK-STATE', task: 'orders/orders-to-dli', reason }] },
      NOW,
    );
    expect(report.findings.map((f) => f.ruleId)).toEqual(['DIS-STREAM-ABSENT']);
  });
});
