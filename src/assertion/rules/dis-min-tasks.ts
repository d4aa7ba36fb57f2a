import type { RuleFinding } from '../gate-report';
import type { RuleContext } from '../rule-context';

/** DIS-MIN-TASKS: at least minTasks tasks (not ignored) exist over all looked-up streams. */
export function disMinTasks(context: RuleContext): RuleFinding[] {
  const min = context.rules.minTasks;
  if (min === undefined || context.tasks.length >= min) return [];
  const streams = context.streamNames.join(', ') || '(none)';
  return [
    {
      ruleId: 'DIS-MIN-TASKS',
      message: `found ${context.tasks.length} transfer task${context.tasks.length === 1 ? '' : 's'} in ${streams}; at least ${min} required.`,
      fix: `Create the missing transfer tasks, or lower minTasks.`,
    },
  ];
}
