import { disError, type EmulatorResponse } from '../responses';
import type { ScenarioProject } from '../scenario';
import type { HandlerContext } from './handler-context';

/**
 * The project named in the path, or the error the service gives: `DIS.4117` (400) for a project
 * id it does not know, `DIS.4116` (403) for one the credential was not granted.
 */
export function projectAccess(ctx: HandlerContext): ScenarioProject | EmulatorResponse {
  const id = ctx.params.projectId;
  const project = ctx.state.project(id);
  if (!project) return disError('DIS.4117', `[${id}]`);
  if (ctx.grantedProjects && !ctx.grantedProjects.includes(id)) {
    return disError('DIS.4116', `The credential has no permission on project [${id}]`);
  }
  return project;
}

/** True when `x` is an error response rather than a project. */
export function isResponse(x: ScenarioProject | EmulatorResponse): x is EmulatorResponse {
  return 'status' in x;
}
