// How the client sends: one attempt over undici (time-limited in every phase, size-limited, body
// read as text), and `exchange`, the one loop every call goes through: fresh headers per attempt,
// retries for GET, the call's deadline and abort signal, and each failure turned into a coded error
// with the service's words scrubbed of secrets and control characters. Which way a request goes
// (proxy or direct) is ./proxy's decision.
import { type Dispatcher, request } from 'undici';
import {
  DisApiError,
  DisAuthError,
  type DisError,
  type DisErrorContext,
  DisNetworkError,
  DisResponseError,
} from './errors';
import { classifyServiceFailure, describeServiceFailure, type CredentialKind } from './service-failures';
import { parseRetryAfter, RETRYABLE_CAUSES, retryDelay, type ResolvedRetryPolicy } from './retry';
import { parseErrorBody } from './schemas';
import { headerValue } from './signing';
import { printable } from './untrusted';

// ---------------------------------------------------------------------------------------------
// The call's budget: its deadline and the signal that ends it early

/** Why a call's signal was aborted by the client itself: its deadline passed. */
export const DEADLINE_REASON = 'DIS_CLIENT_DEADLINE';

/** What one call of the client may still spend. */
export interface CallBudget {
  /** When the call must end, by the client's clock (epoch ms). */
  readonly deadlineAt: number;
  /**
   * Aborted when the call must end now: with {@link DEADLINE_REASON} at the deadline (a real
   * timer, the backstop for phases undici does not time itself), with any other reason when the
   * caller aborted.
   */
  readonly signal?: AbortSignal;
}

/** The cause code of an aborted signal: `DEADLINE_EXCEEDED` for the deadline, `ABORTED` otherwise. */
export function abortCause(signal: AbortSignal): 'DEADLINE_EXCEEDED' | 'ABORTED' {
  return signal.reason === DEADLINE_REASON ? 'DEADLINE_EXCEEDED' : 'ABORTED';
}

/** Resolves like `promise`, or rejects with `onAbort()` as soon as `signal` is aborted. */
export function raceSignal<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  onAbort: () => Error,
): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(onAbort());
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(onAbort());
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error as Error);
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// One attempt

/** The most a response body may hold: 1 MiB. A transfer-task list is at most five tasks. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** One request to send. */
export interface AttemptRequest {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** Give up after this many ms, whatever phase the attempt is in (the attempt timeout, shortened to what is left of the deadline). */
  readonly timeoutMs: number;
  /** The call's signal: aborting it ends the attempt at once. */
  readonly signal?: AbortSignal;
  /** @default undici's global dispatcher */
  readonly dispatcher?: Dispatcher;
}

/** A complete answer, body read as text. */
export interface AttemptResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

/** Why an attempt got no usable answer. */
export class AttemptFailure extends Error {
  public constructor(
    /**
     * `ATTEMPT_TIMEOUT`, `DEADLINE_EXCEEDED`, `ABORTED`, `BODY_TOO_LARGE`, or the socket error code
     * (`ECONNREFUSED`, `UND_ERR_SOCKET`, …).
     */
    public readonly causeCode: string,
    message: string,
    /** The HTTP status when the failure happened after the headers arrived. */
    public readonly status?: number,
    /** The response headers when the failure happened after they arrived. */
    public readonly headers?: Record<string, string | string[] | undefined>,
  ) {
    super(message);
    this.name = 'AttemptFailure';
  }
}

/** The code of a socket or undici error; its class name when it has none (`HTTPParserError`). */
function codeOf(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown; cause?: { code?: unknown } };
  // Stryker disable next-line OptionalChaining: `error` is never null or undefined here (undici resolves a request it would reject with a falsy error; receive() throws only objects)
  if (typeof e?.code === 'string') return e.code;
  // Stryker disable next-line OptionalChaining: `error` is never null or undefined here (undici resolves a request it would reject with a falsy error; receive() throws only objects)
  if (typeof e?.cause?.code === 'string') return e.cause.code;
  // Stryker disable next-line OptionalChaining: `error` is never null or undefined here (undici resolves a request it would reject with a falsy error; receive() throws only objects)
  if (typeof e?.name === 'string' && e.name !== 'Error') return e.name;
  return 'UNKNOWN';
}

function messageOf(error: unknown): string {
  const e = error as { message?: unknown; cause?: { message?: unknown } };
  // Stryker disable next-line OptionalChaining: `error` is never null or undefined here (undici resolves a request it would reject with a falsy error; receive() throws only objects)
  const cause = typeof e?.cause?.message === 'string' ? `: ${e.cause.message}` : '';
  // Stryker disable next-line OptionalChaining: `error` is never null or undefined here (undici resolves a request it would reject with a falsy error; receive() throws only objects)
  return `${typeof e?.message === 'string' ? e.message : String(error)}${cause}`;
}

