import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGateFile } from '../../src/assertion/read-gate-file';

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
      new RegExp(`^The gate file ${path} is not JSON \\(.+\\)\\. Re-run cdktf synth to regenerate it\\.$`),
    );
  });

  test('a JSON file that is not a gate file names itself in the error', () => {
    const path = join(dir, 'other.json');
    writeFileSync(path, '[]');
    expect(() => readGateFile(path)).toThrow(
      `The gate file ${path} is not a valid gate file: (root): Invalid input: expected object, received array.`,
    );
  });
});
