// Property: any value given as a scenario, or any text in a scenario file, gives a scenario or a
// coded error whose message names the field and holds no raw control character: never another
// exception.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { EmulatorScenarioError } from '../../src/emulator/errors';
import { loadScenario, parseScenario, shippedScenarioPath } from '../../src/emulator/load-scenario';

const demo = JSON.parse(JSON.stringify(loadScenario(shippedScenarioPath('demo')))) as Record<string, unknown>;
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The demo scenario with one value, somewhere in it, replaced by anything. */
const mutatedDemo = fc
  .tuple(
    fc.array(fc.oneof(fc.nat(3), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 6 }),
    fc.jsonValue(),
  )
  .map(([path, value]) => {
    const copy = JSON.parse(JSON.stringify(demo)) as Record<string, unknown>;
    let node: Record<string | number, unknown> = copy;
    for (const [i, raw] of path.entries()) {
      const keys = Object.keys(node);
      const key = typeof raw === 'number' && keys.length > 0 ? keys[raw % keys.length] : String(raw);
      if (i === path.length - 1 || typeof node[key] !== 'object' || node[key] === null) {
        node[key] = value;
        break;
      }
      node = node[key] as Record<string | number, unknown>;
    }
    return copy;
  });

function check(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EmulatorScenarioError);
    const e = error as EmulatorScenarioError;
    expect(e.code).toBe('DIS_EMULATOR_SCENARIO_INVALID');
    expect(typeof e.fieldPath).toBe('string');
    expect(e.message).not.toMatch(CONTROL);
  }
}

describe('scenario parsing, property-based', () => {
  test('any value: a scenario or a coded error', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedDemo, fc.jsonValue(), fc.anything()), (input) =>
        check(() => parseScenario(input)),
      ),
      { numRuns: 400 },
    );
  });

  test('keys and values with control characters are named escaped', () => {
    const key = fc.string({ minLength: 1, maxLength: 8 }).map((s) => `k\u001b[2J${s}\n`);
    fc.assert(
      fc.property(key, fc.jsonValue(), (k, value) => check(() => parseScenario({ ...demo, [k]: value }))),
      { numRuns: 100 },
    );
  });

  test('any file content: a scenario or a coded error naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dis-scenario-'));
    try {
      const file = join(dir, 'scenario.json');
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string(),
            mutatedDemo.map((d) => JSON.stringify(d)),
          ),
          (text) => {
            writeFileSync(file, text);
            check(() => loadScenario(file));
          },
        ),
        { numRuns: 200 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
