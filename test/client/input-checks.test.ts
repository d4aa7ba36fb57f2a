import { checkProjectId, checkRegion, checkStreamName, checkTaskName } from '../../src/client/input-checks';

describe('input checks', () => {
  test('accept documented shapes', () => {
    expect(checkStreamName('a'.repeat(60))).toHaveLength(60);
    expect(checkStreamName('Orders_2-x')).toBe('Orders_2-x');
    expect(checkTaskName('t'.repeat(64))).toHaveLength(64);
    expect(checkProjectId('0123456789abcdef0123456789ABCDEF')).toHaveLength(32);
    expect(checkRegion('eu-west-101')).toBe('eu-west-101');
    expect(checkRegion('cn-southwest-2')).toBe('cn-southwest-2');
  });

  test.each([
    [() => checkTaskName('t'.repeat(65)), 'taskName', '1-64'],
    [() => checkProjectId('abc'), 'projectId', '32 hexadecimal'],
    [() => checkRegion('CN-NORTH-4'), 'region', 'cn-north-4'],
    [() => checkRegion(undefined), 'region', 'cn-north-4'],
    [() => checkStreamName('x y', 'streams[1]'), 'streams[1]', '1-60'],
  ])('an error names the field and the rule (%#)', (call, field, rule) => {
    expect(call).toThrow(
      expect.objectContaining({ code: 'DIS_CONFIG_ERROR', field, message: expect.stringContaining(rule) }),
    );
  });

  test('a very long value is shortened in the message', () => {
    expect(() => checkStreamName('x'.repeat(500))).toThrow(/x…' is not valid/);
  });
});
