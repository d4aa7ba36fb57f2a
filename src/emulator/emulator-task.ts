/**
 * A transfer task to add to a running emulator. Only the name, state and destination are needed;
 * the rest is filled in the way the service would.
 */
export interface EmulatorTaskInput {
  /** Task name, unique within its stream (1-64 letters, digits, `-`, `_`). */
  readonly taskName: string;
  /** Any state; unknown ones are served as they are, as the real service might. */
  readonly state: string;
  /** Any destination type, usually `OBS`. */
  readonly destinationType: string;
  /**
   * The task id used by the batch start/stop action.
   * @default a random 19-character id, like the service's
   */
  readonly taskId?: string;
  /**
   * Creation time, epoch milliseconds.
   * @default the emulator clock's now
   */
  readonly createTime?: number;
  /**
   * Last transfer: epoch milliseconds, `now` or `now-<seconds>s` (evaluated per request).
   * @default no last transfer
   */
  readonly lastTransferTimestamp?: number | string;
}
