import { z } from 'zod';
import { TransferTaskPayloadSchema } from './transfer-task-payload';

/**
 * The ListTransferTasks 200 body. `quota` is documented but missing from the official example
 * and from Open Telekom Cloud's model, so it is optional.
 */
export const ListTransferTasksResponseSchema = z.looseObject({
  total_number: z.number().int().nonnegative(),
  quota: z.number().int().nonnegative().optional(),
  tasks: z.array(TransferTaskPayloadSchema),
});

/** The ListTransferTasks 200 body. */
export type ListTransferTasksResponse = z.infer<typeof ListTransferTasksResponseSchema>;
