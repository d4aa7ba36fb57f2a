import { awaitsAbsentStream, FindingSubject, gateRule, type CheckFinding } from './rule';

/**
 * DIS-TASK-REQUIRED: every required and every expected task exists (ignored tasks count). A task
 * that may belong to a stream that does not exist yet is left to DIS-STREAM-ABSENT.
 */
export const disTaskRequired = gateRule({
  id: 'DIS-TASK-REQUIRED',
  summary: 'Every task of requiredTasks and of expectedTasks exists (ignored tasks count).',
  description:
    'A stack that depends on a transfer task (a table fed by it, a consumer of its bucket) deploys into a broken pipeline when the task does not exist. The rule looks for every task named in requiredTasks and expectedTasks in the looked-up streams, by name or as stream/name.',
  subject: FindingSubject.CONFIGURATION,
  fix: 'Create the missing transfer task, or remove it from requiredTasks or expectedTasks.',
  check(context) {
    const refs: [string, 'required' | 'expected'][] = [
      ...(context.rules.requiredTasks ?? []).map((r): [string, 'required'] => [r, 'required']),
      ...(context.rules.expectedTasks ?? []).map((r): [string, 'expected'] => [r, 'expected']),
    ];
    // Stryker disable next-line ConditionalExpression: a shortcut; with no reference the loop below finds nothing either
    if (refs.length === 0) return [];
    // Every way a ref can name an existing task: its name, and stream/name.
    const existing = new Set(
      context.allTasks.flatMap((t) => [t.task.taskName, `${t.streamName}/${t.task.taskName}`]),
    );
    const seen = new Set<string>();
    const findings: CheckFinding[] = [];
    for (const [ref, kind] of refs) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      if (existing.has(ref) || awaitsAbsentStream(ref, context)) continue;
      const slash = ref.indexOf('/');
      const streamName = slash > 0 ? ref.slice(0, slash) : undefined;
      const where =
        streamName === undefined
          ? `in stream${context.streamNames.length === 1 ? '' : 's'} ${context.streamNames.join(', ') || '(none)'}`
          : context.streamNames.includes(streamName)
            ? `in stream ${streamName}`
            : `because stream ${streamName} was not looked up`;
      findings.push({
        ...(streamName === undefined ? {} : { streamName }),
        taskName: slash > 0 ? ref.slice(slash + 1) : ref,
        message: `${kind} task ${ref} was not found ${where}.`,
        fix: `Create the transfer task ${ref}, or remove it from ${kind}Tasks.`,
      });
    }
    return findings;
  },
});
