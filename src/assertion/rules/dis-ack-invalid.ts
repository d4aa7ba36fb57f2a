import { AcknowledgementState } from '../gate-report';
import { FindingSubject, gateRule } from './rule';

const FIX = 'Fix or remove the acknowledgement.';

/**
 * DIS-ACK-INVALID: every acknowledgement names a rule this gate lets be acknowledged, a task, a
 * reason of 10+ characters and a valid expiry (within maxAcknowledgementDays when set).
 */
export const disAckInvalid = gateRule({
  id: 'DIS-ACK-INVALID',
  summary:
    'Every acknowledgement names a rule this gate lets be acknowledged and a task, gives a reason of 10 or more characters and a valid expiry (within maxAcknowledgementDays when set).',
  description:
    "An acknowledgement accepts a risk on someone's word, so it must say which finding it accepts and why. The rule checks each acknowledgement's rule id (known, and not in the gate's unacknowledgeableRules), task reference, reason and expiry (a date, at most maxAcknowledgementDays ahead); a malformed one accepts nothing and fails the gate itself.",
  subject: FindingSubject.CONFIGURATION,
  fix: FIX,
  acknowledgeable: false,
  check(context) {
    return context.acknowledgements
      .filter((a) => a.status === AcknowledgementState.INVALID)
      .map(({ ack, problem }) => ({
        ...(typeof ack.task === 'string' && ack.task !== '' ? { taskName: ack.task } : {}),
        ackRuleId: ack.ruleId,
        message: `the acknowledgement of ${ack.ruleId} for ${ack.task || '(no task)'} is invalid: ${problem}.`,
        fix: FIX,
      }));
  },
});
