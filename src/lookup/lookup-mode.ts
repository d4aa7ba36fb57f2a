// How a lookup uses the context cache and the service (its mode, an operator setting), and where a
// snapshot's data came from.
import { MODE_CONTEXT_KEY } from './context-entry';
import type { OperatorSettingSpec } from './context-provider';

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

/** Where the data of a {@link TransferTasksSnapshot} came from. */
export enum SnapshotSource {
  /** Fetched from the DIS API (or an emulator) during this synth. */
  API = 'api',
  /** Read from the context cache file (`cdktf.context.json` by default). */
  CACHE = 'cache',
  /** Given through cdktf context (App context or the `context` of `cdktf.json`). */
  CONTEXT = 'context',
}

/** The environment variable that selects the lookup mode. */
export const MODE_ENV_VAR = 'DIS_LOOKUP_MODE';

/**
 * The lookup mode as an operator setting: `DIS_LOOKUP_MODE`, then cdktf context
 * `dis-transfer-tasks:mode`, then the `mode` prop, then `auto`.
 */
export const LOOKUP_MODE_SETTING: OperatorSettingSpec<LookupMode> = {
  prop: 'mode',
  contextKey: MODE_CONTEXT_KEY,
  envVar: MODE_ENV_VAR,
  values: Object.values(LookupMode),
  defaultValue: LookupMode.AUTO,
};
