// What the gate makes of an acknowledgement: whether it is well formed, in force, expired or about
// to expire, and which findings it accepts. The DIS-ACK-* rules report what this decides.
import { AcknowledgementState, type RuleFinding } from './gate-report';
import type { GateAcknowledgement, GateRules } from './gate-rules';
import { isTaskRef } from './rule-values';
import { GATE_RULES } from './rules';
import { matchesTaskRef, type CheckedAcknowledgement } from './rules/rule';

/** The least number of characters an acknowledgement reason must have (as in cdk-nag). */
export const MIN_ACKNOWLEDGEMENT_REASON_LENGTH = 10;

const DAY_MS = 86_400_000;

/**
 * Checks an acknowledgement against the gate's rules and the time `now` (epoch ms): its rule id
 * (known, acknowledgeable, not in `unacknowledgeableRules`), task reference, reason and expiry
 * (a date, not past, at most `maxAcknowledgementDays` ahead). Active, expired, or invalid with
 * the problem.
 */
export function checkAcknowledgement(
  ack: GateAcknowledgement,
  now: number,
  rules: Pick<GateRules, 'maxAcknowledgementDays' | 'unacknowledgeableRules'> = {},
): Omit<CheckedAcknowledgement, 'ack'> {
  const invalid = (problem: string) => ({ status: AcknowledgementState.INVALID, problem });
  const reason = typeof ack.reason === 'string' ? ack.reason.trim() : '';
  if (!GATE_RULES.some((rule) => rule.id === ack.ruleId && rule.acknowledgeable)) {
    const acknowledgeable = GATE_RULES.filter((rule) => rule.acknowledgeable).map((rule) => rule.id);
    return invalid(
      `rule id "${ack.ruleId}" cannot be acknowledged (use one of ${acknowledgeable.join(', ')})`,
    );
  }
  if (rules.unacknowledgeableRules?.includes(ack.ruleId)) {
    return invalid(`this gate accepts no acknowledgement of ${ack.ruleId} (unacknowledgeableRules)`);
  }
  if (typeof ack.task !== 'string' || ack.task.trim() === '') {
    return invalid('it names no task (use a task name, stream/task, or *)');
  }
  if (!isTaskRef(ack.task, true)) {
    return invalid(
      'its task is not a task name, stream/task-name or * (names are letters, digits, "_" and "-")',
    );
  }
  if (reason.length < MIN_ACKNOWLEDGEMENT_REASON_LENGTH) {
    return invalid(
      `its reason ${reason === '' ? 'is missing' : `"${reason}" is shorter than ${MIN_ACKNOWLEDGEMENT_REASON_LENGTH} characters`} (say why the finding is acceptable)`,
    );
  }
  const max = rules.maxAcknowledgementDays;
  const latest = max === undefined ? undefined : isoDate(now + max * DAY_MS);
  if (ack.expires === undefined) {
    return latest === undefined
      ? { status: AcknowledgementState.ACTIVE }
      : invalid(
          `it has no expiry, and this gate accepts acknowledgements for at most ${days(max!)} (maxAcknowledgementDays): add expires, on or before ${latest}`,
        );
  }
  const at = Date.parse(ack.expires);
  if (Number.isNaN(at)) {
    return invalid(`its expiry "${ack.expires}" is not a date (use YYYY-MM-DD or an ISO-8601 instant)`);
  }
  if (at <= now) {
    return { status: AcknowledgementState.EXPIRED, problem: `expired on ${ack.expires}`, expiresAt: at };
  }
  if (max !== undefined && at > now + max * DAY_MS) {
    return invalid(
      `its expiry ${ack.expires} is more than ${days(max)} ahead, the most this gate accepts (maxAcknowledgementDays): expire it on or before ${latest}`,
    );
  }
  return { status: AcknowledgementState.ACTIVE, expiresAt: at };
}

/**
 * True when an acknowledgement's task reference accepts `finding`: `*` accepts every finding of
 * its rule; `task` and `stream/task` accept the findings about that task.
 */
export function acknowledges(ref: string, finding: Pick<RuleFinding, 'streamName' | 'taskName'>): boolean {
  if (ref === '*') return true;
  if (finding.taskName === undefined) return false;
  if (finding.streamName === undefined) return ref === finding.taskName;
  return matchesTaskRef(ref, finding.streamName, finding.taskName);
}

/** `1 day`, `30 days`. */
function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

/** The UTC date of an instant: `2026-12-31`. */
function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
