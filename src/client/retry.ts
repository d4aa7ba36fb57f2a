// How failed GET requests are retried: the policy and its defaults, which socket failures are
// worth another attempt, and how long to wait before it (full jitter, throttling, Retry-After).
// Which service answers are retried is decided with their wording, in service-failures.ts
// (`classifyServiceFailure`); the loop that applies all this is `exchange` in transport.ts.

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

/**
 * Socket-level failures worth another attempt (undici's retry handler retries the same set), and
 * the attempt timeout. TLS and argument errors are not in it: they will not heal by themselves.
 */
export const RETRYABLE_CAUSES: ReadonlySet<string> = new Set([
  'ATTEMPT_TIMEOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ENETDOWN',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/**
 * Reads a `Retry-After` header (RFC 9110 §10.2.3): delay-seconds or an HTTP date, as
 * milliseconds from `now`. `undefined` when absent or unreadable; never negative.
 * An HTTP date starts with the day's name: V8's `Date.parse` also reads `1.5` and `-1` as dates
 * (of 2001), which are not delay-seconds either, so they are unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/^[A-Za-z]/.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

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
