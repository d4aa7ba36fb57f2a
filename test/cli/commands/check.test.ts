import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { xml2js, type Element } from 'xml-js';
import type { GateReport } from '../../../src/assertion/gate-report';
import { DEMO } from '../support/demo-emulator';
import { expectExit, runCli } from '../support/run-cli';
import { checkHelpers, xmlElements } from '../support/check-suite';
import { useCommandSuite } from '../support/command-suite';

const suite = useCommandSuite({ tmp: true });
const { check, writeJson } = checkHelpers(suite);

function pauseDli(): Promise<void> {
  return suite.emulator.setTaskState('orders', 'orders-to-dli', 'PAUSED');
}

describe('check with rule options', () => {
  test('healthy streams exit 0 with the passing headline', async () => {
    const run = await check(['--stream', 'orders', '--stream', 'clicks']);
    expectExit(run, 0);
    expect(run.stdout).toMatch(
      /^DIS transfer task gate passed for orders, clicks: 0 warnings, 0 acknowledged\.\nSnapshots: orders, clicks fetched \d{4}-\d\d-\d\dT[\d:.]+Z, 0s before the check\.\n$/,
    );
  });

  test('a paused task is a finding: exit 1, the rule id, the task and the fix on stdout', async () => {
    // GIVEN
    await pauseDli();
    // WHEN
    const run = await check(['--all-streams']);
    // THEN
    expectExit(run, 1);
    expect(run.stdout).toMatch(/^DIS transfer task gate failed for clicks, orders: 1 error, 0 warnings/);
    expect(run.stdout).toMatch(/ERROR DIS-TASK-STATE: task orders\/orders-to-dli is PAUSED.* Fix: /);
  });

  test('colours the findings only when asked for (FORCE_COLOR) and never in a pipe', async () => {
    await pauseDli();
    const coloured = await check(['-s', 'orders'], { FORCE_COLOR: '1' });
    const piped = await check(['-s', 'orders']);
    expect(coloured.stdout).toContain('\u001b[31mERROR\u001b[39m DIS-TASK-STATE');
    expect(piped.stdout).not.toContain('\u001b[');
  });

  test('--allowed-states takes comma-separated states', async () => {
    await pauseDli();
    const run = await check(['-s', 'orders', '--allowed-states', 'RUNNING,PAUSED']);
    expectExit(run, 0);
  });

  test('--required-task, --expected-task, --destination-type and --min-tasks each report their rule', async () => {
    // WHEN
    const run = await check([
      '--all-streams',
      '--required-task',
      'orders/orders-to-dws',
      '--expected-task',
      'orders-to-obs',
      '--expected-task',
      'clicks-to-obs',
      '--destination-type',
      'OBS',
      '--min-tasks',
      '5',
    ]);
    // THEN
    expectExit(run, 1);
    for (const rule of [
      'DIS-TASK-REQUIRED',
      'DIS-TASK-UNEXPECTED',
      'DIS-DESTINATION-TYPE',
      'DIS-MIN-TASKS',
    ]) {
      expect(run.stdout).toContain(`ERROR ${rule}:`);
    }
  });

  test('--ignore-task takes a task out of every rule', async () => {
    await pauseDli();
    const run = await check(['-s', 'orders', '--ignore-task', 'orders/orders-to-dli']);
    expectExit(run, 0);
  });

  test('--max-lag flags a task that has not transferred for longer', async () => {
    // The demo tasks last transferred 60 s before the suite.emulator started.
    const run = await check(['-s', 'clicks', '--max-lag', '30s']);
    expectExit(run, 1);
    expect(run.stdout).toContain('ERROR DIS-TRANSFER-LAG: task clicks/clicks-to-obs');
    const relaxed = await check(['-s', 'clicks', '--max-lag', '1h']);
    expectExit(relaxed, 0);
  });

  test('--warn-only reports findings as warnings and exits 0', async () => {
    await pauseDli();
    const run = await check(['-s', 'orders', '--warn-only']);
    expectExit(run, 0);
    expect(run.stdout).toContain('WARN  DIS-TASK-STATE');
  });

  test('an acknowledgement with a reason accepts the finding; an expired one fails the gate', async () => {
    // GIVEN
    await pauseDli();
    const ack = {
      ruleId: 'DIS-TASK-STATE',
      task: 'orders/orders-to-dli',
      reason: 'paused while DLI is migrated',
    };
    writeJson('acks.json', [{ ...ack, expires: '2999-01-01' }]);
    writeJson('expired.json', { acknowledgements: [{ ...ack, expires: '2000-01-01' }] });
    // WHEN
    const accepted = await check(['-s', 'orders', '--acknowledgements', 'acks.json']);
    const expired = await check(['-s', 'orders', '--acknowledgements', 'expired.json']);
    // THEN
    expectExit(accepted, 0);
    expect(accepted.stdout).toContain('1 acknowledged');
    expect(accepted.stdout).toContain('ACK   DIS-TASK-STATE');
    expectExit(expired, 1);
    expect(expired.stdout).toContain('DIS-ACK-EXPIRED');
  });
});

