import { startEmulatorProcess, type EmulatorHandle } from '../../../src/emulator';

/** The demo scenario's values (scenarios/demo.json). */
export const DEMO = {
  region: 'cn-north-4',
  projectId: '0123456789abcdef0123456789abcdef',
  token: 'demo-token-0000',
  accessKey: 'DEMOAK0000000000000A',
  secretKey: 'demo-secret-key-0000000000000000000000000',
  password: 'demo-password-0000',
} as const;

/** The demo's secrets: no CLI output may contain them. */
export const DEMO_SECRETS: readonly string[] = [DEMO.token, DEMO.secretKey, DEMO.password];

/** Starts the emulator in a child process (the CLI under test is another child). */
export function startDemoEmulator(scenario?: string): Promise<EmulatorHandle> {
  return startEmulatorProcess(scenario === undefined ? {} : { scenario });
}

/** Environment for the CLI: the emulator's endpoints, the region and a token with the project id. */
export function tokenEnv(emulator: EmulatorHandle): Record<string, string> {
  return {
    ...emulator.endpointEnv,
    HW_REGION_NAME: DEMO.region,
    HW_PROJECT_ID: DEMO.projectId,
    HW_AUTH_TOKEN: DEMO.token,
  };
}

/** Environment for the CLI: AK/SK signing, the project id looked up in IAM. */
export function akSkEnv(emulator: EmulatorHandle): Record<string, string> {
  return {
    ...emulator.endpointEnv,
    HW_REGION_NAME: DEMO.region,
    HW_ACCESS_KEY: DEMO.accessKey,
    HW_SECRET_KEY: DEMO.secretKey,
  };
}
