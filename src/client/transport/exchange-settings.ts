import type { ExchangeOptions } from './exchange';

/** The per-client half of {@link ExchangeOptions}: how hard to try and through what. */
export type ExchangeSettings = Pick<
  ExchangeOptions,
  'retry' | 'attemptTimeoutMs' | 'deadlineMs' | 'dispatcher' | 'scrub' | 'now'
>;
