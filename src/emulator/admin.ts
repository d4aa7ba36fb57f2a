// The `/_emulator/*` control routes (only with `admin: true`): the control API of EmulatorHandle
// over HTTP, for users driving an emulator from another language or a shell. They change what the
// emulator serves, so a web page open in a browser on the same machine must not reach them: only a
// POST with a JSON body, addressed to a loopback Host and coming from no foreign Origin, is served.
// A cross-site form cannot send `application/json`, a cross-site `fetch` that does is preflighted
// (and refused), and a DNS-rebound name fails the Host check.
import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';
import { isLoopbackHost } from '../client/config';
import { DisError } from '../client/errors';
import type { EmulatorHandle } from './dis-emulator';
import { EmulatorAdminError } from './errors';
import type { EmulatorFault } from './faults';
import type { EmulatorResponse } from './responses';
import type { HandlerContext } from './routes';
import type { EmulatorTaskInput } from './state';

const Target = z.object({ streamName: z.string(), projectId: z.string().optional() });
const BODIES = {
  requests: z.object({}),
  'set-task-state': Target.extend({ taskName: z.string(), state: z.string() }),
  'add-task': Target.extend({ task: z.record(z.string(), z.unknown()) }),
  'remove-task': Target.extend({ taskName: z.string() }),
  fault: z.record(z.string(), z.unknown()),
  'clear-faults': z.object({}),
  reset: z.object({}),
} as const;

/** The actions served under `/_emulator/`. */
export const ADMIN_ACTIONS = Object.keys(BODIES) as readonly (keyof typeof BODIES)[];

/** An admin refusal: `{"code","message"}` with the status that says why. */
function refusal(
  status: number,
  message: string,
  headers?: Record<string, string>,
  code: string = EmulatorAdminError.CODE,
): EmulatorResponse {
  return { status, body: { code, message }, headers };
}

/** The hostname of a `Host` header (`127.0.0.1:8080` → `127.0.0.1`, `[::1]:80` → `[::1]`). */
function hostnameOf(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Why a request may not use the control routes, or `undefined` when it may: `405` for a method
 * other than POST, `415` for a body that is not `application/json`, `403` for a Host that is not a
 * loopback name or address, or an `Origin` that is not a loopback origin.
 */
export function adminRefusal(method: string, headers: IncomingHttpHeaders): EmulatorResponse | undefined {
  if (method !== 'POST') {
    return refusal(405, 'The control routes accept POST only.', { Allow: 'POST' });
  }
  const type = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    return refusal(415, 'The control routes accept a body of type application/json only.');
  }
  const host = hostnameOf(headers.host ?? '');
  if (host === undefined || !isLoopbackHost(host)) {
    return refusal(
      403,
      'The control routes answer requests addressed to a loopback host only (127.0.0.1, localhost, [::1]).',
    );
  }
  const origin = headers.origin;
  if (origin !== undefined) {
    let loopback = false;
    try {
      loopback = isLoopbackHost(new URL(origin).hostname);
    } catch {
      loopback = false;
    }
    if (!loopback) return refusal(403, 'The control routes do not answer requests from another origin.');
  }
  return undefined;
}

/**
 * Serves one `/_emulator/{action}` request that passed {@link adminRefusal}: `requests` returns the
 * request log; the others change the emulator and return `{}`. A refused call is `400` with
 * `{"code","message"}`, an unknown action `404`.
 */
export async function adminAction(ctx: HandlerContext, handle: EmulatorHandle): Promise<EmulatorResponse> {
  const action = ctx.params.action;
  if (!(ADMIN_ACTIONS as readonly string[]).includes(action)) {
    return refusal(
      404,
      `There is no control action '${action}'; the actions are ${ADMIN_ACTIONS.join(', ')}.`,
    );
  }
  try {
    const b = adminBody(action as keyof typeof BODIES, ctx.body);
    switch (action as keyof typeof BODIES) {
      case 'requests':
        return { status: 200, body: { requests: await handle.requestLog() } };
      case 'set-task-state':
        await handle.setTaskState(b.streamName, b.taskName, b.state, b.projectId);
        break;
      case 'add-task':
        await handle.addTask(b.streamName, b.task as unknown as EmulatorTaskInput, b.projectId);
        break;
      case 'remove-task':
        await handle.removeTask(b.streamName, b.taskName, b.projectId);
        break;
      case 'fault':
        await handle.injectFault(b as unknown as EmulatorFault);
        break;
      case 'clear-faults':
        await handle.clearFaults();
        break;
      case 'reset':
        await handle.reset();
        break;
    }
  } catch (e) {
    if (DisError.isDisError(e)) return refusal(400, e.message, undefined, e.code);
    throw e;
  }
  return { status: 200, body: {} };
}

/** The checked body of an admin action; an empty body counts as `{}`. */
function adminBody(action: keyof typeof BODIES, body: Uint8Array): Record<string, never> {
  let json: unknown = {};
  try {
    const text = Buffer.from(body).toString('utf8');
    if (text !== '') json = JSON.parse(text);
  } catch {
    throw new EmulatorAdminError('The body is not JSON.');
  }
  const parsed = BODIES[action].safeParse(json);
  if (!parsed.success) throw new EmulatorAdminError(z.prettifyError(parsed.error));
  return parsed.data as Record<string, never>;
}
