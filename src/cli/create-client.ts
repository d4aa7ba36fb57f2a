import type { DisClient } from '../client/dis-client';
import type { CliArgs } from './cli-command';
import type { CliIo } from './output';

/** Where the target options point, with anything not given left to the client's environment chain. */
export interface TargetOverrides {
  /** `--region`. @default the client's chain: `HW_REGION_NAME`, … */
  readonly region?: string;
  /** `--project`. @default the client's chain: `HW_PROJECT_ID`, …, then IAM */
  readonly projectId?: string;
  /** `--endpoint`. @default the client's chain: `HW_DIS_ENDPOINT`, then the region's public endpoint */
  readonly endpoint?: string;
}

/** The `--region`, `--project` and `--endpoint` values of a command line. */
export function targetOverrides(args: CliArgs): TargetOverrides {
  const pick = (name: string) =>
    typeof args.values[name] === 'string' ? (args.values[name] as string) : undefined;
  return { region: pick('region'), projectId: pick('project'), endpoint: pick('endpoint') };
}

/**
 * A `DisClient` for a command: the overrides given, the rest (credentials above all) from the
 * command's environment, exactly as the huaweicloud provider reads it. The client's own rules
 * apply unchanged (plain `http://` only for loopback hosts such as the emulator).
 */
export async function createClient(overrides: TargetOverrides, io: CliIo): Promise<DisClient> {
  // Loaded on use: undici and the client's schemas would slow the commands that do not call DIS.
  const { DisClient } = await import('../client/dis-client');
  return new DisClient({
    ...(overrides.region === undefined ? {} : { region: overrides.region }),
    ...(overrides.projectId === undefined ? {} : { projectId: overrides.projectId }),
    ...(overrides.endpoint === undefined ? {} : { endpoint: overrides.endpoint }),
    env: io.env,
    userAgent: 'cdktf-dis-transfer-tasks-cli',
  });
}
