import type { EmulatorState } from '../state';
import type { ScenarioTask } from '../scenario';

/** A task in the service's snake_case list form. `last_transfer_timestamp` is left out when there was none. */
export function taskToWire(task: ScenarioTask, state: EmulatorState): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    task_id: task.taskId,
    task_name: task.taskName,
    state: task.state,
    destination_type: task.destinationType,
    create_time: task.createTime,
  };
  const last = state.resolveTime(task.lastTransferTimestamp);
  if (last !== undefined) wire.last_transfer_timestamp = last;
  return wire;
}
