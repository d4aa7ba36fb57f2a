import type { Dispatcher } from 'undici';
import {
  classifyServiceFailure,
  describeServiceFailure,
  DisApiError,
  DisAuthError,
  DisNetworkError,
  DisResponseError,
} from '../errors';
import type { DisError, DisErrorContext } from '../errors';
import { parseRetryAfter, RETRYABLE_CAUSES, retryDelay, type ResolvedRetryPolicy } from '../retry';
import { parseErrorBody } from '../schemas';
import { headerValue } from '../signing';
import { AttemptFailure, type AttemptResponse, MAX_BODY_BYTES, sendAttempt } from './send-attempt';

/** One logical call: how to send it, and how hard to try. */
export interface ExchangeOptions {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  /** Builds the headers of one attempt; called again for every attempt so each is freshly signed. */
  readonly headersFor: () => Promise<Record<string, string>>;
  readonly body?: string;
  /** Facts for error messages. */
  readonly context: DisErrorContext;
  /** Shown as the credential source on authentication errors. */
  readonly credentialSource?: string;
  readonly retry: ResolvedRetryPolicy;
  readonly attemptTimeoutMs: number;
  readonly deadlineMs: number;
  readonly dispatcher?: Dispatcher;
  /** Removes secret values from text the service sent back. */
  readonly scrub: (text: string) => string;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
}

/** A 2xx answer and what it took to get it. */
export interface ExchangeResult {
  readonly response: AttemptResponse;
  readonly requestId?: string;
  readonly attempts: number;
}

interface Failure {
  readonly error: DisError;
  readonly retryable: boolean;
  readonly throttled: boolean;
  readonly retryAfterMs?: number;
}

function serviceFailure(opts: ExchangeOptions, res: AttemptResponse, attempt: number): Failure {
  const requestId = headerValue(res.headers, 'x-request-id');
  const body = parseErrorBody(res.text);
  const cls = classifyServiceFailure(res.status, body.code);
  const facts = {
    ...opts.context,
    method: opts.method,
    url: opts.url.toString(),
    httpStatus: res.status,
    serviceCode: body.code,
    serviceMessage: body.message === undefined ? undefined : opts.scrub(body.message),
    requestId,
    attempts: attempt,
  };
  const error = cls.auth
    ? new DisAuthError(describeServiceFailure({ ...facts, credentialSource: opts.credentialSource }), {
        ...facts,
        credentialSource: opts.credentialSource,
      })
    : new DisApiError(describeServiceFailure(facts), { ...facts, retryable: cls.retryable });
  const retryAfterMs = parseRetryAfter(headerValue(res.headers, 'retry-after'), opts.now());
  return { error, retryable: cls.retryable, throttled: cls.throttled, retryAfterMs };
}

function networkFailure(
  opts: ExchangeOptions,
  f: AttemptFailure,
  attempt: number,
  deadlineHit: boolean,
): Failure {
  const host = opts.url.host;
  const attempts = `${attempt} attempt${attempt === 1 ? '' : 's'}`;
  const trailer = ` [${[opts.context.operation, attempts].filter(Boolean).join(', ')}]`;
  if (f.causeCode === 'BODY_TOO_LARGE') {
    const requestId = f.headers && headerValue(f.headers, 'x-request-id');
    const message =
      `the answer from ${host} is larger than ${MAX_BODY_BYTES} bytes (${f.message}): ` +
      `check that the endpoint is the DIS API${trailer}`;
    const error = new DisResponseError(message, {
      ...opts.context,
      method: opts.method,
      url: opts.url.toString(),
      httpStatus: f.status ?? 0,
      reason: 'BODY_TOO_LARGE',
      requestId,
      attempts: attempt,
    });
    return { error, retryable: false, throttled: false };
  }
  let causeCode = f.causeCode;
  let message: string;
  if (causeCode === 'ATTEMPT_TIMEOUT' && deadlineHit) {
    causeCode = 'DEADLINE_EXCEEDED';
    message = `gave up on ${host} at the ${opts.deadlineMs} ms deadline: check the network, or raise deadlineMs`;
  } else if (causeCode === 'ATTEMPT_TIMEOUT') {
    message = `no complete answer from ${host} within ${opts.attemptTimeoutMs} ms: check the endpoint and the network, or raise attemptTimeoutMs`;
  } else {
    message =
      `could not reach ${host} (${causeCode}: ${opts.scrub(f.message)}): ` +
      'check the endpoint, DNS, the network and HTTPS_PROXY/NO_PROXY';
  }
  const error = new DisNetworkError(`${message}${trailer}`, {
    ...opts.context,
    method: opts.method,
    url: opts.url.toString(),
    causeCode,
    attempts: attempt,
  });
  return { error, retryable: RETRYABLE_CAUSES.has(f.causeCode) && !deadlineHit, throttled: false };
}

/**
 * Sends a request until it gets a 2xx answer, the failure is not retryable, the attempts run out
 * or the next wait would pass the deadline; then throws the last failure as a coded error.
 * Only GET is retried. Each attempt gets fresh headers (and so a fresh signature).
 */
export async function exchange(opts: ExchangeOptions): Promise<ExchangeResult> {
  const deadline = opts.now() + opts.deadlineMs;
  for (let attempt = 1; ; attempt++) {
    const remaining = deadline - opts.now();
    const timeoutMs = Math.max(1, Math.min(opts.attemptTimeoutMs, remaining));
    let failure: Failure;
    try {
      const response = await sendAttempt({
        method: opts.method,
        url: opts.url,
        headers: await opts.headersFor(),
        body: opts.body,
        timeoutMs,
        dispatcher: opts.dispatcher,
      });
      if (response.status >= 200 && response.status < 300) {
        return { response, requestId: headerValue(response.headers, 'x-request-id'), attempts: attempt };
      }
      failure = serviceFailure(opts, response, attempt);
    } catch (error) {
      if (!(error instanceof AttemptFailure)) throw error;
      failure = networkFailure(opts, error, attempt, timeoutMs < opts.attemptTimeoutMs);
    }
    if (!failure.retryable || opts.method !== 'GET' || attempt >= opts.retry.maxAttempts) throw failure.error;
    const delay = retryDelay(
      { attempt, throttled: failure.throttled, retryAfterMs: failure.retryAfterMs },
      opts.retry,
    );
    if (opts.now() + delay >= deadline) throw failure.error;
    await opts.retry.sleep(delay);
  }
}
