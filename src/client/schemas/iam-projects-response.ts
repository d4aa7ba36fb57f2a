import { z } from 'zod';

/** IAM `GET /v3/projects?name=` 200 body (KeystoneListProjects). */
export const IamProjectsResponseSchema = z.looseObject({
  projects: z.array(z.looseObject({ id: z.string().min(1), name: z.string() })),
});

/** IAM `GET /v3/projects` 200 body. */
export type IamProjectsResponse = z.infer<typeof IamProjectsResponseSchema>;
