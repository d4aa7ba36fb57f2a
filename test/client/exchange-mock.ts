// `exchange` against undici's MockAgent, for the transport's unit tests: options with an instant,
// recorded sleep and a fixed jitter, a count of attempts (each builds its headers once), and
// shorthands for a socket failure or an answer of the mock DIS endpoint.
import { MockAgent } from 'undici';
import { resolveRetryPolicy } from '../../src/client/retry';
import type { ExchangeOptions } from '../../src/client/transport';

export const ORIGIN = 'https://dis.cn-north-4.myhuaweicloud.com';
export const PATH = '/v2/p/streams/orders/transfer-tasks';

export function exchangeSetup(overrides: Partial<ExchangeOptions> = {}) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const sleeps: number[] = [];
  let attempts = 0;
  const options: ExchangeOptions = {
    method: 'GET',
    url: new URL(`${ORIGIN}${PATH}`),
    headersFor: async () => {
      attempts++;
      return {};
    },
    context: { operation: 'ListTransferTasks' },
    // jitter: half of base·2^(n-1), so the first wait is 50 ms
    retry: resolveRetryPolicy({ random: () => 0.5, sleep: async (ms) => void sleeps.push(ms) }),
    attemptTimeoutMs: 10_000,
    deadlineMs: 60_000,
    deadlineHint: 'deadlineMs',
    dispatcher: agent,
    scrub: (text) => text,
    now: () => 0,
    ...overrides,
  };
  const pool = agent.get(ORIGIN);
  /** The next request fails with a socket error of this code (and message `socket: <code>`). */
  const fail = (code: string, method = 'GET') =>
    pool
      .intercept({ path: PATH, method })
      .replyWithError(Object.assign(new Error(`socket: ${code}`), { code }));
  /** The next request is answered with this status, JSON body and headers. */
  const answer = (
    status: number,
    body: object | string,
    headers: Record<string, string> = {},
    method = 'GET',
  ) => pool.intercept({ path: PATH, method }).reply(status, body, { headers });
  return { agent, pool, options, sleeps, fail, answer, attempts: () => attempts };
}
