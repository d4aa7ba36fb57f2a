import { AcknowledgementState, type RuleFinding } from '../gate-report';
import { checkAcknowledgement, type RuleContext } from '../rule-context';

/** DIS-ACK-EXPIRED: no acknowledgement is past its expiry date. */
export function disAckExpired(context: RuleContext): RuleFinding[] {
  return (context.rules.acknowledgements ?? []).flatMap((ack) => {
    const check = checkAcknowledgement(ack, context.now);
    if (check.status !== AcknowledgementState.EXPIRED) return [];
    return [
      {
        ruleId: 'DIS-ACK-EXPIRED',
        taskName: ack.task,
        message: `the acknowledgement of ${ack.ruleId} for ${ack.task} ("${ack.reason.trim()}") ${check.problem}.`,
        fix: `Fix what the acknowledgement accepted, or renew it with a later expiry and a current reason.`,
      },
    ];
  });
}
