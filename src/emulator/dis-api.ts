// The DIS operations: transfer tasks (list, show, batch start/stop) and streams (list), with the
// service's answers for an unknown or ungranted project, stream or task.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { disError, type EmulatorResponse } from './responses';
import type { Handler, HandlerContext } from './routes';
import type { ScenarioProject, ScenarioStream, ScenarioTask } from './scenario';
import type { EmulatorState } from './state';

/**
 * `GET /v2/{project_id}/streams/{stream_name}/transfer-tasks`: `total_number`, `quota` (tasks the
 * stream can still take) and `tasks[]`. No paging: a stream holds at most 5 tasks. An unknown
 * stream is `400 DIS.4301`.
 */
export const listTransferTasks: Handler = (ctx) => {
  const stream = streamAccess(ctx);
  if (isResponse(stream)) return stream;
  const nulls = ctx.state.sendNulls;
  return {
    status: 200,
    body: {
      total_number: stream.tasks.length,
      quota: nulls ? null : Math.max(0, stream.transferTaskQuota - stream.tasks.length),
      tasks: stream.tasks.map((t) => ({ ...taskToWire(t, ctx.state), ...(nulls ? { task_id: null } : {}) })),
    },
  };
};

/**
 * `GET /v2/{project_id}/streams/{stream_name}/transfer-tasks/{task_name}`: the list fields plus
 * `stream_name`, `stream_id` (as in the official example), one partition and the destination
 * description. An unknown task is `400 DIS.4354`.
 *
 * The partition uses the shape of the legacy DIS SDK that talks to the live service
 * (`partitionId`, `state`, `discard`, …); the v3 SDK models disagree (research/dis-api.md §1.2).
 */
export const showTransferTask: Handler = (ctx) => {
  const stream = streamAccess(ctx);
  if (isResponse(stream)) return stream;
  const task = stream.tasks.find((t) => t.taskName === ctx.params.taskName);
  if (!task) return disError('DIS.4354');
  const wire = taskToWire(task, ctx.state);
  const destination = task.destinationType.toLowerCase();
  const nulls = ctx.state.sendNulls;
  const description = {
    task_name: task.taskName,
    agency_name: 'dis_admin_agency',
    deliver_time_interval: 300,
    consumer_strategy: 'LATEST',
    ...(destination === 'obs' ? { obs_bucket_path: `${stream.name}-bucket`, file_prefix: '' } : {}),
  };
  return {
    status: 200,
    body: {
      ...(nulls ? Object.fromEntries(SDK_DESCRIPTION_KEYS.map((k) => [k, null])) : {}),
      stream_id: nulls ? null : streamIdOf(ctx.params.projectId, stream.name),
      stream_name: stream.name,
      ...wire,
      partitions: nulls
        ? null
        : [
            {
              partitionId: 'shardId-0000000000',
              state: task.state,
              discard: 0,
              last_transfer_timestamp: wire.last_transfer_timestamp ?? 0,
              last_transfer_offset: 0,
            },
          ],
      [`${destination}_destination_description`]: description,
    },
  };
};

/** The destination description keys of the v3 SDK models, misspellings included: null with `sendNulls`. */
const SDK_DESCRIPTION_KEYS = [
  'obs_destination_description',
  'dws_destination_descripton',
  'mrs_destination_description',
  'dli_destination_description',
  'cloudtable_destination_descripton',
];

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
  const stream = streamAccess(ctx);
  if (isResponse(stream)) return stream;
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
  const { projectId } = ctx.params;
  const tasks = parsed.data.tasks.map(({ id }) => stream.tasks.find((t) => t.taskId === id));
  if (tasks.some((t) => t === undefined)) return disError('DIS.4354');
  for (const t of tasks) {
    if (parsed.data.action === 'start') ctx.state.startTask(stream.name, t!.taskName, projectId);
    else ctx.state.setTaskState(stream.name, t!.taskName, 'PAUSED', projectId);
  }
  return { status: 200, body: {} };
};

