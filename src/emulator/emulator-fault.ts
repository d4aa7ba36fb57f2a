/** What an injected fault does to a response. */
export const FAULT_KINDS = [
  /** Answer normally after `latencyMs`. */
  'latency',
  /** API gateway throttling: 429, `APIGW.0308`, `Retry-After`. */
  'throttle',
  /** 500, 502, 503 or 504 (set `status`) with a gateway error body. */
  'serverError',
  /** DIS traffic control: 400 `DIS.4303`. */
  'disThrottle',
  /** Destroy the connection without answering. */
  'connectionReset',
  /** Send headers and part of the body, then never end. */
  'hang',
  /** Announce a Content-Length, send half the body, close. */
  'truncatedBody',
  /** 200 with a body that is not JSON. */
  'invalidJson',
  /** 200 with the right fields holding the wrong types. */
  'wrongTypes',
  /** 200 with a body of `oversizedBytes` bytes. */
  'oversizedBody',
] as const;

/** One of {@link FAULT_KINDS}. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * A fault to inject. With neither `onRequests` nor `probability` it fires on every matching request
 * (up to `times`).
 */
export interface EmulatorFault {
  /** What the fault does. */
  readonly kind: FaultKind;
  /**
   * The operation it applies to (`ListTransferTasks`, …) or `*`.
   * @default '*'
   */
  readonly route?: string;
  /**
   * Fire on these matching requests, counted from 1 since the fault was injected.
   * @default every matching request
   */
  readonly onRequests?: number[];
  /**
   * Fire with this probability (0-1), drawn from a generator seeded with `seed`.
   * @default always
   */
  readonly probability?: number;
  /**
   * Seed of the probability draw.
   * @default 1
   */
  readonly seed?: number;
  /**
   * Fire at most this many times.
   * @default unlimited
   */
  readonly times?: number;
  /**
   * Delay before answering, for `latency` (and added to any other kind).
   * @default 0
   */
  readonly latencyMs?: number;
  /**
   * Status of a `serverError`.
   * @default 503
   */
  readonly status?: number;
  /**
   * `Retry-After` of a `throttle`, seconds.
   * @default 1
   */
  readonly retryAfterSeconds?: number;
  /**
   * Body size of an `oversizedBody`, bytes.
   * @default 16 MiB
   */
  readonly oversizedBytes?: number;
}
