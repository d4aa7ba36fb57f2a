import { acknowledges, checkAcknowledgement } from '../../src/assertion/acknowledgements';
import { AcknowledgementState } from '../../src/assertion/gate-report';

const now = Date.parse('2026-11-29T12:00:00Z');
const ok = { ruleId: 'DIS-TASK-STATE', task: 'orders-to-dli', reason: 'migration to DLI v2, OPS-1234' };

describe('checkAcknowledgement', () => {
  test('active without expiry or before it', () => {
    expect(checkAcknowledgement(ok, now)).toEqual({ status: AcknowledgementState.ACTIVE });
    expect(checkAcknowledgement({ ...ok, expires: '2026-11-29T12:00:01Z' }, now)).toEqual({
      status: AcknowledgementState.ACTIVE,
      expiresAt: now + 1000,
    });
  });

  test('expired from the expiry instant on, worded as a sentence can use it', () => {
    expect(checkAcknowledgement({ ...ok, expires: '2026-11-29T12:00:00Z' }, now)).toEqual({
      status: AcknowledgementState.EXPIRED,
      problem: 'expired on 2026-11-29T12:00:00Z',
      expiresAt: now,
    });
  });

  test('a reason counts without surrounding spaces; exactly 10 characters is enough', () => {
    expect(checkAcknowledgement({ ...ok, reason: '   123456789   ' }, now).status).toBe(
      AcknowledgementState.INVALID,
    );
    expect(checkAcknowledgement({ ...ok, reason: '1234567890' }, now).status).toBe(
      AcknowledgementState.ACTIVE,
    );
  });

  test('a reason that is not a string (from hand-written JSON) is missing', () => {
    expect(checkAcknowledgement({ ...ok, reason: undefined as unknown as string }, now)).toEqual({
      status: AcknowledgementState.INVALID,
      problem: 'its reason is missing (say why the finding is acceptable)',
    });
  });

  test('a task reference must be a task name, stream/task-name or *', () => {
    for (const task of ['orders-to-dli', 'orders/orders-to-dli', '*']) {
      expect(checkAcknowledgement({ ...ok, task }, now).status).toBe(AcknowledgementState.ACTIVE);
    }
    for (const task of ['orders to dli', 'a/b/c', 'orders/*', '${var.x}']) {
      expect(checkAcknowledgement({ ...ok, task }, now)).toEqual({
        status: AcknowledgementState.INVALID,
        problem:
          'its task is not a task name, stream/task-name or * (names are letters, digits, "_" and "-")',
      });
    }
  });

  describe('maxAcknowledgementDays', () => {
    const rules = { maxAcknowledgementDays: 30 };

    test('caps how far ahead the expiry may be, counted from the evaluation', () => {
      expect(checkAcknowledgement({ ...ok, expires: '2026-12-29' }, now, rules).status).toBe(
        AcknowledgementState.ACTIVE,
      );
      expect(checkAcknowledgement({ ...ok, expires: '2027-06-30' }, now, rules)).toEqual({
        status: AcknowledgementState.INVALID,
        problem:
          'its expiry 2027-06-30 is more than 30 days ahead, the most this gate accepts (maxAcknowledgementDays): expire it on or before 2026-12-29',
      });
    });

    test('then an acknowledgement needs an expiry', () => {
      expect(checkAcknowledgement(ok, now, rules)).toEqual({
        status: AcknowledgementState.INVALID,
        problem:
          'it has no expiry, and this gate accepts acknowledgements for at most 30 days (maxAcknowledgementDays): add expires, on or before 2026-12-29',
      });
      expect(checkAcknowledgement(ok, now, { maxAcknowledgementDays: 1 }).problem).toContain(
        'at most 1 day ',
      );
    });

    test('an expired acknowledgement is expired, not too far ahead', () => {
      expect(checkAcknowledgement({ ...ok, expires: '2026-01-01' }, now, rules).status).toBe(
        AcknowledgementState.EXPIRED,
      );
    });
  });

  test('a rule the gate declared unacknowledgeable cannot be acknowledged', () => {
    const rules = { unacknowledgeableRules: ['DIS-TASK-STATE'] };
    expect(checkAcknowledgement(ok, now, rules)).toEqual({
      status: AcknowledgementState.INVALID,
      problem: 'this gate accepts no acknowledgement of DIS-TASK-STATE (unacknowledgeableRules)',
    });
    expect(checkAcknowledgement({ ...ok, ruleId: 'DIS-TRANSFER-LAG' }, now, rules).status).toBe(
      AcknowledgementState.ACTIVE,
    );
  });
});

describe('acknowledges', () => {
  const finding = { streamName: 'orders', taskName: 'orders-to-dli' };

  test('a task reference accepts the findings about that task; * accepts every finding', () => {
    expect(acknowledges('orders-to-dli', finding)).toBe(true);
    expect(acknowledges('orders/orders-to-dli', finding)).toBe(true);
    expect(acknowledges('clicks/orders-to-dli', finding)).toBe(false);
    expect(acknowledges('*', {})).toBe(true);
  });

  test('a finding about no task is accepted only by *', () => {
    expect(acknowledges('orders-to-dli', { streamName: 'orders' })).toBe(false);
    expect(acknowledges('orders-to-dli', { taskName: 'orders-to-dli' })).toBe(true);
  });
});
