import type { IConstruct } from 'constructs';
import type { BridgeClientOptions, ResolveTargetAnswer } from './sync-bridge';
import { DisLookupConfigError } from './errors';
import { LookupMode } from './lookup-mode';
import type { LookupSettings } from './lookup-settings';
import { callLookupBridge } from './call-lookup-bridge';

/** The region and project a lookup's keys are built from. */
export interface LookupTarget {
  readonly region: string;
  readonly projectId: string;
}

/**
 * The region and project: from props and the environment when both are there (no worker needed),
 * otherwise from the client's `resolveTarget` through the bridge. Offline mode never asks the client.
 */
export function resolveLookupTarget(
  scope: IConstruct,
  settings: LookupSettings,
  client: BridgeClientOptions,
  streamName: string,
): LookupTarget {
  if (settings.region !== undefined && settings.projectId !== undefined) {
    return { region: settings.region, projectId: settings.projectId };
  }
  if (settings.mode === LookupMode.OFFLINE) {
    throw new DisLookupConfigError(
      `[${scope.node.path}] Offline lookups need the region and the project id to find the recorded value ` +
        `of stream "${streamName}", and ${settings.region === undefined ? 'the region' : 'the project id'} is ` +
        'not set. Set the `region` and `projectId` props, or HW_REGION_NAME and HW_PROJECT_ID.',
      { constructPath: scope.node.path, streamName },
    );
  }
  const site = {
    constructPath: scope.node.path,
    streamName,
    region: settings.region,
    projectId: settings.projectId,
  };
  return callLookupBridge<ResolveTargetAnswer>(site, { op: 'resolveTarget', client }).target;
}
