import { formatList } from '../gate-report';
import { FindingSubject, gateRule, GateSeverity, type CheckFinding, type RuleContext } from './rule';

/**
 * DIS-STREAM-ABSENT: every looked-up stream exists. A stream the same stack creates does not on its
 * first deploy (a lookup with `mustExist: false`): reported here, a warning by default, while the
 * other rules leave it alone; its required and expected tasks are named in this one finding.
 */
export const disStreamAbsent = gateRule({
  id: 'DIS-STREAM-ABSENT',
  summary: 'Every looked-up stream exists (a stream the stack creates is a warning until it does).',
  description:
    'A stack that creates its own stream cannot look up the tasks of that stream before its first deploy: a lookup with mustExist: false then finds nothing and records nothing. The gate neither blocks that deploy nor passes it silently: the stream is reported here, the tasks the gate requires of it are named, and every other rule waits until the stream exists.',
  subject: FindingSubject.CONFIGURATION,
  fix: 'Deploy the stack that creates the stream and its transfer tasks, then synth again; set absentStreamSeverity to decide whether this blocks.',
  level: GateSeverity.WARNING,
  levelOption: 'absentStreamSeverity',
  check(context) {
    return context.streams
      .filter((s) => !s.exists)
      .map((s): CheckFinding => {
        const awaited = awaitedChecks(s.streamName, context);
        return {
          streamName: s.streamName,
          message: `stream ${s.streamName} does not exist yet in project ${s.projectId} (${s.region}), so none of its tasks could be checked; the gate checks ${awaited === '' ? 'its tasks' : awaited} once it exists.`,
          fix: `Deploy the stack that creates stream ${s.streamName}, create its transfer tasks, and synth again (the lookup looks again: nothing was recorded). To ${context.rules.absentStreamSeverity === GateSeverity.ERROR ? 'let the first deploy through, set absentStreamSeverity to GateSeverity.WARNING' : 'refuse to deploy until it exists, set absentStreamSeverity to GateSeverity.ERROR'}.`,
        };
      });
  },
});

/** What the gate would check of `stream` had it existed: its required and expected tasks, the minimum. */
function awaitedChecks(stream: string, context: RuleContext): string {
  const existing = new Set(
    context.allTasks.flatMap((t) => [t.task.taskName, `${t.streamName}/${t.task.taskName}`]),
  );
  const mine = (refs: readonly string[] | undefined) =>
    [...new Set(refs ?? [])].filter((ref) =>
      ref.includes('/') ? ref.startsWith(`${stream}/`) : !existing.has(ref),
    );
  const parts = [
    ...[
      ['required tasks', mine(context.rules.requiredTasks)],
      ['expected tasks', mine(context.rules.expectedTasks)],
    ]
      .filter(([, refs]) => refs.length > 0)
      .map(([what, refs]) => `its ${what} ${formatList(refs as string[])}`),
    ...(context.rules.minTasks === undefined ? [] : [`minTasks (${context.rules.minTasks})`]),
  ];
  return parts.length <= 1
    ? parts.join('')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
