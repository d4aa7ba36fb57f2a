import type { ResolvedRetryPolicy } from './retry-policy';

/** What the failed attempt told about waiting. */
export interface RetryDelayInput {
  /** The attempt that just failed, 1-based. */
  readonly attempt: number;
  /** The answer was a throttling one. */
  readonly throttled: boolean;
  /** The server's `Retry-After`, in ms, if any. */
  readonly retryAfterMs?: number;
}

/**
 * The wait before the next attempt: "full jitter" (a uniform draw in [0, min(cap, base·2^(n-1)))),
 * raised to the throttling minimum after a throttling answer and to the server's `Retry-After`,
 * and finally clamped to `maxDelayMs` so a hostile or confused `Retry-After` cannot stall a synth.
 */
export function retryDelay(input: RetryDelayInput, policy: ResolvedRetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (input.attempt - 1));
  let delay = Math.floor(policy.random() * ceiling);
  if (input.throttled) delay = Math.max(delay, policy.throttledMinDelayMs);
  if (input.retryAfterMs !== undefined) delay = Math.max(delay, input.retryAfterMs);
  return Math.min(Math.max(0, delay), policy.maxDelayMs);
}
