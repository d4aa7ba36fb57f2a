import fc from 'fast-check';
import { evaluateGate, type GateSnapshot } from '../../src/assertion/evaluate-gate';
import { parseGateFile } from '../../src/assertion/gate-file';
import { acknowledgementProblems, GATE_RULE_FIELDS, parseGateRules } from '../../src/assertion/gate-rules';
import { DisError } from '../../src/client/errors';
import { demo } from './gate-fixtures';

// Gate files, acknowledgements files and props from JavaScript are read from outside: whatever they
// hold, the parsers give a value or a coded DIS_GATE_CONFIG_INVALID error, never another exception,
// and never repeat a string they were given (a credential pasted into the wrong field stays out of
// logs). CANARY marks such a string.
const CANARY = 'CANARY-sk-7f3a91';

/** Values of every JSON kind, strings often carrying the canary. */
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.string(),
    fc.string().map((s) => `${s}${CANARY}`),
    fc.constantFrom(
      'RUNNING',
      'running',
      'PAUSED',
      'OBS',
      'DIS-TASK-STATE',
      '*',
      'orders/orders-to-obs',
      '2026-12-31',
    ),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  ),
  tree: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('tree'), { maxLength: 4 }), tie('object')),
  object: fc.dictionary(fc.string(), tie('tree'), { maxKeys: 4 }),
})).tree;

/** An acknowledgement-like object: the right fields, values of any kind. */
const acknowledgement = fc.record(
  { ruleId: value, task: value, reason: value, expires: value },
  { requiredKeys: [] },
);
/** Rules-like objects: known fields (lists of anything, numbers, acknowledgements), sometimes junk. */
const rules = fc.oneof(
  value,
  fc.record(
    Object.fromEntries(
      GATE_RULE_FIELDS.map((f) => [
        f,
        f === 'acknowledgements' ? fc.oneof(value, fc.array(acknowledgement)) : value,
      ]),
    ),
    { requiredKeys: [] },
  ),
);
const gateFile = fc.oneof(
  value,
  fc.record(
    {
      formatVersion: fc.oneof(fc.constant(1), value),
      constructPath: value,
      target: fc.oneof(
        value,
        fc.record(
          {
            region: value,
            projectId: value,
            streams: value,
            allStreams: value,
            endpoint: value,
            mustExist: value,
          },
          { requiredKeys: [] },
        ),
      ),
      rules,
    },
    { requiredKeys: [] },
  ),
);

/** Runs `parse`: a value, or a coded gate configuration error whose text holds no given string. */
function valueOrCodedError<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch (e) {
    expect(DisError.isDisError(e)).toBe(true);
    expect((e as DisError).code).toBe('DIS_GATE_CONFIG_INVALID');
    expect(JSON.stringify({ message: (e as Error).message, details: (e as DisError).details })).not.toContain(
      CANARY,
    );
    return undefined;
  }
}

describe('the gate parsers, on any input', () => {
  test('parseGateRules: rules, or a coded error; what it returns parses to itself', () => {
    fc.assert(
      fc.property(rules, (input) => {
        const parsed = valueOrCodedError(() => parseGateRules(input));
        if (parsed !== undefined) expect(parseGateRules(parsed)).toEqual(parsed);
      }),
      { numRuns: 500 },
    );
  });

  test('parseGateFile: a gate file, or a coded error; what it returns parses to itself', () => {
    fc.assert(
      fc.property(gateFile, (input) => {
        const parsed = valueOrCodedError(() => parseGateFile(input, 'gate.json'));
        if (parsed !== undefined) expect(parseGateFile(parsed)).toEqual(parsed);
      }),
      { numRuns: 500 },
    );
  });

  test('acknowledgementProblems: a list of problems, never an exception, never a given string', () => {
    fc.assert(
      fc.property(fc.oneof(value, fc.array(acknowledgement)), (input) => {
        const problems = acknowledgementProblems(input);
        expect(Array.isArray(problems)).toBe(true);
        expect(problems.join('\n')).not.toContain(CANARY);
        // The acknowledgements file and the rules' acknowledgements are one validator (absent
        // acknowledgements are no rule at all, not an empty file).
        if (input === undefined) return;
        const viaRules = valueOrCodedError(() => parseGateRules({ acknowledgements: input }));
        expect(problems.length === 0).toBe(viaRules !== undefined);
      }),
      { numRuns: 500 },
    );
  });

  test('evaluateGate: any rules the validator accepts evaluate to a report over any acknowledgements', () => {
    fc.assert(
      fc.property(rules, fc.integer({ min: 0, max: 4102444800000 }), (input, now) => {
        const parsed = valueOrCodedError(() => parseGateRules(input));
        if (parsed === undefined) return;
        const snapshots: GateSnapshot[] = [
          ...demo('PAUSED'),
          { ...demo()[1], streamName: 'new', tasks: [], streamExists: false },
        ];
        const report = evaluateGate(snapshots, parsed, now);
        expect(report.summary.errors + report.summary.warnings + report.summary.acknowledged).toBe(
          report.findings.length,
        );
        expect(report.acknowledgements).toHaveLength(parsed.acknowledgements?.length ?? 0);
      }),
      { numRuns: 300 },
    );
  });
});
