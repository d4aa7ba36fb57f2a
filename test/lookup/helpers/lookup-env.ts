import type { EmulatorHandle } from '../../../src/emulator';
import { PROJECT_ID, REGION } from './demo-tasks';

/** Every variable a lookup or the client may read, cleared so the machine's own setup cannot leak in. */
const READ_BY_LOOKUPS = /^(HW_|OS_|HUAWEICLOUD_SDK_|DIS_LOOKUP_)/;

/**
 * Points process.env at `emu` with the given variables (token auth by default) and returns a
 * function that restores the original environment.
 */
export function useEmulatorEnv(
  emu: EmulatorHandle,
  extra: Record<string, string | undefined> = {},
): () => void {
  const saved = { ...process.env };
  for (const name of Object.keys(process.env)) if (READ_BY_LOOKUPS.test(name)) delete process.env[name];
  Object.assign(process.env, emu.endpointEnv, {
    HW_REGION_NAME: REGION,
    HW_PROJECT_ID: PROJECT_ID,
    HW_AUTH_TOKEN: 'demo-token-0000',
  });
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return () => {
    process.env = saved;
  };
}
