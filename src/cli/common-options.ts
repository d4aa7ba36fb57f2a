import type { CliOptionSpec } from './cli-command';

/** Options every command accepts. */
export const COMMON_OPTIONS: Readonly<Record<string, CliOptionSpec>> = {
  help: { type: 'boolean', short: 'h', description: 'Show this help and exit.' },
  debug: { type: 'boolean', description: 'Print stack traces of unexpected errors (never secrets).' },
};

/** Options that say which project, region and endpoint to talk to; shared by `list`, `check` and `context refresh`. */
export const TARGET_OPTIONS: Readonly<Record<string, CliOptionSpec>> = {
  project: {
    type: 'string',
    valueName: 'ID',
    description: 'Project id. Default: HW_PROJECT_ID, else looked up in IAM for the region.',
  },
  region: {
    type: 'string',
    valueName: 'REGION',
    description: 'Region, for example cn-north-4. Default: HW_REGION_NAME.',
  },
  endpoint: {
    type: 'string',
    valueName: 'URL',
    description:
      'DIS base URL, for example the emulator. Default: HW_DIS_ENDPOINT, else the public endpoint of the region.',
  },
};
