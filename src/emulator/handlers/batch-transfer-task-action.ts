import { z } from 'zod';
import { disError } from '../responses';
import type { Handler } from './handler-context';
import { isResponse, projectAccess } from './project-access';

const ActionBody = z.object({
  action: z.enum(['start', 'stop']),
  tasks: z.array(z.object({ id: z.string().min(1) })).min(1),
});

/**
 * `POST /v2/{project_id}/streams/{stream_name}/transfer-tasks/action` with
 * `{"action":"start"|"stop","tasks":[{"id":"<task_id>"}]}`: start moves tasks to RUNNING (through
 * STARTING when the scenario sets `startingMs`), stop to PAUSED, as the OTC acceptance test
 * observed. All ids must exist, or nothing changes.
 */
export const batchTransferTaskAction: Handler = (ctx) => {
  const project = projectAccess(ctx);
  if (isResponse(project)) return project;
  const stream = project.streams.find((s) => s.name === ctx.params.streamName);
  if (!stream) return disError('DIS.4301', `[${ctx.params.streamName}] [${project.id}]`);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(ctx.body).toString('utf8'));
  } catch {
    return disError('DIS.4200', 'The body is not JSON.');
  }
  const parsed = ActionBody.safeParse(json);
  if (!parsed.success) {
    return disError('DIS.4200', 'Expected {"action":"start"|"stop","tasks":[{"id":"<task_id>"}]}.');
  }
  const tasks = parsed.data.tasks.map(({ id }) => stream.tasks.find((t) => t.taskId === id));
  if (tasks.some((t) => t === undefined)) return disError('DIS.4354');
  for (const t of tasks) {
    if (parsed.data.action === 'start') ctx.state.startTask(stream.name, t!.taskName, project.id);
    else ctx.state.setTaskState(stream.name, t!.taskName, 'PAUSED', project.id);
  }
  return { status: 200, body: {} };
};
