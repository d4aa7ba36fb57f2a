import { formatFinding } from './format-finding';
import type { GateReport } from './gate-report';
import { GateSeverity } from './gate-severity';

/**
 * A multi-line text for a report: a headline, then every finding (errors, then warnings, then
 * acknowledged ones), each on its own line with its level. The text synth, plan and the CLI show.
 */
export function formatGateReport(report: GateReport): string {
  const { errors, warnings, acknowledged } = report.summary;
  const streams = report.streams.map((s) => s.streamName).join(', ') || '(none)';
  const headline = report.healthy
    ? `DIS transfer task gate passed for ${streams}: ${warnings} warning(s), ${acknowledged} acknowledged.`
    : `DIS transfer task gate failed for ${streams}: ${errors} error(s), ${warnings} warning(s), ${acknowledged} acknowledged.`;
  const rank = (f: (typeof report.findings)[number]): number =>
    f.acknowledgedReason !== undefined ? 2 : f.severity === GateSeverity.ERROR ? 0 : 1;
  const lines = report.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => `  ${['ERROR', 'WARN ', 'ACK  '][rank(f)]} ${formatFinding(f)}`);
  return [headline, ...lines].join('\n');
}
