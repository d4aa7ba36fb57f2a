import type { RouteId } from './route-id';

/** A matched route and its decoded path parameters. */
export interface RouteMatch {
  /** The operation. */
  readonly route: RouteId;
  /** Path parameters by name (`projectId`, `streamName`, `taskName`), percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
}

interface RouteDef {
  readonly method: string;
  readonly route: RouteId;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

function def(method: string, route: RouteId, template: string): RouteDef {
  const names: string[] = [];
  const source = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { method, route, pattern: new RegExp(`^${source}/?$`), names };
}

const ROUTES: readonly RouteDef[] = [
  def('GET', 'ListTransferTasks', '/v2/{projectId}/streams/{streamName}/transfer-tasks'),
  def('POST', 'BatchTransferTaskAction', '/v2/{projectId}/streams/{streamName}/transfer-tasks/action'),
  def('GET', 'ShowTransferTask', '/v2/{projectId}/streams/{streamName}/transfer-tasks/{taskName}'),
  def('GET', 'ListStreams', '/v2/{projectId}/streams'),
  def('GET', 'KeystoneListProjects', '/v3/projects'),
  def('POST', 'KeystoneCreateUserTokenByPassword', '/v3/auth/tokens'),
];

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
