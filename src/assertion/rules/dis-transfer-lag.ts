import { formatAge, type RuleFinding } from '../gate-report';
import { taskFinding, type RuleContext } from '../rule-context';

/**
 * DIS-TRANSFER-LAG: every task transferred within maxTransferLagSeconds before the fetch; a task
 * that never transferred is measured from its creation.
 */
export function disTransferLag(context: RuleContext): RuleFinding[] {
  const max = context.rules.maxTransferLagSeconds;
  if (max === undefined) return [];
  const findings: RuleFinding[] = [];
  for (const t of context.tasks) {
    const s = `${t.streamName}/${t.task.taskName}`;
    const fix = `Find out why the task stopped dumping (DIS console, stream ${t.streamName}, Dump Management), or raise maxTransferLag.`;
    if (t.lastTransferAgeSeconds === undefined) {
      if (t.createdAgeSeconds > max) {
        findings.push(
          taskFinding(
            'DIS-TRANSFER-LAG',
            t,
            `task ${s} has never transferred, and was created ${formatAge(t.createdAgeSeconds)} before the fetch (max lag ${formatAge(max)}).`,
            fix,
          ),
        );
      }
    } else if (t.lastTransferAgeSeconds > max) {
      findings.push(
        taskFinding(
          'DIS-TRANSFER-LAG',
          t,
          `task ${s} last transferred ${formatAge(t.lastTransferAgeSeconds)} before the fetch (max lag ${formatAge(max)}).`,
          fix,
        ),
      );
    }
  }
  return findings;
}
