import { formatAge } from './format-age';
import type { GateFinding } from './gate-finding';

/**
 * One line for a finding: rule id, what is wrong, the task's state, destination type and last
 * transfer age when known, what to do, and the acknowledgement reason when acknowledged.
 */
export function formatFinding(finding: GateFinding): string {
  const details: string[] = [];
  if (finding.state !== undefined) details.push(`state ${finding.state}`);
  if (finding.destinationType !== undefined) details.push(`destination ${finding.destinationType}`);
  if (finding.lastTransferAgeSeconds !== undefined) {
    details.push(`last transfer ${formatAge(finding.lastTransferAgeSeconds)} before fetch`);
  } else if (finding.state !== undefined) {
    details.push('never transferred');
  }
  const detail = details.length > 0 ? ` [${details.join(', ')}]` : '';
  const ack = finding.acknowledgedReason === undefined ? '' : ` Acknowledged: ${finding.acknowledgedReason}`;
  return `${finding.ruleId}: ${finding.message}${detail} Fix: ${finding.fix}${ack}`;
}
