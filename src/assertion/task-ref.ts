/**
 * True when a task reference (`task-name`, `stream/task-name`, or `*` when `wildcard` is allowed)
 * names the task `taskName` of stream `streamName`.
 */
export function matchesTaskRef(ref: string, streamName: string, taskName: string, wildcard = false): boolean {
  if (wildcard && ref === '*') return true;
  return ref === taskName || ref === `${streamName}/${taskName}`;
}
