import { type Dispatcher, request } from 'undici';

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
