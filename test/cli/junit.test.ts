import { xml2js, type Element } from 'xml-js';
import type { GateFinding, GateReport } from '../../src/assertion/gate-report';
import { GateSeverity } from '../../src/assertion/gate-rules';
import { escapeXml, formatJUnitError, formatJUnitReport } from '../../src/cli/junit';

function finding(partial: Partial<GateFinding> & Pick<GateFinding, 'ruleId'>): GateFinding {
  return { message: 'something is wrong.', fix: 'Fix it.', severity: GateSeverity.ERROR, ...partial };
}

function report(findings: GateFinding[]): GateReport {
  return {
    formatVersion: 1,
    healthy: !findings.some((f) => f.severity === 'error' && f.acknowledgedReason === undefined),
    evaluatedAt: '2026-11-28T01:00:00.000Z',
    summary: { errors: 0, warnings: 0, acknowledged: 0 },
    findings,
    acknowledgements: [],
    streams: [
      {
        streamName: 'orders',
        projectId: 'p1',
        region: 'cn-north-4',
        fetchedAt: '2026-11-28T00:00:00.000Z',
        ageSeconds: 3600,
        streamExists: true,
        tasks: ['orders-to-obs', 'orders-to-dli'],
      },
    ],
    rules: {},
  };
}

function parse(xml: string): Element {
  const doc = xml2js(xml, { compact: false }) as Element;
  const root = doc.elements?.find((e) => e.type === 'element');
  if (!root) throw new Error('no root element');
  return root;
}

function children(e: Element, name: string): Element[] {
  return (e.elements ?? []).filter((c) => c.type === 'element' && c.name === name);
}

describe('formatJUnitReport', () => {
  test('a healthy report is one suite per stream with one passing case per task', () => {
    // WHEN
    const root = parse(formatJUnitReport(report([])));
    // THEN
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '2', failures: '0' });
    const [suite] = children(root, 'testsuite');
    expect(suite.attributes).toMatchObject({ name: 'cn-north-4/p1/orders', tests: '2', failures: '0' });
    const cases = children(suite, 'testcase');
    expect(cases.map((c) => c.attributes?.name)).toEqual(['orders-to-obs', 'orders-to-dli']);
    expect(cases.every((c) => children(c, 'failure').length === 0)).toBe(true);
  });

  test("each stream's suite carries its snapshot's fetch time, age and existence as properties", () => {
    const [suite] = children(parse(formatJUnitReport(report([]))), 'testsuite');
    const properties = children(children(suite, 'properties')[0], 'property').map((p) => p.attributes);
    expect(properties).toEqual([
      { name: 'fetchedAt', value: '2026-11-28T00:00:00.000Z' },
      { name: 'ageSeconds', value: '3600' },
      { name: 'streamExists', value: 'true' },
    ]);
  });

  test('an error finding fails its task case; a warning and an acknowledged finding do not', () => {
    // GIVEN
    const findings = [
      finding({
        ruleId: 'DIS-TASK-STATE',
        streamName: 'orders',
        taskName: 'orders-to-dli',
        message: 'is PAUSED.',
      }),
      finding({
        ruleId: 'DIS-TRANSFER-LAG',
        streamName: 'orders',
        taskName: 'orders-to-obs',
        severity: GateSeverity.WARNING,
      }),
      finding({
        ruleId: 'DIS-DESTINATION-TYPE',
        streamName: 'orders',
        taskName: 'orders-to-obs',
        acknowledgedReason: 'migrating until May',
      }),
    ];
    // WHEN
    const root = parse(formatJUnitReport(report(findings)));
    // THEN
    expect(root.attributes).toMatchObject({ tests: '2', failures: '1' });
    const cases = children(children(root, 'testsuite')[0], 'testcase');
    const dli = cases.find((c) => c.attributes?.name === 'orders-to-dli')!;
    expect(children(dli, 'failure').map((f) => f.attributes)).toEqual([
      { type: 'DIS-TASK-STATE', message: 'is PAUSED.' },
    ]);
    const obs = cases.find((c) => c.attributes?.name === 'orders-to-obs')!;
    expect(children(obs, 'failure')).toHaveLength(0);
    const out = children(obs, 'system-out')[0].elements?.[0].text;
    expect(out).toContain('DIS-TRANSFER-LAG');
    expect(out).toContain('acknowledged: migrating until May');
  });

  test('findings about no existing task go to a "gate" suite', () => {
    // GIVEN
    const findings = [
      finding({ ruleId: 'DIS-TASK-REQUIRED', taskName: 'orders/orders-to-dws' }),
      finding({ ruleId: 'DIS-MIN-TASKS' }),
    ];
    // WHEN
    const root = parse(formatJUnitReport(report(findings)));
    // THEN
    const gate = children(root, 'testsuite').find((s) => s.attributes?.name === 'gate')!;
    expect(gate.attributes).toMatchObject({ tests: '2', failures: '2' });
    expect(children(gate, 'testcase').map((c) => c.attributes?.name)).toEqual([
      'DIS-TASK-REQUIRED orders/orders-to-dws',
      'DIS-MIN-TASKS',
    ]);
    expect(root.attributes).toMatchObject({ tests: '4', failures: '2' });
  });

  test('text that looks like markup stays text', () => {
    // GIVEN
    const findings = [
      finding({
        ruleId: 'DIS-TASK-STATE',
        streamName: 'orders',
        taskName: 'orders-to-obs',
        message: '<b>&"\'</b>',
      }),
    ];
    // WHEN
    const root = parse(formatJUnitReport(report(findings)));
    // THEN
    const failure = children(children(children(root, 'testsuite')[0], 'testcase')[0], 'failure')[0];
    expect(failure.attributes?.message).toBe('<b>&"\'</b>');
  });
});

describe('formatJUnitError', () => {
  test('is one errored case that carries the code and the message', () => {
    const root = parse(formatJUnitError('DIS_NETWORK_ERROR', 'could not reach <host>: check the endpoint'));
    expect(root.attributes).toMatchObject({ tests: '1', failures: '0', errors: '1' });
    const testcase = children(children(root, 'testsuite')[0], 'testcase')[0];
    expect(children(testcase, 'error')[0].attributes).toEqual({
      type: 'DIS_NETWORK_ERROR',
      message: 'could not reach <host>: check the endpoint',
    });
  });
});

describe('escapeXml', () => {
  test('escapes the five XML specials and drops control characters XML cannot carry', () => {
    expect(escapeXml('<a href="x">&\'\u0001</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });

  test('writes tab, carriage return and newline as references, which an attribute keeps', () => {
    // GIVEN
    const text = 'a\tb\r\nc';
    // WHEN
    const escaped = escapeXml(text);
    const root = parse(`<x a="${escaped}">${escaped}</x>`);
    // THEN
    expect(escaped).toBe('a&#9;b&#13;&#10;c');
    expect(root.attributes?.a).toBe(text);
    expect(root.elements?.[0].text).toBe(text);
  });
});
