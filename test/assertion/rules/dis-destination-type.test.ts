import { runRule } from '../../../src/assertion/evaluate-gate';
import { disDestinationType } from '../../../src/assertion/rules/dis-destination-type';
import { context, demo, snapshot, task } from '../gate-fixtures';

describe('DIS-DESTINATION-TYPE: tasks dump to allowed destination types', () => {
  test('compliant: documented types without a list', () => {
    expect(runRule(disDestinationType, context(demo()))).toEqual([]);
  });

  test('compliant: every type in the list', () => {
    expect(runRule(disDestinationType, context(demo(), { destinationTypes: ['OBS', 'DLI'] }))).toEqual([]);
  });

  test('non-compliant: a type outside the list', () => {
    expect(runRule(disDestinationType, context(demo(), { destinationTypes: ['OBS'] }))).toEqual([
      {
        ruleId: 'DIS-DESTINATION-TYPE',
        streamName: 'orders',
        taskName: 'orders-to-dli',
        state: 'RUNNING',
        destinationType: 'DLI',
        lastTransferAgeSeconds: 30,
        message: 'task orders/orders-to-dli dumps to DLI; allowed: OBS.',
        fix: 'Point the task at an allowed destination, or add DLI to destinationTypes.',
      },
    ]);
  });

  test('edge: an unknown type fails without a list and says it is unknown', () => {
    const [finding] = runRule(disDestinationType, context([snapshot('s', [task('a', 'RUNNING', 'KAFKA')])]));
    expect(finding.message).toBe(
      'task s/a dumps to destination type "KAFKA", which is unknown (documented types: OBS, MRS, DLI, DWS, CLOUDTABLE).',
    );
    expect(finding.fix).toBe(
      'Check the task in the DIS console; if "KAFKA" is right, add it to destinationTypes.',
    );
  });

  test('edge: an unknown type listed explicitly is accepted', () => {
    expect(
      runRule(
        disDestinationType,
        context([snapshot('s', [task('a', 'RUNNING', 'KAFKA')])], { destinationTypes: ['KAFKA'] }),
      ),
    ).toEqual([]);
  });

  test('edge: an empty list allows nothing', () => {
    const findings = runRule(
      disDestinationType,
      context([snapshot('s', [task('a')])], { destinationTypes: [] }),
    );
    expect(findings.map((f) => f.message)).toEqual(['task s/a dumps to OBS; allowed: none.']);
  });
});
