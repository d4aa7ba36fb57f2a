import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SarifLog } from '../../../src/assertion/sarif-log';
import { multitoolFindings, sarifSchemaErrors } from '../../assertion/sarif-validators';
import { DEMO } from '../support/demo-emulator';
import { expectExit } from '../support/run-cli';
import { checkHelpers } from '../support/check-suite';
import { useCommandSuite } from '../support/command-suite';

// check --output sarif through the built bin, validated by the official schema and by Microsoft's
// Multitool with GitHub's ingestion rules.
const suite = useCommandSuite({ tmp: true });
const { check } = checkHelpers(suite);

function readLog(name: string): SarifLog {
  return JSON.parse(readFileSync(join(suite.tmp.dir, name), 'utf8')) as SarifLog;
}

const REASON = 'paused while the DLI tables are migrated';

beforeEach(async () => {
  await suite.emulator.setTaskState('orders', 'orders-to-dli', 'PAUSED');
  await suite.emulator.setTaskState('clicks', 'clicks-to-obs', 'PAUSED');
  writeFileSync(
    join(suite.tmp.dir, 'acks.json'),
    JSON.stringify([{ ruleId: 'DIS-TASK-STATE', task: 'clicks/clicks-to-obs', reason: REASON }]),
  );
});

describe('check --output sarif', () => {
  test('writes a valid SARIF 2.1.0 log that code scanning accepts: rules, results, locations, suppressions', async () => {
    // WHEN
    const run = await check([
      '--all-streams',
      '--acknowledgements',
      'acks.json',
      '--output',
      'sarif',
      '--report-file',
      'dis-gate.sarif',
    ]);
    // THEN
    expectExit(run, 1);
    expect(run.stderr).toContain(`Wrote the SARIF report to ${join(suite.tmp.dir, 'dis-gate.sarif')}.`);
    const log = readLog('dis-gate.sarif');
    expect(sarifSchemaErrors(log)).toEqual([]);
    // Nothing GitHub's ingestion rules (GH*) refuse, no error; SARIF2005 (no informationUri) waits
    // for the package's homepage.
    expect(multitoolFindings(log).filter((f) => f.level === 'error' || f.ruleId.startsWith('GH'))).toEqual(
      [],
    );
    const [run0] = log.runs;
    expect(run0.tool.driver.rules?.map((r) => r.id)).toContain('DIS-TASK-STATE');
    const results = run0.results ?? [];
    expect(results.map((r) => [r.ruleId, r.level, r.suppressions?.[0]?.justification])).toEqual([
      ['DIS-TASK-STATE', 'error', REASON],
      ['DIS-TASK-STATE', 'error', undefined],
    ]);
    expect(results[1].message.text).toContain('orders/orders-to-dli');
    // Results of a check from the command line point at its acknowledgements file, relative to the folder.
    expect(results[1].locations?.[0].physicalLocation?.artifactLocation).toEqual({
      uri: 'acks.json',
      uriBaseId: '%SRCROOT%',
    });
    expect(results[0].suppressions?.[0].kind).toBe('external');
  });

  test('fingerprints stay the same across runs; --output sarif without a file prints the log on stdout', async () => {
    const first = await check(['-s', 'orders', '--output', 'sarif']);
    const second = await check(['-s', 'orders', '--output', 'sarif']);
    expectExit(first, 1);
    const fingerprints = (text: string) =>
      ((JSON.parse(text) as SarifLog).runs[0].results ?? []).map((r) => r.partialFingerprints);
    expect(fingerprints(first.stdout)).toEqual(fingerprints(second.stdout));
    expect(fingerprints(first.stdout)).toHaveLength(1);
    expect(first.stderr).toContain('DIS transfer task gate failed');
  });

  test('with --gate-file, results point at the gate file and name the gate’s construct; .sarif picks the format', async () => {
    // GIVEN
    writeFileSync(
      join(suite.tmp.dir, 'app.gate.json'),
      JSON.stringify({
        formatVersion: 1,
        constructPath: 'app/Gate',
        target: { region: DEMO.region, projectId: DEMO.projectId, streams: ['orders'] },
        rules: {},
      }),
    );
    // WHEN
    const run = await check(['--gate-file', 'app.gate.json', '--report-file', 'out.sarif'], {
      GITHUB_WORKSPACE: suite.tmp.dir,
    });
    // THEN
    expectExit(run, 1);
    const log = readLog('out.sarif');
    expect(sarifSchemaErrors(log)).toEqual([]);
    const [result] = log.runs[0].results ?? [];
    expect(result.locations?.[0].physicalLocation?.artifactLocation?.uri).toBe('app.gate.json');
    expect(result.locations?.[0].logicalLocations?.[0].fullyQualifiedName).toBe('app/Gate');
  });
});
