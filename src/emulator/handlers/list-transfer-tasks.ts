import { disError } from '../responses';
import type { Handler } from './handler-context';
import { isResponse, projectAccess } from './project-access';
import { taskToWire } from './task-to-wire';

/**
 * `GET /v2/{project_id}/streams/{stream_name}/transfer-tasks`: `total_number`, `quota` (tasks the
 * stream can still take) and `tasks[]`. No paging: a stream holds at most 5 tasks. An unknown
 * stream is `400 DIS.4301`.
 */
export const listTransferTasks: Handler = (ctx) => {
  const project = projectAccess(ctx);
  if (isResponse(project)) return project;
  const stream = project.streams.find((s) => s.name === ctx.params.streamName);
  if (!stream) return disError('DIS.4301', `[${ctx.params.streamName}] [${project.id}]`);
  return {
    status: 200,
    body: {
      total_number: stream.tasks.length,
      quota: Math.max(0, stream.transferTaskQuota - stream.tasks.length),
      tasks: stream.tasks.map((t) => taskToWire(t, ctx.state)),
    },
  };
};
