import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASSERTION_ERRORS, AssertionScopeError, GateConfigError } from '../../src/assertion/errors';
import { DisError, ErrorKind, reviveDisError } from '../../src/client/errors';

describe('the assertion error family', () => {
  const originals: DisError[] = [
    new GateConfigError('rules are wrong', {
      source: 'the gate file g.json',
      problems: ['rules.minTasks: x'],
    }),
    new AssertionScopeError('Gate'),
  ];

  test.each(originals.map((e) => [e.code, e] as const))(
    '%s revives with its class, message, details and typed properties',
    (_code, e) => {
      // GIVEN an error that crossed a boundary as JSON
      const revived = reviveDisError(JSON.parse(JSON.stringify(e)), ASSERTION_ERRORS);
      // THEN it is the same class, with the same JSON form and kind
      expect(revived.constructor).toBe(e.constructor);
      expect(revived.toJSON()).toEqual(e.toJSON());
      expect(revived.kind).toBe(ErrorKind.CONFIGURATION);
    },
  );

  test('typed properties read the details', () => {
    const [config, scope] = originals.map((e) => reviveDisError(e.toJSON(), ASSERTION_ERRORS));
    expect((config as GateConfigError).source).toBe('the gate file g.json');
    expect((config as GateConfigError).problems).toEqual(['rules.minTasks: x']);
    expect(new GateConfigError('m', { source: 's' }).problems).toEqual([]);
    expect((scope as AssertionScopeError).constructPath).toBe('Gate');
  });

  test('every class has its own code, and no code is written anywhere else in src/assertion', () => {
    const codes = ASSERTION_ERRORS.map((c) => c.CODE);
    expect(new Set(codes).size).toBe(codes.length);
    const dir = join(__dirname, '../../src/assertion');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    for (const file of files.filter((f) => f !== 'errors.ts')) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const code of codes)
        expect({ file, found: text.includes(`'${code}'`) }).toEqual({ file, found: false });
    }
  });
});
