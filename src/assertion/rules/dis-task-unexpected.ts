import { formatList, type RuleFinding } from '../gate-report';
import { taskFinding, TaskRefSet, type RuleContext } from '../rule-context';

/** DIS-TASK-UNEXPECTED: when expectedTasks is set, no other (not ignored) task exists. */
export function disTaskUnexpected(context: RuleContext): RuleFinding[] {
  const expected = context.rules.expectedTasks;
  if (expected === undefined) return [];
  const expectedSet = new TaskRefSet(expected);
  const listed = expected.length === 0 ? 'empty' : formatList(expected);
  return context.tasks
    .filter((t) => !expectedSet.has(t.streamName, t.task.taskName))
    .map((t) =>
      taskFinding(
        'DIS-TASK-UNEXPECTED',
        t,
        `task ${t.streamName}/${t.task.taskName} is not in expectedTasks (${listed}).`,
        `Delete the task if nobody owns it, or add it to expectedTasks or ignoreTasks.`,
      ),
    );
}
