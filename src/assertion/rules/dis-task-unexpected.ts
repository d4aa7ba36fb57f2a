import type { RuleFinding } from '../gate-finding';
import { taskFinding, type RuleContext } from '../rule-context';
import { matchesTaskRef } from '../task-ref';

/** DIS-TASK-UNEXPECTED: when expectedTasks is set, no other (not ignored) task exists. */
export function disTaskUnexpected(context: RuleContext): RuleFinding[] {
  const expected = context.rules.expectedTasks;
  if (expected === undefined) return [];
  return context.tasks
    .filter((t) => !expected.some((ref) => matchesTaskRef(ref, t.streamName, t.task.taskName)))
    .map((t) =>
      taskFinding(
        'DIS-TASK-UNEXPECTED',
        t,
        `task ${t.streamName}/${t.task.taskName} is not in expectedTasks (${expected.join(', ') || 'empty'}).`,
        `Delete the task if nobody owns it, or add it to expectedTasks or ignoreTasks.`,
      ),
    );
}
