// The hostile-server suite: DisClient against a server in a child process that misbehaves on
// purpose (./server.js). Each case of ./cases.ts asserts the outcome, how many requests reached
// each port, a generous time bound (a hang detector, not a speed assertion) and that no output
// (message, details, toJSON, util.inspect, stack, cause chain, the client itself) holds a canary.
// With HOSTILE_CASE_TABLE=<file>, the case table (case, outcome, requests, time) is written there.
import { appendFileSync, writeFileSync } from 'node:fs';
import { setTimeout as realDelay } from 'node:timers/promises';
import { inspect } from 'node:util';
import { DisClient, type DisClientOptions } from '../../src/client/dis-client';
import { settleWithin, waitUntil } from '../client/bounded';
import { CASES, type HostileCase } from './cases';
import {
  CANARY,
  CREDENTIAL_ENV,
  leaks,
  PROJECT,
  renderings,
  startHostileServer,
  type HostileServer,
} from './hostile';

let server: HostileServer;
const TABLE = process.env.HOSTILE_CASE_TABLE;

beforeAll(async () => {
  server = await startHostileServer();
  if (TABLE)
    writeFileSync(
      TABLE,
      '| case | from | outcome | requests | time (ms) |\n| --- | --- | --- | --- | --- |\n',
    );
});
afterAll(() => server?.stop());

function options(c: HostileCase, signal?: AbortSignal): DisClientOptions {
  const extra = c.client?.(server.urls) ?? {};
  const { env: extraEnv, ...rest } = extra;
  return {
    env: {
      HW_REGION_NAME: 'cn-north-4',
      HW_PROJECT_ID: PROJECT,
      HW_DIS_ENDPOINT: server.urls.dis,
      HW_AUTH_URL: `${server.urls.dis}/v3`,
      ...CREDENTIAL_ENV[c.credentials],
      ...extraEnv,
    },
    attemptTimeoutMs: 2000,
    deadlineMs: 6000,
    // the pause between attempts on the real clock, also when a case fakes the client's timers
    retry: { baseDelayMs: 10, throttledMinDelayMs: 10, sleep: (ms) => realDelay(ms) },
    ...rest,
    ...(signal ? { signal } : {}),
  };
}

function run(client: DisClient, c: HostileCase): Promise<unknown> {
  if (c.call === 'streams') return client.listStreams();
  if (c.call === 'show') return client.showTransferTask('orders', 'to-obs');
  return client.listTransferTasks('orders');
}

function text(pattern: string | RegExp): (message: string) => boolean {
  return (message) => (typeof pattern === 'string' ? message.includes(pattern) : pattern.test(message));
}

/**
 * The client's clock (its timers and Date, from which it measures what is left of the deadline)
 * on jest's fake clock, so that no real time the machine loses counts; the retry pause and the
 * bounded waits stay real.
 */
function useClientFakeClock(): void {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'hrtime', 'performance'] });
}
afterEach(() => jest.useRealTimers());

/**
 * Each time a DIS request or a proxy connection reaches the server, moves the fake clock on by the
 * attempt timeout (the attempt's timer is set before the request leaves), until `call` ends.
 */
async function moveClockPerArrival(attemptTimeoutMs: number, call: Promise<unknown>, boundMs: number) {
  const arrivals = async () => {
    const stats = await server.stats();
    return stats.requests + stats.silentConnections;
  };
  let ended = false;
  void call.finally(() => (ended = true));
  for (let moved = 0; ; moved++) {
    await waitUntil(
      async () => ended || (await arrivals()) > moved,
      boundMs,
      () => `request or connection ${moved + 1} reached the server`,
    );
    if (ended) return;
    jest.advanceTimersByTime(attemptTimeoutMs);
  }
}

describe('DisClient against a hostile server', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    // GIVEN the server armed with the case's script
    await server.arm({ steps: c.steps, iamSteps: c.iamSteps, iamToken: CANARY.iamToken });
    if (c.stalledAttempts) useClientFakeClock();
    const controller = c.abortOnFirstRequest ? new AbortController() : undefined;
    const client = new DisClient(options(c, controller?.signal));
    // WHEN the call runs
    const started = performance.now();
    let failed = false;
    const call = run(client, c).catch((error: unknown) => {
      failed = true;
      return error;
    });
    const clock = c.stalledAttempts
      ? moveClockPerArrival(c.stalledAttempts.attemptTimeoutMs, call, c.expect.boundMs)
      : undefined;
    // (the caller gives up while its request is at the server, however long it took to get there;
    // had the call ended first, the outcome says so)
    const abort = controller
      ? waitUntil(
          async () => (await server.stats()).requests > 0,
          c.expect.boundMs,
          'the request reached the server',
          call.then(() => 'the call ended first'),
        ).then(
          () => controller.abort(new Error('the caller gave up')),
          () => undefined,
        )
      : undefined;
    const settled = await settleWithin(
      call,
      c.expect.boundMs,
      `${c.name}: the call was still running after ${c.expect.boundMs} ms`,
    );
    await abort;
    await clock;
    const ms = Math.round(performance.now() - started);
    await client.close();
    const stats = await server.stats();
    if (TABLE) {
      const outcome = failed
        ? `${(settled as { code?: string }).code} ${(settled as { details?: Record<string, unknown> }).details?.causeCode ?? (settled as { details?: Record<string, unknown> }).details?.reason ?? ''}`.trim()
        : 'ok';
      const requests = Object.keys(c.expect.requests)
        .map((k) => `${k === 'requests' ? 'DIS' : k} ${stats[k as keyof typeof stats]}`)
        .join(', ');
      appendFileSync(TABLE, `| ${c.name} | ${c.origin} | ${outcome} | ${requests} | ${ms} |\n`);
    }
    // THEN the outcome …
    if (c.expect.outcome === 'ok') {
      if (failed) throw settled;
      c.expect.result?.(settled);
    } else {
      expect(failed).toBe(true);
      expect(settled).toMatchObject({ code: c.expect.outcome, ...(c.expect.fields ?? {}) });
      const message = (settled as Error).message;
      for (const pattern of c.expect.says ?? [])
        expect(message).toSatisfy(text(pattern), `says ${String(pattern)}`);
      for (const pattern of c.expect.neverSays ?? []) {
        expect(message).not.toSatisfy(text(pattern), `never says ${String(pattern)}`);
      }
    }
    // … the requests that reached each port …
    for (const [counter, count] of Object.entries(c.expect.requests)) {
      expect({ [counter]: stats[counter as keyof typeof stats] }).toEqual({ [counter]: count });
    }
    expect(stats.otherCredentials).toBe(0);
    // … and no canary, whole or in part, and no signature in any output
    const outputs = [
      ...renderings(settled),
      inspect(client, { depth: Infinity, showHidden: true }),
      JSON.stringify(client),
    ];
    expect(leaks(outputs)).toEqual([]);
  });
});

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** Passes when `predicate(received)` is true; `what` names the check in the failure. */
      toSatisfy(predicate: (value: string) => boolean, what: string): R;
    }
  }
}

expect.extend({
  toSatisfy(received: string, predicate: (value: string) => boolean, what: string) {
    const pass = predicate(received);
    return {
      pass,
      message: () => `expected the message ${pass ? 'not ' : ''}to satisfy: ${what}\n\n${received}`,
    };
  },
});
