// The machine-readable report of `check`: the --report/--report-file options, JSON, and JUnit XML
// for CI test views (with the XML escaping it needs).

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { GateFinding, GateReport } from '../assertion/gate-report';
import type { CliArgs, CliOptionSpec } from './command';
import { CliUsageError } from './errors';
import type { CliIo } from './output';

/** The machine-readable formats of a check report. */
export type ReportFormat = 'json' | 'junit';

/** `--report` and `--report-file`. */
export const REPORT_OPTIONS: Readonly<Record<string, CliOptionSpec>> = {
  report: {
    type: 'string',
    valueName: 'json|junit',
    description:
      'Also write a machine-readable report: JSON (the GateReport) or JUnit XML for CI test views.',
  },
  'report-file': {
    type: 'string',
    valueName: 'FILE',
    description: 'Write the report to FILE instead of stdout (format from --report, else from .json/.xml).',
  },
};

/** Where and how to write the machine-readable report; `undefined` when none was asked for. */
export interface ReportTarget {
  /** The format. */
  readonly format: ReportFormat;
  /** The absolute file path. @default stdout */
  readonly file?: string;
}

/** Reads and checks `--report`/`--report-file`. */
export function reportTarget(args: CliArgs, io: CliIo): ReportTarget | undefined {
  const format = args.values.report as string | undefined;
  const file = args.values['report-file'] as string | undefined;
  if (format !== undefined && format !== 'json' && format !== 'junit') {
    throw new CliUsageError(
      `--report must be json or junit, not '${format}'. Example: --report junit --report-file dis-gate.xml.`,
    );
  }
  if (file === undefined) {
    return format === undefined ? undefined : { format };
  }
  const inferred = extname(file) === '.xml' ? 'junit' : extname(file) === '.json' ? 'json' : undefined;
  const chosen = format ?? inferred;
  if (chosen === undefined) {
    throw new CliUsageError(
      `Cannot tell the report format of ${file}: add --report json or --report junit (or name the file .json or .xml).`,
    );
  }
  return { format: chosen, file: resolve(io.cwd, file) };
}

/** The report in `format`. */
export function renderReport(report: GateReport, format: ReportFormat): string {
  return format === 'junit' ? formatJUnitReport(report) : `${JSON.stringify(report, undefined, 2)}\n`;
}

/** Writes the report file, creating its folder. */
export function writeReportFile(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

// ---------------------------------------------------------------------------------------------
// JUnit XML

function fails(f: GateFinding): boolean {
  return f.severity === 'error' && f.acknowledgedReason === undefined;
}

function describe(f: GateFinding): string {
  const ack = f.acknowledgedReason === undefined ? '' : ` (acknowledged: ${f.acknowledgedReason})`;
  return `[${f.severity}] ${f.ruleId}: ${f.message} Fix: ${f.fix}${ack}`;
}

interface TestCase {
  readonly classname: string;
  readonly name: string;
  readonly findings: readonly GateFinding[];
}

function renderCase(c: TestCase): string {
  const open = `    <testcase classname="${escapeXml(c.classname)}" name="${escapeXml(c.name)}"`;
  if (c.findings.length === 0) {
    return `${open}/>`;
  }
  const lines = [`${open}>`];
  for (const f of c.findings.filter(fails)) {
    lines.push(
      `      <failure type="${escapeXml(f.ruleId)}" message="${escapeXml(f.message)}">${escapeXml(describe(f))}</failure>`,
    );
  }
  const notes = c.findings.filter((f) => !fails(f));
  if (notes.length > 0) {
    lines.push(`      <system-out>${escapeXml(notes.map(describe).join('\n'))}</system-out>`);
  }
  lines.push('    </testcase>');
  return lines.join('\n');
}

function renderSuite(name: string, cases: readonly TestCase[]): string {
  const failures = cases.filter((c) => c.findings.some(fails)).length;
  return [
    `  <testsuite name="${escapeXml(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
    ...cases.map(renderCase),
    '  </testsuite>',
  ].join('\n');
}

/**
 * A gate report as JUnit XML, the format CI systems (GitLab, Jenkins, GitHub test reporters) show
 * as test results: one `<testsuite>` per stream with one `<testcase>` per task, and a `gate` suite
 * for findings that belong to no existing task (a missing required task, too few tasks, a bad
 * acknowledgement). A case fails when it has an unacknowledged error finding; warnings and
 * acknowledged findings go to its `<system-out>`.
 */
export function formatJUnitReport(report: GateReport): string {
  const claimed = new Set<GateFinding>();
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  const count = (cases: readonly TestCase[]) => {
    tests += cases.length;
    failures += cases.filter((c) => c.findings.some(fails)).length;
  };
  for (const stream of report.streams) {
    const cases = stream.tasks.map((task) => {
      const findings = report.findings.filter(
        (f) => f.streamName === stream.streamName && f.taskName === task,
      );
      findings.forEach((f) => claimed.add(f));
      return { classname: `dis-transfer-tasks.${stream.streamName}`, name: task, findings };
    });
    count(cases);
    suites.push(renderSuite(`${stream.region}/${stream.projectId}/${stream.streamName}`, cases));
  }
  const rest = report.findings.filter((f) => !claimed.has(f));
  if (rest.length > 0) {
    const cases = rest.map((f) => ({
      classname: 'dis-transfer-tasks.gate',
      name: [f.ruleId, f.streamName, f.taskName].filter((x) => x !== undefined).join(' '),
      findings: [f],
    }));
    count(cases);
    suites.push(renderSuite('gate', cases));
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="dis-transfer-tasks check" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/**
 * A JUnit report for a check that could not run (bad credentials, service down): one `gate`
 * suite with one `check` case in error, so that a CI job that always collects the report shows
 * why instead of "no report found". The message is the error's (never a secret).
 */
export function formatJUnitError(code: string, message: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<testsuites name="dis-transfer-tasks check" tests="1" failures="0" errors="1">',
    '  <testsuite name="gate" tests="1" failures="0" errors="1" skipped="0">',
    '    <testcase classname="dis-transfer-tasks.gate" name="check">',
    `      <error type="${escapeXml(code)}" message="${escapeXml(message)}">${escapeXml(message)}</error>`,
    '    </testcase>',
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** Escapes text for an XML attribute or element; drops characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}
