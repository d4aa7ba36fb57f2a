import { isKnownTransferTaskState, TransferTaskState } from '../../client/transfer-task-state';
import type { RuleFinding } from '../gate-finding';
import { taskFinding, type RuleContext } from '../rule-context';

const DOCUMENTED = Object.values(TransferTaskState).join(', ');

/** DIS-TASK-STATE: every task is in one of the allowed states (default RUNNING); unknown states fail. */
export function disTaskState(context: RuleContext): RuleFinding[] {
  const allowed = context.rules.allowedStates;
  return context.tasks
    .filter((t) => !allowed.includes(t.task.state))
    .map((t) => {
      const state = t.task.state;
      const s = `${t.streamName}/${t.task.taskName}`;
      if (!isKnownTransferTaskState(state)) {
        return taskFinding(
          'DIS-TASK-STATE',
          t,
          `task ${s} is in state "${state}", which is unknown (documented states: ${DOCUMENTED}); allowed: ${allowed.join(', ')}.`,
          `Check the task in the DIS console; if "${state}" is healthy, add it to allowedStates.`,
        );
      }
      return taskFinding(
        'DIS-TASK-STATE',
        t,
        `task ${s} is ${state}; allowed: ${allowed.join(', ')}.`,
        state === TransferTaskState.PAUSED
          ? `Start the task again (DIS console, stream ${t.streamName}, Dump Management), or add ${state} to allowedStates.`
          : `Repair or recreate the task (DIS console, stream ${t.streamName}, Dump Management), or add ${state} to allowedStates.`,
      );
    });
}
