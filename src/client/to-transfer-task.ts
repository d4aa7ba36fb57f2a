import { isKnownDestinationType, isKnownTransferTaskState } from './model';
import type { TransferTaskPayload } from './schemas/transfer-task-payload';
import type { TransferTask } from './model';

/**
 * Converts a task from the wire (snake_case) to a {@link TransferTask}, appending a warning to
 * `warnings` for each undocumented state or destination type (the value passes through as is).
 */
export function toTransferTask(payload: TransferTaskPayload, warnings: string[]): TransferTask {
  if (!isKnownTransferTaskState(payload.state)) {
    warnings.push(
      `task '${payload.task_name}' has state '${payload.state}', which is not a documented TransferTaskState; passed through as is`,
    );
  }
  if (!isKnownDestinationType(payload.destination_type)) {
    warnings.push(
      `task '${payload.task_name}' has destination type '${payload.destination_type}', which is not a documented DestinationType; passed through as is`,
    );
  }
  return {
    taskName: payload.task_name,
    ...(payload.task_id === undefined ? {} : { taskId: payload.task_id }),
    state: payload.state,
    destinationType: payload.destination_type,
    createTime: payload.create_time,
    ...(payload.last_transfer_timestamp === undefined
      ? {}
      : { lastTransferTimestamp: payload.last_transfer_timestamp }),
  };
}