/** ListStreams paging: `limit` 1-100, default 10 (DIS API reference, ListStreams). */
const LIST_STREAMS_LIMIT = { min: 1, max: 100, default: 10 } as const;

/**
 * `GET /v2/{project_id}/streams?limit=&start_stream_name=`: stream names in name order, starting
 * after `start_stream_name` (exclusive), `has_more_streams` when the page was cut, and
 * `total_number` counting every stream of the project.
 */
export const listStreams: Handler = (ctx) => {
  const project = projectAccess(ctx);
  if (isResponse(project)) return project;
  const rawLimit = ctx.query.get('limit');
  const limit = rawLimit === null ? LIST_STREAMS_LIMIT.default : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < LIST_STREAMS_LIMIT.min || limit > LIST_STREAMS_LIMIT.max) {
    return disError(
      'DIS.4200',
      `limit must be an integer from ${LIST_STREAMS_LIMIT.min} to ${LIST_STREAMS_LIMIT.max}.`,
    );
  }
  const start = ctx.query.get('start_stream_name');
  const sorted = [...project.streams].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const after = start === null ? sorted : sorted.filter((s) => s.name > start);
  const page = after.slice(0, limit);
  return {
    status: 200,
    body: {
      total_number: sorted.length,
      stream_names: page.map((s) => s.name),
      has_more_streams: after.length > page.length ? true : ctx.state.sendNulls ? null : false,
      stream_info_list: page.map((s) => ({
        stream_name: s.name,
        create_time: s.createTime,
        retention_period: 24,
        status: 'RUNNING',
        stream_type: 'COMMON',
        data_type: 'BLOB',
        partition_count: 1,
      })),
    },
  };
};

/**
 * The project named in the path, or the error the service gives: `DIS.4117` (400) for a project
 * id it does not know, `DIS.4116` (403) for one the credential was not granted.
 */
function projectAccess(ctx: HandlerContext): ScenarioProject | EmulatorResponse {
  const id = ctx.params.projectId;
  const project = ctx.state.project(id);
  if (!project) return disError('DIS.4117', `[${id}]`);
  if (ctx.grantedProjects && !ctx.grantedProjects.includes(id)) {
    return disError('DIS.4116', `The credential has no permission on project [${id}]`);
  }
  return project;
}

/**
 * The stream named in the path, or the service's error: that of {@link projectAccess}, or
 * `DIS.4301` (400) for a stream the project does not hold.
 */
function streamAccess(ctx: HandlerContext): ScenarioStream | EmulatorResponse {
  const project = projectAccess(ctx);
  if (isResponse(project)) return project;
  const stream = project.streams.find((s) => s.name === ctx.params.streamName);
  return stream ?? disError('DIS.4301', `[${ctx.params.streamName}][${project.id}]`);
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A stream's id: 19 letters and digits like the service's (`RdMFID6edQdf8eDzc9e` in the official
 * example), derived from the project and the name so that it is the same in every run.
 */
export function streamIdOf(projectId: string, streamName: string): string {
  const digest = createHash('sha256').update(`${projectId}/${streamName}`).digest();
  return Array.from(digest.subarray(0, 19), (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('');
}

/** True when `x` is an error response rather than what was looked up. */
function isResponse<T extends object>(x: T | EmulatorResponse): x is EmulatorResponse {
  return 'status' in x;
}

/**
 * A task in the service's snake_case list form. `last_transfer_timestamp` is left out when there
 * was none (`null` with the scenario's `sendNulls`).
 */
function taskToWire(task: ScenarioTask, state: EmulatorState): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    task_id: task.taskId,
    task_name: task.taskName,
    state: task.state,
    destination_type: task.destinationType,
    create_time: task.createTime,
  };
  const last = state.resolveTime(task.lastTransferTimestamp);
  if (last !== undefined) wire.last_transfer_timestamp = last;
  else if (state.sendNulls) wire.last_transfer_timestamp = null;
  return wire;
}
