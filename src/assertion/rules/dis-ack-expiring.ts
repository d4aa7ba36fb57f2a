import { AcknowledgementState, formatAge } from '../gate-report';
import { FindingSubject, gateRule, GateSeverity } from './rule';

/** How many days before its expiry an acknowledgement is reported as expiring. */
export const ACKNOWLEDGEMENT_NOTICE_DAYS = 7;

const FIX =
  'Fix what the acknowledgement accepts before then, or renew it with a later expiry and a current reason.';

/** DIS-ACK-EXPIRING: no acknowledgement in force expires within the next 7 days (a warning ahead). */
export const disAckExpiring = gateRule({
  id: 'DIS-ACK-EXPIRING',
  summary: `No acknowledgement in force expires within ${ACKNOWLEDGEMENT_NOTICE_DAYS} days (a warning ahead of DIS-ACK-EXPIRED).`,
  description:
    'When an acknowledgement expires, the findings it accepted fail the gate again, often in the middle of an unrelated deploy. The rule warns a week ahead, so the owner can fix the cause or renew the acknowledgement on their own schedule.',
  subject: FindingSubject.CONFIGURATION,
  fix: FIX,
  level: GateSeverity.WARNING,
  acknowledgeable: false,
  check(context) {
    const notice = ACKNOWLEDGEMENT_NOTICE_DAYS * 86_400_000;
    return context.acknowledgements
      .filter(
        (a) =>
          a.status === AcknowledgementState.ACTIVE &&
          a.expiresAt !== undefined &&
          a.expiresAt - context.now <= notice,
      )
      .map(({ ack, expiresAt }) => ({
        taskName: ack.task,
        ackRuleId: ack.ruleId,
        message: `the acknowledgement of ${ack.ruleId} for ${ack.task} ("${ack.reason.trim()}") expires on ${ack.expires}, in ${formatAge((expiresAt! - context.now) / 1000)}; from then on the findings it accepts fail the gate again.`,
        fix: FIX,
      }));
  },
});
