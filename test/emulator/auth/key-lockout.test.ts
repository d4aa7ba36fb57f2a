import { KeyLockout, LOCKOUT_POLICY } from '../../../src/emulator/auth';

describe('KeyLockout', () => {
  let now = 0;
  const lockout = () => new KeyLockout(() => now);

  it('locks on the sixth consecutive failure, for five minutes, per key', () => {
    const l = lockout();
    for (let i = 1; i <= LOCKOUT_POLICY.maxConsecutiveFailures; i++) expect(l.fail('AK1')).toBe(false);
    expect(l.lockedForMs('AK1')).toBe(0);
    expect(l.fail('AK1')).toBe(true);
    expect(l.lockedForMs('AK1')).toBe(5 * 60 * 1000);
    expect(l.lockedForMs('AK2')).toBe(0);
    now += 5 * 60 * 1000;
    expect(l.lockedForMs('AK1')).toBe(0);
    // After the lock the count starts again.
    expect(l.fail('AK1')).toBe(false);
  });

  it('starts counting again after a success', () => {
    const l = lockout();
    for (let i = 0; i < 5; i++) l.fail('AK1');
    l.succeed('AK1');
    expect(l.fail('AK1')).toBe(false);
  });

  it('forgets everything on clear', () => {
    const l = lockout();
    for (let i = 0; i < 6; i++) l.fail('AK1');
    l.clear();
    expect(l.lockedForMs('AK1')).toBe(0);
  });
});
