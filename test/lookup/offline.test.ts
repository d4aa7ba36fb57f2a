import { Annotations, App, TerraformStack, Testing } from 'cdktf';
import { MemoryContextStore } from '../../src/lookup/context-store';
import { DisTransferTasks, LookupMode } from '../../src/lookup/dis-transfer-tasks';
import { missingLookups } from '../../src/lookup/offline';
import { PROJECT_ID, REGION } from './helpers';

// Offline misses (offline.ts): a lookup with no recorded value registers its key instead of
// throwing; every miss of the app is listed once, by one validation per stack that holds a miss,
// and an error annotation on each lookup.
const target = { region: REGION, projectId: PROJECT_ID };
const key = (stream: string): string => `dis-transfer-tasks:${REGION}:${PROJECT_ID}:${stream}`;

function offlineLookup(stack: TerraformStack, id: string, streamName: string): DisTransferTasks {
  return new DisTransferTasks(stack, id, {
    streamName,
    ...target,
    mode: LookupMode.OFFLINE,
    contextStore: new MemoryContextStore(),
  });
}

describe('offline misses', () => {
  test('an app without misses has none listed', () => {
    expect(missingLookups(new App())).toStrictEqual([]);
  });

  test('every miss of the app is listed, in the order the lookups were built, from any construct of the app', () => {
    const app = Testing.app();
    const a = new TerraformStack(app, 'a');
    const b = new TerraformStack(app, 'b');
    offlineLookup(a, 'Orders', 'orders');
    offlineLookup(b, 'Clicks', 'clicks');
    const miss = (stack: string, id: string, streamName: string) => ({
      key: key(streamName),
      constructPath: `${stack}/${id}`,
      streamName,
      ...target,
      modeFrom: 'prop',
    });
    expect(missingLookups(b)).toStrictEqual([miss('a', 'Orders', 'orders'), miss('b', 'Clicks', 'clicks')]);
    expect(missingLookups(app)).toStrictEqual(missingLookups(a));
  });

  test('misses of another app are not listed', () => {
    offlineLookup(new TerraformStack(Testing.app(), 'a'), 'Orders', 'orders');
    const other = new TerraformStack(Testing.app(), 'a');
    offlineLookup(other, 'Clicks', 'clicks');
    expect(missingLookups(other).map((m) => m.key)).toStrictEqual([key('clicks')]);
  });

  test('a stack with several misses has one validation error that lists them all', () => {
    const stack = new TerraformStack(Testing.app(), 'a');
    offlineLookup(stack, 'Orders', 'orders');
    offlineLookup(stack, 'Clicks', 'clicks');
    const errors = stack.node.validate();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`- ${key('orders')}  [a/Orders: stream "orders"`);
    expect(errors[0]).toContain(`- ${key('clicks')}  [a/Clicks: stream "clicks"`);
  });

  test('each stack holding a miss validates, with the list of the whole app', () => {
    const app = Testing.app();
    const a = new TerraformStack(app, 'a');
    const b = new TerraformStack(app, 'b');
    const c = new TerraformStack(app, 'c');
    offlineLookup(a, 'Orders', 'orders');
    offlineLookup(b, 'Clicks', 'clicks');
    const [inA] = a.node.validate();
    expect(b.node.validate()).toStrictEqual([inA]);
    expect(inA).toContain('2 DIS transfer-task lookup(s)');
    expect(c.node.validate()).toStrictEqual([]);
  });

  test('each lookup with a miss carries an error annotation naming its key', () => {
    const stack = new TerraformStack(Testing.app(), 'a');
    const spy = jest.spyOn(Annotations.prototype, 'addError');
    try {
      offlineLookup(stack, 'Orders', 'orders');
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy).toHaveBeenCalledWith(
        `No recorded value for ${key('orders')} (lookup mode offline). Synth once with credentials in mode auto to record it, and commit cdktf.context.json.`,
      );
    } finally {
      spy.mockRestore();
    }
  });
});
