import { parseGateFile } from '../../src/assertion/gate-file';

const target = { region: 'cn-north-4', projectId: '0123456789abcdef0123456789abcdef', streams: ['orders'] };

describe('parseGateFile', () => {
  test('accepts a gate file as apply enforcement writes it', () => {
    const file = {
      formatVersion: 1,
      constructPath: 'demo/Gate',
      target: { ...target, endpoint: 'https://dis.cn-north-4.myhuaweicloud.com' },
      rules: {
        allowedStates: ['RUNNING'],
        maxTransferLagSeconds: 900,
        severity: 'error',
        acknowledgements: [
          {
            ruleId: 'DIS-TASK-STATE',
            task: 'orders-to-dli',
            reason: 'migration until December',
            expires: '2026-12-31',
          },
        ],
      },
    };
    expect(parseGateFile(file)).toEqual(file);
  });

  test('refuses credentials (unknown keys) in the target', () => {
    expect(() =>
      parseGateFile({ formatVersion: 1, target: { ...target, secretKey: 'x' }, rules: {} }, 'gate.json'),
    ).toThrow(
      'gate.json is not a valid gate file: target: Unrecognized key: "secretKey". Re-run cdktf synth to regenerate it, or fix it by hand (see the README, "The gate").',
    );
  });

  test('needs exactly one of streams and allStreams', () => {
    const neither = { formatVersion: 1, target: { region: 'r', projectId: 'p' }, rules: {} };
    const both = { formatVersion: 1, target: { ...target, allStreams: true }, rules: {} };
    for (const file of [neither, both]) {
      expect(() => parseGateFile(file)).toThrow(
        'target: give either "streams" (a non-empty list) or "allStreams": true, not both',
      );
    }
  });

  test('lists every problem, path by path, with a coded error', () => {
    let caught: { code?: string; message?: string } = {};
    try {
      parseGateFile({ formatVersion: 2, target, rules: { minTasks: -1, severity: 'fatal' } });
    } catch (e) {
      caught = e as typeof caught;
    }
    expect(caught.code).toBe('DIS_GATE_CONFIG_INVALID');
    expect(caught.message).toContain('formatVersion: Invalid input: expected 1');
    expect(caught.message).toContain('rules.minTasks: Too small: expected number to be >=0');
    expect(caught.message).toContain('rules.severity: Invalid option: expected one of "error"|"warning"');
  });
});
