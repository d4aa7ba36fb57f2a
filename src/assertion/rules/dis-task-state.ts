import { isKnownTransferTaskState, TransferTaskState } from '../../client/model';
import { FindingSubject, gateRule, taskFinding } from './rule';

const DOCUMENTED = Object.values(TransferTaskState).join(', ');

/** DIS-TASK-STATE: every task is in one of the allowed states (default RUNNING); unknown states fail. */
export const disTaskState = gateRule({
  id: 'DIS-TASK-STATE',
  summary:
    'Every task is in one of allowedStates (default RUNNING); a state DIS does not document fails unless listed.',
  description:
    "A transfer task that is not RUNNING does not move data from the stream to its destination, so whatever reads the destination goes stale or breaks. The rule reads each task's state as the lookup recorded it; a state DIS does not document is treated as unhealthy until someone lists it.",
  subject: FindingSubject.SNAPSHOT,
  fix: 'Start, wait for, repair or recreate the task in the DIS console, or add its state to allowedStates.',
  check(context) {
    const allowed = context.rules.allowedStates;
    return context.tasks
      .filter((t) => !allowed.includes(t.task.state))
      .map((t) => {
        const state = t.task.state;
        const s = `${t.streamName}/${t.task.taskName}`;
        if (!isKnownTransferTaskState(state)) {
          return taskFinding(
            t,
            `task ${s} is in state "${state}", which is unknown (documented states: ${DOCUMENTED}); allowed: ${allowed.join(', ')}.`,
            `Check the task in the DIS console; if "${state}" is healthy, add it to allowedStates.`,
          );
        }
        return taskFinding(
          t,
          `task ${s} is ${state}; allowed: ${allowed.join(', ')}.`,
          fixFor(state, t.streamName),
        );
      });
  },
});

function fixFor(state: TransferTaskState, streamName: string): string {
  const where = `(DIS console, stream ${streamName}, Dump Management)`;
  switch (state) {
    case TransferTaskState.PAUSED:
      return `Start the task again ${where}, or add ${state} to allowedStates.`;
    case TransferTaskState.STARTING:
      return `Wait until the task is RUNNING and refresh the lookup, or add ${state} to allowedStates.`;
    case TransferTaskState.RUNNING:
      return `Stop the task if it must not run ${where}, or add ${state} to allowedStates.`;
    case TransferTaskState.DELETE:
      return `Recreate the task if it is still needed ${where}, or add ${state} to allowedStates.`;
    default:
      return `Repair or recreate the task ${where}, or add ${state} to allowedStates.`;
  }
}
