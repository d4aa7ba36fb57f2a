import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GateSeverity } from '../../../src/assertion/gate-rules';
import { GATE_RULES } from '../../../src/assertion/rules';
import { FindingSubject } from '../../../src/assertion/rules/rule';

const ids = GATE_RULES.map((rule) => rule.id);

describe('rules inventory', () => {
  test('pins the rule ids and their order (a change here is a reviewed diff)', () => {
    expect(ids).toEqual([
      'DIS-STREAM-ABSENT',
      'DIS-SNAPSHOT-AGE',
      'DIS-TASK-STATE',
      'DIS-TASK-REQUIRED',
      'DIS-TASK-UNEXPECTED',
      'DIS-DESTINATION-TYPE',
      'DIS-TRANSFER-LAG',
      'DIS-MIN-TASKS',
      'DIS-ACK-INVALID',
      'DIS-ACK-EXPIRED',
      'DIS-ACK-EXPIRING',
      'DIS-ACK-UNUSED',
    ]);
    expect(GATE_RULES.filter((rule) => !rule.acknowledgeable).map((rule) => rule.id)).toEqual([
      'DIS-ACK-INVALID',
      'DIS-ACK-EXPIRED',
      'DIS-ACK-EXPIRING',
      'DIS-ACK-UNUSED',
    ]);
    expect(GATE_RULES.filter((rule) => rule.level === GateSeverity.WARNING).map((rule) => rule.id)).toEqual([
      'DIS-STREAM-ABSENT',
      'DIS-ACK-EXPIRING',
      'DIS-ACK-UNUSED',
    ]);
  });

  test('rules that cannot be acknowledged come after every rule that can (they read what was accepted)', () => {
    const first = GATE_RULES.findIndex((rule) => !rule.acknowledgeable);
    expect(GATE_RULES.slice(first).every((rule) => !rule.acknowledgeable)).toBe(true);
  });

  test('every rule is declared, id and check together, in exactly one file named after its id', () => {
    const dir = join(__dirname, '../../../src/assertion/rules');
    const ruleFiles = readdirSync(dir)
      .filter((f) => f.startsWith('dis-') && f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, '').toUpperCase())
      .sort();
    expect(ruleFiles).toEqual([...ids].sort());
    for (const rule of GATE_RULES) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the file named after the id
      const declared = Object.values(require(join(dir, rule.id.toLowerCase())) as object);
      expect({ id: rule.id, declaresIt: declared.includes(rule) }).toEqual({ id: rule.id, declaresIt: true });
    }
  });

  test('every rule says what it requires, why, and what to do (what SARIF needs), at a known level', () => {
    for (const rule of GATE_RULES) {
      for (const text of [rule.summary, rule.description, rule.fix]) {
        expect({ id: rule.id, text, oneSentence: /^[A-Z][^\n]*\.$/.test(text) }).toMatchObject({
          oneSentence: true,
        });
      }
      expect(rule.description).not.toBe(rule.summary);
      expect(Object.values(GateSeverity)).toContain(rule.level);
      expect(Object.values(FindingSubject)).toContain(rule.subject);
      expect(typeof rule.check).toBe('function');
    }
  });

  test("the README's table of rules shows each rule's summary, in order (the rule is its source)", () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('<!-- section:assertion -->'),
      readme.indexOf('<!-- /section:assertion -->'),
    );
    const rows = section.match(/^\| `DIS-[A-Z-]+` \| .* \|$/gm);
    expect(rows).toEqual(GATE_RULES.map((rule) => `| \`${rule.id}\` | ${rule.summary} |`));
  });

  test("every rule has a test file named after its id, describing that rule, with at least one 'compliant:' and one 'non-compliant:' test", () => {
    const dir = __dirname;
    for (const id of ids) {
      const file = join(dir, `${id.toLowerCase()}.test.ts`);
      const source = existsSync(file) ? readFileSync(file, 'utf8') : '';
      const titles = [...source.matchAll(/\btest\(\s*'([^']*)'/g)].map((m) => m[1]);
      expect({
        id,
        exists: source !== '',
        describesIt: source.includes(`describe('${id}`),
        compliant: titles.some((t) => t.startsWith('compliant: ')),
        nonCompliant: titles.some((t) => t.startsWith('non-compliant: ')),
      }).toEqual({ id, exists: true, describesIt: true, compliant: true, nonCompliant: true });
    }
  });
});
