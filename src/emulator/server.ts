// The HTTP side of the emulator: serving one request in the gateway's order (faults, route,
// authentication, operation), reading its body within the gateway's limit, and the request log.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { authenticate, type KeyLockout } from './auth';
import type { EmulatorHandle } from './dis-emulator';
import { applyFault, type FaultInjector } from './faults';
import { disError, gatewayError, send, type EmulatorResponse } from './responses';
import { adminAction, adminRefusal } from './admin';
import { handlerOf, matchRoute, type HandlerContext, type RouteId, type RouteMatch } from './routes';
import type { EmulatorState } from './state';

/** How a request authenticated (or tried to). Never the credential itself. */
export type CredentialKind = 'token' | 'aksk' | 'password' | 'none';

/** One request the emulator answered. Holds no secret: no header values, no body, no query. */
export interface RequestLogEntry {
  /** 1-based position among all requests since start or reset. */
  readonly seq: number;
  /** HTTP method. */
  readonly method: string;
  /** The path as received, without the query string. */
  readonly path: string;
  /** The matched operation, or `unknown`. */
  readonly route: RouteId | 'unknown';
  /** The status sent; 0 when the connection was reset or left open. */
  readonly status: number;
  /** The credential kind the request presented. */
  readonly credentialKind: CredentialKind;
  /** The `X-Request-Id` the response carried. */
  readonly requestId: string;
  /** The injected fault that shaped the response, if any. */
  readonly fault?: string;
  /** When the request arrived, epoch milliseconds (emulator clock). */
  readonly receivedAt: number;
  /** Wall time from arrival to the end of the response, milliseconds. */
  readonly durationMs: number;
}

/** What serving a request needs from the emulator. */
export interface ServeDependencies {
  /** The world served. */
  readonly state: EmulatorState;
  /** The armed faults. */
  readonly faults: FaultInjector;
  /** Consecutive signature failures per access key. */
  readonly lockout: KeyLockout;
  /** The emulator clock, epoch milliseconds. */
  readonly clock: () => number;
  /** The base URL, for `links` in IAM answers. */
  readonly baseUrl: string;
  /** Set when the `/_emulator/*` admin routes are on: the handle they drive. */
  readonly admin?: EmulatorHandle;
  /** Appends to the request log (the log numbers the entry). */
  readonly record: (entry: Omit<RequestLogEntry, 'seq'>) => void;
}

/**
 * Serves one request the way the API gateway and the service behind it do: faults first (the
 * gateway throttles before it authenticates), then route (404 `APIGW.0101`), then authentication
 * (401 `APIGW.0301`), then the operation. Every response gets an `X-Request-Id`; every request
 * gets a log entry, with no secret in it.
 */
export async function serveRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ServeDependencies,
): Promise<void> {
  const started = performance.now();
  const receivedAt = deps.clock();
  const requestId = randomUUID().replace(/-/g, '');
  const [path, query = ''] = (req.url ?? '/').split('?', 2) as [string, string?];
  const method = req.method ?? 'GET';
  const match = matchRoute(method, path, deps.admin !== undefined);
  const route: RouteId | 'unknown' = match?.route ?? 'unknown';
  const credentialKind: CredentialKind =
    route === 'KeystoneCreateUserTokenByPassword'
      ? 'password'
      : req.headers['x-auth-token']
        ? 'token'
        : req.headers.authorization
          ? 'aksk'
          : 'none';
  const record = (status: number, fault?: string) =>
    deps.record({
      method,
      path,
      route,
      status,
      credentialKind,
      requestId,
      ...(fault ? { fault } : {}),
      receivedAt,
      durationMs: performance.now() - started,
    });
  try {
    const body = await readBody(req);
    const fault = deps.faults.next(route);
    if (fault) {
      if (fault.latencyMs > 0) await delay(fault.latencyMs);
      const status = applyFault(fault, res, requestId);
      if (status !== undefined) return void record(status, fault.kind);
    }
    let response: EmulatorResponse;
    if (body === undefined) {
      response = disError('DIS.4200', `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
    } else if (!match) {
      response = gatewayError('APIGW.0101');
    } else {
      const ctx: HandlerContext = {
        state: deps.state,
        params: match.params,
        query: new URLSearchParams(query),
        body,
        now: deps.clock(),
        baseUrl: deps.baseUrl,
      };
      response = await operate(match, ctx, deps, {
        method,
        path,
        query,
        headers: req.headers,
        payload: body,
      });
    }
    send(res, requestId, response);
    record(response.status, fault?.kind);
  } catch (e) {
    if (!res.headersSent) send(res, requestId, disError('DIS.5000'));
    record(res.headersSent ? res.statusCode : 500);
    process.emitWarning(`DIS emulator: request ${requestId} failed: ${(e as Error).message}`);
  }
}

async function operate(
  match: RouteMatch,
  ctx: HandlerContext,
  deps: ServeDependencies,
  signed: Parameters<typeof authenticate>[0],
): Promise<EmulatorResponse> {
  deps.state.settle();
  const r = match.route;
  if (r === 'Admin') return adminRefusal(signed.method, signed.headers) ?? adminAction(ctx, deps.admin!);
  // The token request needs no credential: its body carries the password.
  if (r === 'KeystoneCreateUserTokenByPassword') return handlerOf(r)(ctx);
  const who = authenticate(signed, deps.state, deps.lockout, ctx.now);
  return who.ok ? handlerOf(r)({ ...ctx, grantedProjects: who.projects }) : who.response;
}

/** Largest request body read, bytes: the gateway limits AK/SK-signed bodies to 12 MB. */
const MAX_BODY_BYTES = 12 * 1024 * 1024;

const EMPTY = new Uint8Array(0);

/** Reads a request body; `undefined` when it is larger than {@link MAX_BODY_BYTES}. */
function readBody(req: IncomingMessage): Promise<Uint8Array | undefined> {
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
    req.resume();
    return Promise.resolve(EMPTY);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The emulator's request log: numbered entries, oldest first, holding at most `capacity` of them
 * so that a long-running emulator does not grow without bound (the oldest go first; numbering
 * continues).
 */
export class RequestLog {
  // A ring buffer: once full, the newest entry overwrites the oldest at `head`.
  private entries: RequestLogEntry[] = [];
  private head = 0;
  private count = 0;

  public constructor(private readonly capacity: number) {}

  /** Appends an entry, numbering it. */
  public add(entry: Omit<RequestLogEntry, 'seq'>): void {
    this.count++;
    const numbered = { seq: this.count, ...entry };
    if (this.entries.length < this.capacity) {
      this.entries.push(numbered);
    } else {
      this.entries[this.head] = numbered;
      this.head = (this.head + 1) % this.capacity;
    }
  }

  /** A copy of the entries kept, oldest first. */
  public list(): RequestLogEntry[] {
    return [...this.entries.slice(this.head), ...this.entries.slice(0, this.head)];
  }

  /** Empties the log and restarts numbering at 1. */
  public clear(): void {
    this.entries = [];
    this.head = 0;
    this.count = 0;
  }
}
