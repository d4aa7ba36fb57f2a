import { z } from 'zod';
import { DisError } from '../../client/errors';
import { EmulatorAdminError } from '../errors';
import type { EmulatorFault } from '../faults';
import type { EmulatorHandle } from '../emulator-handle';
import type { EmulatorTaskInput } from '../state';
import { gatewayError, type EmulatorResponse } from '../responses';
import type { HandlerContext } from './handler-context';

const Target = z.object({ streamName: z.string(), projectId: z.string().optional() });
const BODIES = {
  'set-task-state': Target.extend({ taskName: z.string(), state: z.string() }),
  'add-task': Target.extend({ task: z.record(z.string(), z.unknown()) }),
  'remove-task': Target.extend({ taskName: z.string() }),
  fault: z.record(z.string(), z.unknown()),
  'clear-faults': z.object({}),
  reset: z.object({}),
} as const;

/**
 * The `/_emulator/{action}` routes, served only with `admin: true`: the control API of
 * {@link EmulatorHandle} over HTTP, for users driving an emulator from another language or a shell.
 * `GET requests` returns the log; the other actions are `POST` with a JSON body.
 */
export async function adminAction(ctx: HandlerContext, handle: EmulatorHandle): Promise<EmulatorResponse> {
  const action = ctx.params.action;
  if (action === 'requests') return { status: 200, body: { requests: await handle.requestLog() } };
  if (!(action in BODIES)) return gatewayError('APIGW.0101');
  try {
    const b = adminBody(action as keyof typeof BODIES, ctx.body);
    switch (action as keyof typeof BODIES) {
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
    if (DisError.isDisError(e)) return { status: 400, body: { code: e.code, message: e.message } };
    throw e;
  }
  return { status: 200, body: {} };
}

/** The checked body of an admin action. */
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
