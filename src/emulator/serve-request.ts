import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { authenticate, type KeyLockout } from './auth';
import type { EmulatorHandle } from './emulator-handle';
import { applyFault, type FaultInjector } from './faults';
import { MAX_BODY_BYTES, readBody } from './read-body';
import type { CredentialKind, RequestLogEntry } from './request-log-entry';
import { disError, gatewayError, send, type EmulatorResponse } from './responses';
import {
  adminAction,
  handlerOf,
  matchRoute,
  type HandlerContext,
  type RouteId,
  type RouteMatch,
} from './routes';
import type { EmulatorState } from './state';

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
  if (r === 'Admin') return adminAction(ctx, deps.admin!);
  // The token request needs no credential: its body carries the password.
  if (r === 'KeystoneCreateUserTokenByPassword') return handlerOf(r)(ctx);
  const who = authenticate(signed, deps.state, deps.lockout, ctx.now);
  return who.ok ? handlerOf(r)({ ...ctx, grantedProjects: who.projects }) : who.response;
}
