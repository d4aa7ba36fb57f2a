import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAcknowledgements } from '../../src/cli/gate-options';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'dis-acks-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ACK = {
  ruleId: 'DIS-TASK-STATE',
  task: 'orders/orders-to-dli',
  reason: 'paused for the migration',
  expires: '2099-01-01',
};

describe('readAcknowledgements', () => {
  function file(text: string): string {
    const path = join(dir, 'acks.json');
    writeFileSync(path, text);
    return path;
  }

  test('reads a bare array and an object with an "acknowledgements" array', async () => {
    await expect(readAcknowledgements(file(JSON.stringify([ACK])))).resolves.toEqual([ACK]);
    await expect(readAcknowledgements(file(JSON.stringify({ acknowledgements: [ACK] })))).resolves.toEqual([
      ACK,
    ]);
  });

  test('an entry without its fields, or with unknown ones, is a usage error naming the entry and field', async () => {
    await expect(
      readAcknowledgements(file(JSON.stringify([ACK, { ruleId: 'DIS-TASK-STATE' }]))),
    ).rejects.toThrow(/has invalid entries \(1\.task: .*; 1\.reason: .*\)\. Each entry needs "ruleId"/);
    await expect(readAcknowledgements(file(JSON.stringify([{ ...ACK, secretKey: 'x' }])))).rejects.toThrow(
      /0: .*secretKey/,
    );
  });

  test('a missing file, bad JSON or another shape is a usage error that names the file', async () => {
    const missing = join(dir, 'none.json');
    await expect(readAcknowledgements(missing)).rejects.toThrow(
      `Cannot read the acknowledgements file ${missing} (ENOENT)`,
    );
    await expect(readAcknowledgements(file('[{'))).rejects.toThrow(/acks\.json is not JSON/);
    await expect(readAcknowledgements(file('{"acks": []}'))).rejects.toThrow(/must hold a JSON array/);
  });
});
