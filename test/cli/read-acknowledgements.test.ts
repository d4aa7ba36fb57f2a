import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAcknowledgements } from '../../src/cli/read-acknowledgements';
import { tempDir } from './support/run-cli';

const ACK = {
  ruleId: 'DIS-TASK-STATE',
  task: 'orders/orders-to-dli',
  reason: 'paused for the migration',
  expires: '2099-01-01',
};

describe('readAcknowledgements', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  function file(text: string): string {
    const path = join(tmp.dir, 'acks.json');
    writeFileSync(path, text);
    return path;
  }

  test('reads a bare array and an object with an "acknowledgements" array', () => {
    expect(readAcknowledgements(file(JSON.stringify([ACK])))).toEqual([ACK]);
    expect(readAcknowledgements(file(JSON.stringify({ acknowledgements: [ACK] })))).toEqual([ACK]);
  });

  test('a missing file, bad JSON or another shape is a usage error that names the file', () => {
    const missing = join(tmp.dir, 'none.json');
    expect(() => readAcknowledgements(missing)).toThrow(
      `Cannot read the acknowledgements file ${missing} (ENOENT)`,
    );
    expect(() => readAcknowledgements(file('[{'))).toThrow(/acks\.json is not JSON/);
    expect(() => readAcknowledgements(file('{"acks": []}'))).toThrow(/must hold a JSON array/);
  });
});
