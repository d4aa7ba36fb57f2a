import { resolve } from 'node:path';
import type { IConstruct } from 'constructs';
import { resolveProjectId, resolveRegion } from '../client/config';
import { checkLookupInput } from './check-lookup-input';

import { FileContextStore, type IContextStore } from './context-store';
import { DisLookupConfigError } from './errors';
import { LOOKUP_MODE_SETTING, type LookupMode } from './lookup-mode';
import type { DisLookupOptions } from './lookup-options';
import { resolveOperatorSetting, type SettingOrigin } from './synth-inputs';

/** The default context cache file name, in the working directory. */
export const DEFAULT_CONTEXT_FILE = 'cdktf.context.json';
/** The environment variable that moves the context cache file. */
export const CONTEXT_FILE_ENV_VAR = 'DIS_LOOKUP_CONTEXT_FILE';
/** The default per-lookup deadline, in milliseconds. */
export const DEFAULT_LOOKUP_TIMEOUT_MS = 30_000;

/** Everything a lookup needs to know before it looks anything up. */
export interface LookupSettings {
  readonly mode: LookupMode;
  /** Where the mode was chosen. */
  readonly modeFrom: SettingOrigin;
  readonly store: IContextStore;
  /** Names the store in messages: the file path, or "the context store". */
  readonly storeLabel: string;
  /** The region, when known without asking the service. */
  readonly region?: string;
  /** The project id, when known without asking the service. */
  readonly projectId?: string;
  readonly endpoint?: string;
  readonly timeoutMs: number;
  /** The environment, passed to the client explicitly. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

const stores = new Map<string, FileContextStore>();

/**
 * Resolves mode, store, region, project and timeout from the props, cdktf context and the
 * environment. The mode is an operator setting: the environment overrides cdktf context, which
 * overrides the prop.
 */
export function resolveLookupSettings(
  scope: IConstruct,
  options: DisLookupOptions,
  env: Readonly<Record<string, string | undefined>> = process.env,
): LookupSettings {
  const { value: mode, from: modeFrom } = resolveOperatorSetting(
    scope,
    LOOKUP_MODE_SETTING,
    options.mode,
    env,
    (message, where) => new DisLookupConfigError(message, { where }),
  );
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOOKUP_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new DisLookupConfigError(
      `[${scope.node.path}] timeoutMs must be a positive number of milliseconds, got ${timeoutMs}.`,
    );
  }
  let store = options.contextStore;
  let storeLabel = 'the context store';
  if (!store) {
    const fromEnv = env[CONTEXT_FILE_ENV_VAR]?.trim();
    const file = resolve(options.contextFile ?? (fromEnv || DEFAULT_CONTEXT_FILE));
    store = stores.get(file) ?? new FileContextStore(file);
    stores.set(file, store as FileContextStore);
    storeLabel = file;
  }
  // The client's chain (prop, then HW_*, then HUAWEICLOUD_SDK_*), so that the keys are built from
  // the region and project the client will use.
  const region = checkLookupInput(scope, () => resolveRegion(options.region, env));
  const projectId = checkLookupInput(scope, () => resolveProjectId(options.projectId, env));
  return {
    mode,
    modeFrom,
    store,
    storeLabel,
    region,
    projectId,
    endpoint: options.endpoint,
    timeoutMs,
    env,
  };
}
