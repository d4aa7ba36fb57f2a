// The operations the emulator serves and how a request finds one: the route ids (the service's
// operation names), the method and path of each, and the handler contract. The operations
// themselves: ./dis-api and ./iam-api; the `/_emulator/*` control routes: ./admin.
import { batchTransferTaskAction, listStreams, listTransferTasks, showTransferTask } from './dis-api';
import { keystoneCreateToken, keystoneListProjects } from './iam-api';
import type { EmulatorResponse } from './responses';
import type { EmulatorState } from './state';

/** The operations the emulator serves, named after the service's operation names. */
export type RouteId =
  | 'ListTransferTasks'
  | 'ShowTransferTask'
  | 'BatchTransferTaskAction'
  | 'ListStreams'
  | 'KeystoneListProjects'
  | 'KeystoneCreateUserTokenByPassword'
  | 'Admin';

/** What a handler gets: the world, the request's decoded parts, and who is asking. */
export interface HandlerContext {
  /** The emulator's mutable world. */
  readonly state: EmulatorState;
  /** Decoded path parameters. */
  readonly params: Readonly<Record<string, string>>;
  /** The query string. */
  readonly query: URLSearchParams;
  /** The raw body. */
  readonly body: Uint8Array;
  /** Project ids the credential may use; `undefined` means all (or no credential needed). */
  readonly grantedProjects?: readonly string[];
  /** The emulator clock's now, epoch milliseconds. */
  readonly now: number;
  /** The base URL the request came in on, for `links`. */
  readonly baseUrl: string;
}

/** One operation: a pure function from the request context to a response (it may change `state`). */
export type Handler = (ctx: HandlerContext) => EmulatorResponse;

/** A matched route and its decoded path parameters. */
export interface RouteMatch {
  /** The operation. */
  readonly route: RouteId;
  /** Path parameters by name (`projectId`, `streamName`, `taskName`), percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
}

interface Operation {
  readonly method: 'GET' | 'POST';
  /** The path, with `{name}` for each parameter. */
  readonly path: string;
  readonly handler: Handler;
}

/** Every operation but `Admin`, in {@link ROUTE_IDS} order (the methods keep the paths apart). */
const OPERATIONS: Readonly<Record<Exclude<RouteId, 'Admin'>, Operation>> = {
  ListTransferTasks: {
    method: 'GET',
    path: '/v2/{projectId}/streams/{streamName}/transfer-tasks',
    handler: listTransferTasks,
  },
  ShowTransferTask: {
    method: 'GET',
    path: '/v2/{projectId}/streams/{streamName}/transfer-tasks/{taskName}',
    handler: showTransferTask,
  },
  BatchTransferTaskAction: {
    method: 'POST',
    path: '/v2/{projectId}/streams/{streamName}/transfer-tasks/action',
    handler: batchTransferTaskAction,
  },
  ListStreams: { method: 'GET', path: '/v2/{projectId}/streams', handler: listStreams },
  KeystoneListProjects: { method: 'GET', path: '/v3/projects', handler: keystoneListProjects },
  KeystoneCreateUserTokenByPassword: {
    method: 'POST',
    path: '/v3/auth/tokens',
    handler: keystoneCreateToken,
  },
};

/** Every {@link RouteId}, for validation and fault targeting. */
export const ROUTE_IDS: readonly RouteId[] = [...(Object.keys(OPERATIONS) as RouteId[]), 'Admin'];

interface CompiledRoute {
  readonly route: Exclude<RouteId, 'Admin'>;
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

const ROUTES: readonly CompiledRoute[] = Object.entries(OPERATIONS).map(([route, { method, path }]) => {
  const names: string[] = [];
  const source = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route: route as CompiledRoute['route'], method, pattern: new RegExp(`^${source}/?$`), names };
});

const ADMIN = /^\/_emulator\/(\w[\w-]*)$/;

/**
 * Finds the operation for a method and raw path. Like the API gateway, an API is the pair of
 * method and path: a known path with another method is not found either.
 */
export function matchRoute(method: string, rawPath: string, admin: boolean): RouteMatch | undefined {
  for (const r of ROUTES) {
    if (r.method !== method) continue;
    const m = r.pattern.exec(rawPath);
    if (!m) continue;
    const params: Record<string, string> = {};
    try {
      r.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
    } catch {
      return undefined;
    }
    return { route: r.route, params };
  }
  const a = admin ? ADMIN.exec(rawPath) : null;
  return a ? { route: 'Admin', params: { action: a[1] } } : undefined;
}

/** The handler of an operation. */
export function handlerOf(route: Exclude<RouteId, 'Admin'>): Handler {
  return OPERATIONS[route].handler;
}
