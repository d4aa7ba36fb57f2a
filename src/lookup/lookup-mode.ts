import { MODE_CONTEXT_KEY } from './context-entry';
import type { OperatorSettingSpec } from './synth-inputs';

/** How a lookup uses the context cache and the service. */
export enum LookupMode {
  /** Use the cached value if present; otherwise fetch and record it. The default. */
  AUTO = 'auto',
  /** Always fetch, and record the result. */
  REFRESH = 'refresh',
  /** Never fetch: cdktf context and the cache only; every missing key fails synth, listed in one error. */
  OFFLINE = 'offline',
  /** Always fetch, and record nothing. */
  LIVE = 'live',
}

/** The environment variable that selects the lookup mode. */
export const MODE_ENV_VAR = 'DIS_LOOKUP_MODE';

/**
 * The lookup mode as an operator setting: `DIS_LOOKUP_MODE`, then cdktf context
 * `dis-transfer-tasks:mode`, then the `mode` prop, then `auto` (the one precedence of
 * `resolveOperatorSetting`).
 */
export const LOOKUP_MODE_SETTING: OperatorSettingSpec<LookupMode> = {
  prop: 'mode',
  contextKey: MODE_CONTEXT_KEY,
  envVar: MODE_ENV_VAR,
  values: Object.values(LookupMode),
  defaultValue: LookupMode.AUTO,
};
