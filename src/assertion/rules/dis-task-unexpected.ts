import { formatList } from '../gate-report';
import { FindingSubject, gateRule, taskFinding, TaskRefSet } from './rule';

const FIX = 'Delete the task if nobody owns it, or add it to expectedTasks or ignoreTasks.';

/** DIS-TASK-UNEXPECTED: when expectedTasks is set, no other (not ignored) task exists. */
export const disTaskUnexpected = gateRule({
  id: 'DIS-TASK-UNEXPECTED',
  summary: 'When expectedTasks is set, no other task exists (the drift check; ignored tasks excepted).',
  description:
    'A task nobody declared dumps data to a place nobody reviewed and costs money: expectedTasks makes the set of tasks part of the code. The rule reports every looked-up task that expectedTasks does not name.',
  subject: FindingSubject.SNAPSHOT,
  fix: FIX,
  check(context) {
    const expected = context.rules.expectedTasks;
    if (expected === undefined) return [];
    const expectedSet = new TaskRefSet(expected);
    const listed = expected.length === 0 ? 'empty' : formatList(expected);
    return context.tasks
      .filter((t) => !expectedSet.has(t.streamName, t.task.taskName))
      .map((t) =>
        taskFinding(t, `task ${t.streamName}/${t.task.taskName} is not in expectedTasks (${listed}).`, FIX),
      );
  },
});
