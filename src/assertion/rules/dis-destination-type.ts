import { DestinationType, isKnownDestinationType } from '../../client/model';
import { FindingSubject, gateRule, taskFinding, type CheckFinding } from './rule';

const DOCUMENTED = Object.values(DestinationType).join(', ');

/**
 * DIS-DESTINATION-TYPE: every task dumps to an allowed destination type; without a list, any
 * documented type is allowed and an unknown one fails.
 */
export const disDestinationType = gateRule({
  id: 'DIS-DESTINATION-TYPE',
  summary:
    'Every task dumps to one of destinationTypes; without a list, any documented type is allowed and an unknown one is a finding.',
  description:
    "Where a task dumps data decides who can read it: a task that writes to an unapproved destination type moves data out of the reviewed path. The rule reads each task's destination type as the lookup recorded it; a type DIS does not document is always reported unless listed.",
  subject: FindingSubject.SNAPSHOT,
  fix: 'Point the task at an allowed destination, or add its type to destinationTypes.',
  check(context) {
    const allowed = context.rules.destinationTypes;
    const findings: CheckFinding[] = [];
    for (const t of context.tasks) {
      const type = t.task.destinationType;
      const s = `${t.streamName}/${t.task.taskName}`;
      if (allowed !== undefined && allowed.includes(type)) continue;
      if (!isKnownDestinationType(type)) {
        findings.push(
          taskFinding(
            t,
            `task ${s} dumps to destination type "${type}", which is unknown (documented types: ${DOCUMENTED}).`,
            `Check the task in the DIS console; if "${type}" is right, add it to destinationTypes.`,
          ),
        );
      } else if (allowed !== undefined) {
        findings.push(
          taskFinding(
            t,
            `task ${s} dumps to ${type}; allowed: ${allowed.join(', ') || 'none'}.`,
            `Point the task at an allowed destination, or add ${type} to destinationTypes.`,
          ),
        );
      }
    }
    return findings;
  },
});
