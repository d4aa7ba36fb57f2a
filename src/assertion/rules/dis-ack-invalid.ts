import { AcknowledgementState, type RuleFinding } from '../gate-report';
import { checkAcknowledgement, type RuleContext } from '../rule-context';

/** DIS-ACK-INVALID: every acknowledgement names an acknowledgeable rule, a task and a reason of 10+ characters. */
export function disAckInvalid(context: RuleContext): RuleFinding[] {
  return (context.rules.acknowledgements ?? []).flatMap((ack) => {
    const check = checkAcknowledgement(ack, context.now);
    if (check.status !== AcknowledgementState.INVALID) return [];
    return [
      {
        ruleId: 'DIS-ACK-INVALID',
        ...(typeof ack.task === 'string' && ack.task !== '' ? { taskName: ack.task } : {}),
        message: `the acknowledgement of ${ack.ruleId} for ${ack.task || '(no task)'} is invalid: ${check.problem}.`,
        fix: `Fix or remove the acknowledgement.`,
      },
    ];
  });
}
