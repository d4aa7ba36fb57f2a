import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { xml2js, type Element } from 'xml-js';
import { expectExit } from '../support/run-cli';
import { checkHelpers, xmlElements } from '../support/check-suite';
import { useCommandSuite } from '../support/command-suite';

// check when it cannot run, or must not: usage and configuration errors (exit 2), service errors
// (exit 3), and rule options the gate refuses before any request.
const suite = useCommandSuite({ tmp: true });
const { check, writeJson } = checkHelpers(suite);

describe('check errors', () => {
  test('a failing service exits 3', async () => {
    await suite.emulator.injectFault({ kind: 'serverError', route: 'ListTransferTasks', status: 502 });
    const run = await check(['-s', 'orders']);
    expectExit(run, 3);
  });

  test('with --report junit --report-file, a check that cannot run still leaves a JUnit file saying why', async () => {
    // GIVEN
    await suite.emulator.injectFault({ kind: 'serverError', route: 'ListTransferTasks', status: 503 });
    // WHEN
    const run = await check(['-s', 'orders', '--output', 'junit', '--report-file', 'gate.xml']);
    // THEN
    expectExit(run, 3);
    const root = xmlElements(
      xml2js(readFileSync(join(suite.tmp.dir, 'gate.xml'), 'utf8')) as Element,
      'testsuites',
    )[0];
    expect(root.attributes).toMatchObject({ errors: '1' });
    const error = xmlElements(xmlElements(xmlElements(root, 'testsuite')[0], 'testcase')[0], 'error')[0];
    expect(error.attributes?.type).toBe('DIS_API_ERROR');
    expect(error.attributes?.message).toContain('503');
  });

  test('a stream that does not exist exits 2, unless --allow-absent-streams makes it a finding', async () => {
    // WHEN
    const refused = await check(['-s', 'orders', '-s', 'nope']);
    const warned = await check(['-s', 'orders', '-s', 'nope', '--allow-absent-streams']);
    const failed = await check(['-s', 'nope', '--allow-absent-streams', '--absent-stream-severity', 'error']);
    const typo = await check(['-s', 'nope', '--allow-absent-streams', '--absent-stream-severity', 'fatal']);
    // THEN
    expectExit(refused, 2);
    expect(refused.stderr).toContain('DIS.4301');
    expectExit(warned, 0);
    expect(warned.stdout).toContain('WARN  DIS-STREAM-ABSENT');
    expect(warned.stdout).toMatch(/Snapshots: .*nope do not exist/);
    expectExit(failed, 1);
    expect(failed.stdout).toContain('ERROR DIS-STREAM-ABSENT');
    expectExit(typo, 2);
    expect(typo.stderr).toContain('--absent-stream-severity: ');
  });

  test.each([
    [['-s', 'orders', '--max-lag', 'soon'], "--max-lag 'soon' is not a duration"],
    [['-s', 'orders', '--min-tasks=-1'], '--min-tasks must be a whole number'],
    [['-s', 'orders', '--min-tasks', '2.5'], '--min-tasks must be a whole number'],
    [['-s', 'orders', '--max-acknowledgement-days=-3'], '--max-acknowledgement-days must be a whole number'],
    [['-s', 'orders', '--output', 'yaml'], "--output must be table, json, junit or sarif, not 'yaml'"],
    [['-s', 'orders', '--report', 'json', '--output', 'junit'], 'disagree'],
    [['-s', 'orders', '--timeout=-1'], "--timeout '-1' is not a duration"],
    [['-s', 'orders', '--timeout', '-1'], "Option '--timeout' argument is ambiguous. Did you forget"],
    [['-s', 'orders', '--ouptut', 'json'], "Unknown option '--ouptut'. Did you mean --output?"],
    [['-s', 'orders', '--acknowledgements', 'missing.json'], 'Cannot read the acknowledgements file'],
    [['--allowed-state', 'RUNNING'], "Unknown option '--allowed-state'"],
    [[], 'needs the streams to look at'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const run = await check(args);
    expectExit(run, 2);
    expect(run.stderr).toContain(message);
  });

  test('a state or type in another case, or undocumented, is refused before any request, naming option, value and the valid values', async () => {
    // WHEN
    const run = await check([
      '-s',
      'orders',
      '--allowed-states',
      'running,MIGRATING',
      '--destination-type',
      'obs',
    ]);
    // THEN
    expectExit(run, 2);
    expect(run.stderr).toContain(
      "[DIS_CLI_USAGE]: The rule options are not valid: --allowed-states 'running': expected a state DIS documents " +
        '(ERROR, STARTING, PAUSED, RUNNING, DELETE, ABNORMAL), found RUNNING in another case: write RUNNING; ',
    );
    expect(run.stderr).toContain(
      "--allowed-states 'MIGRATING': expected a state DIS documents (ERROR, STARTING, PAUSED, RUNNING, DELETE, ABNORMAL), " +
        'found another string; to accept a state DIS does not document, set --allow-undocumented-values;',
    );
    expect(run.stderr).toContain(
      "--destination-type 'obs': expected a destination type DIS documents (OBS, MRS, DLI, DWS",
    );
    expect(await suite.emulator.requestLog()).toEqual([]);
  });

  test('--allow-undocumented-values is the explicit opt-in for a state DIS does not document', async () => {
    await suite.emulator.setTaskState('orders', 'orders-to-dli', 'MIGRATING');
    const strict = await check(['-s', 'orders', '--allowed-states', 'RUNNING']);
    const optIn = await check([
      '-s',
      'orders',
      '--allowed-states',
      'RUNNING,MIGRATING',
      '--allow-undocumented-values',
    ]);
    expectExit(strict, 1);
    expectExit(optIn, 0);
  });

  test('--unacknowledgeable-rule and --max-acknowledgement-days make acknowledgements invalid', async () => {
    // GIVEN an acknowledgement of a paused task that never expires
    await suite.emulator.setTaskState('orders', 'orders-to-dli', 'PAUSED');
    writeJson('acks.json', [
      { ruleId: 'DIS-TASK-STATE', task: 'orders/orders-to-dli', reason: 'paused for the migration' },
    ]);
    // WHEN
    const accepted = await check(['-s', 'orders', '--acknowledgements', 'acks.json']);
    const capped = await check([
      '-s',
      'orders',
      '--acknowledgements',
      'acks.json',
      '--max-acknowledgement-days',
      '30',
    ]);
    const refused = await check([
      '-s',
      'orders',
      '--acknowledgements',
      'acks.json',
      '--unacknowledgeable-rule',
      'DIS-TASK-STATE',
    ]);
    const unknown = await check(['-s', 'orders', '--unacknowledgeable-rule', 'DIS-NOPE']);
    // THEN
    expectExit(accepted, 0);
    for (const run of [capped, refused]) {
      expectExit(run, 1);
      expect(run.stdout).toContain('DIS-ACK-INVALID');
    }
    expectExit(unknown, 2);
    expect(unknown.stderr).toContain(
      "--unacknowledgeable-rule 'DIS-NOPE': expected the id of a rule that can be acknowledged",
    );
  });

  test('an acknowledgement without its fields is refused with the field named (exit 2)', async () => {
    writeJson('acks.json', [{ ruleId: 'DIS-TASK-STATE' }]);
    const run = await check(['-s', 'orders', '--acknowledgements', 'acks.json']);
    expectExit(run, 2);
    expect(run.stderr).toContain('has invalid entries (0.task: ');
    expect(run.stderr).toContain('[DIS_CLI_USAGE]');
  });
});
