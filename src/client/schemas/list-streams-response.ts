import { z } from 'zod';

/** The ListStreams 200 body; only what paging needs is checked, the rest passes through. */
export const ListStreamsResponseSchema = z.looseObject({
  total_number: z.number().int().nonnegative().optional(),
  stream_names: z.array(z.string()),
  has_more_streams: z.boolean().optional(),
});

/** The ListStreams 200 body. */
export type ListStreamsResponse = z.infer<typeof ListStreamsResponseSchema>;
