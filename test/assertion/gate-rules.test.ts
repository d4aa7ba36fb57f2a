import { TerraformStack, Testing } from 'cdktf';
import { DisTransferTasksAssertion } from '../../src/assertion/dis-transfer-tasks-assertion';
import type { GateConfigError } from '../../src/assertion/errors';
import { evaluateGate } from '../../src/assertion/evaluate-gate';
import { parseGateFile } from '../../src/assertion/gate-file';
import {
  acknowledgementProblems,
  GATE_RULE_FIELDS,
  GateSeverity,
  parseGateRules,
} from '../../src/assertion/gate-rules';
import { demo, lookupOf, NOW } from './gate-fixtures';

const target = { region: 'cn-north-4', projectId: '0123456789abcdef0123456789abcdef', streams: ['orders'] };
const ack = { ruleId: 'DIS-TASK-STATE', task: 'orders-to-dli', reason: 'migration until December' };

function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (e) {
    expect((e as GateConfigError).code).toBe('DIS_GATE_CONFIG_INVALID');
    return (e as GateConfigError).problems;
  }
  throw new Error('expected a GateConfigError');
}

describe('one validator of gate rules', () => {
  test('minTasks 1.5 is refused alike by the construct, evaluateGate and the gate file', () => {
    // GIVEN the same malformed rule through each way into the gate
    const stack = new TerraformStack(Testing.app(), 'demo');
    const viaConstruct = problemsOf(
      () => new DisTransferTasksAssertion(stack, 'Gate', { lookup: lookupOf(demo()), minTasks: 1.5 }),
    );
    const viaEvaluate = problemsOf(() => evaluateGate(demo(), { minTasks: 1.5 }, NOW));
    const viaGateFile = problemsOf(() =>
      parseGateFile({ formatVersion: 1, target, rules: { minTasks: 1.5 } }),
    );
    // THEN each refuses it with the same problem (the gate file names the field under rules)
    expect(viaConstruct).toEqual(['minTasks: expected a whole number of 0 or more, found 1.5']);
    expect(viaEvaluate).toEqual(viaConstruct);
    expect(viaGateFile).toEqual(['rules.minTasks: expected a whole number of 0 or more, found 1.5']);
  });

  test('the construct names itself and its props', () => {
    const stack = new TerraformStack(Testing.app(), 'demo');
    expect(
      () => new DisTransferTasksAssertion(stack, 'Gate', { lookup: lookupOf(demo()), minTasks: -2 }),
    ).toThrow(
      'The props of DisTransferTasksAssertion demo/Gate are not valid: minTasks: expected a whole number of 0 or more, found -2. Give each rule a value of the kind it expects, or leave it out.',
    );
  });

  test('lists every problem, path by path, and quotes no string it found', () => {
    const fields = problemsOf(() =>
      parseGateRules({
        allowedStates: 'RUNNING',
        requiredTasks: ['a', 7],
        maxTransferLagSeconds: -1,
        severity: 'secret-looking-value',
        acknowledgements: [
          { ...ack, reason: undefined, expires: 20261231 },
          { ...ack, token: 'x' },
        ],
      }),
    );
    expect(fields).toEqual([
      'allowedStates: expected a list of non-empty strings, found another string',
      'requiredTasks.1: expected a non-empty string, found 7',
      'maxTransferLagSeconds: expected a number of 0 or more, found -1',
      'severity: expected "error" or "warning", found another string',
      'acknowledgements.0.reason: expected a string, found nothing',
      'acknowledgements.0.expires: expected a string, found 20261231',
      'acknowledgements.1: unknown field "token" (use ruleId, task, reason, expires)',
    ]);
    expect(fields.join(' ')).not.toContain('secret-looking-value');
  });

  test('returns a copy with the fields in their documented order, absent ones left out', () => {
    const checked = parseGateRules({
      acknowledgements: [{ reason: ack.reason, task: ack.task, ruleId: ack.ruleId }],
      minTasks: 2,
      allowedStates: ['RUNNING'],
      severity: undefined,
    });
    expect(JSON.stringify(checked)).toBe(
      JSON.stringify({ allowedStates: ['RUNNING'], minTasks: 2, acknowledgements: [ack] }),
    );
  });

  test('every field, valid, comes back as given, in the documented order; empty lists and fractions of seconds included', () => {
    const rules = {
      unacknowledgeableRules: [],
      maxAcknowledgementDays: 30,
      acknowledgements: [{ ...ack, expires: '2027-01-01' }, ack],
      absentStreamSeverity: GateSeverity.ERROR,
      severity: GateSeverity.WARNING,
      minTasks: 0,
      ignoreSnapshotAge: false,
      maxSnapshotAgeSeconds: 0.5,
      maxTransferLagSeconds: 1.5,
      allowUndocumentedValues: false,
      destinationTypes: [],
      ignoreTasks: [],
      expectedTasks: [],
      requiredTasks: ['orders/orders-to-obs'],
      allowedStates: [],
    };
    const checked = parseGateRules(rules);
    expect(checked).toStrictEqual(rules);
    expect(Object.keys(checked)).toStrictEqual(GATE_RULE_FIELDS);
    expect(Object.keys(checked.acknowledgements![0])).toStrictEqual(['ruleId', 'task', 'reason', 'expires']);
    expect(checked.requiredTasks).not.toBe(rules.requiredTasks);
  });

  test('maxSnapshotAgeSeconds with ignoreSnapshotAge false is no conflict; with true it is', () => {
    expect(parseGateRules({ ignoreSnapshotAge: false, maxSnapshotAgeSeconds: 60 })).toStrictEqual({
      maxSnapshotAgeSeconds: 60,
      ignoreSnapshotAge: false,
    });
    expect(parseGateRules({ ignoreSnapshotAge: true })).toStrictEqual({ ignoreSnapshotAge: true });
    expect(
      problemsOf(() => parseGateRules({ ignoreSnapshotAge: true, maxSnapshotAgeSeconds: 60 })),
    ).toStrictEqual([
      'ignoreSnapshotAge: expected either ignoreSnapshotAge or maxSnapshotAgeSeconds, found both',
    ]);
  });

  test('the error names its source and carries the problems', () => {
    let caught: unknown;
    try {
      parseGateRules({ minTasks: -1 }, 'The rules of the file x.json');
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({
      message:
        'DIS_GATE_CONFIG_INVALID: The rules of the file x.json are not valid: minTasks: expected a whole number of 0 or more, found -1. Give each rule a value of the kind it expects, or leave it out.',
      details: {
        source: 'The rules of the file x.json',
        problems: ['minTasks: expected a whole number of 0 or more, found -1'],
      },
    });
  });

  test('rules that are not an object, and acknowledgements that are not a list, are named as such', () => {
    expect(problemsOf(() => parseGateRules(['minTasks']))).toStrictEqual([
      '(top level): expected an object, found a list',
    ]);
    expect(problemsOf(() => parseGateRules({ acknowledgements: { ruleId: 'x' } }))).toStrictEqual([
      'acknowledgements: expected a list of acknowledgements, found an object',
    ]);
    expect(acknowledgementProblems('ack')).toStrictEqual([
      '(top level): expected a list of acknowledgements, found another string',
    ]);
  });

  test('an acknowledgement whose content is wrong is the gate’s finding, not a validation error', () => {
    // A short reason, an empty task, an unknown rule and a bad date are DIS-ACK-INVALID findings.
    const odd = { ruleId: 'DIS-NOPE', task: '', reason: 'short', expires: 'next week' };
    expect(parseGateRules({ acknowledgements: [odd] })).toEqual({ acknowledgements: [odd] });
  });

  test('an acknowledgements file is checked entry by entry, paths counted from the list', () => {
    expect(acknowledgementProblems([ack, { ruleId: 'DIS-TASK-STATE' }])).toEqual([
      '1.task: expected a string, found nothing',
      '1.reason: expected a string, found nothing',
    ]);
    expect(acknowledgementProblems([ack])).toEqual([]);
  });
});

describe('values that cannot be mistyped', () => {
  test('a documented state or type in another case names the value to write', () => {
    expect(
      problemsOf(() => parseGateRules({ allowedStates: ['running', 'PAUSED'], destinationTypes: ['Obs'] })),
    ).toEqual([
      'allowedStates.0: expected a state DIS documents (ERROR, STARTING, PAUSED, RUNNING, DELETE, ABNORMAL), found RUNNING in another case: write RUNNING',
      'destinationTypes.0: expected a destination type DIS documents (OBS, MRS, DLI, DWS, CLOUDTABLE), found OBS in another case: write OBS',
    ]);
  });

  test('an undocumented value is refused unless the gate opts in, and a typo never passes', () => {
    expect(
      problemsOf(() => parseGateRules({ allowedStates: ['FROZEN'], destinationTypes: ['KAFKA'] })),
    ).toEqual([
      'allowedStates.0: expected a state DIS documents (ERROR, STARTING, PAUSED, RUNNING, DELETE, ABNORMAL), found another string; to accept a state DIS does not document, set allowUndocumentedValues',
      'destinationTypes.0: expected a destination type DIS documents (OBS, MRS, DLI, DWS, CLOUDTABLE), found another string; to accept a destination type DIS does not document, set allowUndocumentedValues',
    ]);
    const optIn = {
      allowUndocumentedValues: true,
      allowedStates: ['RUNNING', 'FROZEN'],
      destinationTypes: ['KAFKA'],
    };
    expect(parseGateRules(optIn)).toEqual(optIn);
    // Even with the opt-in: another case of a documented value, and what DIS never spells
    expect(
      problemsOf(() =>
        parseGateRules({ allowUndocumentedValues: true, allowedStates: ['paused', 'not running', '${x}'] }),
      ),
    ).toEqual([
      'allowedStates.0: expected a state DIS documents (ERROR, STARTING, PAUSED, RUNNING, DELETE, ABNORMAL), found PAUSED in another case: write PAUSED',
      'allowedStates.1: expected a state as DIS spells them, an upper-case identifier (letters, digits and "_", starting with a letter, at most 64 characters), found another string',
      'allowedStates.2: expected a state as DIS spells them, an upper-case identifier (letters, digits and "_", starting with a letter, at most 64 characters), found another string',
    ]);
  });

  test('task references follow DIS naming: task-name or stream/task-name', () => {
    expect(parseGateRules({ requiredTasks: ['orders-to-obs', 'orders/orders_to_dli'] })).toBeDefined();
    const problems = problemsOf(() =>
      parseGateRules({ requiredTasks: ['orders to obs'], expectedTasks: ['a/b/c'], ignoreTasks: ['*'] }),
    );
    expect(problems).toEqual(
      ['requiredTasks.0', 'expectedTasks.0', 'ignoreTasks.0'].map(
        (at) =>
          `${at}: expected a task name or stream/task-name (each 1-64 characters of letters, digits, "_" and "-"), found another string`,
      ),
    );
  });

  test('the new options are checked like the others', () => {
    expect(
      problemsOf(() =>
        parseGateRules({
          allowUndocumentedValues: 'yes',
          ignoreSnapshotAge: 1,
          maxSnapshotAgeSeconds: -5,
          absentStreamSeverity: 'fatal',
          maxAcknowledgementDays: 0,
          unacknowledgeableRules: ['DIS-ACK-EXPIRED', 'DIS-TASK-STATES'],
        }),
      ),
    ).toEqual([
      'allowUndocumentedValues: expected true or false, found another string',
      'maxSnapshotAgeSeconds: expected a number of 0 or more, found -5',
      'ignoreSnapshotAge: expected true or false, found 1',
      'absentStreamSeverity: expected "error" or "warning", found another string',
      'maxAcknowledgementDays: expected a whole number of 1 or more, found 0',
      'unacknowledgeableRules.0: expected the id of a rule that can be acknowledged (DIS-STREAM-ABSENT, DIS-SNAPSHOT-AGE, DIS-TASK-STATE, DIS-TASK-REQUIRED, DIS-TASK-UNEXPECTED, DIS-DESTINATION-TYPE, DIS-TRANSFER-LAG, DIS-MIN-TASKS), found another string',
      'unacknowledgeableRules.1: expected the id of a rule that can be acknowledged (DIS-STREAM-ABSENT, DIS-SNAPSHOT-AGE, DIS-TASK-STATE, DIS-TASK-REQUIRED, DIS-TASK-UNEXPECTED, DIS-DESTINATION-TYPE, DIS-TRANSFER-LAG, DIS-MIN-TASKS), found another string',
    ]);
  });

  test('a gate file with a mistyped state is refused before any request', () => {
    expect(
      problemsOf(() => parseGateFile({ formatVersion: 1, target, rules: { allowedStates: ['Running'] } })),
    ).toEqual([
      'rules.allowedStates.0: expected a state DIS documents (ERROR, STARTING, PAUSED, RUNNING, DELETE, ABNORMAL), found RUNNING in another case: write RUNNING',
    ]);
  });
});
