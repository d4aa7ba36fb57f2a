import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GATE_RULES } from '../../../src/assertion/rules';
import { GATE_RULE_IDS, UNACKNOWLEDGEABLE_RULE_IDS } from '../../../src/assertion/rules/gate-rule-ids';

describe('rules inventory', () => {
  test('pins the rule ids and their order (a change here is a reviewed diff)', () => {
    expect(GATE_RULE_IDS).toEqual([
      'DIS-TASK-STATE',
      'DIS-TASK-REQUIRED',
      'DIS-TASK-UNEXPECTED',
      'DIS-DESTINATION-TYPE',
      'DIS-TRANSFER-LAG',
      'DIS-MIN-TASKS',
      'DIS-ACK-INVALID',
      'DIS-ACK-EXPIRED',
    ]);
    expect(UNACKNOWLEDGEABLE_RULE_IDS).toEqual(['DIS-ACK-INVALID', 'DIS-ACK-EXPIRED']);
  });

  test('every rule id has exactly one file named after it, and the registry runs them in order', () => {
    const dir = join(__dirname, '../../../src/assertion/rules');
    const ruleFiles = readdirSync(dir)
      .filter((f) => f.startsWith('dis-') && f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, '').toUpperCase())
      .sort();
    expect(ruleFiles).toEqual([...GATE_RULE_IDS].sort());
    expect([...GATE_RULES.keys()]).toEqual(GATE_RULE_IDS);
  });

  test('every rule file has a test file with compliant and non-compliant cases', () => {
    const dir = __dirname;
    for (const id of GATE_RULE_IDS) {
      const file = readdirSync(dir).find((f) => f === `${id.toLowerCase()}.test.ts`);
      expect(file).toBeDefined();
    }
  });
});
