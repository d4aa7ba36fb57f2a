import { DestinationType, isKnownDestinationType } from '../../client/model';
import type { RuleFinding } from '../gate-report';
import { taskFinding, type RuleContext } from '../rule-context';

const DOCUMENTED = Object.values(DestinationType).join(', ');

/**
 * DIS-DESTINATION-TYPE: every task dumps to an allowed destination type; without a list, any
 * documented type is allowed and an unknown one fails.
 */
export function disDestinationType(context: RuleContext): RuleFinding[] {
  const allowed = context.rules.destinationTypes;
  const findings: RuleFinding[] = [];
  for (const t of context.tasks) {
    const type = t.task.destinationType;
    const s = `${t.streamName}/${t.task.taskName}`;
    if (allowed !== undefined && allowed.includes(type)) continue;
    if (!isKnownDestinationType(type)) {
      findings.push(
        taskFinding(
          'DIS-DESTINATION-TYPE',
          t,
          `task ${s} dumps to destination type "${type}", which is unknown (documented types: ${DOCUMENTED}).`,
          `Check the task in the DIS console; if "${type}" is right, add it to destinationTypes.`,
        ),
      );
    } else if (allowed !== undefined) {
      findings.push(
        taskFinding(
          'DIS-DESTINATION-TYPE',
          t,
          `task ${s} dumps to ${type}; allowed: ${allowed.join(', ') || 'none'}.`,
          `Point the task at an allowed destination, or add ${type} to destinationTypes.`,
        ),
      );
    }
  }
  return findings;
}
