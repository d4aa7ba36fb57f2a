import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseGateFile, readGateFile } from '../../src/assertion/gate-file';

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
      'gate.json is not a valid gate file: target: unknown field "secretKey" (use region, projectId, streams, allStreams, endpoint, mustExist; credentials come from the environment of the check). Re-run cdktf synth to regenerate it, or fix it by hand (see the README, "The gate").',
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
    expect(caught.message).toContain('formatVersion: expected 1, found 2');
    expect(caught.message).toContain('rules.minTasks: expected a whole number of 0 or more, found -1');
    expect(caught.message).toContain('rules.severity: expected "error" or "warning", found another string');
  });
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dis-gate-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readGateFile', () => {
  test('reads and validates a file', () => {
    const path = join(dir, 'ok.json');
    const file = {
      formatVersion: 1,
      target: { region: 'cn-north-4', projectId: 'p', allStreams: true },
      rules: {},
    };
    writeFileSync(path, JSON.stringify(file));
    expect(readGateFile(path)).toEqual(file);
  });

  test('a missing file says which and what to pass', () => {
    const path = join(dir, 'missing.json');
    expect(() => readGateFile(path)).toThrow(
      `Cannot read the gate file ${path} (ENOENT). Pass the path of a file written by cdktf synth (dis-gate.*.gate.json beside the stack).`,
    );
  });

  test('a file that is not JSON', () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ not json');
    expect(() => readGateFile(path)).toThrow(
      new RegExp(
        `^DIS_GATE_CONFIG_INVALID: The gate file ${path} is not JSON \\(.+\\)\\. Re-run cdktf synth to regenerate it\\.$`,
      ),
    );
  });

  test('a JSON file that is not a gate file names itself in the error', () => {
    const path = join(dir, 'other.json');
    writeFileSync(path, '[]');
    expect(() => readGateFile(path)).toThrow(
      `The gate file ${path} is not a valid gate file: (top level): expected an object, found an empty list. Re-run cdktf synth to regenerate it, or fix it by hand (see the README, "The gate").`,
    );
  });
});
