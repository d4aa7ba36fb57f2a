import { parseRetryAfter, resolveRetryPolicy, RETRYABLE_CAUSES, retryDelay } from '../../src/client/retry';

describe('retryDelay', () => {
  const max = resolveRetryPolicy({ random: () => 0.999999 });
  const min = resolveRetryPolicy({ random: () => 0 });

  test('draws from [0, base·2^(n-1)) — full jitter', () => {
    expect(retryDelay({ attempt: 1, throttled: false }, max)).toBe(99);
    expect(retryDelay({ attempt: 3, throttled: false }, max)).toBe(399);
    expect(retryDelay({ attempt: 3, throttled: false }, min)).toBe(0);
  });

  test('never exceeds the cap', () => {
    expect(retryDelay({ attempt: 30, throttled: false }, max)).toBe(19_999);
  });

  test('waits at least one second after throttling', () => {
    expect(retryDelay({ attempt: 1, throttled: true }, min)).toBe(1000);
  });

  test('honours Retry-After but clamps it to the cap', () => {
    expect(retryDelay({ attempt: 1, throttled: true, retryAfterMs: 3000 }, min)).toBe(3000);
    expect(retryDelay({ attempt: 1, throttled: true, retryAfterMs: 3_600_000 }, min)).toBe(20_000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  test('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
  });
  test('ignores junk and past dates cost nothing', () => {
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
  });
});

describe('resolveRetryPolicy', () => {
  test('documents its defaults and keeps explicit values', () => {
    const p = resolveRetryPolicy({ maxAttempts: 5, baseDelayMs: undefined });
    expect([p.maxAttempts, p.baseDelayMs, p.maxDelayMs, p.throttledMinDelayMs]).toEqual([
      5, 100, 20_000, 1000,
    ]);
  });
});

describe('RETRYABLE_CAUSES', () => {
  test('holds socket failures and the attempt timeout, not failures that will not heal by themselves', () => {
    expect(
      ['ECONNRESET', 'ECONNREFUSED', 'UND_ERR_SOCKET', 'ATTEMPT_TIMEOUT'].every((c) =>
        RETRYABLE_CAUSES.has(c),
      ),
    ).toBe(true);
    expect(RETRYABLE_CAUSES.has('ERR_TLS_CERT_ALTNAME_INVALID')).toBe(false);
    expect(RETRYABLE_CAUSES.has('DEADLINE_EXCEEDED')).toBe(false);
  });
});
