import type * as Sarif from 'sarif';
import { evaluateGate } from '../../src/assertion/evaluate-gate';
import { GateSeverity } from '../../src/assertion/gate-rules';
import { GATE_RULES } from '../../src/assertion/rules';
import { buildSarifLog, SARIF_FINGERPRINT_KEY, SARIF_SCHEMA_URI } from '../../src/assertion/sarif';
import { demo, NOW, snapshot, task } from './gate-fixtures';
import { failing, OPTIONS, reason, result } from './sarif-fixtures';

describe('buildSarifLog', () => {
  test('the driver describes every rule: id, short and full description, help with the fix, level', () => {
    const { driver } = buildSarifLog(failing(), OPTIONS).runs[0].tool;
    expect(driver).toMatchObject({
      name: 'dis-transfer-tasks',
      version: '1.2.3',
      informationUri: 'https://example.com/cdktf-dis-transfer-tasks',
    });
    expect(driver.rules.map((r) => r.id)).toEqual(GATE_RULES.map((r) => r.id));
    for (const [i, rule] of GATE_RULES.entries()) {
      expect(driver.rules[i]).toMatchObject({
        id: rule.id,
        shortDescription: { text: rule.summary },
        fullDescription: { text: rule.description },
        defaultConfiguration: { level: rule.level },
      });
      expect(driver.rules[i].help.text).toContain(`Fix: ${rule.fix}`);
      expect(driver.rules[i].help.text).toContain(rule.acknowledgeable ? 'acknowledge it' : 'cannot be');
    }
  });

  test('one result per finding, with its rule, level and a message naming stream and task', () => {
    const report = failing();
    const log = buildSarifLog(report, OPTIONS);
    expect(log.runs[0].results.map((r) => [r.ruleId, r.level])).toEqual(
      report.findings.map((f) => [f.ruleId, f.severity]),
    );
    const state = result(log, 'DIS-TASK-STATE');
    expect(state.ruleIndex).toBe(GATE_RULES.findIndex((r) => r.id === 'DIS-TASK-STATE'));
    expect(state.message.text).toBe(
      'task orders/orders-to-dli is PAUSED; allowed: RUNNING. Fix: Start the task again (DIS console, stream orders, Dump Management), or add PAUSED to allowedStates.',
    );
    expect(state.properties).toMatchObject({
      streamName: 'orders',
      taskName: 'orders-to-dli',
      state: 'PAUSED',
      region: 'cn-north-4',
      fetchedAt: '2026-11-28T12:00:00.000Z',
    });
  });

  test('a finding about recorded data points at its cache entry; the rest at the source file', () => {
    const log = buildSarifLog(failing(), OPTIONS);
    const where = (ruleId: string) => result(log, ruleId).locations[0].physicalLocation;
    // orders was recorded in the context cache: its task state is fixed by a refresh there
    expect(where('DIS-TASK-STATE')).toEqual({
      artifactLocation: { uri: 'infra/cdktf.context.json' },
      region: { startLine: 7 },
    });
    // requiredTasks and acknowledgements are the stack's own configuration
    for (const ruleId of ['DIS-TASK-REQUIRED', 'DIS-ACK-INVALID']) {
      expect(where(ruleId)).toEqual({
        artifactLocation: { uri: 'infra/main.ts' },
        region: { startLine: 12 },
      });
    }
    expect(result(log, 'DIS-TASK-STATE').locations[0].logicalLocations).toEqual([
      { fullyQualifiedName: 'demo/Gate', kind: 'resource' },
    ]);
  });

  test('data given as cdktf context, or with no context file, points at the source file', () => {
    const report = evaluateGate(demo('PAUSED'), {}, NOW); // source: context
    expect(buildSarifLog(report, OPTIONS).runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'infra/main.ts' },
      region: { startLine: 12 },
    });
    const cached = evaluateGate([{ ...demo('PAUSED')[0], source: 'cache' }], {}, NOW);
    const noContext = { ...OPTIONS, contextFile: undefined };
    expect(
      buildSarifLog(cached, noContext).runs[0].results[0].locations[0].physicalLocation.artifactLocation,
    ).toEqual({ uri: 'infra/main.ts' });
  });

  test('paths under the source root are relative to it; others are file URIs; odd characters are encoded', () => {
    const log = buildSarifLog(failing(), {
      ...OPTIONS,
      sourceRoot: '/work/repo',
      sourceFile: { path: '/work/repo/my app/main.ts' },
      contextFile: { path: '/elsewhere/cdktf.context.json' },
    });
    expect(log.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/repo/' } });
    expect(result(log, 'DIS-TASK-REQUIRED').locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'my%20app/main.ts',
      uriBaseId: '%SRCROOT%',
    });
    expect(result(log, 'DIS-TASK-STATE').locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'file:///elsewhere/cdktf.context.json',
    });
  });

  test('fingerprints stay the same across runs and wordings, and differ between findings', () => {
    // GIVEN the same lagging task measured at two fetch times (the message names the lag)
    const at = (lag: number) =>
      buildSarifLog(
        evaluateGate(
          [snapshot('orders', [task('a', 'RUNNING', 'OBS', lag)])],
          { maxTransferLagSeconds: 60 },
          NOW,
        ),
        OPTIONS,
      ).runs[0].results[0];
    const [early, late] = [at(120), at(7200)];
    expect(early.message.text).not.toBe(late.message.text);
    // THEN the fingerprint is the same
    expect(early.partialFingerprints[SARIF_FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{64}$/);
    expect(early.partialFingerprints).toEqual(late.partialFingerprints);
    // AND every finding of a report has its own, also two acknowledgements of the same task
    const report = evaluateGate(
      demo(),
      {
        acknowledgements: [
          { ruleId: 'DIS-TASK-STATE', task: 'x', reason: 'short' },
          { ruleId: 'DIS-TRANSFER-LAG', task: 'x', reason: 'short' },
        ],
      },
      NOW,
    );
    const prints = buildSarifLog(failing(), OPTIONS)
      .runs[0].results.concat(buildSarifLog(report, OPTIONS).runs[0].results)
      .map((r) => r.partialFingerprints[SARIF_FINGERPRINT_KEY]);
    expect(new Set(prints).size).toBe(prints.length);
    // AND the same finding in another gate is another alert
    const other = buildSarifLog(failing(), { ...OPTIONS, constructPath: 'prod/Gate' }).runs[0].results[0];
    expect(other.partialFingerprints).not.toEqual(
      buildSarifLog(failing(), OPTIONS).runs[0].results[0].partialFingerprints,
    );
  });

  test('acknowledged findings are suppressions with their reason; open ones have none', () => {
    const log = buildSarifLog(failing(true), OPTIONS);
    expect(result(log, 'DIS-TASK-STATE').suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: reason },
    ]);
    expect(result(log, 'DIS-MIN-TASKS').suppressions).toHaveLength(1);
    expect(result(log, 'DIS-TASK-REQUIRED').suppressions).toBeUndefined();
    const external = buildSarifLog(failing(true), { ...OPTIONS, suppressionKind: 'external' });
    expect(result(external, 'DIS-TASK-STATE').suppressions?.[0].kind).toBe('external');
  });

  test('warnings are warning results; a passing report has no results and says it is healthy', () => {
    const warned = buildSarifLog(
      evaluateGate(demo('PAUSED'), { severity: GateSeverity.WARNING }, NOW),
      OPTIONS,
    );
    expect(warned.runs[0].results.map((r) => r.level)).toEqual(['warning']);
    const passing = buildSarifLog(evaluateGate(demo(), {}, NOW), OPTIONS).runs[0];
    expect(passing.results).toEqual([]);
    expect(passing.properties).toMatchObject({
      healthy: true,
      streams: [{ streamName: 'orders' }, { streamName: 'clicks' }],
    });
    expect(passing.automationDetails).toEqual({ id: 'dis-transfer-tasks/demo/Gate/' });
  });

  test('without a tool version, the package version is used', () => {
    const options = { ...OPTIONS, toolVersion: undefined };
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the package's own manifest
    const { version } = require('../../package.json') as { version: string };
    const log = buildSarifLog(failing(), options);
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(log.runs[0].tool.driver.version).toBe(version);
  });

  test("the log's types fit @types/sarif", () => {
    // Checked by `npm run typecheck`: the gate's own SARIF types are assignable to the reference ones.
    const log: Sarif.Log = buildSarifLog(failing(), OPTIONS);
    expect(log.version).toBe('2.1.0');
  });
});
