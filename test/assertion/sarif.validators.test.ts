// The SARIF logs against the two independent judges (sarif-validators.ts): the official schema and
// Microsoft's Multitool. Kept apart from sarif.test.ts because the Multitool takes seconds a run:
// `npm run mutate -- gate` leaves this file out (the rule metadata it would check is pinned there).
import { evaluateGate } from '../../src/assertion/evaluate-gate';
import { buildSarifLog } from '../../src/assertion/sarif';
import { demo, NOW } from './gate-fixtures';
import { failing, OPTIONS } from './sarif-fixtures';
import { multitoolFindings, sarifSchemaErrors } from './sarif-validators';

describe('buildSarifLog, judged by the schema and the Multitool', () => {
  test('is valid against the official SARIF 2.1.0 schema and passes the Multitool with GitHub rules', () => {
    // GIVEN a failing report, with acknowledged, invalid and config findings, and a passing one
    for (const report of [failing(), failing(true), evaluateGate(demo(), {}, NOW)]) {
      // WHEN it becomes SARIF, with relative paths and with absolute ones under a source root
      for (const options of [
        OPTIONS,
        {
          ...OPTIONS,
          sourceRoot: '/work/repo',
          sourceFile: { path: '/work/repo/infra/main.ts' },
          contextFile: { path: '/work/repo/infra/cdktf.context.json' },
        },
      ]) {
        const log = buildSarifLog(report, options);
        // THEN the schema finds nothing wrong
        expect(sarifSchemaErrors(log)).toEqual([]);
      }
    }
    // AND Microsoft's validator, with GitHub's ingestion rules, reports nothing at all
    expect(multitoolFindings(buildSarifLog(failing(true), { ...OPTIONS, sourceRoot: '/work/repo' }))).toEqual(
      [],
    );
  });

  test('a log that breaks the schema is caught (the validators can fail)', () => {
    const log = buildSarifLog(failing(), OPTIONS) as unknown as { runs: { results: object[] }[] };
    const broken = { ...log, runs: [{ ...log.runs[0], results: [{ ruleId: 'X', level: 'fatal' }] }] };
    expect(sarifSchemaErrors(broken).length).toBeGreaterThan(0);
    const located = buildSarifLog(failing(), OPTIONS);
    const noLocation = {
      ...located,
      runs: [{ ...located.runs[0], results: located.runs[0].results.map(({ locations: _, ...r }) => r) }],
    };
    expect(multitoolFindings(noLocation).map((f) => f.ruleId)).toContain('GH1015');
  });
});
