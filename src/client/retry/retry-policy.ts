/** How failed GET requests are retried. Every field is optional; defaults below. */
export interface RetryPolicy {
  /** Attempts in total, the first included; 1 disables retries. @default 3 */
  readonly maxAttempts?: number;
  /** Base of the exponential backoff, in ms. @default 100 */
  readonly baseDelayMs?: number;
  /** Upper bound of any delay, `Retry-After` included, in ms. @default 20000 */
  readonly maxDelayMs?: number;
  /** Lowest delay after a throttling answer (429, `DIS.4303`, `DIS.4305`, `APIGW.0308`), in ms. @default 1000 */
  readonly throttledMinDelayMs?: number;
  /** Source of randomness in [0, 1) for the jitter (tests inject a fixed one). @default Math.random */
  readonly random?: () => number;
  /** Waits `ms` milliseconds (tests inject an instant one). @default a timer */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A {@link RetryPolicy} with every default filled in. */
export type ResolvedRetryPolicy = Required<RetryPolicy>;

/** The defaults, in one place. */
export const DEFAULT_RETRY_POLICY: ResolvedRetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 20_000,
  throttledMinDelayMs: 1_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Fills in the defaults. */
export function resolveRetryPolicy(policy: RetryPolicy = {}): ResolvedRetryPolicy {
  const defined = Object.fromEntries(Object.entries(policy).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_RETRY_POLICY, ...defined };
}
