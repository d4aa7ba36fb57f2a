import { z } from 'zod';
import { TransferTaskPayloadSchema } from './transfer-task-payload';

/**
 * Every spelling of the destination description keys seen in the sources: the v3 SDKs' typos
 * (`dws_destination_descripton`, `cloudtable_destination_descripton`), the legacy SDK's correct
 * spellings and Open Telekom Cloud's `cloud_table_destination_description`.
 */
export const DESTINATION_DESCRIPTION_KEYS = [
  'obs_destination_description',
  'obs_destination_descriptor',
  'dli_destination_description',
  'mrs_destination_description',
  'dws_destination_description',
  'dws_destination_descripton',
  'cloudtable_destination_description',
  'cloudtable_destination_descripton',
  'cloud_table_destination_description',
] as const;

/** The ShowTransferTask 200 body: the list fields plus stream name, partitions and a destination description. */
export const ShowTransferTaskResponseSchema = TransferTaskPayloadSchema.extend({
  stream_name: z.string().optional(),
  partitions: z.array(z.looseObject({})).optional(),
  ...Object.fromEntries(DESTINATION_DESCRIPTION_KEYS.map((k) => [k, z.looseObject({}).optional()])),
});

/** The ShowTransferTask 200 body. */
export type ShowTransferTaskResponse = z.infer<typeof ShowTransferTaskResponseSchema>;
