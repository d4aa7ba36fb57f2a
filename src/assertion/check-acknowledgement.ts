import type { GateAcknowledgement } from './gate-rules';
import { AcknowledgementState } from './gate-report';
import { GATE_RULE_IDS, UNACKNOWLEDGEABLE_RULE_IDS } from './rules/gate-rule-ids';

/** The least number of characters an acknowledgement reason must have (as in cdk-nag). */
export const MIN_ACKNOWLEDGEMENT_REASON_LENGTH = 10;

/** The verdict on one acknowledgement: usable, expired, or invalid with the problem. */
export interface AcknowledgementCheck {
  /** Active, expired or invalid. */
  readonly status: AcknowledgementState;
  /** What is wrong with it, for `invalid` and `expired`. */
  readonly problem?: string;
}

/** Checks an acknowledgement's rule id, task, reason and expiry against the time `now` (epoch ms). */
export function checkAcknowledgement(ack: GateAcknowledgement, now: number): AcknowledgementCheck {
  const reason = typeof ack.reason === 'string' ? ack.reason.trim() : '';
  if (!GATE_RULE_IDS.includes(ack.ruleId) || UNACKNOWLEDGEABLE_RULE_IDS.includes(ack.ruleId)) {
    const acknowledgeable = GATE_RULE_IDS.filter((id) => !UNACKNOWLEDGEABLE_RULE_IDS.includes(id));
    return {
      status: AcknowledgementState.INVALID,
      problem: `rule id "${ack.ruleId}" cannot be acknowledged (use one of ${acknowledgeable.join(', ')})`,
    };
  }
  if (typeof ack.task !== 'string' || ack.task.trim() === '') {
    return {
      status: AcknowledgementState.INVALID,
      problem: `it names no task (use a task name, stream/task, or *)`,
    };
  }
  if (reason.length < MIN_ACKNOWLEDGEMENT_REASON_LENGTH) {
    return {
      status: AcknowledgementState.INVALID,
      problem: `its reason ${reason === '' ? 'is missing' : `"${reason}" is shorter than ${MIN_ACKNOWLEDGEMENT_REASON_LENGTH} characters`} (say why the finding is acceptable)`,
    };
  }
  if (ack.expires !== undefined) {
    const at = Date.parse(ack.expires);
    if (Number.isNaN(at)) {
      return {
        status: AcknowledgementState.INVALID,
        problem: `its expiry "${ack.expires}" is not a date (use YYYY-MM-DD or an ISO-8601 instant)`,
      };
    }
    if (at <= now) {
      return { status: AcknowledgementState.EXPIRED, problem: `it expired on ${ack.expires}` };
    }
  }
  return { status: AcknowledgementState.ACTIVE };
}
