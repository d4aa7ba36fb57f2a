import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioJsonSchema } from '../../src/emulator/load-scenario';

describe('scenarioJsonSchema', () => {
  it('matches the shipped scenarios/scenario.schema.json (regenerate with `npm run emulator:schema`)', () => {
    const shipped = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'scenarios', 'scenario.schema.json'), 'utf8'),
    );
    expect(shipped).toEqual(scenarioJsonSchema());
  });

  it('describes tasks with the field names scenario files use', () => {
    const schema = JSON.stringify(scenarioJsonSchema());
    for (const field of [
      'taskName',
      'taskId',
      'destinationType',
      'lastTransferTimestamp',
      'transferTaskQuota',
    ]) {
      expect(schema).toContain(`"${field}"`);
    }
  });
});
