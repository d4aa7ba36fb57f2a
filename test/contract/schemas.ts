// What the service documents, written down independently of src/: the contract suite checks
// responses against these, not against the client's own schemas, so a mistake in those shows up.
// Sources: research/dis-api.md §1.1 (ListTransferTasks), §2.1 (error bodies), ListStreams in the
// go-v3 SDK model (services/dis/v2/model/model_list_streams_response.go).
import { z } from 'zod';

/**
 * ListTransferTasks 200: `quota` and `task_id` are absent from some documents, so optional; every
 * field of the SDK models may be JSON null (Go `*T`, Python `None`, Java `NON_NULL` in all three),
 * so the optional ones accept null. The fields a task cannot do without are required.
 */
export const ListTransferTasksBody = z.object({
  total_number: z.number().int().nonnegative(),
  quota: z.number().int().nullish(),
  tasks: z.array(
    z.object({
      task_id: z.string().nullish(),
      task_name: z.string(),
      state: z.string(),
      destination_type: z.string(),
      create_time: z.number().int(),
      last_transfer_timestamp: z.number().int().nullish(),
    }),
  ),
});

/** ShowTransferTask 200: the task plus `stream_id` (official example only), partitions and a description. */
export const ShowTransferTaskBody = z.object({
  stream_id: z.string().nullish(),
  stream_name: z.string().nullish(),
  task_name: z.string(),
  state: z.string(),
  destination_type: z.string(),
  create_time: z.number().int(),
  last_transfer_timestamp: z.number().int().nullish(),
  partitions: z.array(z.record(z.string(), z.unknown())).nullish(),
});

/** A DIS business error. */
export const DisErrorBody = z.object({ errorCode: z.string().regex(/^DIS\.\d{4}$/), message: z.string() });

/** An API gateway error. */
export const GatewayErrorBody = z.object({
  error_code: z.string().regex(/^APIG(W)?\.\d{4}$/),
  error_msg: z.string(),
  request_id: z.string().min(1),
});

/** ListStreams 200. */
export const ListStreamsBody = z.object({
  total_number: z.number().int().nonnegative(),
  stream_names: z.array(z.string()),
  has_more_streams: z.boolean().nullish(),
});
