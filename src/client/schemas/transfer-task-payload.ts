import { z } from 'zod';

/**
 * One task of the ListTransferTasks response, as the service sends it (snake_case).
 * Loose: fields a newer service adds pass through. `task_id` is in the official examples but not
 * in the SDK models, so it is optional; `state` and `destination_type` are plain strings so an
 * undocumented value is reported as a warning instead of failing the call.
 */
export const TransferTaskPayloadSchema = z.looseObject({
  task_name: z.string().min(1),
  task_id: z.string().optional(),
  state: z.string().min(1),
  destination_type: z.string().min(1),
  create_time: z.number().int().nonnegative(),
  last_transfer_timestamp: z.number().int().nonnegative().optional(),
});

/** A transfer task as the service sends it. */
export type TransferTaskPayload = z.infer<typeof TransferTaskPayloadSchema>;
