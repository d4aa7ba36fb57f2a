import { AcknowledgementState } from '../gate-report';
import { FindingSubject, gateRule } from './rule';

const FIX = 'Fix what the acknowledgement accepted, or renew it with a later expiry and a current reason.';

/** DIS-ACK-EXPIRED: no acknowledgement is past its expiry date. */
export const disAckExpired = gateRule({
  id: 'DIS-ACK-EXPIRED',
  summary: 'No acknowledgement is past its expiry.',
  description:
    'An accepted risk must be revisited: an acknowledgement past its expiry accepts nothing, so the finding it covered fails again and someone has to decide anew. The rule compares each expiry with the time of the evaluation.',
  subject: FindingSubject.CONFIGURATION,
  fix: FIX,
  acknowledgeable: false,
  check(context) {
    return context.acknowledgements
      .filter((a) => a.status === AcknowledgementState.EXPIRED)
      .map(({ ack, problem }) => ({
        taskName: ack.task,
        ackRuleId: ack.ruleId,
        message: `the acknowledgement of ${ack.ruleId} for ${ack.task} ("${ack.reason.trim()}") ${problem}.`,
        fix: FIX,
      }));
  },
});