describe('check reports', () => {
  test('--output json prints the GateReport on stdout and the text on stderr', async () => {
    // GIVEN
    await pauseDli();
    // WHEN
    const run = await check(['-s', 'orders', '--output', 'json']);
    // THEN
    expectExit(run, 1);
    const report = JSON.parse(run.stdout) as GateReport;
    expect(report).toMatchObject({
      formatVersion: 1,
      healthy: false,
      summary: { errors: 1, warnings: 0, acknowledged: 0 },
      rules: { allowedStates: ['RUNNING'] },
    });
    expect(report.findings).toEqual([
      expect.objectContaining({
        ruleId: 'DIS-TASK-STATE',
        streamName: 'orders',
        taskName: 'orders-to-dli',
        state: 'PAUSED',
        severity: 'error',
      }),
    ]);
    expect(report.streams).toEqual([
      expect.objectContaining({
        streamName: 'orders',
        region: DEMO.region,
        projectId: DEMO.projectId,
        tasks: ['orders-to-dli', 'orders-to-obs'],
      }),
    ]);
    expect(run.stderr).toContain('DIS transfer task gate failed for orders');
  });

  test('--output junit --report-file writes JUnit XML that parses, one case per task', async () => {
    // GIVEN
    await pauseDli();
    // WHEN
    const run = await check([
      '--all-streams',
      '--required-task',
      'orders-to-dws',
      '--output',
      'junit',
      '--report-file',
      'out/gate.xml',
    ]);
    // THEN
    expectExit(run, 1);
    expect(run.stdout).toContain('DIS transfer task gate failed');
    expect(run.stderr).toContain(`Wrote the JUnit report to ${join(suite.tmp.dir, 'out', 'gate.xml')}.`);
    const doc = xml2js(readFileSync(join(suite.tmp.dir, 'out', 'gate.xml'), 'utf8')) as Element;
    const root = xmlElements(doc, 'testsuites')[0];
    expect(root.attributes).toMatchObject({ tests: '4', failures: '2' });
    const suites = xmlElements(root, 'testsuite');
    expect(suites.map((s) => s.attributes?.name)).toEqual([
      `${DEMO.region}/${DEMO.projectId}/clicks`,
      `${DEMO.region}/${DEMO.projectId}/orders`,
      'gate',
    ]);
    const dli = xmlElements(suites[1], 'testcase').find((c) => c.attributes?.name === 'orders-to-dli')!;
    expect(xmlElements(dli, 'failure')[0].attributes?.type).toBe('DIS-TASK-STATE');
    const gate = xmlElements(suites[2], 'testcase');
    expect(gate.map((c) => c.attributes?.name)).toEqual(['DIS-TASK-REQUIRED orders-to-dws']);
  });

  test('--report-file gate.json picks JSON from the extension', async () => {
    const run = await check(['-s', 'clicks', '--report-file', 'gate.json']);
    expectExit(run, 0);
    expect((JSON.parse(readFileSync(join(suite.tmp.dir, 'gate.json'), 'utf8')) as GateReport).healthy).toBe(
      true,
    );
  });
});