/**
 * Sends one request and reads the whole body as text, refusing bodies over {@link MAX_BODY_BYTES}
 * (by `Content-Length` or while reading). It ends after `timeoutMs` or when `signal` aborts, in
 * whatever phase it is: DNS, connecting, a proxy's CONNECT (which undici does not abort), TLS,
 * headers or body. Every failure is an {@link AttemptFailure} whose message holds no header or
 * body content.
 */
export function sendAttempt(req: AttemptRequest): Promise<AttemptResponse> {
  const controller = new AbortController();
  let status: number | undefined;
  let headers: AttemptResponse['headers'] | undefined;
  const receive = async (): Promise<AttemptResponse> => {
    const res = await request(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      dispatcher: req.dispatcher,
      signal: controller.signal,
    });
    status = res.statusCode;
    headers = res.headers;
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      res.body.destroy();
      throw new AttemptFailure('BODY_TOO_LARGE', `the response declares ${declared} bytes`, status, headers);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) {
        res.body.destroy();
        throw new AttemptFailure(
          'BODY_TOO_LARGE',
          `the response body exceeded ${MAX_BODY_BYTES} bytes`,
          status,
          headers,
        );
      }
      chunks.push(chunk as Buffer);
    }
    return { status, headers, text: Buffer.concat(chunks).toString('utf8') };
  };
  return new Promise<AttemptResponse>((resolve, reject) => {
    const end = (failure: AttemptFailure) => {
      cleanup();
      controller.abort();
      reject(failure);
    };
    const timer = setTimeout(
      () =>
        end(
          new AttemptFailure(
            'ATTEMPT_TIMEOUT',
            `no complete answer within ${req.timeoutMs} ms`,
            status,
            headers,
          ),
        ),
      req.timeoutMs,
    );
    const onAbort = () =>
      end(new AttemptFailure(abortCause(req.signal!), 'the call was ended', status, headers));
    const cleanup = () => {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
    };
    if (req.signal?.aborted) return onAbort();
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: cleanup() removes the listener on every way out, the abort's included
    req.signal?.addEventListener('abort', onAbort, { once: true });
    receive().then(
      (response) => {
        cleanup();
        resolve(response);
      },
      (error: unknown) => {
        cleanup();
        reject(
          error instanceof AttemptFailure
            ? error
            : new AttemptFailure(codeOf(error), messageOf(error), status, headers),
        );
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// One call: attempts, retries and the deadline

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
  /** The kind of credential the request carries, so an authentication failure gets the right fix. */
  readonly credentialKind?: CredentialKind;
  readonly retry: ResolvedRetryPolicy;
  readonly attemptTimeoutMs: number;
  readonly deadlineMs: number;
  /** How the caller names its deadline setting in the deadline error's fix (`deadlineMs`, `--timeout`, …). */
  readonly deadlineHint: string;
  /** The call this exchange is part of. @default a deadline of `deadlineMs` from now, no signal */
  readonly budget?: CallBudget;
  /** Set when the URL's host was derived from this region: a host that does not resolve then points at the region. */
  readonly hostFromRegion?: string;
  readonly dispatcher?: Dispatcher;
  /** Removes secret values from text the service sent back. */
  readonly scrub: (text: string) => string;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
}

/** The per-client half of {@link ExchangeOptions}: how hard to try and through what. */
export type ExchangeSettings = Pick<
  ExchangeOptions,
  'retry' | 'attemptTimeoutMs' | 'deadlineMs' | 'deadlineHint' | 'dispatcher' | 'scrub' | 'now'
>;

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

/** Longest service message kept (in the message and in `details`). */
const MAX_SERVICE_MESSAGE = 500;
/** Longest service code or request id kept. */
const MAX_SERVICE_TOKEN = 100;

/** Outside text as kept in an error: secrets masked first, then made printable and clipped. */
function outside(opts: ExchangeOptions, text: string | undefined, max: number): string | undefined {
  return text === undefined ? undefined : printable(opts.scrub(text), max);
}

function serviceFailure(opts: ExchangeOptions, res: AttemptResponse, attempt: number): Failure {
  const requestId = outside(opts, headerValue(res.headers, 'x-request-id'), MAX_SERVICE_TOKEN);
  const body = parseErrorBody(res.text);
  const cls = classifyServiceFailure(res.status, body.code);
  const facts = {
    ...opts.context,
    method: opts.method,
    url: opts.url.toString(),
    httpStatus: res.status,
    serviceCode: outside(opts, body.code, MAX_SERVICE_TOKEN),
    serviceMessage: outside(opts, body.message, MAX_SERVICE_MESSAGE),
    requestId,
    attempts: attempt,
  };
  const credentials = { credentialSource: opts.credentialSource, credentialKind: opts.credentialKind };
  const error = cls.auth
    ? new DisAuthError(describeServiceFailure({ ...facts, ...credentials }), {
        ...facts,
        credentialSource: opts.credentialSource,
      })
    : new DisApiError(describeServiceFailure({ ...facts, ...credentials }), {
        ...facts,
        retryable: cls.retryable,
      });
  const retryAfterMs = parseRetryAfter(headerValue(res.headers, 'retry-after'), opts.now());
  return { error, retryable: cls.retryable, throttled: cls.throttled, retryAfterMs };
}

/** Socket errors that mean the host name does not resolve. */
const UNKNOWN_HOST: ReadonlySet<string> = new Set(['ENOTFOUND', 'EAI_AGAIN']);

/** The fix of a deadline error, naming the caller's own setting. */
export function deadlineMessage(host: string | undefined, deadlineMs: number, deadlineHint: string): string {
  const where = host === undefined ? 'the call' : host;
  return `gave up on ${where} at the ${deadlineMs} ms deadline: check the network and any proxy (HTTPS_PROXY/NO_PROXY), or raise ${deadlineHint}`;
}

function networkFailure(
  opts: ExchangeOptions,
  f: AttemptFailure,
  attempt: number,
  cutByDeadline: boolean,
): Failure {
  const host = opts.url.host;
  const attempts = `${attempt} attempt${attempt === 1 ? '' : 's'}`;
  const trailer = ` [${[opts.context.operation, attempts].filter(Boolean).join(', ')}]`;
  const details = { ...opts.context, method: opts.method, url: opts.url.toString(), attempts: attempt };
  if (f.causeCode === 'BODY_TOO_LARGE') {
    const requestId = f.headers && outside(opts, headerValue(f.headers, 'x-request-id'), MAX_SERVICE_TOKEN);
    const message =
      `the answer from ${host} is larger than ${MAX_BODY_BYTES} bytes (${f.message}): ` +
      `check that the endpoint is the DIS API${trailer}`;
    const error = new DisResponseError(message, {
      ...details,
      httpStatus: f.status ?? 0,
      reason: 'BODY_TOO_LARGE',
      requestId,
    });
    return { error, retryable: false, throttled: false };
  }
  // An attempt whose timeout was cut short by the deadline ran into the deadline, not its own limit.
  const causeCode = f.causeCode === 'ATTEMPT_TIMEOUT' && cutByDeadline ? 'DEADLINE_EXCEEDED' : f.causeCode;
  let message: string;
  if (causeCode === 'DEADLINE_EXCEEDED') {
    message = deadlineMessage(host, opts.deadlineMs, opts.deadlineHint);
  } else if (causeCode === 'ABORTED') {
    message = `the call to ${host} was aborted by the caller`;
  } else if (causeCode === 'ATTEMPT_TIMEOUT') {
    message = `no complete answer from ${host} within ${opts.attemptTimeoutMs} ms: check the endpoint, the network and any proxy (HTTPS_PROXY/NO_PROXY)`;
  } else if (opts.hostFromRegion !== undefined && UNKNOWN_HOST.has(causeCode)) {
    message =
      `could not resolve ${host}, the endpoint of region '${opts.hostFromRegion}' (${causeCode}): ` +
      'check the region, for example cn-north-4 (the region option, HW_REGION_NAME or HUAWEICLOUD_SDK_REGION_ID), then DNS and the network';
  } else {
    message =
      `could not reach ${host} (${printable(causeCode, MAX_SERVICE_TOKEN)}: ${outside(opts, f.message, MAX_SERVICE_MESSAGE)}): ` +
      'check the endpoint, DNS, the network and HTTPS_PROXY/NO_PROXY';
  }
  const error = new DisNetworkError(`${message}${trailer}`, { ...details, causeCode });
  return { error, retryable: RETRYABLE_CAUSES.has(causeCode), throttled: false };
}

/**
 * Sends a request until it gets a 2xx answer, the failure is not retryable, the attempts run out
 * or the next wait would pass the deadline; then throws the last failure as a coded error.
 * Only GET is retried. Each attempt gets fresh headers (and so a fresh signature) and what is left
 * of the deadline, up to the attempt timeout: a short deadline shortens the attempts, it does not
 * cost the retries.
 */
export async function exchange(opts: ExchangeOptions): Promise<ExchangeResult> {
  const deadline = opts.budget?.deadlineAt ?? opts.now() + opts.deadlineMs;
  const signal = opts.budget?.signal;
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
        signal,
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
    await raceSignal(opts.retry.sleep(delay), signal, () => failure.error);
  }
}
