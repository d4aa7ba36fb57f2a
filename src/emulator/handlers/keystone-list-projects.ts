import type { Handler } from './handler-context';

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
