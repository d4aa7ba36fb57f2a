import type { TransferTasksSnapshot } from './transfer-tasks-snapshot';

/**
 * What every transfer-task lookup offers its consumers (the assertion construct, user code):
 * `DisTransferTasks` for one stream, `DisProjectTransferTasks` for every stream of a project.
 */
export interface ITransferTasksLookup {
  /** One snapshot per stream, ordered by stream name. */
  readonly snapshots: TransferTasksSnapshot[];
  /** True when the lookup covers every stream of the project. */
  readonly allStreams: boolean;
  /**
   * The DIS endpoint given explicitly to the lookup, if any (never a credential).
   * @default - none; the client resolved the endpoint from the region or the environment
   */
  readonly endpoint?: string;
  /** The region the lookup ran against. */
  readonly region: string;
  /** The project id the lookup ran against. */
  readonly projectId: string;
}
