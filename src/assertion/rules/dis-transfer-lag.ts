import { formatAge } from '../gate-report';
import { FindingSubject, gateRule, taskFinding, type CheckFinding } from './rule';

/**
 * DIS-TRANSFER-LAG: every task transferred within maxTransferLagSeconds before the fetch; a task
 * that never transferred is measured from its creation.
 */
export const disTransferLag = gateRule({
  id: 'DIS-TRANSFER-LAG',
  summary:
    "Every task's last transfer is at most maxTransferLag older than the snapshot (a task that never transferred: its creation).",
  description:
    "A RUNNING task can still be stuck: its last transfer time shows whether data actually moved. The rule measures each task's last transfer (or, for a task that never transferred, its creation) against the snapshot's fetch time, so the verdict does not change with the clock.",
  subject: FindingSubject.SNAPSHOT,
  fix: 'Find out why the task stopped dumping (DIS console, Dump Management), or raise maxTransferLag.',
  check(context) {
    const max = context.rules.maxTransferLagSeconds;
    if (max === undefined) return [];
    const findings: CheckFinding[] = [];
    for (const t of context.tasks) {
      const s = `${t.streamName}/${t.task.taskName}`;
      const fix = `Find out why the task stopped dumping (DIS console, stream ${t.streamName}, Dump Management), or raise maxTransferLag.`;
      if (t.lastTransferAgeSeconds === undefined) {
        if (t.createdAgeSeconds > max) {
          findings.push(
            taskFinding(
              t,
              `task ${s} has never transferred, and was created ${formatAge(t.createdAgeSeconds)} before the fetch (max lag ${formatAge(max)}).`,
              fix,
            ),
          );
        }
      } else if (t.lastTransferAgeSeconds > max) {
        findings.push(
          taskFinding(
            t,
            `task ${s} last transferred ${formatAge(t.lastTransferAgeSeconds)} before the fetch (max lag ${formatAge(max)}).`,
            fix,
          ),
        );
      }
    }
    return findings;
  },
});
