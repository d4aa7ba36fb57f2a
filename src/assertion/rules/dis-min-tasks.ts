import { count } from '../gate-report';
import { FindingSubject, gateRule } from './rule';

const FIX = 'Create the missing transfer tasks, or lower minTasks.';

/** DIS-MIN-TASKS: at least minTasks tasks (not ignored) exist over all looked-up streams. */
export const disMinTasks = gateRule({
  id: 'DIS-MIN-TASKS',
  summary: 'At least minTasks tasks exist over all looked-up streams (ignored tasks do not count).',
  description:
    'A stream with fewer transfer tasks than planned loses data silently: nothing is dumped where a task is missing. The rule counts the looked-up tasks that are not ignored over every stream of the lookup.',
  subject: FindingSubject.CONFIGURATION,
  fix: FIX,
  check(context) {
    const min = context.rules.minTasks;
    // A stream that does not exist yet has no tasks to count: DIS-STREAM-ABSENT names the minimum.
    if (min === undefined || context.tasks.length >= min || context.streams.some((s) => !s.exists)) return [];
    const streams = context.streamNames.join(', ') || '(none)';
    const found = count(context.tasks.length, 'transfer task');
    return [{ message: `found ${found} in ${streams}; at least ${min} required.`, fix: FIX }];
  },
});
