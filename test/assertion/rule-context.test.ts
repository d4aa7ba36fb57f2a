import { AcknowledgementState } from '../../src/assertion/gate-report';
import { checkAcknowledgement, matchesTaskRef, TaskRefSet } from '../../src/assertion/rule-context';

const now = Date.parse('2026-11-29T12:00:00Z');
const ok = { ruleId: 'DIS-TASK-STATE', task: 'orders-to-dli', reason: 'migration to DLI v2, OPS-1234' };

describe('checkAcknowledgement', () => {
  test('active without expiry or before it', () => {
    expect(checkAcknowledgement(ok, now)).toEqual({ status: AcknowledgementState.ACTIVE });
    expect(checkAcknowledgement({ ...ok, expires: '2026-11-29T12:00:01Z' }, now).status).toBe(
      AcknowledgementState.ACTIVE,
    );
  });

  test('expired from the expiry instant on', () => {
    expect(checkAcknowledgement({ ...ok, expires: '2026-11-29T12:00:00Z' }, now)).toEqual({
      status: AcknowledgementState.EXPIRED,
      problem: 'it expired on 2026-11-29T12:00:00Z',
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
});

describe('task references', () => {
  test('a bare name matches in any stream, stream/name only in its stream', () => {
    expect(matchesTaskRef('to-obs', 'orders', 'to-obs')).toBe(true);
    expect(matchesTaskRef('orders/to-obs', 'orders', 'to-obs')).toBe(true);
    expect(matchesTaskRef('clicks/to-obs', 'orders', 'to-obs')).toBe(false);
    expect(matchesTaskRef('to-ob', 'orders', 'to-obs')).toBe(false);
  });

  test('* matches only where a wildcard is allowed', () => {
    expect(matchesTaskRef('*', 'orders', 'to-obs')).toBe(false);
    expect(matchesTaskRef('*', 'orders', 'to-obs', true)).toBe(true);
  });

  test('TaskRefSet agrees with matchesTaskRef', () => {
    const set = new TaskRefSet(['to-obs', 'clicks/to-dli']);
    expect(set.has('orders', 'to-obs')).toBe(true);
    expect(set.has('clicks', 'to-dli')).toBe(true);
    expect(set.has('orders', 'to-dli')).toBe(false);
    expect(new TaskRefSet([]).has('orders', 'to-obs')).toBe(false);
  });
});
