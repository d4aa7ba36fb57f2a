// The IAM (Keystone) operations clients use around DIS: a password token scoped to a project, and
// the project list that turns a region into a project id.
import { z } from 'zod';
import { iamError } from './responses';
import type { Handler } from './routes';

const TokenRequest = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.array(z.string()).refine((m) => m.includes('password')),
      password: z.object({
        user: z.object({
          name: z.string(),
          password: z.string(),
          domain: z.object({ name: z.string() }),
        }),
      }),
    }),
    scope: z.object({
      project: z.union([z.object({ id: z.string() }), z.object({ name: z.string() })]),
    }),
  }),
});

/** IAM timestamps: ISO-8601 UTC with microseconds, `2020-01-04T09:05:22.701000Z`. */
function iamTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000Z');
}

/**
 * IAM `POST /v3/auth/tokens` with a password identity and a project scope: `201`, the token in
 * `X-Subject-Token`, `expires_at` in the body. A wrong user, password or domain is `401`; a
 * project the user has no grant on is `401` as well (IAM does not reveal which part was wrong).
 */
export const keystoneCreateToken: Handler = (ctx) => {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(ctx.body).toString('utf8'));
  } catch {
    return iamError(400, 'Bad Request', 'The request body is not JSON.');
  }
  const parsed = TokenRequest.safeParse(json);
  if (!parsed.success) {
    return iamError(
      400,
      'Bad Request',
      'Expected a password identity scoped to a project: auth.identity.password.user{name,password,domain.name}, auth.scope.project{id|name}.',
    );
  }
  const { user, scope } = {
    user: parsed.data.auth.identity.password.user,
    scope: parsed.data.auth.scope.project,
  };
  const known = ctx.state.credentials.users.find(
    (u) => u.name === user.name && u.password === user.password && u.domain === user.domain.name,
  );
  if (!known) return iamError(401, 'Unauthorized', 'The username or password is wrong.');
  const project = ctx.state.projects.find((p) => ('id' in scope ? p.id === scope.id : p.name === scope.name));
  if (!project || (known.projects && !known.projects.includes(project.id))) {
    return iamError(401, 'Unauthorized', 'The request you have made requires authentication.');
  }
  const ttl = ctx.state.tokenTtlSeconds;
  const { token, expiresAt } = ctx.state.issueToken([project.id], ttl);
  const domain = { id: ctx.state.domain.id, name: ctx.state.domain.name };
  return {
    status: 201,
    headers: { 'X-Subject-Token': token },
    body: {
      token: {
        expires_at: iamTime(expiresAt),
        issued_at: iamTime(ctx.now),
        methods: ['password'],
        project: { id: project.id, name: project.name, domain },
        user: { id: `u-${known.name}`, name: known.name, domain, password_expires_at: '' },
        roles: [{ id: '0', name: 'te_admin' }],
        catalog: [],
      },
    },
  };
};

/**
 * IAM `GET /v3/projects?name={region}`: the projects the credential may use, filtered by name.
 * Clients call it to turn a region into a project id.
 */
export const keystoneListProjects: Handler = (ctx) => {
  const name = ctx.query.get('name');
  const projects = ctx.state.projects
    .filter((p) => name === null || p.name === name)
    .filter((p) => !ctx.grantedProjects || ctx.grantedProjects.includes(p.id))
    .map((p) => ({
      id: p.id,
      name: p.name,
      domain_id: ctx.state.domain.id,
      parent_id: ctx.state.domain.id,
      description: '',
      enabled: true,
      is_domain: false,
      links: { self: `${ctx.baseUrl}/v3/projects/${p.id}` },
    }));
  return {
    status: 200,
    body: { projects, links: { self: `${ctx.baseUrl}/v3/projects`, previous: null, next: null } },
  };
};
