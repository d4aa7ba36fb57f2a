// JUnit XML of a gate report, the format CI systems show as test results, with the XML escaping
// it needs.

import type { GateFinding, GateReport } from '../assertion/gate-report';

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

function renderSuite(
  name: string,
  cases: readonly TestCase[],
  properties: ReadonlyArray<readonly [string, string]> = [],
): string {
  const failures = cases.filter((c) => c.findings.some(fails)).length;
  const props =
    properties.length === 0
      ? []
      : [
          '    <properties>',
          ...properties.map(([n, v]) => `      <property name="${escapeXml(n)}" value="${escapeXml(v)}"/>`),
          '    </properties>',
        ];
  return [
    `  <testsuite name="${escapeXml(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
    ...props,
    ...cases.map(renderCase),
    '  </testsuite>',
  ].join('\n');
}

/**
 * A gate report as JUnit XML, the format CI systems (GitLab, Jenkins, GitHub test reporters) show
 * as test results: one `<testsuite>` per stream (its properties: the snapshot's `fetchedAt`,
 * `ageSeconds` and `streamExists`) with one `<testcase>` per task, and a `gate` suite
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
    // Each snapshot's fetch time and age, for CI views that show suite properties.
    suites.push(
      renderSuite(`${stream.region}/${stream.projectId}/${stream.streamName}`, cases, [
        ['fetchedAt', stream.fetchedAt],
        ['ageSeconds', String(stream.ageSeconds)],
        ['streamExists', String(stream.streamExists)],
      ]),
    );
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

/**
 * Escapes text for an XML attribute or element: drops the characters XML 1.0 cannot carry, and
 * writes tab, carriage return and newline as character references, which an attribute keeps (a
 * parser turns them into spaces otherwise) and which leave the document with no control character.
 */
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
      .replace(/\t/g, '&#9;')
      .replace(/\n/g, '&#10;')
      .replace(/\r/g, '&#13;')
  );
}
