import { z } from 'zod';

/**
 * IAM `POST /v3/auth/tokens` 201 body; the token itself is in the `X-Subject-Token` header.
 * `expires_at` is ISO-8601 UTC with microseconds, e.g. `2020-01-04T09:05:22.701000Z`.
 */
export const IamTokenResponseSchema = z.looseObject({
  token: z.looseObject({
    expires_at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO-8601 date'),
    project: z.looseObject({ id: z.string().min(1) }).optional(),
  }),
});

/** IAM `POST /v3/auth/tokens` 201 body. */
export type IamTokenResponse = z.infer<typeof IamTokenResponseSchema>;