describe('check --gate-file', () => {
  function gateFile(
    rules: Record<string, unknown>,
    target: Record<string, unknown> = {},
  ): Record<string, unknown> {
    return {
      formatVersion: 1,
      constructPath: 'app/gate',
      target: { region: DEMO.region, projectId: DEMO.projectId, streams: ['orders'], ...target },
      rules,
    };
  }

  test('reads the target and rules from the file: exit 1 on a paused task, 0 when its state is allowed', async () => {
    // GIVEN
    await pauseDli();
    writeJson('strict.gate.json', gateFile({}));
    writeJson('lenient.gate.json', gateFile({ allowedStates: ['RUNNING', 'PAUSED'] }));
    // WHEN
    const strict = await check(['--gate-file', 'strict.gate.json']);
    const lenient = await check(['--gate-file', 'lenient.gate.json']);
    // THEN
    expectExit(strict, 1);
    expect(strict.stdout).toContain('DIS-TASK-STATE');
    expectExit(lenient, 0);
  });

  test('an allStreams target checks every stream', async () => {
    writeJson('all.gate.json', gateFile({ minTasks: 3 }, { streams: undefined, allStreams: true }));
    const run = await check(['--gate-file', 'all.gate.json', '--output', 'json']);
    expectExit(run, 0);
    expect((JSON.parse(run.stdout) as GateReport).streams.map((s) => s.streamName)).toEqual([
      'clicks',
      'orders',
    ]);
  });

  test('a gate file that holds a credential is refused (exit 2) and the value is not echoed', async () => {
    writeJson('bad.gate.json', { ...gateFile({}), credentials: { secretKey: 'gate-file-canary-secret-1' } });
    const run = await check(['--gate-file', 'bad.gate.json']);
    expectExit(run, 2);
    expect(run.stderr).toContain('[DIS_GATE_CONFIG_INVALID]');
    expect(`${run.stdout}${run.stderr}`).not.toContain('gate-file-canary-secret-1');
  });

  test('a missing gate file is a configuration error (exit 2) that names it', async () => {
    const run = await check(['--gate-file', 'none.gate.json']);
    expectExit(run, 2);
    expect(run.stderr).toContain(join(suite.tmp.dir, 'none.gate.json'));
  });

  test('target or rule options next to --gate-file are a usage error (exit 2)', async () => {
    writeJson('g.gate.json', gateFile({}));
    const run = await check(['--gate-file', 'g.gate.json', '--stream', 'orders', '--max-lag', '5m']);
    expectExit(run, 2);
    expect(run.stderr).toContain('--stream, --max-lag cannot be given with it');
  });

  test('an endpoint nobody listens on exits 3', async () => {
    writeJson('down.gate.json', gateFile({}, { endpoint: 'http://127.0.0.1:9' }));
    const run = await check(['--gate-file', 'down.gate.json']);
    expectExit(run, 3);
    expect(run.stderr).toContain('[DIS_NETWORK_ERROR]');
  });
});

test('--help lists every rule, report and gate-file option', async () => {
  mkdirSync(suite.tmp.dir, { recursive: true });
  const run = await runCli(['check', '--help']);
  expectExit(run, 0);
  for (const option of [
    '--allowed-states',
    '--required-task',
    '--expected-task',
    '--ignore-task',
    '--destination-type',
    '--max-lag',
    '--min-tasks',
    '--acknowledgements',
    '--all-streams',
    '--output table|json|junit',
    '--report-file FILE',
    '--timeout DURATION',
    '--no-github',
    '--gate-file FILE',
  ]) {
    expect(run.stdout).toContain(option);
  }
});
