import { disError } from '../responses';
import type { Handler } from './handler-context';
import { isResponse, projectAccess } from './project-access';
import { taskToWire } from './task-to-wire';

/**
 * `GET /v2/{project_id}/streams/{stream_name}/transfer-tasks/{task_name}`: the list fields plus
 * `stream_name`, one partition and the destination description. An unknown task is `400 DIS.4354`.
 *
 * The partition uses the shape of the legacy DIS SDK that talks to the live service
 * (`partitionId`, `state`, `discard`, …); the v3 SDK models disagree (research/dis-api.md §1.2).
 */
export const showTransferTask: Handler = (ctx) => {
  const project = projectAccess(ctx);
  if (isResponse(project)) return project;
  const stream = project.streams.find((s) => s.name === ctx.params.streamName);
  if (!stream) return disError('DIS.4301', `[${ctx.params.streamName}] [${project.id}]`);
  const task = stream.tasks.find((t) => t.taskName === ctx.params.taskName);
  if (!task) return disError('DIS.4354');
  const wire = taskToWire(task, ctx.state);
  const destination = task.destinationType.toLowerCase();
  return {
    status: 200,
    body: {
      stream_name: stream.name,
      ...wire,
      partitions: [
        {
          partitionId: 'shardId-0000000000',
          state: task.state,
          discard: 0,
          last_transfer_timestamp: wire.last_transfer_timestamp ?? 0,
          last_transfer_offset: 0,
        },
      ],
      [`${destination}_destination_description`]: {
        task_name: task.taskName,
        agency_name: 'dis_admin_agency',
        deliver_time_interval: 300,
        consumer_strategy: 'LATEST',
        ...(destination === 'obs' ? { obs_bucket_path: `${stream.name}-bucket`, file_prefix: '' } : {}),
      },
    },
  };
};
