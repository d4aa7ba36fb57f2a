import { ErrorKind, reviveDisError } from '../../src/client/errors';
import {
  EMULATOR_ERRORS,
  EmulatorFaultError,
  EmulatorListenError,
  EmulatorScenarioError,
} from '../../src/emulator/errors';

describe('the emulator errors', () => {
  it('each have their own code, and all are fixed by the caller', () => {
    const codes = EMULATOR_ERRORS.map((c) => c.CODE);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^DIS_EMULATOR_[A-Z_]+$/.test(c))).toBe(true);
    expect(EMULATOR_ERRORS.map((c) => c.KIND)).toEqual(EMULATOR_ERRORS.map(() => ErrorKind.CONFIGURATION));
  });

  it.each([
    [
      'a scenario error',
      new EmulatorScenarioError('my.json', 'projects[0].id', 'bad'),
      ['source', 'fieldPath'],
    ],
    ['a fault error', new EmulatorFaultError('status', 'too big'), ['fieldPath']],
    [
      'a listen error',
      new EmulatorListenError('127.0.0.1', 80, Object.assign(new Error('in use'), { code: 'EADDRINUSE' })),
      ['host', 'port'],
    ],
  ])('revive %s from its JSON form as its class, typed properties included', (_what, error, props) => {
    const revived = reviveDisError(JSON.parse(JSON.stringify(error)), EMULATOR_ERRORS);
    expect(revived).toBeInstanceOf(error.constructor);
    expect(revived).toMatchObject({ name: error.name, code: error.code, message: error.message });
    for (const p of props) {
      expect(revived[p as keyof typeof revived]).toEqual(error[p as keyof typeof error]);
      expect(revived[p as keyof typeof revived]).toBeDefined();
    }
  });
});
