import { REFRESH_COMMAND } from '../../lookup/errors';
import { formatAge } from '../gate-report';
import { FindingSubject, gateRule, type CheckFinding } from './rule';

/**
 * DIS-SNAPSHOT-AGE: every recorded snapshot is at most maxSnapshotAge old when the gate evaluates
 * it (default 24 hours). The one rule that depends on the clock: at PLAN, the precondition measures
 * the age again at plan time. Values given as cdktf context (test inputs) are exempt.
 */
export const disSnapshotAge = gateRule({
  id: 'DIS-SNAPSHOT-AGE',
  summary:
    'Every recorded snapshot is at most maxSnapshotAge old (default 24 hours) when the gate evaluates it; cdktf context values are exempt.',
  description:
    'The gate is only as good as its data: a snapshot recorded last month that says RUNNING passes today although the task was paused yesterday. The rule measures each snapshot from its fetch time to the evaluation (synth, and again at plan time under Enforcement.PLAN), so old data is refused instead of trusted.',
  subject: FindingSubject.SNAPSHOT,
  fix: `Refresh the recorded snapshots (${REFRESH_COMMAND}), let the lookup re-fetch old entries (maxAge), or enforce the gate at apply, which checks live.`,
  check(context) {
    const max = context.rules.maxSnapshotAgeSeconds;
    if (max === undefined) return [];
    return context.streams
      .filter((s) => s.exists && s.source !== 'context' && s.ageSeconds > max)
      .map((s): CheckFinding => ({
        streamName: s.streamName,
        message: `the snapshot of stream ${s.streamName} was fetched at ${s.fetchedAt}${s.source === undefined ? '' : ` (${s.source})`}, ${formatAge(s.ageSeconds)} ago; the gate accepts snapshots up to ${formatAge(max)} old.`,
        fix: `Refresh it (${REFRESH_COMMAND}), let the lookup re-fetch old entries (its maxAge prop), or enforce the gate at apply (Enforcement.APPLY checks live); to accept older data, raise maxSnapshotAge or set ignoreSnapshotAge.`,
      }));
  },
});
