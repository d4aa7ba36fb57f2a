import type { IContextStore } from './context-store';
import type { LookupMode } from './lookup-mode';

/**
 * What every transfer-task lookup accepts besides what it looks up. All values must be literals at
 * synth: an unresolved Terraform token is refused.
 */
export interface DisLookupOptions {
  /**
   * The project id.
   * @default - `HW_PROJECT_ID` (or `HUAWEICLOUD_SDK_PROJECT_ID`); otherwise the client asks IAM for
   * the project named after the region
   */
  readonly projectId?: string;
  /**
   * The region, for example `cn-north-4`.
   * @default - `HW_REGION_NAME` (or `HUAWEICLOUD_SDK_REGION_ID`)
   */
  readonly region?: string;
  /**
   * The DIS base URL, for example an emulator's `http://127.0.0.1:4566`.
   * @default - `HW_DIS_ENDPOINT`, else the public endpoint of the region
   */
  readonly endpoint?: string;
  /**
   * Create Terraform outputs for the task names and their states, in a stable order, so that
   * `cdktf output` and other stacks can read them.
   * @default false
   */
  readonly outputs?: boolean;
  /**
   * How the lookup uses the cache and the service (a {@link LookupMode} value). The person who
   * runs synth overrides it: `DIS_LOOKUP_MODE`, then cdktf context `dis-transfer-tasks:mode`, win
   * over this prop.
   * @default `auto`
   */
  readonly mode?: LookupMode;
  /**
   * The context cache file, relative to the working directory.
   * @default - `DIS_LOOKUP_CONTEXT_FILE`, else `cdktf.context.json` in the working directory
   */
  readonly contextFile?: string;
  /**
   * A store to use instead of the context cache file (tests, custom persistence).
   * @default - a `FileContextStore` on `contextFile`
   */
  readonly contextStore?: IContextStore;
  /**
   * How long one lookup may take, in milliseconds (the client's deadline, retries included).
   * It cannot exceed the bridge's hard timeout, `DIS_LOOKUP_TIMEOUT_MS` (60 000 by default).
   * @default 30000
   */
  readonly timeoutMs?: number;
}
