// How the client sends: the proxy agent the environment asks for, one attempt over undici
// (time-limited, size-limited, body read as text), and `exchange`, the one loop every call goes
// through: fresh headers per attempt, retries for GET, the overall deadline, and each failure
// turned into a coded error with the service's words scrubbed of secrets.
import { type Dispatcher, EnvHttpProxyAgent, request } from 'undici';
import {
  DisApiError,
  DisAuthError,
  type DisError,
  type DisErrorContext,
  DisNetworkError,
  DisResponseError,
} from './errors';
import { classifyServiceFailure, describeServiceFailure } from './service-failures';
import { parseRetryAfter, RETRYABLE_CAUSES, retryDelay, type ResolvedRetryPolicy } from './retry';
import { parseErrorBody } from './schemas';
import { headerValue } from './signing';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * An `EnvHttpProxyAgent` when `HTTPS_PROXY`/`HTTP_PROXY` (either case) is set in `env`, honouring
 * `NO_PROXY`; `undefined` (undici's global dispatcher) otherwise. The variables are read from the
 * client's `env` option rather than `process.env`, so tests and workers can set them.
 */
export function proxyDispatcher(env: Env): Dispatcher | undefined {
  const httpProxy = env.HTTP_PROXY ?? env.http_proxy;
  const httpsProxy = env.HTTPS_PROXY ?? env.https_proxy;
  if (!httpProxy && !httpsProxy) return undefined;
  return new EnvHttpProxyAgent({
    httpProxy: httpProxy || undefined,
    httpsProxy: httpsProxy || httpProxy || undefined,
    noProxy: env.NO_PROXY ?? env.no_proxy ?? '',
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
  /** Abort after this many ms (the attempt timeout, shortened to what is left of the deadline). */
  readonly timeoutMs: number;
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
    /** `ATTEMPT_TIMEOUT`, `BODY_TOO_LARGE`, or the socket error code (`ECONNREFUSED`, `UND_ERR_SOCKET`, …). */
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

function codeOf(error: unknown): string {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  if (typeof e?.code === 'string') return e.code;
  if (typeof e?.cause?.code === 'string') return e.cause.code;
  return 'UNKNOWN';
}

function messageOf(error: unknown): string {
  const e = error as { message?: unknown; cause?: { message?: unknown } };
  const cause = typeof e?.cause?.message === 'string' ? `: ${e.cause.message}` : '';
  return `${typeof e?.message === 'string' ? e.message : String(error)}${cause}`;
}

/**
 * Sends one request and reads the whole body as text, within `timeoutMs` for headers and body
 * together, refusing bodies over {@link MAX_BODY_BYTES} (by `Content-Length` or while reading).
 * Every failure is an {@link AttemptFailure} whose message holds no header or body content.
 */
export async function sendAttempt(req: AttemptRequest): Promise<AttemptResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, req.timeoutMs);
  let status: number | undefined;
  let headers: AttemptResponse['headers'] | undefined;
  try {
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
  } catch (error) {
    if (error instanceof AttemptFailure) throw error;
    if (timedOut) {
      throw new AttemptFailure(
        'ATTEMPT_TIMEOUT',
        `no complete answer within ${req.timeoutMs} ms`,
        status,
        headers,
      );
    }
    throw new AttemptFailure(codeOf(error), messageOf(error), status, headers);
  } finally {
    clearTimeout(timer);
  }
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
  readonly retry: ResolvedRetryPolicy;
  readonly attemptTimeoutMs: number;
  readonly deadlineMs: number;
  /** How the caller names its deadline setting in the deadline error's fix (`deadlineMs`, `--timeout`, …). */
  readonly deadlineHint: string;
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
    message = `gave up on ${host} at the ${opts.deadlineMs} ms deadline: check the network, or raise ${opts.deadlineHint}`;
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
