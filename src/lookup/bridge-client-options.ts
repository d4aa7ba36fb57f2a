import type { BridgeClientOptions } from './sync-bridge';
import type { LookupSettings } from './lookup-settings';

/** The plain options the worker builds its client from. Credentials stay in memory, never recorded. */
export function toBridgeClientOptions(settings: LookupSettings, credentials?: object): BridgeClientOptions {
  const plainCredentials: Record<string, string> = {};
  for (const [name, value] of Object.entries(credentials ?? {})) {
    if (typeof value === 'string' && value !== '') plainCredentials[name] = value;
  }
  return {
    ...(settings.region !== undefined ? { region: settings.region } : {}),
    ...(settings.projectId !== undefined ? { projectId: settings.projectId } : {}),
    ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
    ...(Object.keys(plainCredentials).length > 0 ? { credentials: plainCredentials } : {}),
    env: { ...settings.env },
    deadlineMs: settings.timeoutMs,
  };
}
