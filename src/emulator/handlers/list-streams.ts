import { disError } from '../responses';
import type { Handler } from './handler-context';
import { isResponse, projectAccess } from './project-access';

/** ListStreams paging: `limit` 1-100, default 10 (DIS API reference, ListStreams). */
export const LIST_STREAMS_LIMIT = { min: 1, max: 100, default: 10 } as const;

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
      has_more_streams: after.length > page.length,
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
