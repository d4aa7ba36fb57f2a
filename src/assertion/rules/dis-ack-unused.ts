import { AcknowledgementState } from '../gate-report';
import { awaitsAbsentStream, FindingSubject, gateRule, GateSeverity } from './rule';

const FIX =
  'Check the rule id and the task reference (task-name, stream/task-name or *) against the report, or remove the acknowledgement if its finding is gone.';

/**
 * DIS-ACK-UNUSED: every acknowledgement in force accepts at least one finding, so that a typo in
 * its rule id or task reference cannot leave the finding it was meant for quietly unaccepted.
 */
export const disAckUnused = gateRule({
  id: 'DIS-ACK-UNUSED',
  summary: 'Every acknowledgement in force accepts at least one finding (a warning).',
  description:
    'An acknowledgement that matches nothing is either stale (the finding is fixed, and the acknowledgement would silently accept its return) or mistyped (the finding it was meant for still fails, or was meant to be accepted under another id). Either way someone should look. Acknowledgements that may be waiting for a stream that does not exist yet are left alone.',
  subject: FindingSubject.CONFIGURATION,
  fix: FIX,
  level: GateSeverity.WARNING,
  acknowledgeable: false,
  check(context) {
    return context.acknowledgements
      .filter(
        (a) =>
          a.status === AcknowledgementState.ACTIVE &&
          a.matches !== undefined &&
          a.matches.length === 0 &&
          !awaitsAbsentStream(a.ack.task, context),
      )
      .map(({ ack }) => ({
        taskName: ack.task,
        ackRuleId: ack.ruleId,
        message: `the acknowledgement of ${ack.ruleId} for ${ack.task} ("${ack.reason.trim()}") matches no finding.`,
        fix: FIX,
      }));
  },
});
